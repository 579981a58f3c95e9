package tcpcheck.checker;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

/**
 * The set of visited states, as 64-bit fingerprints in primitive open-addressing tables, with a parent link per
 * state to rebuild traces.
 *
 * <h2>Layout</h2>
 * Each slot is 12 bytes: the fingerprint ({@code long}) and a <em>parent tag</em> ({@code int}), the top 32 bits of
 * the parent's fingerprint (0 for an initial state). The tag determines where the parent lives in the table (its
 * segment and home slot are computed from those 32 bits alone), so parent links need no slot references and survive
 * resizing. Rebuilding a trace follows tags back to an initial state and replays the path forward (see
 * {@link TraceBuilder}); the rare tag shared by two neighbouring entries is resolved there by backtracking. A
 * <em>numbered</em> table, which the search uses when it also records the state graph, adds an {@code int} per slot:
 * the state's number in order of insertion.
 *
 * <p>Fingerprints are {@linkplain #normalize normalized}: bit 0 is reserved as the "found in the current level"
 * flag, and the top 32 bits are never 0 (0 is the initial-state tag and the empty slot). So 63 bits identify a state.
 *
 * <p>The table has {@value #SEGMENT_BITS}-bit striping: 64 segments chosen by the top bits of the fingerprint, each
 * its own linear-probing table guarded by its own lock when the table is shared by several threads. A segment grows
 * by ×{@value #GROWTH} when it is {@value #MAX_LOAD} full, so the load stays between 0.75 and 0.9: between 13.3 and 16
 * bytes per state. (Linear probing at that load is still fast here: the search reads the home slots of a state's
 * successors before it inserts them, so their cache misses overlap; see {@link #touch}.)
 *
 * <h2>Determinism</h2>
 * A state found again in the same breadth-first level in which it was first found (its flag is still set) takes
 * the smaller of the two parent tags. So the parent of every state is the smallest-fingerprint parent in the
 * previous level, whatever order the threads found them in.
 */
public final class FingerprintTable {
    static final int SEGMENT_BITS = 6;
    static final int SEGMENTS = 1 << SEGMENT_BITS;
    static final double MAX_LOAD = 0.9;
    static final double GROWTH = 1.2;
    private static final int HOME_BITS = 32 - SEGMENT_BITS;
    private static final long HOME_MASK = (1L << HOME_BITS) - 1;
    private static final long NEW_FLAG = 1L;
    /** The parent tag of an initial state. */
    public static final int ROOT = 0;

    private final Segment[] segments = new Segment[SEGMENTS];
    private final boolean concurrent;
    private final boolean numbered;
    private final AtomicInteger nextNumber = new AtomicInteger();

    /**
     * @param concurrent whether several threads insert at once (each segment is then locked on access)
     * @param expectedStates a sizing hint; the table grows past it as needed
     */
    public FingerprintTable(boolean concurrent, long expectedStates) {
        this(concurrent, expectedStates, false);
    }

    /**
     * @param numbered whether each state also gets a number (0, 1, 2, … in order of insertion; 4 more bytes per
     *        slot), as the state graph of liveness checking needs (see {@link #addNumbered})
     */
    public FingerprintTable(boolean concurrent, long expectedStates, boolean numbered) {
        this.concurrent = concurrent;
        this.numbered = numbered;
        int perSegment = (int) Math.min(1 << 26, Math.max(16, (long) (expectedStates / SEGMENTS / MAX_LOAD) + 1));
        for (int i = 0; i < SEGMENTS; i++) {
            segments[i] = new Segment(perSegment, numbered);
        }
    }

    /** The normalized form of a model's raw fingerprint: bit 0 clear, top 32 bits not all zero. */
    public static long normalize(long raw) {
        long fp = raw & ~NEW_FLAG;
        if ((fp >>> 32) == 0) {
            fp |= 1L << 32;
        }
        return fp;
    }

    /** The parent tag that a state with this (normalized) fingerprint gives its children. */
    public static int tagOf(long fp) {
        return (int) (fp >>> 32);
    }

    private static int segmentOf(int tag) {
        return tag >>> HOME_BITS;
    }

