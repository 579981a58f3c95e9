package tcpcheck.checker;

/**
 * A snapshot of a running search, given to a progress listener every few seconds.
 *
 * @param states distinct states so far
 * @param transitions transitions so far
 * @param depth the breadth-first level being explored
 * @param elapsedNanos time since the search started
 * @param phase {@link #SEARCH} while states are being explored, {@link #LIVENESS} once the search is over and the
 *        {@code eventually} properties are being checked on the graph it recorded (the figures are then final)
 */
public record Progress(long states, long transitions, int depth, long elapsedNanos, String phase) {
    /** The phase of the search for states. */
    public static final String SEARCH = "search";
    /** The phase of the liveness check, after the search. */
    public static final String LIVENESS = "liveness";

    public Progress(long states, long transitions, int depth, long elapsedNanos) {
        this(states, transitions, depth, elapsedNanos, SEARCH);
    }

    public double statesPerSecond() {
        return elapsedNanos == 0 ? 0 : states / (elapsedNanos / 1e9);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%,d states, %,d transitions, depth %d, %,.0f states/s, %.0f s",
                states, transitions, depth, statesPerSecond(), elapsedNanos / 1e9);
    }
}
