package tcpcheck.spark;

/**
 * The findings of the Spark search and the order in which they are chosen, the single-machine engine's: the lowest
 * depth first, then the smallest fingerprint (unsigned), then the smallest action index. A finding is {property,
 * depth, fingerprint, action index, error}: where a counterexample (or witness) ends, as the single-machine engine
 * keys it (a state, action index -1; a step from a state, its action's index; at depth 0 with an index ≥ 0, the
 * initial state of that index in the model's list), and 1 in {@code error} when the predicate threw there instead
 * of deciding (an ERROR; the driver asks the predicate again on the trace for its message). The property index
 * {@code properties.size()} stands for the model itself: where it threw.
 */
final class Findings {
    /** Longs per finding. */
    static final int SIZE = 5;

    private Findings() {
    }

    static long[] of(long property, long depth, long fp, long action, boolean error) {
        return new long[] {property, depth, fp, action, error ? 1 : 0};
    }

    static boolean before(long[] a, long[] b) {
        if (a[1] != b[1]) {
            return a[1] < b[1];
        }
        int c = Long.compareUnsigned(a[2], b[2]);
        return c != 0 ? c < 0 : a[3] < b[3];
    }

    /** Keeps {@code f} in {@code best} (indexed by property) if it comes first. */
    static void offer(long[][] best, long[] f) {
        int p = (int) f[0];
        if (best[p] == null || before(f, best[p])) {
            best[p] = f;
        }
    }
}
