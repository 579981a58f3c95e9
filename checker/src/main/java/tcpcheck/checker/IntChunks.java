package tcpcheck.checker;

import java.util.Arrays;

/**
 * An append-only array of ints in chunks of 2^20, for arrays of hundreds of millions of entries: it grows without
 * copying (a doubling copy would hold the old and the new array at once).
 */
final class IntChunks {
    private static final int BITS = 20;
    private static final int SIZE = 1 << BITS;
    private static final int MASK = SIZE - 1;
    private int[][] chunks = new int[16][];
    private long size;

    void add(int v) {
        int c = (int) (size >>> BITS);
        if (c == chunks.length) {
            chunks = Arrays.copyOf(chunks, c * 2);
        }
        if (chunks[c] == null) {
            chunks[c] = new int[SIZE];
        }
        chunks[c][(int) (size & MASK)] = v;
        size++;
    }

    int get(long i) {
        return chunks[(int) (i >>> BITS)][(int) (i & MASK)];
    }

    long size() {
        return size;
    }
}
