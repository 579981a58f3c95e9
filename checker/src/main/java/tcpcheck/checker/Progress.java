package tcpcheck.checker;

/**
 * A snapshot of a running search, given to a progress listener every few seconds.
 *
 * @param states distinct states so far
 * @param transitions transitions so far
 * @param depth the breadth-first level being explored
 * @param elapsedNanos time since the search started
 */
public record Progress(long states, long transitions, int depth, long elapsedNanos) {

    public double statesPerSecond() {
        return elapsedNanos == 0 ? 0 : states / (elapsedNanos / 1e9);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%,d states, %,d transitions, depth %d, %,.0f states/s, %.0f s",
                states, transitions, depth, statesPerSecond(), elapsedNanos / 1e9);
    }
}