    /**
     * Adds a state found in the current level.
     *
     * @return true when the state is new; false when it was already known (if it was first found in this same
     *         level, its parent tag becomes the smaller of the two)
     */
    public boolean add(long fp, int parentTag) {
        return (insert(fp, parentTag, null) & 1) != 0;
    }

    /**
     * {@link #add}, for a numbered table: a new state gets the next number.
     *
     * @return the state's number times 2, plus 1 when the state is new
     */
    public long addNumbered(long fp, int parentTag) {
        return insert(fp, parentTag, nextNumber);
    }

    private long insert(long fp, int parentTag, AtomicInteger numbers) {
        Segment s = segments[segmentOf(tagOf(fp))];
        if (concurrent) {
            synchronized (s) {
                return s.insert(fp, parentTag, numbers);
            }
        }
        return s.insert(fp, parentTag, numbers);
    }

    /** How many numbers {@link #addNumbered} has given out. */
    public int numbersGiven() {
        return nextNumber.get();
    }

    /** Ends a level for one state: clears its "found in the current level" flag. */
    public void settle(long fp) {
        Segment s = segments[segmentOf(tagOf(fp))];
        if (concurrent) {
            synchronized (s) {
                s.settle(fp);
            }
        } else {
            s.settle(fp);
        }
    }

    /**
     * Ends a level for every state at once: clears all the flags in one sequential sweep of the segments
     * {@code part}, {@code part + parts}, … (so that several threads can share the sweep). Cheaper than
     * {@link #settle} per state when a level added more than a small fraction of the table.
     */
    public void settleAll(int part, int parts) {
        for (int i = part; i < SEGMENTS; i += parts) {
            Segment s = segments[i];
            if (concurrent) {
                synchronized (s) {
                    s.settleAll();
                }
            } else {
                s.settleAll();
            }
        }
    }

    /**
     * Reads the home slots of {@code n} fingerprints before they are added, so that the processor overlaps their
     * cache misses (Java has no prefetch instruction; independent loads are the next best thing). A hint only: it
     * reads without locking, and an array being replaced by growth is harmless to read.
     */
    public long touch(long[] fps, int n) {
        long sink = 0;
        for (int i = 0; i < n; i++) {
            long fp = fps[i];
            Segment s = segments[segmentOf(tagOf(fp))];
            long[] ks = s.keys;
            sink += ks[Segment.home(fp, ks.length >> s.shift) << s.shift];
        }
        return sink;
    }

    /** Slots in the table (each of {@code Long.BYTES + Integer.BYTES}, and 4 bytes more when numbered). */
    public long capacity() {
        long n = 0;
        for (Segment s : segments) {
            n += s.capacity;
        }
        return n;
    }

    public boolean contains(long fp) {
        Segment s = segments[segmentOf(tagOf(fp))];
        synchronized (s) {
            return s.find(fp) >= 0;
        }
    }

    /** The parent tag recorded for a state (as an unsigned value), or -1 when the state is unknown. */
    public long parentTag(long fp) {
        Segment s = segments[segmentOf(tagOf(fp))];
        synchronized (s) {
            int i = s.find(fp);
            return i < 0 ? -1 : Integer.toUnsignedLong(s.tag(i));
        }
    }

    /** Calls {@code out} with every stored fingerprint whose top 32 bits equal {@code tag}. */
    public void withTag(int tag, LongConsumer out) {
        Segment s = segments[segmentOf(tag)];
        synchronized (s) {
            s.withTag(tag, out);
        }
    }

    /** The number of states; exact when no insertion is under way (the search reads it between levels). */
    public long size() {
        long n = 0;
        for (Segment s : segments) {
            n += s.size;
        }
        return n;
    }

    /** Bytes held by the slot arrays. */
    public long bytes() {
        long n = 0;
        for (Segment s : segments) {
            n += (long) s.capacity * (Long.BYTES + Integer.BYTES * (numbered ? 2 : 1));
        }
        return n;
    }

    /**
     * One stripe: a linear-probing table. Plain, the fingerprints are in {@code keys} and the parent tags in
     * {@code tags}, so that looking up a known state reads one array. Numbered, each slot is two adjacent words of
     * {@code keys}, the fingerprint and then the parent tag (high half) with the number (low half), so that the
     * lookup of a known state, which needs its number, reads one cache line.
     */
    private static final class Segment {
        /** Fingerprints (plain), or fingerprint and link word per slot (numbered). */
        long[] keys;
        /** Parent tags (plain); null when numbered. */
        int[] tags;
        /** log2 of the words per slot: 0 plain, 1 numbered. */
        final int shift;
        int capacity;
        int size;
        int threshold;

