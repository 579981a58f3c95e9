package tcpcheck.checker;

import java.util.Arrays;

/**
 * An array of ints in chunks of 2^20, for arrays of hundreds of millions of entries: it grows without copying (a
 * doubling copy would hold the old and the new array at once), and threads may fill disjoint parts of it at once.
 */
final class IntChunks {
    private static final int BITS = 20;
    private static final int SIZE = 1 << BITS;
    private static final int MASK = SIZE - 1;
    private int[][] chunks = new int[16][];
    private long size;

    /** Makes the array {@code n} long (n ≥ size), so that {@link #set} may fill it, from several threads at once. */
    void extendTo(long n) {
        if (n <= size) {
            return;
        }
        int last = (int) ((n - 1) >>> BITS);
        if (last >= chunks.length) {
            chunks = Arrays.copyOf(chunks, Math.max(last + 1, chunks.length * 2));
        }
        for (int c = 0; c <= last; c++) {
            if (chunks[c] == null) {
                chunks[c] = new int[SIZE];
            }
        }
        size = n;
    }

    void set(long i, int v) {
        chunks[(int) (i >>> BITS)][(int) (i & MASK)] = v;
    }

    int get(long i) {
        return chunks[(int) (i >>> BITS)][(int) (i & MASK)];
    }

    long size() {
        return size;
    }
}
