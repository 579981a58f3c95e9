package tcpcheck.checker;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands out the chunks of one breadth-first level to the search threads: every chunk exactly once, in increasing
 * order, then -1 for ever.
 */
public final class WorkQueue {
    private final AtomicInteger next = new AtomicInteger();
    private final int chunks;

    /** A queue over {@code items} items cut into chunks of {@code chunkSize}. */
    public WorkQueue(int items, int chunkSize) {
        this.chunks = (items + chunkSize - 1) / chunkSize;
    }

    /** The next chunk's number, or -1 when all have been handed out. */
    public int take() {
        int c = next.get();
        while (c < chunks) {
            if (next.compareAndSet(c, c + 1)) {
                return c;
            }
            c = next.get();
        }
        return -1;
    }

    public int chunks() {
        return chunks;
    }
}
