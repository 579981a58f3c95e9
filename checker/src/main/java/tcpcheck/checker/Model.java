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
     *
     * <p><b>Symmetry.</b> A model may give every state of an orbit (the states that a permutation of symmetric
     * values, such as two interchangeable processes, maps into each other) the same fingerprint, for instance the
     * smallest fingerprint of the orbit's states, as TLC's {@code SYMMETRY} does. The search then keeps one state per
     * orbit, and traces stay right: a trace is rebuilt by replaying the model forward from an initial state and taking
     * at each step an action whose next state has the recorded fingerprint, so each state of a trace is a real
     * successor of the one before (a member of the recorded orbit, not necessarily the one first found). The
     * properties must not tell the states of an orbit apart. As with TLC, liveness ({@code eventually}, leads-to)
     * under symmetry is not supported: a lasso is replayed by action index from the states first found.
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
     * Whether the state lies within the model's bounds (Stateright's {@code within_boundary}). A state outside them is
     * counted among the distinct states (and apart, in {@link Statistics#boundaryStates()}), checked against the
     * properties, but not explored further, and it is neither a deadlock nor the end of a behaviour. A TLC state
     * constraint is {@link #constraint}, which counts as TLC does: a state outside it is not a distinct state.
     */
    default boolean withinBoundary(S state) {
        return true;
    }

    /**
     * TLC's state constraint ({@code CONSTRAINT}). A state (initial or reached) that does not satisfy it is checked
     * against the state and transition properties where it is generated, as TLC does, but it is neither counted among
     * the distinct states nor explored, nor is it a node of the liveness graph; it is counted among the generated
     * states ({@link Statistics#generated()}). Unlike {@link #withinBoundary}, a state whose successors all lie
     * outside the constraints is not a deadlock: a deadlock is a state with no successor before the constraints.
     */
    default boolean constraint(S state) {
        return true;
    }

    /**
     * TLC's action constraint ({@code ACTION_CONSTRAINT}): a transition that does not satisfy it is generated and
     * checked (its target against the state properties, the transition against the transition properties) but not
     * followed: its target is not added through it, as for a target outside the {@linkplain #constraint state
     * constraint}. (TLC evaluates an action constraint on the pair of states; here it also sees the action.)
     */
    default boolean actionConstraint(S state, A action, S next) {
        return true;
    }

    /** Whether the search follows the step from {@code state} by {@code action} to {@code next}: both constraints hold. */
    default boolean followed(S state, A action, S next) {
        return actionConstraint(state, action, next) && constraint(next);
    }

    /**
     * The enabled actions of {@code state} with the states they lead to, in the order of {@link #actions}, before
     * the constraints (a step that {@link #followed} rejects is listed). A state outside the
     * {@linkplain #withinBoundary boundary} has none: the explorer does not expand it.
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

    /**
     * Whether {@code state} ends its behaviours (a deadlock, as TLC has it): within the boundary, and with no enabled
     * action, before the constraints.
     */
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

    /**
     * A one-line description of a state, for traces ({@link Trace#format}): by default the state's own
     * {@code toString}; a {@link PackedModel} describes the named fields of its packed words.
     */
    default String describeState(S state) {
        return String.valueOf(state);
    }
}
