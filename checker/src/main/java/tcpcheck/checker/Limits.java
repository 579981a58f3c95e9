package tcpcheck.checker;

/**
 * Bounds on a search. Reaching any of them ends the search with the verdict {@link Verdict#INCOMPLETE} for every
 * property it had not yet decided: a cut-short search never says HOLDS.
 *
 * @param maxStates distinct states at most
 * @param maxDepth breadth-first levels (actions from an initial state) at most; states at this depth are not expanded
 * @param maxNanos wall-clock time at most
 * @param maxMemoryBytes used Java heap at most (checked as the search goes)
 */
public record Limits(long maxStates, int maxDepth, long maxNanos, long maxMemoryBytes) {

    public static Limits none() {
        return new Limits(Long.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE, defaultMemory());
    }

    /** 85% of the largest heap the JVM may use. */
    public static long defaultMemory() {
        return (long) (Runtime.getRuntime().maxMemory() * 0.85);
    }

    public Limits withMaxStates(long n) {
        return new Limits(n, maxDepth, maxNanos, maxMemoryBytes);
    }

    public Limits withMaxDepth(int n) {
        return new Limits(maxStates, n, maxNanos, maxMemoryBytes);
    }

    public Limits withMaxNanos(long n) {
        return new Limits(maxStates, maxDepth, n, maxMemoryBytes);
    }

    public Limits withMaxMemoryBytes(long n) {
        return new Limits(maxStates, maxDepth, maxNanos, n);
    }

    static long usedMemory() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /**
     * Why the search must stop, having found {@code states} states since {@code startNanos}: the state, time or
     * memory limit it has reached, or null when it may go on. (The depth limit is checked where levels are known.)
     */
    /** The reason given when the heap ran out. */
    static final String OUT_OF_MEMORY =
            "out of memory: the bounds are too large for this heap (raise -Xmx or lower the bounds)";

    String reached(long states, long startNanos) {
        if (states >= maxStates) {
            return "state limit of " + maxStates + " reached";
        }
        String late = timeReached(startNanos);
        if (late != null) {
            return late;
        }
        if (memoryExceeded()) {
            return "memory limit of " + (maxMemoryBytes >> 20) + " MiB reached";
        }
        return null;
    }

    /** Why the search must stop for time, having started at {@code startNanos}, or null. */
    String timeReached(long startNanos) {
        return System.nanoTime() - startNanos >= maxNanos ? "time limit of " + (maxNanos / 1_000_000_000L)
                + " s reached" : null;
    }

    String depthReached() {
        return "depth limit of " + maxDepth + " reached";
    }

    private static final long CONFIRM_EVERY_NANOS = 2_000_000_000L;
    private static final java.util.concurrent.atomic.AtomicLong LAST_CONFIRMED = new java.util.concurrent.atomic.AtomicLong();

    /**
     * Whether the heap in use exceeds the limit. Used memory includes garbage not yet collected, so a reading over
     * the limit is confirmed by a full collection before the search is cut short; near the limit that collection
     * is made at most once every two seconds (a collection per check would only thrash), and a reading over the
     * limit in between counts as within it.
     */
    boolean memoryExceeded() {
        if (usedMemory() <= maxMemoryBytes) {
            return false;
        }
        long now = System.nanoTime();
        long last = LAST_CONFIRMED.get();
        if (now - last < CONFIRM_EVERY_NANOS || !LAST_CONFIRMED.compareAndSet(last, now)) {
            return false;
        }
        System.gc();
        return usedMemory() > maxMemoryBytes;
    }
}
