package tcpcheck.checker;

import java.util.List;

/**
 * The best counterexample (or witness) found so far for each safety property, chosen deterministically: the lowest
 * depth first, then the smallest key. So the same model gives the same counterexample with any number of threads.
 */
final class Findings<S, A> {

    /**
     * Where a counterexample ends: a visited state (key = its fingerprint, action index -1), or a step from a visited
     * state (key = its source's fingerprint and the action's index: a transition, or a state reached by a step the
     * constraints do not follow), or, at depth 0, an initial state outside the constraints (key = its fingerprint,
     * action index = its index in the model's list). {@code error} is what threw, for an ERROR; null for a violation.
     */
    record Finding(int depth, long fp, int actionIndex, String error) {
        Finding(int depth, long fp, int actionIndex) {
            this(depth, fp, actionIndex, null);
        }

        boolean before(Finding o) {
            if (depth != o.depth) {
                return depth < o.depth;
            }
            int c = Long.compareUnsigned(fp, o.fp);
            return c != 0 ? c < 0 : actionIndex < o.actionIndex;
        }
    }

    /** The action index of a finding with no trace (the model's list of initial states threw). */
    static final int NO_TRACE = Integer.MIN_VALUE;

    /**
     * The depth of the visited state whose path a finding's trace starts with (the state itself, or the source of
     * its step), or -1 when its trace needs none (an initial state outside the constraints, or {@link #NO_TRACE}).
     */
    static int pathDepth(Finding f) {
        if (f.actionIndex() == NO_TRACE || f.depth() == 0 && f.actionIndex() >= 0) {
            return -1;
        }
        return f.actionIndex() >= 0 ? f.depth() - 1 : f.depth();
    }

    /**
     * The trace to where {@code f} ends, from {@code path}, the path to the visited state at {@link #pathDepth}
     * (rebuilt from the parent links; null when there is none); null for {@link #NO_TRACE}.
     */
    static <S, A> Trace<S, A> trace(Model<S, A> model, Finding f, Trace<S, A> path) {
        if (f.actionIndex() == NO_TRACE) {
            return null;
        }
        if (f.depth() == 0 && f.actionIndex() >= 0) {
            return Trace.of(model.initialStates().get(f.actionIndex()));
        }
        return f.actionIndex() >= 0 ? TraceBuilder.extend(model, path, f.actionIndex()) : path;
    }

    /**
     * The result of a safety property: its finding (a violation, a witness or an error, with its trace), or, with
     * none, HOLDS (for {@code sometimes}: VIOLATED) when the search was complete, INCOMPLETE when it stopped early.
     */
    static <S, A> PropertyResult<S, A> result(Property<S, A> p, Finding f, Trace<S, A> trace, String stopReason) {
        boolean sometimes = p.kind() == Property.Kind.SOMETIMES;
        if (f == null) {
            if (stopReason != null) {
                return new PropertyResult<>(p, Verdict.INCOMPLETE, null, stopReason);
            }
            return sometimes
                    ? new PropertyResult<>(p, Verdict.VIOLATED, null, "no reachable state satisfies it")
                    : new PropertyResult<>(p, Verdict.HOLDS, null, null);
        }
        if (f.error() != null) {
            return new PropertyResult<>(p, Verdict.ERROR, trace, f.error());
        }
        return sometimes
                ? new PropertyResult<>(p, Verdict.HOLDS, trace, "witness")
                : new PropertyResult<>(p, Verdict.VIOLATED, trace, null);
    }

    final List<Property<S, A>> properties;
    private final Finding[] best;
    private final int[] decidedDepth;

    Findings(List<Property<S, A>> properties) {
        this.properties = properties;
        this.best = new Finding[properties.size()];
        this.decidedDepth = new int[properties.size()];
        java.util.Arrays.fill(decidedDepth, Integer.MAX_VALUE);
    }

    /** Whether a finding at {@code depth} could still improve property {@code i}: cheap, racy, conservative. */
    boolean open(int i, int depth) {
        return depth <= decidedDepth[i];
    }

    synchronized void offer(int i, Finding f) {
        if (best[i] == null || f.before(best[i])) {
            best[i] = f;
            decidedDepth[i] = f.depth();
        }
    }

    synchronized Finding get(int i) {
        return best[i];
    }

    synchronized boolean anyFound() {
        for (Finding f : best) {
            if (f != null) {
                return true;
            }
        }
        return false;
    }

    synchronized boolean allFound() {
        for (Finding f : best) {
            if (f == null) {
                return false;
            }
        }
        return true;
    }
}
