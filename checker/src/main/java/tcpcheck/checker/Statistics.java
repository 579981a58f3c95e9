package tcpcheck.checker;

import java.util.Map;

/**
 * Figures of one check, and how they compare with TLC's.
 *
 * @param states distinct states reached, including those at the boundary (TLC's "distinct states found", which has
 *        no boundary; states outside a {@linkplain Model#constraint constraint} are not counted, as in TLC)
 * @param transitions transitions taken: the enabled actions of the explored states, before the constraints
 * @param depth the greatest distance, in actions, of a reached state from an initial state. TLC counts states on the
 *        path instead ("the depth of the complete state graph search"), which is this plus one
 * @param boundaryStates states reached outside the model's boundary (checked, not explored)
 * @param elapsedNanos wall-clock time of the search
 * @param storageBytes bytes of the Java heap the search kept for its states: the visited-state table (its whole
 *        capacity, and the indexes of its runs on disk), the lists of a level's new states kept to clear their flags,
 *        and, for a model without a {@link StatePacking}, the arrays of references of its frontier (not the state
 *        objects themselves)
 * @param diskBytes the most bytes the check's temporary files held at once: the parent links, the frontier of a
 *        model with a packing, the liveness graph, its numbering and the liveness check's arrays (memory-mapped or
 *        streamed; the operating system caches them in free memory)
 * @param collisionProbability the estimated probability that two distinct states shared a fingerprint (TLC's
 *        optimistic estimate: states × (transitions − states) / 2^63)
 * @param threads threads that searched
 * @param maxima the largest value of each tracked metric over the reached states
 * @param initialStates distinct initial states counted (TLC's "distinct states generated" of its initial states)
 * @param generated states generated: every initial state the model lists and every successor of an explored state,
 *        before the constraints and before duplicates are removed (TLC's "states generated", which equals
 *        initial states listed + transitions when the model's actions are TLC's sub-actions one for one)
 */
public record Statistics(long states, long transitions, int depth, long boundaryStates, long elapsedNanos,
                         long storageBytes, long diskBytes, double collisionProbability, int threads,
                         Map<String, Long> maxima, long initialStates, long generated) {

    /**
     * Figures without temporary files and without the initial-state count; the generated count is then the
     * transitions.
     */
    public Statistics(long states, long transitions, int depth, long boundaryStates, long elapsedNanos,
                      long storageBytes, double collisionProbability, int threads, Map<String, Long> maxima) {
        this(states, transitions, depth, boundaryStates, elapsedNanos, storageBytes, 0, collisionProbability, threads,
                maxima, 0, transitions);
    }

    /** The depth as TLC reports it: the most states on a shortest path from an initial state (depth + 1). */
    public int depthInStates() {
        return states == 0 ? 0 : depth + 1;
    }

    public double seconds() {
        return elapsedNanos / 1e9;
    }

    public double statesPerSecond() {
        return elapsedNanos == 0 ? 0 : states / seconds();
    }

    /**
     * TLC's optimistic estimate of the probability that two distinct states shared a fingerprint, for 63-bit
     * fingerprints: states × (transitions − states) / 2^63.
     */
    public static double collisionProbability(long states, long transitions) {
        return Math.min(1.0, (double) states * Math.max(0, transitions - states) / Math.pow(2, 63));
    }

    /** Bytes of the heap per state: {@link #storageBytes} / {@link #states}. */
    public double bytesPerState() {
        return states == 0 ? 0 : (double) storageBytes / states;
    }

    /** Bytes of temporary files per state: {@link #diskBytes} / {@link #states}. */
    public double diskBytesPerState() {
        return states == 0 ? 0 : (double) diskBytes / states;
    }

    /** The same figures with the whole check's elapsed time and the most bytes its temporary files held at once. */
    Statistics finished(long nanos, long diskBytes) {
        return new Statistics(states, transitions, depth, boundaryStates, nanos, storageBytes, diskBytes,
                collisionProbability, threads, maxima, initialStates, generated);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "%,d states (%,d initial), %,d generated, %,d transitions, depth %d (%d states as TLC counts it), "
                        + "%,d at the boundary, %.2f s, %,.0f states/s, %.1f bytes/state in memory, %.1f on disk, "
                        + "fingerprint collision probability %.1e",
                states, initialStates, generated, transitions, depth, depthInStates(), boundaryStates, seconds(),
                statesPerSecond(), bytesPerState(), diskBytesPerState(), collisionProbability);
    }
}
