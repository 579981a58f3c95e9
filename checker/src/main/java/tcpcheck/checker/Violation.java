package tcpcheck.checker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether one path violates a property, judged as the explorer judges all of them: an invariant on each state, a
 * transition predicate on each step, a terminal predicate on a state with no enabled action (within the boundary,
 * before the constraints), and the liveness properties on a path that, after a trigger (for {@code eventually}: the
 * initial state), never reaches the goal and either ends, closes a weakly fair cycle, or (with
 * {@link Stuttering#ALLOWED}) stops where no fair action is enabled. A predicate that throws counts as a violation
 * (its verdict is {@link Verdict#ERROR}). A path the search would not take (a step after one that leaves the
 * constraints; for liveness, any step that leaves them) violates nothing. Replaying a counterexample, the random
 * walks of a {@link Simulation} and the {@link Shrinker} all use it.
 */
public final class Violation {
    private Violation() {
    }

    /** {@link #check(Model, Property, Trace, Stuttering)} with the default, {@link Stuttering#FORBIDDEN}. */
    public static <S, A> String check(Model<S, A> m, Property<S, A> p, Trace<S, A> trace) {
        return check(m, p, trace, Stuttering.FORBIDDEN);
    }

    /**
     * Null when {@code trace}, as it stands, violates {@code p} (or makes its predicate throw): its last state (or,
     * for a transition property, its last step) is the bad one, its last state is a bad end, or, for a liveness
     * property, it never reaches the goal after a trigger and ends, closes a fair cycle or stops. Otherwise, why it
     * does not. For {@code sometimes}, null when the last state is a witness.
     */
    public static <S, A> String check(Model<S, A> m, Property<S, A> p, Trace<S, A> trace, Stuttering stuttering) {
        List<Trace.Step<S, A>> steps = trace.steps();
        S last = trace.last();
        int unfollowed = firstUnfollowed(m, steps);
        if (unfollowed >= 0 && (unfollowed < steps.size() - 1 || p.liveness())) {
            return "the path goes on after a step that leaves the constraints, which the search does not follow";
        }
        try {
            switch (p.kind()) {
                case ALWAYS:
                    return p.test(last) ? "the last state satisfies the invariant" : null;
                case TRANSITION: {
                    if (steps.size() < 2) {
                        return "no transition";
                    }
                    S before = steps.get(steps.size() - 2).state();
                    return p.test(before, steps.get(steps.size() - 1).action(), last)
                            ? "the last transition satisfies the property" : null;
                }
                case TERMINAL:
                    if (!m.terminal(last)) {
                        return "the last state still has an enabled action";
                    }
                    return p.test(last) ? "the last state is an acceptable end" : null;
                case EVENTUALLY:
                case LEADS_TO:
                    return checkLiveness(m, p, trace, stuttering);
                default:
                    return p.test(last) ? null : "the witness state is not reached";
            }
        } catch (Throwable e) {
            Thrown.rethrowUnlessReportable(e);
            return null;
        }
    }

    private static <S, A> String checkLiveness(Model<S, A> m, Property<S, A> p, Trace<S, A> trace,
                                               Stuttering stuttering) {
        List<Trace.Step<S, A>> steps = trace.steps();
        int from = pendingFrom(p, steps, steps.size());
        if (from < 0) {
            return p.kind() == Property.Kind.EVENTUALLY ? "a state on the path reaches the goal"
                    : "no state on the path triggers it without the goal following";
        }
        S last = trace.last();
        if (trace.isLasso()) {
            if (trace.loopStart() < from) {
                // The cycle repeats states before the trigger: fine if none of them reaches the goal.
                for (int i = trace.loopStart(); i < from; i++) {
                    if (p.test(steps.get(i).state())) {
                        return "the cycle reaches the goal";
                    }
                }
            }
            if (trace.stutters()) {
                if (stuttering != Stuttering.ALLOWED) {
                    return "the behaviour stops, which it cannot while an action is enabled (stuttering is not allowed)";
                }
                return canStop(m, last) ? null : "a weakly fair action is enabled where the behaviour stops";
            }
            if (m.fingerprint(steps.get(trace.loopStart()).state()) != m.fingerprint(last)) {
                return "the cycle does not close";
            }
            return fairCycle(m, steps, trace.loopStart(), stuttering) ? null
                    : "the cycle is not weakly fair: it never takes an action that stays enabled throughout";
        }
        return m.terminal(last) ? null : "the path neither ends nor cycles";
    }

    /**
     * The index from which the path has been waiting for the goal (a trigger after the last goal state; for
     * {@code eventually}, 0 if no state reaches the goal), among the first {@code n} steps, or -1.
     */
    private static <S, A> int pendingFrom(Property<S, A> p, List<Trace.Step<S, A>> steps, int n) {
        int pending = p.kind() == Property.Kind.EVENTUALLY ? 0 : -1;
        for (int i = 0; i < n; i++) {
            S s = steps.get(i).state();
            if (p.test(s)) {
                if (p.kind() == Property.Kind.EVENTUALLY) {
                    return -1;
                }
                pending = -1;
            } else if (pending < 0 && p.triggers(s)) {
                pending = i;
            }
        }
        return pending;
    }

    /** The index of the first step that the constraints do not follow, or -1. */
    private static <S, A> int firstUnfollowed(Model<S, A> m, List<Trace.Step<S, A>> steps) {
        for (int i = 1; i < steps.size(); i++) {
            if (!m.followed(steps.get(i - 1).state(), steps.get(i).action(), steps.get(i).state())) {
                return i;
            }
        }
        return steps.isEmpty() || m.constraint(steps.get(0).state()) ? -1 : 0;
    }

    /** {@link #find(Model, Property, Trace, Stuttering)} with the default, {@link Stuttering#FORBIDDEN}. */
    public static <S, A> Trace<S, A> find(Model<S, A> m, Property<S, A> p, Trace<S, A> path) {
        return find(m, p, path, Stuttering.FORBIDDEN);
    }

    /**
     * The shortest part of {@code path} that violates {@code p} (or makes its predicate throw), or null: the prefix
     * up to the first bad state or step; the whole path if it ends in a bad terminal state; for a liveness property,
     * after a trigger and with no goal since, the prefix up to the first state where the behaviour may stop
     * ({@link Stuttering#ALLOWED}), the whole path if it ends, or the lasso that closes at its last state's first
     * occurrence if that cycle is fair. For {@code sometimes}, the prefix up to the first witness. The path is cut
     * after its first step that leaves the constraints (the search goes no further).
     */
    public static <S, A> Trace<S, A> find(Model<S, A> m, Property<S, A> p, Trace<S, A> path, Stuttering stuttering) {
        List<Trace.Step<S, A>> steps = path.steps();
        int unfollowed = firstUnfollowed(m, steps);
        if (unfollowed == 0 && p.liveness()) {
            return null;
        }
        if (unfollowed >= 0) {
            steps = steps.subList(0, p.liveness() ? unfollowed : unfollowed + 1);
        }
        try {
            switch (p.kind()) {
                case ALWAYS:
                case SOMETIMES:
                    for (int i = 0; i < steps.size(); i++) {
                        if (p.foundIn(steps.get(i).state())) {
                            return new Trace<>(steps.subList(0, i + 1), -1);
                        }
                    }
                    return null;
                case TRANSITION:
                    for (int i = 1; i < steps.size(); i++) {
                        if (!p.test(steps.get(i - 1).state(), steps.get(i).action(), steps.get(i).state())) {
                            return new Trace<>(steps.subList(0, i + 1), -1);
                        }
                    }
                    return null;
                case TERMINAL: {
                    Trace<S, A> finite = new Trace<>(steps, -1);
                    return check(m, p, finite, stuttering) == null ? finite : null;
                }
                default:
                    return findLiveness(m, p, steps, stuttering);
            }
        } catch (Throwable e) {
            Thrown.rethrowUnlessReportable(e);
            return firstThrow(m, p, steps);
        }
    }

    private static <S, A> Trace<S, A> findLiveness(Model<S, A> m, Property<S, A> p, List<Trace.Step<S, A>> steps,
                                                   Stuttering stuttering) {
        boolean eventually = p.kind() == Property.Kind.EVENTUALLY;
        int pending = eventually ? 0 : -1;
        for (int i = 0; i < steps.size(); i++) {
            S s = steps.get(i).state();
            if (p.test(s)) {
                if (eventually) {
                    return null;
                }
                pending = -1;
            } else if (pending < 0 && p.triggers(s)) {
                pending = i;
            }
            if (stuttering == Stuttering.ALLOWED && pending >= 0 && canStop(m, s)) {
                return new Trace<>(steps.subList(0, i + 1), i);
            }
        }
        if (pending < 0) {
            return null;
        }
        S last = steps.get(steps.size() - 1).state();
        if (m.terminal(last)) {
            return new Trace<>(steps, -1);
        }
        long fp = m.fingerprint(last);
        for (int j = 0; j < steps.size() - 1; j++) {
            if (m.fingerprint(steps.get(j).state()) == fp) {
                Trace<S, A> lasso = new Trace<>(steps, j);
                return checkLiveness(m, p, lasso, stuttering) == null ? lasso : null;
            }
        }
        return null;
    }

    /** The prefix up to the first state (or step) where the property's predicate throws, or null. */
    private static <S, A> Trace<S, A> firstThrow(Model<S, A> m, Property<S, A> p, List<Trace.Step<S, A>> steps) {
        for (int i = 0; i < steps.size(); i++) {
            try {
                S s = steps.get(i).state();
                if (p.kind() == Property.Kind.TRANSITION) {
                    if (i > 0) {
                        p.test(steps.get(i - 1).state(), steps.get(i).action(), s);
                    }
                } else if (p.kind() == Property.Kind.TERMINAL) {
                    if (i == steps.size() - 1 && m.terminal(s)) {
                        p.test(s);
                    }
                } else {
                    p.test(s);
                    p.triggers(s);
                }
            } catch (Throwable e) {
                Thrown.rethrowUnlessReportable(e);
                return new Trace<>(steps.subList(0, i + 1), -1);
            }
        }
        return null;
    }

    /**
     * Whether a behaviour may stop (stutter for ever) in {@code s} under TLA+'s semantics: within the boundary, and
     * no weakly fair action enabled there that changes the state.
     */
    static <S, A> boolean canStop(Model<S, A> m, S s) {
        if (!m.withinBoundary(s)) {
            return false;
        }
        long fp = m.fingerprint(s);
        for (Trace.Step<S, A> t : m.successors(s)) {
            if (m.fairness(s, t.action()) >= 0 && m.fingerprint(t.state()) != fp) {
                return false;
            }
        }
        return true;
    }

    /** {@link #fairCycle(Model, List, int, Stuttering)} with self-loops counting, as by default. */
    static <S, A> boolean fairCycle(Model<S, A> m, List<Trace.Step<S, A>> steps, int loopStart) {
        return fairCycle(m, steps, loopStart, Stuttering.FORBIDDEN);
    }

    /**
     * Whether repeating the steps after {@code loopStart} for ever is weakly fair: every fairness class enabled in
     * every state of the cycle is taken by one of its steps. With {@link Stuttering#ALLOWED}, steps that leave the
     * state unchanged neither enable nor take a class.
     */
    static <S, A> boolean fairCycle(Model<S, A> m, List<Trace.Step<S, A>> steps, int loopStart,
                                    Stuttering stuttering) {
        boolean tla = stuttering == Stuttering.ALLOWED;
        Set<Long> taken = new HashSet<>();
        Map<Long, Integer> enabledIn = new HashMap<>();
        int states = 0;
        for (int i = loopStart; i < steps.size() - 1; i++) {
            S s = steps.get(i).state();
            long fs = m.fingerprint(s);
            long c = m.fairness(s, steps.get(i + 1).action());
            if (c >= 0 && !(tla && m.fingerprint(steps.get(i + 1).state()) == fs)) {
                taken.add(c);
            }
            Set<Long> here = new HashSet<>();
            for (Trace.Step<S, A> t : m.successors(s)) {
                long k = m.fairness(s, t.action());
                if (k >= 0 && !(tla && m.fingerprint(t.state()) == fs) && here.add(k)) {
                    enabledIn.merge(k, 1, Integer::sum);
                }
            }
            states++;
        }
        if (states == 0) {
            return false;
        }
        List<Long> demanded = new ArrayList<>();
        for (Map.Entry<Long, Integer> e : enabledIn.entrySet()) {
            if (e.getValue() == states) {
                demanded.add(e.getKey());
            }
        }
        return taken.containsAll(demanded);
    }
}
