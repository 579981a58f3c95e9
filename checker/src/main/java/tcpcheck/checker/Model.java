package tcpcheck.checker;

import java.util.ArrayList;
import java.util.List;

/**
 * A finite transition system, in the spirit of Stateright's {@code Model} trait: initial states, the enabled
 * actions of a state in a deterministic order, and the next state that an action leads to.
 *
 * <p>States must be immutable values. The engine never keeps states for deduplication: it keeps their
 * 64-bit {@linkplain #fingerprint fingerprints}, so two states with the same fingerprint are the same state.
 *
 * @param <S> the state type (immutable)
 * @param <A> the action type (a value: equal actions have equal effects)
 */
public interface Model<S, A> {

    /** The initial states, in a deterministic order. */
    List<S> initialStates();

    /**
     * Appends the actions to try in {@code state} to {@code actions}, always in the same order for the same state.
     * An action listed here whose {@link #nextState} is {@code null} is not enabled.
     */
    void actions(S state, List<A> actions);

    /** The state that {@code action} leads to from {@code state}, or {@code null} when the action is not enabled. */
    S nextState(S state, A action);

    /**
     * A 64-bit fingerprint of the state: equal states must have equal fingerprints, and distinct states should
     * have distinct ones with overwhelming probability. {@link Fingerprint} hashes a compact encoding well.
     */
    long fingerprint(S state);

    /** The fairness class of an action that is not subject to fairness. */
    long NO_FAIRNESS = -1;

    /**
     * The weak-fairness class of an action, a number ≥ 0, or a negative number ({@link #NO_FAIRNESS}) when the
     * action is not subject to fairness. Actions with the same number form one class: weak fairness requires that a class enabled
     * continuously from some point on is eventually taken. Used only by {@code eventually} properties. (A number,
     * not an object, so that the state graph can keep one per transition in a primitive array.)
     */
    default long fairness(S state, A action) {
        return NO_FAIRNESS;
    }

    /**
     * Whether the state lies within the model's bounds. A state outside them is checked against the properties
     * but not explored further, and it is neither a deadlock nor the end of a behaviour (like Stateright's
     * {@code within_boundary} or a TLC state constraint). The check counts such states.
     */
    default boolean withinBoundary(S state) {
        return true;
    }

    /**
     * The enabled actions of {@code state} with the states they lead to, in the order of {@link #actions}. A state
     * outside the {@linkplain #withinBoundary boundary} has none: the explorer does not expand it.
     */
    default List<Trace.Step<S, A>> successors(S state) {
        List<Trace.Step<S, A>> out = new ArrayList<>();
        if (!withinBoundary(state)) {
            return out;
        }
        List<A> actions = new ArrayList<>();
        actions(state, actions);
        for (A a : actions) {
            S next = nextState(state, a);
            if (next != null) {
                out.add(new Trace.Step<>(a, next));
            }
        }
        return out;
    }

    /** Whether {@code state} ends its behaviours: within the boundary, and with no enabled action. */
    default boolean terminal(S state) {
        return withinBoundary(state) && successors(state).isEmpty();
    }

    /**
     * How the states pack into words, or null. With a packing the breadth-first search keeps its frontier in
     * primitive arrays (see {@link StatePacking}); without one, as objects.
     */
    default StatePacking<S> packing() {
        return null;
    }

    /** A one-line description of an action, for traces. */
    default String describe(A action) {
        return String.valueOf(action);
    }
}
