package tcpcheck.checker;

import java.util.List;

/**
 * The best counterexample (or witness) found so far for each safety property, chosen deterministically: the lowest
 * depth first, then the smallest key. So the same model gives the same counterexample with any number of threads.
 */
final class Findings<S, A> {

    /** Where a counterexample ends: the state (key = its fingerprint), or a transition (key = its source, action). */
    record Finding(int depth, long fp, int actionIndex) {
        boolean before(Finding o) {
            if (depth != o.depth) {
                return depth < o.depth;
            }
            int c = Long.compareUnsigned(fp, o.fp);
            return c != 0 ? c < 0 : actionIndex < o.actionIndex;
        }
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
