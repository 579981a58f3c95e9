package tcpcheck.checker;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * A property of a model, one of six kinds (after Stateright's {@code always}/{@code sometimes}/{@code eventually},
 * plus transition and terminal-state predicates, and TLA+'s leads-to).
 */
public final class Property<S, A> {

    /** The six kinds of property. */
    public enum Kind {
        /** A state invariant: holds in every reachable state (TLC's INVARIANT). */
        ALWAYS,
        /** A predicate on every transition (state, action, next state) (TLC's action property {@code [][A]_v}). */
        TRANSITION,
        /**
         * A predicate on every reachable state with no successor (within the boundary, before constraints): deadlock
         * freedom when the predicate is {@code false} (TLC's deadlock check).
         */
        TERMINAL,
        /**
         * Liveness under weak fairness: every fair behaviour reaches a state satisfying the predicate (TLA+'s
         * {@code Init ~> P}, or {@code <>P} checked from the initial states).
         */
        EVENTUALLY,
        /**
         * Liveness under weak fairness: in every fair behaviour, every state satisfying the trigger is followed, then
         * or later, by a state satisfying the goal (TLA+'s {@code P ~> Q}).
         */
        LEADS_TO,
        /** Reachability: some reachable state satisfies the predicate; reported with a witness trace. */
        SOMETIMES
    }

    /** A predicate on a transition. */
    @FunctionalInterface
    public interface TransitionPredicate<S, A> {
        boolean test(S state, A action, S next);
    }

    private final String name;
    private final Kind kind;
    private final Predicate<S> condition;
    private final Predicate<S> trigger;
    private final TransitionPredicate<S, A> transition;

    private Property(String name, Kind kind, Predicate<S> condition, Predicate<S> trigger,
                     TransitionPredicate<S, A> transition) {
        this.name = Objects.requireNonNull(name, "name");
        this.kind = kind;
        this.condition = condition;
        this.trigger = trigger;
        this.transition = transition;
    }

    public static <S, A> Property<S, A> always(String name, Predicate<S> invariant) {
        return new Property<>(name, Kind.ALWAYS, Objects.requireNonNull(invariant), null, null);
    }

    public static <S, A> Property<S, A> transition(String name, TransitionPredicate<S, A> predicate) {
        return new Property<>(name, Kind.TRANSITION, null, null, Objects.requireNonNull(predicate));
    }

    public static <S, A> Property<S, A> terminal(String name, Predicate<S> acceptableEnd) {
        return new Property<>(name, Kind.TERMINAL, Objects.requireNonNull(acceptableEnd), null, null);
    }

    public static <S, A> Property<S, A> eventually(String name, Predicate<S> goal) {
        return new Property<>(name, Kind.EVENTUALLY, Objects.requireNonNull(goal), null, null);
    }

    /** {@code trigger ~> goal}: whenever {@code trigger} holds, {@code goal} holds then or later (weak fairness). */
    public static <S, A> Property<S, A> leadsTo(String name, Predicate<S> trigger, Predicate<S> goal) {
        return new Property<>(name, Kind.LEADS_TO, Objects.requireNonNull(goal), Objects.requireNonNull(trigger),
                null);
    }

    public static <S, A> Property<S, A> sometimes(String name, Predicate<S> goal) {
        return new Property<>(name, Kind.SOMETIMES, Objects.requireNonNull(goal), null, null);
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether this is a liveness property ({@code eventually} or leads-to), checked on the state graph. */
    public boolean liveness() {
        return kind == Kind.EVENTUALLY || kind == Kind.LEADS_TO;
    }

    /** Whether this is judged on every state the search reaches: {@code always} or {@code sometimes}. */
    public boolean onEachState() {
        return kind == Kind.ALWAYS || kind == Kind.SOMETIMES;
    }

    /**
     * Whether {@code state} is what a search looks for with this state property ({@link #onEachState}): for
     * {@code always} a state that breaks it, for {@code sometimes} a state that reaches it.
     */
    public boolean foundIn(S state) {
        return kind == Kind.SOMETIMES ? test(state) : !test(state);
    }

    /** The state predicate (for every kind but {@link Kind#TRANSITION}; for leads-to, the goal). */
    public boolean test(S state) {
        return condition.test(state);
    }

    /** The trigger of a leads-to property; for {@code eventually}, no state triggers it (the initial states do). */
    public boolean triggers(S state) {
        return trigger != null && trigger.test(state);
    }

    /** The transition predicate (for {@link Kind#TRANSITION}). */
    public boolean test(S state, A action, S next) {
        return transition.test(state, action, next);
    }

    @Override
    public String toString() {
        return kind == Kind.LEADS_TO ? "leads-to " + name : kind.name().toLowerCase() + " " + name;
    }
}
