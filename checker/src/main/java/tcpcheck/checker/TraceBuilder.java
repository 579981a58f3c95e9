package tcpcheck.checker;

import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds the paths to visited states from the {@link ParentLog}: it follows each state's smallest parent back to
 * an initial state, for all the targets of a check in one pass over the files, and then replays each path forward
 * through the model, taking at each step the first action, in the model's order, that leads to the next
 * fingerprint. The forward replay also validates the path.
 */
public final class TraceBuilder<S, A> {
    private final Model<S, A> model;
    private final ParentLog parents;

    TraceBuilder(Model<S, A> model, ParentLog parents) {
        this.model = model;
        this.parents = parents;
    }

    /** The paths from an initial state to the states {@code fps[i]}, which lie at {@code depths[i]}. */
    List<Trace<S, A>> tracesTo(long[] fps, int[] depths) {
        long[][] chains = parents.chains(fps, depths);
        List<Trace<S, A>> out = new ArrayList<>();
        for (int i = 0; i < fps.length; i++) {
            Trace<S, A> t = chains == null ? null : replay(chains[i]);
            if (t == null) {
                throw new IllegalStateException("no path of length " + depths[i] + " to state "
                        + Long.toHexString(fps[i]) + ": the model's fingerprint or next-state function is not "
                        + "deterministic");
            }
            out.add(t);
        }
        return out;
    }

    private Trace<S, A> replay(long[] chain) {
        return replay(model, chain);
    }

    /**
     * The path through the states with the given (normalized) fingerprints, {@code chain[0]} an initial state: at
     * each step the first action, in the model's order, that leads to the next fingerprint; null when there is none.
     * Every engine replays its paths here, so the same chain gives the same trace.
     */
    public static <S, A> Trace<S, A> replay(Model<S, A> model, long[] chain) {
        S current = null;
        for (S init : model.initialStates()) {
            if (FingerprintTable.normalize(model.fingerprint(init)) == chain[0]) {
                current = init;
                break;
            }
        }
        if (current == null) {
            return null;
        }
        List<Trace.Step<S, A>> steps = new ArrayList<>();
        steps.add(new Trace.Step<>(null, current));
        List<A> actions = new ArrayList<>();
        for (int i = 1; i < chain.length; i++) {
            actions.clear();
            model.actions(current, actions);
            S found = null;
            A via = null;
            for (A a : actions) {
                S next = model.nextState(current, a);
                if (next != null && FingerprintTable.normalize(model.fingerprint(next)) == chain[i]) {
                    found = next;
                    via = a;
                    break;
                }
            }
            if (found == null) {
                return null;
            }
            steps.add(new Trace.Step<>(via, found));
            current = found;
        }
        return new Trace<>(steps, -1);
    }

    /** Extends a trace by the action at {@code index} in the model's list for its last state. */
    public static <S, A> Trace<S, A> extend(Model<S, A> model, Trace<S, A> trace, int index) {
        List<A> actions = new ArrayList<>();
        model.actions(trace.last(), actions);
        A a = actions.get(index);
        return trace.then(a, model.nextState(trace.last(), a));
    }
}
