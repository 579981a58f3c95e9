package tcpcheck.checker;

import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds the path to a visited state from the parent tags in a {@link FingerprintTable}: it follows the tags back
 * to an initial state (a tag names the top 32 bits of the parent's fingerprint, which may rarely match more than one
 * neighbour, so this backtracks) and then replays the path forward through the model, taking at each step the first
 * action, in the model's order, that leads to the next fingerprint. The forward replay also validates the path.
 */
final class TraceBuilder<S, A> {
    private final Model<S, A> model;
    private final FingerprintTable table;

    TraceBuilder(Model<S, A> model, FingerprintTable table) {
        this.model = model;
        this.table = table;
    }

    /** The path from an initial state to the state with fingerprint {@code fp}, which lies at {@code depth}. */
    Trace<S, A> traceTo(long fp, int depth) {
        long[] chain = new long[depth + 1];
        chain[depth] = fp;
        Trace<S, A> t = search(chain, depth);
        if (t == null) {
            throw new IllegalStateException("no path of length " + depth + " to state " + Long.toHexString(fp)
                    + ": the model's fingerprint or next-state function is not deterministic");
        }
        return t;
    }

    private Trace<S, A> search(long[] chain, int level) {
        long found = table.parentTag(chain[level]);
        if (found < 0) {
            return null;
        }
        int tag = (int) found;
        if (level == 0) {
            return tag == FingerprintTable.ROOT ? replay(chain) : null;
        }
        if (tag == FingerprintTable.ROOT) {
            return null;
        }
        List<Long> candidates = new ArrayList<>();
        table.withTag(tag, candidates::add);
        candidates.sort(Long::compareUnsigned);
        for (long c : candidates) {
            chain[level - 1] = c;
            Trace<S, A> t = search(chain, level - 1);
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    private Trace<S, A> replay(long[] chain) {
        S current = null;
        for (S init : model.initialStates()) {
            if (fingerprint(init) == chain[0]) {
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
                if (next != null && fingerprint(next) == chain[i]) {
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

    private long fingerprint(S s) {
        return FingerprintTable.normalize(model.fingerprint(s));
    }

    /** Extends a trace by the action at {@code index} in the model's list for its last state. */
    static <S, A> Trace<S, A> extend(Model<S, A> model, Trace<S, A> trace, int index) {
        List<A> actions = new ArrayList<>();
        model.actions(trace.last(), actions);
        A a = actions.get(index);
        return trace.then(a, model.nextState(trace.last(), a));
    }
}