        Segment(int capacity, boolean numbered) {
            this.shift = numbered ? 1 : 0;
            allocate(capacity);
        }

        private void allocate(int slots) {
            capacity = slots;
            keys = new long[slots << shift];
            tags = shift == 0 ? new int[slots] : null;
            threshold = (int) (slots * MAX_LOAD);
        }

        private static int home(long fp, int capacity) {
            return (int) ((((fp >>> 32) & HOME_MASK) * capacity) >>> HOME_BITS);
        }

        long key(int i) {
            return keys[i << shift];
        }

        int tag(int i) {
            return shift == 0 ? tags[i] : (int) (keys[(i << 1) + 1] >>> 32);
        }

        private void setTag(int i, int tag) {
            if (shift == 0) {
                tags[i] = tag;
            } else {
                int w = (i << 1) + 1;
                keys[w] = (long) tag << 32 | (keys[w] & 0xFFFF_FFFFL);
            }
        }

        private int number(int i) {
            return (int) keys[(i << 1) + 1];
        }

        int find(long fp) {
            int i = home(fp, capacity);
            while (true) {
                long k = key(i);
                if (k == 0) {
                    return -1;
                }
                if ((k & ~NEW_FLAG) == fp) {
                    return i;
                }
                if (++i == capacity) {
                    i = 0;
                }
            }
        }

        /** Inserts or finds {@code fp}: its number (0 when not numbered) times 2, plus 1 when it is new. */
        long insert(long fp, int parentTag, AtomicInteger next) {
            int i = home(fp, capacity);
            while (true) {
                long k = key(i);
                if (k == 0) {
                    int number = 0;
                    if (shift == 0) {
                        keys[i] = fp | NEW_FLAG;
                        tags[i] = parentTag;
                    } else {
                        number = next.getAndIncrement();
                        keys[i << 1] = fp | NEW_FLAG;
                        keys[(i << 1) + 1] = (long) parentTag << 32 | Integer.toUnsignedLong(number);
                    }
                    if (++size > threshold) {
                        grow();
                    }
                    return (long) number << 1 | 1;
                }
                if ((k & ~NEW_FLAG) == fp) {
                    if ((k & NEW_FLAG) != 0 && Integer.compareUnsigned(parentTag, tag(i)) < 0) {
                        setTag(i, parentTag);
                    }
                    return shift == 0 ? 0 : (long) number(i) << 1;
                }
                if (++i == capacity) {
                    i = 0;
                }
            }
        }

        void settle(long fp) {
            int i = find(fp);
            if (i >= 0) {
                keys[i << shift] &= ~NEW_FLAG;
            }
        }

        void settleAll() {
            long[] ks = keys;
            for (int w = 0; w < ks.length; w += 1 << shift) {
                ks[w] &= ~NEW_FLAG;
            }
        }

        void withTag(int tag, LongConsumer out) {
            int i = home(((long) tag) << 32, capacity);
            while (true) {
                long k = key(i);
                if (k == 0) {
                    return;
                }
                if ((int) (k >>> 32) == tag) {
                    out.accept(k & ~NEW_FLAG);
                }
                if (++i == capacity) {
                    i = 0;
                }
            }
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldTags = tags;
            int oldCapacity = capacity;
            allocate((int) Math.min((Integer.MAX_VALUE - 8) >> shift, (long) (oldCapacity * GROWTH) + 1));
            for (int j = 0; j < oldCapacity; j++) {
                long k = oldKeys[j << shift];
                if (k != 0) {
                    int i = home(k, capacity);
                    while (key(i) != 0) {
                        if (++i == capacity) {
                            i = 0;
                        }
                    }
                    if (shift == 0) {
                        keys[i] = k;
                        tags[i] = oldTags[j];
                    } else {
                        keys[i << 1] = k;
                        keys[(i << 1) + 1] = oldKeys[(j << 1) + 1];
                    }
                }
            }
        }
    }
}
