package tcpcheck.checker;

import java.util.Arrays;

/** An append-only array of longs in chunks of 2^20, which grows without copying (see {@link IntChunks}). */
final class LongChunks {
    private static final int BITS = 20;
    private static final int SIZE = 1 << BITS;
    private static final int MASK = SIZE - 1;
    private long[][] chunks = new long[16][];
    private long size;

    void add(long v) {
        int c = (int) (size >>> BITS);
        if (c == chunks.length) {
            chunks = Arrays.copyOf(chunks, c * 2);
        }
        if (chunks[c] == null) {
            chunks[c] = new long[SIZE];
        }
        chunks[c][(int) (size & MASK)] = v;
        size++;
    }

    long get(long i) {
        return chunks[(int) (i >>> BITS)][(int) (i & MASK)];
    }

    long size() {
        return size;
    }
}
