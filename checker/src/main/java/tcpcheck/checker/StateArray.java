package tcpcheck.checker;

import java.util.Arrays;

/**
 * A growable array of states for the breadth-first search: packed into blocks of {@code long} words when the model
 * has a {@link StatePacking}, else blocks of references. Blocks are kept when the array is cleared, so an array
 * reused level after level allocates nothing once it has reached its largest size.
 */
final class StateArray<S> {
    private static final int BLOCK_BITS = 12;
    private static final int BLOCK = 1 << BLOCK_BITS;
    private static final int MASK = BLOCK - 1;

    private final StatePacking<S> packing;
    private final int words;
    private long[][] packed = new long[0][];
    private Object[][] objects = new Object[0][];
    private int size;

    StateArray(StatePacking<S> packing) {
        this.packing = packing;
        this.words = packing == null ? 0 : packing.words();
    }

    int size() {
        return size;
    }

    void clear() {
        if (packing == null) {
            for (int b = 0; b <= (size - 1) >> BLOCK_BITS; b++) {
                Arrays.fill(objects[b], null);
            }
        }
        size = 0;
    }

    void add(S s) {
        int b = size >> BLOCK_BITS;
        if (packing != null) {
            packing.pack(s, packedBlock(b), (size & MASK) * words);
        } else {
            if (b == objects.length) {
                objects = Arrays.copyOf(objects, b + 1);
                objects[b] = new Object[BLOCK];
            }
            objects[b][size & MASK] = s;
        }
        size++;
    }

    /** Appends a state already packed at {@code words[at]} (by the same packing). */
    void addPacked(long[] words, int at) {
        System.arraycopy(words, at, packedBlock(size >> BLOCK_BITS), (size & MASK) * this.words, this.words);
        size++;
    }

    @SuppressWarnings("unchecked")
    S get(int i) {
        return packing != null ? packing.unpack(packed[i >> BLOCK_BITS], (i & MASK) * words)
                : (S) objects[i >> BLOCK_BITS][i & MASK];
    }

    /** Appends state {@code i} of {@code from} (packed alike) without unpacking it. */
    void addFrom(StateArray<S> from, int i) {
        if (packing == null) {
            add(from.get(i));
            return;
        }
        System.arraycopy(from.packed[i >> BLOCK_BITS], (i & MASK) * words, packedBlock(size >> BLOCK_BITS),
                (size & MASK) * words, words);
        size++;
    }

    /** Block {@code b} of the packed words, allocated when the array first reaches it. */
    private long[] packedBlock(int b) {
        if (b == packed.length) {
            packed = Arrays.copyOf(packed, b + 1);
            packed[b] = new long[BLOCK * words];
        }
        return packed[b];
    }
}
