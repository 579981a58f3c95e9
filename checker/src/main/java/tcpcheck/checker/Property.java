package tcpcheck.checker;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * A property of a model, one of five kinds (after Stateright's {@code always}/{@code sometimes}/{@code eventually},
 * plus transition and terminal-state predicates).
 */
public final class Property<S, A> {

    /** The five kinds of property. */
    public enum Kind {
        /** A state invariant: holds in every reachable state. */
        ALWAYS,
        /** A predicate on every transition (state, action, next state). */
        TRANSITION,
        /** A predicate on every reachable state with no enabled action (within the boundary): deadlock freedom. */
        TERMINAL,
        /** Liveness under weak fairness: every fair behaviour reaches a state satisfying the predicate. */
        EVENTUALLY,
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
    private final TransitionPredicate<S, A> transition;

    private Property(String name, Kind kind, Predicate<S> condition, TransitionPredicate<S, A> transition) {
        this.name = Objects.requireNonNull(name, "name");
        this.kind = kind;
        this.condition = condition;
        this.transition = transition;
    }

    public static <S, A> Property<S, A> always(String name, Predicate<S> invariant) {
        return new Property<>(name, Kind.ALWAYS, Objects.requireNonNull(invariant), null);
    }

    public static <S, A> Property<S, A> transition(String name, TransitionPredicate<S, A> predicate) {
        return new Property<>(name, Kind.TRANSITION, null, Objects.requireNonNull(predicate));
    }

    public static <S, A> Property<S, A> terminal(String name, Predicate<S> acceptableEnd) {
        return new Property<>(name, Kind.TERMINAL, Objects.requireNonNull(acceptableEnd), null);
    }

    public static <S, A> Property<S, A> eventually(String name, Predicate<S> goal) {
        return new Property<>(name, Kind.EVENTUALLY, Objects.requireNonNull(goal), null);
    }

    public static <S, A> Property<S, A> sometimes(String name, Predicate<S> goal) {
        return new Property<>(name, Kind.SOMETIMES, Objects.requireNonNull(goal), null);
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    /** The state predicate (for every kind but {@link Kind#TRANSITION}). */
    public boolean test(S state) {
        return condition.test(state);
    }

    /** The transition predicate (for {@link Kind#TRANSITION}). */
    public boolean test(S state, A action, S next) {
        return transition.test(state, action, next);
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase() + " " + name;
    }
}
