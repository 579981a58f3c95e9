package tcpcheck.checker;

import java.util.Arrays;
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
 * <h2>Larger than memory</h2>
 * The table may be given a heap budget. A segment that would grow past its share of it <em>spills</em> instead, as
 * TLC's disk-backed fingerprint set does: its states of earlier levels are merged, in fingerprint order, into a
 * sorted run on disk (a memory-mapped file of the check's {@link Scratch} directory, with the numbers beside them
 * when numbered), the in-memory table is emptied but for the states of the current level, and an index of every
 * {@value #INDEX_EVERY}th fingerprint of the run stays on the heap (0.016 bytes per state). A state not found in
 * memory is then looked up in the run: a binary search of the index, then of one block of 4 KiB of the run. States
 * of the current level always stay in memory, so "found in this level" is decided there as before.
 *
 * <p>Fingerprints are {@linkplain #normalize normalized}: bit 0 is reserved as the "found in the current level"
 * flag, and the top 32 bits are never 0 (0 is the empty slot). So 63 bits identify a state.
 */
public final class FingerprintTable implements AutoCloseable {
    static final int SEGMENT_BITS = 6;
    static final int SEGMENTS = 1 << SEGMENT_BITS;
    static final double MAX_LOAD = 0.92;
    static final double GROWTH = 1.1;
    static final int INDEX_EVERY = 512;
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
    private final AtomicInteger nextNumber = new AtomicInteger();

    /**
     * A table held on the heap whole.
     *
     * @param concurrent whether several threads insert at once (each segment is then locked on access)
     * @param expectedStates a sizing hint; the table grows past it as needed
     */
    public FingerprintTable(boolean concurrent, long expectedStates) {
        this(concurrent, expectedStates, null, false, Long.MAX_VALUE);
    }

    /**
     * @param scratch where the numbers and the runs are kept (null: neither numbers nor spilling)
     * @param numbered whether each state gets a number: 0, 1, 2, … in order of insertion (see {@link #insert})
     * @param heapBytes the heap the in-memory tables may take at most; past it, segments spill to disk
     */
    FingerprintTable(boolean concurrent, long expectedStates, Scratch scratch, boolean numbered, long heapBytes) {
        this.concurrent = concurrent;
        long perSegmentBytes = scratch == null ? Long.MAX_VALUE : Math.max(1 << 10, heapBytes / SEGMENTS);
        int perSegment = (int) Math.min(1 << 26, Math.max(16, (long) (expectedStates / SEGMENTS / MAX_LOAD) + 1));
        perSegment = (int) Math.min(perSegment, Math.max(16, perSegmentBytes / Long.BYTES / 2));
        for (int i = 0; i < SEGMENTS; i++) {
            segments[i] = new Segment(perSegment, scratch, numbered, perSegmentBytes / Long.BYTES);
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

    /** Gives a known state of a numbered table another number (between levels; threads may share the work). */
    void renumber(long fp, int number) {
        Segment s = segment(fp);
        synchronized (s) {
            s.renumber(fp, number);
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

    /** Slots in the in-memory tables (each of {@code Long.BYTES}). */
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
            return s.find(fp) >= 0 || s.runFind(fp) >= 0;
        }
    }

    /** The number of a known state of a numbered table, or -1 when the state is unknown. */
    int number(long fp) {
        Segment s = segment(fp);
        synchronized (s) {
            int i = s.find(fp);
            if (i >= 0) {
                return s.numbers.get(i);
            }
            long j = s.runFind(fp);
            return j < 0 ? -1 : s.runNumbers.get(j);
        }
    }

    /** The number of states; exact when no insertion is under way (the search reads it between levels). */
    public long size() {
        long n = 0;
        for (Segment s : segments) {
            n += s.size + s.runSize;
        }
        return n;
    }

    /** States kept on disk, in the segments' runs. */
    public long spilled() {
        long n = 0;
        for (Segment s : segments) {
            n += s.runSize;
        }
        return n;
    }

    /** Bytes of the heap held by the in-memory tables and the runs' indexes. */
    public long bytes() {
        long n = 0;
        for (Segment s : segments) {
            n += (long) s.keys.length * Long.BYTES + (long) s.index.length * Long.BYTES;
        }
        return n;
    }

    @Override
    public void close() {
        for (Segment s : segments) {
            if (s != null) {
                s.close();
            }
        }
    }

    /** Unsigned order of fingerprints. */
    private static boolean below(long a, long b) {
        return a + Long.MIN_VALUE < b + Long.MIN_VALUE;
    }

    /**
     * One stripe: a linear-probing table of fingerprints and, numbered, the numbers in a mapped file beside it, and
     * the sorted run of the states it spilled. Growth rehashes the numbers into a second file, and the two files swap
     * roles (neither is unmapped while the table is open, so a {@link #touch} that reads one without the lock reads
     * mapped memory).
     */
    private static final class Segment {
        long[] keys;
        MappedInts numbers;
        MappedInts spareNumbers;
        int size;
        int threshold;
        final Scratch scratch;
        /** Slots the segment may hold on the heap before it spills (Long.MAX_VALUE: never). */
        final long maxSlots;
        /** The run on disk: fingerprints in unsigned order, their numbers, and every INDEX_EVERY-th fingerprint. */
        MappedLongs runKeys;
        MappedInts runNumbers;
        MappedLongs spareRunKeys;
        MappedInts spareRunNumbers;
        long runSize;
        long[] index = new long[0];

        Segment(int capacity, Scratch scratch, boolean numbered, long maxSlots) {
            this.scratch = scratch;
            this.maxSlots = maxSlots;
            if (numbered) {
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

        /** Where {@code fp} lies in the run, or -1. */
        long runFind(long fp) {
            if (runSize == 0 || below(fp, index[0])) {
                return -1;
            }
            int lo = 0;
            int hi = index.length - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (below(fp, index[mid])) {
                    hi = mid - 1;
                } else {
                    lo = mid;
                }
            }
            long from = (long) lo * INDEX_EVERY;
            long to = Math.min(runSize, from + INDEX_EVERY) - 1;
            while (from <= to) {
                long mid = (from + to) >>> 1;
                long k = runKeys.get(mid);
                if (k == fp) {
                    return mid;
                }
                if (below(k, fp)) {
                    from = mid + 1;
                } else {
                    to = mid - 1;
                }
            }
            return -1;
        }

        long insert(long fp, AtomicInteger next) {
            long[] ks = keys;
            int i = home(fp, ks.length);
            while (true) {
                long k = ks[i];
                if (k == 0) {
                    if (runSize > 0) {
                        long j = runFind(fp);
                        if (j >= 0) {
                            return runNumbers == null ? OLD : Integer.toUnsignedLong(runNumbers.get(j)) << 2 | OLD;
                        }
                    }
                    ks[i] = fp | NEW_FLAG;
                    long number = 0;
                    if (numbers != null) {
                        number = next.getAndIncrement();
                        numbers.set(i, (int) number);
                    }
                    if (++size > threshold) {
                        growOrSpill();
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

        void renumber(long fp, int number) {
            int i = find(fp);
            if (i >= 0) {
                numbers.set(i, number);
                return;
            }
            long j = runFind(fp);
            if (j < 0) {
                throw new IllegalStateException("renumbering an unknown state");
            }
            runNumbers.set(j, number);
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

        private void growOrSpill() {
            long grown = (long) (keys.length * GROWTH) + 1;
            if (grown > maxSlots && size - flagged() > keys.length / 4) {
                spill();
            } else {
                grow((int) Math.min(Integer.MAX_VALUE - 8, grown));
            }
        }

        private int flagged() {
            int n = 0;
            for (long k : keys) {
                n += (int) (k & NEW_FLAG);
            }
            return n;
        }

        private void grow(int slots) {
            long[] oldKeys = keys;
            MappedInts oldNumbers = numbers;
            if (oldNumbers != null) {
                numbers = spareNumbers;
                spareNumbers = oldNumbers;
            }
            allocate(slots);
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

        /**
         * Merges the states of earlier levels into the run (a new file) and keeps only the current level's in
         * memory, in a table of the same size.
         */
        private void spill() {
            long[] oldKeys = keys;
            int settled = 0;
            for (long k : oldKeys) {
                if (k != 0 && (k & NEW_FLAG) == 0) {
                    settled++;
                }
            }
            // The settled states in unsigned order (sorted as signed after flipping the sign bit).
            long[] out = new long[settled];
            int n = 0;
            for (long k : oldKeys) {
                if (k != 0 && (k & NEW_FLAG) == 0) {
                    out[n++] = k + Long.MIN_VALUE;
                }
            }
            Arrays.sort(out);
            if (spareRunKeys == null) {
                spareRunKeys = new MappedLongs(scratch, "run");
                spareRunNumbers = numbers == null ? null : new MappedInts(scratch, "run-numbers");
            }
            MappedLongs mergedKeys = spareRunKeys;
            MappedInts mergedNumbers = spareRunNumbers;
            long total = runSize + settled;
            mergedKeys.ensure(Math.max(1, total));
            if (mergedNumbers != null) {
                mergedNumbers.ensure(Math.max(1, total));
            }
            long[] newIndex = new long[(int) ((total + INDEX_EVERY - 1) / INDEX_EVERY)];
            long a = 0;
            int b = 0;
            for (long m = 0; m < total; m++) {
                long k;
                int number = 0;
                if (b == settled || (a < runSize && below(runKeys.get(a), out[b] - Long.MIN_VALUE))) {
                    k = runKeys.get(a);
                    if (mergedNumbers != null) {
                        number = runNumbers.get(a);
                    }
                    a++;
                } else {
                    k = out[b++] - Long.MIN_VALUE;
                    if (mergedNumbers != null) {
                        number = numbers.get(find(k));
                    }
                }
                mergedKeys.set(m, k);
                if (mergedNumbers != null) {
                    mergedNumbers.set(m, number);
                }
                if (m % INDEX_EVERY == 0) {
                    newIndex[(int) (m / INDEX_EVERY)] = k;
                }
            }
            // The two run files swap roles: the old run is the next merge's output.
            spareRunKeys = runKeys;
            spareRunNumbers = runNumbers;
            runKeys = mergedKeys;
            runNumbers = mergedNumbers;
            runSize = total;
            index = newIndex;
            // The current level's states back into an empty table (the numbers move to the spare file).
            MappedInts oldNumbers = numbers;
            if (oldNumbers != null) {
                numbers = spareNumbers;
                spareNumbers = oldNumbers;
            }
            allocate(oldKeys.length);
            size = 0;
            long[] ks = keys;
            for (int j = 0; j < oldKeys.length; j++) {
                long k = oldKeys[j];
                if ((k & NEW_FLAG) != 0) {
                    int i = home(k, ks.length);
                    while (ks[i] != 0) {
                        if (++i == ks.length) {
                            i = 0;
                        }
                    }
                    ks[i] = k;
                    size++;
                    if (oldNumbers != null) {
                        numbers.set(i, oldNumbers.get(j));
                    }
                }
            }
        }

        private void closeRun() {
            for (MappedArray a : new MappedArray[] {runKeys, runNumbers, spareRunKeys, spareRunNumbers}) {
                if (a != null) {
                    a.close();
                }
            }
        }

        void close() {
            closeRun();
            if (numbers != null) {
                numbers.close();
                spareNumbers.close();
            }
        }
    }
}
