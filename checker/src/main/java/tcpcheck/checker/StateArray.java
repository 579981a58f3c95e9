package tcpcheck.checker;

import java.util.Arrays;

/**
 * A growable array of states with their fingerprints and numbers, for the breadth-first search's frontier and the
 * states each thread finds in a level. When the model has a {@link StatePacking}, a state is a record of words in a
 * memory-mapped file ({@link MappedLongs}: the fingerprint, the number, then the packed state), so the frontier
 * lives on disk and in the page cache, not on the heap; without one, the states are objects in blocks of
 * references. Space is kept when the array is cleared, so an array reused level after level allocates nothing once
 * it has reached its largest size.
 */
final class StateArray<S> implements AutoCloseable {
    private static final int BLOCK_BITS = 12;
    private static final int BLOCK = 1 << BLOCK_BITS;
    private static final int MASK = BLOCK - 1;

    private final StatePacking<S> packing;
    private final int words;
    private final int record;
    private final MappedLongs packed;
    private final long[] packBuffer;
    private Object[][] objects = new Object[0][];
    private long[] fps = new long[0];
    private int[] ids = new int[0];
    private int size;

    StateArray(StatePacking<S> packing, Scratch scratch) {
        this.packing = packing;
        this.words = packing == null ? 0 : packing.words();
        this.record = 2 + words;
        this.packed = packing == null ? null : new MappedLongs(scratch, "states");
        this.packBuffer = new long[Math.max(1, words)];
    }

    int size() {
        return size;
    }

    /** The words one state takes ({@code words} of the packing, 0 without one) for {@link #get}'s buffer. */
    int words() {
        return words;
    }

    void clear() {
        if (packing == null) {
            for (int b = 0; b <= (size - 1) >> BLOCK_BITS; b++) {
                Arrays.fill(objects[b], null);
            }
        }
        size = 0;
    }

    void add(long fp, int id, S s) {
        if (packing != null) {
            long at = (long) size * record;
            packed.ensure(at + record);
            packed.set(at, fp);
            packed.set(at + 1, id);
            packing.pack(s, packBuffer, 0);
            for (int w = 0; w < words; w++) {
                packed.set(at + 2 + w, packBuffer[w]);
            }
        } else {
            int b = size >> BLOCK_BITS;
            if (b == objects.length) {
                objects = Arrays.copyOf(objects, b + 1);
                objects[b] = new Object[BLOCK];
            }
            objects[b][size & MASK] = s;
            if (size == fps.length) {
                fps = Arrays.copyOf(fps, Math.max(64, size * 2));
                ids = Arrays.copyOf(ids, fps.length);
            }
            fps[size] = fp;
            ids[size] = id;
        }
        size++;
    }

    /** Appends a state already packed at {@code words[at]} (by the same packing). */
    void addPacked(long fp, int id, long[] words, int at) {
        long to = (long) size * record;
        packed.ensure(to + record);
        packed.set(to, fp);
        packed.set(to + 1, id);
        for (int w = 0; w < this.words; w++) {
            packed.set(to + 2 + w, words[at + w]);
        }
        size++;
    }

    long fp(int i) {
        return packing != null ? packed.get((long) i * record) : fps[i];
    }

    int id(int i) {
        return packing != null ? (int) packed.get((long) i * record + 1) : ids[i];
    }

    /** State {@code i}; {@code buffer} holds {@link #words} words (each reading thread has its own). */
    @SuppressWarnings("unchecked")
    S get(int i, long[] buffer) {
        if (packing == null) {
            return (S) objects[i >> BLOCK_BITS][i & MASK];
        }
        long at = (long) i * record + 2;
        for (int w = 0; w < words; w++) {
            buffer[w] = packed.get(at + w);
        }
        return packing.unpack(buffer, 0);
    }

    /**
     * Makes the array {@code n} states long, to be filled by {@link #setFrom} (from several threads: each writes
     * its own indices).
     */
    void resize(int n) {
        if (packing == null) {
            while (size < n) {
                add(0, 0, null);
            }
            size = n;
            return;
        }
        packed.ensure((long) n * record);
        size = n;
    }

    /** Sets state {@code to} to state {@code i} of {@code from} (packed alike), with another number. */
    void setFrom(int to, StateArray<S> from, int i, int id) {
        if (packing == null) {
            objects[to >> BLOCK_BITS][to & MASK] = from.get(i, null);
            fps[to] = from.fps[i];
            ids[to] = id;
            return;
        }
        long t = (long) to * record;
        long at = (long) i * record;
        packed.set(t, from.packed.get(at));
        packed.set(t + 1, id);
        for (int w = 2; w < record; w++) {
            packed.set(t + w, from.packed.get(at + w));
        }
    }

    /** Bytes of the heap this array holds per state it can hold (references, fingerprints and numbers), 0 packed. */
    long heapBytes() {
        return packing != null ? 0 : (long) objects.length * BLOCK * 4 + fps.length * 12L;
    }

    @Override
    public void close() {
        if (packed != null) {
            packed.close();
        }
    }
}
