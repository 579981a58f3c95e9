package tcpcheck.checker;

import java.util.Map;

/**
 * Figures of one check.
 *
 * @param states distinct states reached, including those at the boundary
 * @param transitions transitions taken (enabled actions of the explored states)
 * @param depth the greatest distance, in actions, of a reached state from an initial state
 * @param boundaryStates states reached outside the model's boundary (checked, not explored)
 * @param elapsedNanos wall-clock time of the search
 * @param storageBytes bytes held by the visited-state table
 * @param collisionProbability the estimated probability that two distinct states shared a fingerprint (TLC's
 *        optimistic estimate: states × (transitions − states) / 2^63)
 * @param threads threads that searched
 * @param maxima the largest value of each tracked metric over the reached states
 */
public record Statistics(long states, long transitions, int depth, long boundaryStates, long elapsedNanos,
                         long storageBytes, double collisionProbability, int threads, Map<String, Long> maxima) {

    public double seconds() {
        return elapsedNanos / 1e9;
    }

    public double statesPerSecond() {
        return elapsedNanos == 0 ? 0 : states / seconds();
    }

    public double bytesPerState() {
        return states == 0 ? 0 : (double) storageBytes / states;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "%,d states, %,d transitions, depth %d, %,d at the boundary, %.2f s, %,.0f states/s, "
                        + "%.1f bytes/state, fingerprint collision probability %.1e",
                states, transitions, depth, boundaryStates, seconds(), statesPerSecond(), bytesPerState(),
                collisionProbability);
    }
}
