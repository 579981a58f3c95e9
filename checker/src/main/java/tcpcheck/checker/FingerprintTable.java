package tcpcheck.checker;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The set of visited states, as 64-bit fingerprints in primitive open-addressing tables: 8 bytes per slot and
 * nothing else on the heap. The parent links that rebuild traces are not kept here but in files ({@link ParentLog}).
 *
 * <h2>Layout</h2>
 * 64 segments chosen by the top bits of the fingerprint, each its own linear-probing table guarded by its own lock
 * when the table is shared by several threads. A state's home slot in its segment is computed from the top 32 bits
 * of its fingerprint and is monotonic in them. A segment grows by ×{@value #GROWTH} when it is {@value #MAX_LOAD}
 * full, so the load stays between 0.84 and 0.92: between 8.7 and 9.5 bytes per state. (Linear probing at that load
 * is still fast here: the search reads the home slots of a state's successors before it inserts them, so their
 * cache misses overlap, see {@link #touch}; and a probe sequence is a sequential scan.)
 *
 * <p>A <em>numbered</em> table, which the search uses when it also records the state graph for liveness, gives
 * each state a number and keeps it in a memory-mapped file beside the segment ({@link MappedInts}, one
 * {@code int} per slot at the same index), not on the heap.
 *
 * <p>Fingerprints are {@linkplain #normalize normalized}: bit 0 is reserved as the "found in the current level"
 * flag, and the top 32 bits are never 0 (0 is the empty slot). So 63 bits identify a state.
 */
public final class FingerprintTable implements AutoCloseable {
    static final int SEGMENT_BITS = 6;
    static final int SEGMENTS = 1 << SEGMENT_BITS;
    static final double MAX_LOAD = 0.92;
    static final double GROWTH = 1.1;
    private static final int HOME_BITS = 32 - SEGMENT_BITS;
    private static final long HOME_MASK = (1L << HOME_BITS) - 1;
    private static final long NEW_FLAG = 1L;

    /** What {@link #insert} found: the state is new, */
    public static final int NEW = 1;
    /** or it was first found in the current level (a second parent of it in the previous level), */
    public static final int SAME_LEVEL = 2;
    /** or it was found in an earlier level. */
    public static final int OLD = 0;

    private final Segment[] segments = new Segment[SEGMENTS];
    private final boolean concurrent;
    private final Scratch numbers;
    private final AtomicInteger nextNumber = new AtomicInteger();

    /**
     * @param concurrent whether several threads insert at once (each segment is then locked on access)
     * @param expectedStates a sizing hint; the table grows past it as needed
     */
    public FingerprintTable(boolean concurrent, long expectedStates) {
        this(concurrent, expectedStates, null);
    }

    /**
     * @param numbers where the numbers of a numbered table are kept (each state gets a number: 0, 1, 2, … in
     *        order of insertion, see {@link #insert}), or null for a table without numbers
     */
    FingerprintTable(boolean concurrent, long expectedStates, Scratch numbers) {
        this.concurrent = concurrent;
        this.numbers = numbers;
        int perSegment = (int) Math.min(1 << 26, Math.max(16, (long) (expectedStates / SEGMENTS / MAX_LOAD) + 1));
        for (int i = 0; i < SEGMENTS; i++) {
            segments[i] = new Segment(perSegment, numbers);
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

    private Segment segment(long fp) {
        return segments[(int) (fp >>> (64 - SEGMENT_BITS))];
    }

    /** Adds a state found in the current level; true when it is new. */
    public boolean add(long fp) {
        return (insert(fp) & 3) == NEW;
    }

    /**
     * Adds a state found in the current level.
     *
     * @return {@link #NEW}, {@link #SAME_LEVEL} or {@link #OLD} in the low two bits; in a numbered table, the
     *         state's number above them (a new state gets the next number)
     */
    public long insert(long fp) {
        Segment s = segment(fp);
        if (concurrent) {
            synchronized (s) {
                return s.insert(fp, nextNumber);
            }
        }
        return s.insert(fp, nextNumber);
    }

    /** How many numbers {@link #insert} has given out. */
    public int numbersGiven() {
        return nextNumber.get();
    }

    /** Gives a known state of a numbered table another number (between levels, one thread per segment). */
    void renumber(long fp, int number) {
        Segment s = segment(fp);
        synchronized (s) {
            int i = s.find(fp);
            if (i < 0) {
                throw new IllegalStateException("renumbering an unknown state");
            }
            s.numbers.set(i, number);
        }
    }

    /** Ends a level for one state: clears its "found in the current level" flag. */
    public void settle(long fp) {
        Segment s = segment(fp);
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
            Segment s = segment(fp);
            long[] ks = s.keys;
            int home = Segment.home(fp, ks.length);
            sink += ks[home];
            MappedInts ns = s.numbers;
            if (ns != null && home < ns.capacity()) {
                sink += ns.get(home);
            }
        }
        return sink;
    }

    /** Slots in the table (each of {@code Long.BYTES}). */
    public long capacity() {
        long n = 0;
        for (Segment s : segments) {
            n += s.keys.length;
        }
        return n;
    }

    public boolean contains(long fp) {
        Segment s = segment(fp);
        synchronized (s) {
            return s.find(fp) >= 0;
        }
    }

    /** The number of a known state of a numbered table, or -1 when the state is unknown. */
    int number(long fp) {
        Segment s = segment(fp);
        synchronized (s) {
            int i = s.find(fp);
            return i < 0 ? -1 : s.numbers.get(i);
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

    /** Bytes of the heap held by the slot arrays. */
    public long bytes() {
        return capacity() * Long.BYTES;
    }

    @Override
    public void close() {
        for (Segment s : segments) {
            if (s != null && s.numbers != null) {
                s.numbers.close();
                s.spareNumbers.close();
            }
        }
    }

    /**
     * One stripe: a linear-probing table of fingerprints and, numbered, the numbers in a mapped file beside it. Growth
     * rehashes the numbers into a second file, and the two files swap roles (neither is ever unmapped while the
     * table is open, so a {@link #touch} that reads one without the lock reads mapped memory).
     */
    private static final class Segment {
        long[] keys;
        MappedInts numbers;
        MappedInts spareNumbers;
        int size;
        int threshold;

        Segment(int capacity, Scratch scratch) {
            if (scratch != null) {
                numbers = new MappedInts(scratch, "numbers");
                spareNumbers = new MappedInts(scratch, "numbers");
                spareNumbers.ensure(1);
            }
            allocate(capacity);
        }

        private void allocate(int slots) {
            keys = new long[slots];
            if (numbers != null) {
                numbers.ensure(slots);
            }
            threshold = (int) (slots * MAX_LOAD);
        }

        static int home(long fp, int capacity) {
            return (int) ((((fp >>> 32) & HOME_MASK) * capacity) >>> HOME_BITS);
        }

        int find(long fp) {
            long[] ks = keys;
            int i = home(fp, ks.length);
            while (true) {
                long k = ks[i];
                if (k == 0) {
                    return -1;
                }
                if ((k & ~NEW_FLAG) == fp) {
                    return i;
                }
                if (++i == ks.length) {
                    i = 0;
                }
            }
        }

        long insert(long fp, AtomicInteger next) {
            long[] ks = keys;
            int i = home(fp, ks.length);
            while (true) {
                long k = ks[i];
                if (k == 0) {
                    ks[i] = fp | NEW_FLAG;
                    long number = 0;
                    if (numbers != null) {
                        number = next.getAndIncrement();
                        numbers.set(i, (int) number);
                    }
                    if (++size > threshold) {
                        grow();
                    }
                    return number << 2 | NEW;
                }
                if ((k & ~NEW_FLAG) == fp) {
                    long number = numbers == null ? 0 : Integer.toUnsignedLong(numbers.get(i));
                    return number << 2 | ((k & NEW_FLAG) != 0 ? SAME_LEVEL : OLD);
                }
                if (++i == ks.length) {
                    i = 0;
                }
            }
        }

        void settle(long fp) {
            int i = find(fp);
            if (i >= 0) {
                keys[i] &= ~NEW_FLAG;
            }
        }

        void settleAll() {
            long[] ks = keys;
            for (int w = 0; w < ks.length; w++) {
                ks[w] &= ~NEW_FLAG;
            }
        }

        private void grow() {
            long[] oldKeys = keys;
            MappedInts oldNumbers = numbers;
            if (oldNumbers != null) {
                numbers = spareNumbers;
                spareNumbers = oldNumbers;
            }
            allocate((int) Math.min(Integer.MAX_VALUE - 8, (long) (oldKeys.length * GROWTH) + 1));
            long[] ks = keys;
            for (int j = 0; j < oldKeys.length; j++) {
                long k = oldKeys[j];
                if (k != 0) {
                    int i = home(k, ks.length);
                    while (ks[i] != 0) {
                        if (++i == ks.length) {
                            i = 0;
                        }
                    }
                    ks[i] = k;
                    if (oldNumbers != null) {
                        numbers.set(i, oldNumbers.get(j));
                    }
                }
            }
        }
    }
}
