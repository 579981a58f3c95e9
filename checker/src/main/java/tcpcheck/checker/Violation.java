package tcpcheck.checker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether one path violates a property, judged as the explorer judges all of them: an invariant on each state, a
 * transition predicate on each step, a terminal predicate on a state with no enabled action (within the boundary),
 * and {@code eventually} on a path that never reaches the goal and either ends or closes a weakly fair cycle.
 * Replaying a counterexample, the random walks of a {@link Simulation} and the {@link Shrinker} all use it.
 */
public final class Violation {
    private Violation() {
    }

    /**
     * Null when {@code trace}, as it stands, violates {@code p}: its last state (or, for a transition property, its
     * last step) is the bad one, its last state is a bad end, or, for {@code eventually}, it never reaches the goal
     * and ends or closes a fair cycle. Otherwise, why it does not. For {@code sometimes}, null when the last state
     * is a witness.
     */
    public static <S, A> String check(Model<S, A> m, Property<S, A> p, Trace<S, A> trace) {
        List<Trace.Step<S, A>> steps = trace.steps();
        S last = trace.last();
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
                for (Trace.Step<S, A> s : steps) {
                    if (p.test(s.state())) {
                        return "a state on the path reaches the goal";
                    }
                }
                if (trace.isLasso()) {
                    if (m.fingerprint(steps.get(trace.loopStart()).state()) != m.fingerprint(last)) {
                        return "the cycle does not close";
                    }
                    return fairCycle(m, steps, trace.loopStart()) ? null
                            : "the cycle is not weakly fair: it never takes an action that stays enabled throughout";
                }
                return m.terminal(last) ? null : "the path neither ends nor cycles";
            default:
                return p.test(last) ? null : "the witness state is not reached";
        }
    }

    /**
     * The shortest part of {@code path} that violates {@code p}, or null: the prefix up to the first bad state or
     * step; the whole path if it ends in a bad terminal state; for {@code eventually}, the whole path if it never
     * reaches the goal and ends, or the lasso that closes at its last state's first occurrence if that cycle is fair.
     * For {@code sometimes}, the prefix up to the first witness.
     */
    public static <S, A> Trace<S, A> find(Model<S, A> m, Property<S, A> p, Trace<S, A> path) {
        List<Trace.Step<S, A>> steps = path.steps();
        switch (p.kind()) {
            case ALWAYS:
            case SOMETIMES:
                for (int i = 0; i < steps.size(); i++) {
                    if (p.test(steps.get(i).state()) == (p.kind() == Property.Kind.SOMETIMES)) {
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
                return check(m, p, finite) == null ? finite : null;
            }
            default:
                for (Trace.Step<S, A> s : steps) {
                    if (p.test(s.state())) {
                        return null;
                    }
                }
                S last = path.last();
                if (m.terminal(last)) {
                    return new Trace<>(steps, -1);
                }
                long fp = m.fingerprint(last);
                for (int j = 0; j < steps.size() - 1; j++) {
                    if (m.fingerprint(steps.get(j).state()) == fp) {
                        return fairCycle(m, steps, j) ? new Trace<>(steps, j) : null;
                    }
                }
                return null;
        }
    }

    /**
     * Whether repeating the steps after {@code loopStart} for ever is weakly fair: every fairness class enabled in
     * every state of the cycle is taken by one of its steps.
     */
    static <S, A> boolean fairCycle(Model<S, A> m, List<Trace.Step<S, A>> steps, int loopStart) {
        Set<Long> taken = new HashSet<>();
        Map<Long, Integer> enabledIn = new HashMap<>();
        int states = 0;
        for (int i = loopStart; i < steps.size() - 1; i++) {
            S s = steps.get(i).state();
            long c = m.fairness(s, steps.get(i + 1).action());
            if (c >= 0) {
                taken.add(c);
            }
            Set<Long> here = new HashSet<>();
            for (Trace.Step<S, A> t : m.successors(s)) {
                long k = m.fairness(s, t.action());
                if (k >= 0 && here.add(k)) {
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
