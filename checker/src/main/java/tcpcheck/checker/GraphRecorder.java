package tcpcheck.checker;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * Records the {@link StateGraph} during the breadth-first search, so that liveness needs no second pass.
 *
 * <p>During a level, the search threads number new states provisionally, in the order they insert them (a numbered
 * {@link FingerprintTable}), evaluate the goals on them, and write the edges of the states they expand into their
 * own {@link Buffers}, chunk by chunk of the frontier. At the end of the level, one thread reads the edges in
 * frontier order (which is number order), chunk by chunk, and gives each new state its final number where it first
 * appears as a target: the numbering of a one-thread first-in first-out search, whatever the number of threads.
 * The table then gets the final numbers (so an edge to a state of an earlier level reads its final number), the
 * next frontier is written in that order, and every thread copies the edges of its share of the chunks into the
 * graph. (Numbers in discovery order also keep a state's successors close together, which the component search of
 * {@link Liveness} profits from: it follows edges at random.)
 *
 * <p>All the per-level buffers are memory-mapped files of the check's {@link Scratch} directory, reused from level to
 * level: the heap holds nothing that grows with the graph.
 */
final class GraphRecorder<S, A> implements AutoCloseable {
    private final Model<S, A> model;
    private final List<Predicate<S>> goals;
    private final Scratch scratch;
    final StateGraph<S, A> graph;
    /** The graph's number of each fairness class met so far (used by the merging thread only). */
    private final LongIntMap graphClasses = new LongIntMap();
    /** Per new state of the level, by provisional number: where its record is (thread, index), its final number. */
    private final MappedLongs where;
    private final MappedInts finalNumber;
    /** The level's new states in final order, as provisional numbers less the level's base. */
    private final MappedInts order;
    /** Where the level's r-th new state goes in the next frontier, or -1 outside the boundary. */
    private final MappedInts position;
    /** The provisional numbers given before the current level (= the final numbers given so far). */
    private int levelBase;
    private int[] chunkWorker = new int[16];
    private int[] chunkRow = new int[16];
    private long[] chunkEdge = new long[16];
    private int[] chunkRows = new int[16];

    GraphRecorder(Model<S, A> model, List<Predicate<S>> goals, Scratch scratch) {
        if (goals.size() > 63) {
            throw new IllegalArgumentException("at most 63 recorded predicates in one check, not " + goals.size());
        }
        this.model = model;
        this.goals = goals;
        this.scratch = scratch;
        this.graph = new StateGraph<>(model, goals.size(), scratch);
        this.where = new MappedLongs(scratch, "level-where");
        this.finalNumber = new MappedInts(scratch, "level-numbers");
        this.order = new MappedInts(scratch, "level-order");
        this.position = new MappedInts(scratch, "level-positions");
    }

    Scratch scratch() {
        return scratch;
    }

    /** The goals a state satisfies, as bits. */
    long goals(S s) {
        long bits = 0;
        for (int i = 0; i < goals.size(); i++) {
            if (goals.get(i).test(s)) {
                bits |= 1L << i;
            }
        }
        return bits;
    }

    /** One search thread's record of the current level, in mapped files. */
    static final class Buffers<S> implements AutoCloseable {
        /** Three ints per edge: target (provisional for a state new in this level), action, this thread's class. */
        final MappedInts edgeData;
        /** Each expanded state's number of edges. */
        final MappedInts rowLength;
        /** Three longs per state found: fingerprint, goal bits, provisional number (high half) and place (low). */
        final MappedLongs found;
        /**
         * This thread's numbering of the fairness classes it has seen (a class is the model's {@code long}), the
         * class of each such number, and the graph's number for it once the merge has met it.
         */
        final LongIntMap classIndex = new LongIntMap();
        long[] classValue = new long[64];
        int[] graphClass = new int[64];
        long edges;
        int rows;
        private int rowEdges;
        int foundCount;
        /** The states found within the boundary (the search thread's own array). */
        final StateArray<S> states;

        Buffers(StateArray<S> states, Scratch scratch) {
            this.states = states;
            this.edgeData = new MappedInts(scratch, "thread-edges");
            this.rowLength = new MappedInts(scratch, "thread-rows");
            this.found = new MappedLongs(scratch, "thread-found");
        }

        void clear() {
            edges = 0;
            rows = 0;
            rowEdges = 0;
            foundCount = 0;
        }

        void startRow() {
            endRow();
            rowLength.ensure(rows + 1L);
            rows++;
            rowEdges = 0;
        }

        /** Writes the length of the row being written (at the end of a chunk, and before the next row). */
        void endRow() {
            if (rows > 0) {
                rowLength.set(rows - 1, rowEdges);
            }
        }

        void edge(int target, int action, long fairnessClass) {
            int local = -1;
            if (fairnessClass >= 0) {
                local = classIndex.get(fairnessClass);
                if (local < 0) {
                    local = classIndex.size();
                    classIndex.put(fairnessClass, local);
                    if (local == graphClass.length) {
                        graphClass = Arrays.copyOf(graphClass, local * 2);
                        classValue = Arrays.copyOf(classValue, local * 2);
                    }
                    graphClass[local] = -1;
                    classValue[local] = fairnessClass;
                }
            }
            long at = 3 * edges++;
            edgeData.ensure(at + 3);
            edgeData.set(at, target);
            edgeData.set(at + 1, action);
            edgeData.set(at + 2, local);
            rowEdges++;
        }

        /** A new state; {@code at} is where it lies in {@link #states}, or -1 when it lies outside the boundary. */
        void found(long fp, int number, long goals, int at) {
            long r = 3L * foundCount++;
            found.ensure(r + 3);
            found.set(r, fp);
            found.set(r + 1, goals);
            found.set(r + 2, (long) number << 32 | Integer.toUnsignedLong(at));
        }

        @Override
        public void close() {
            edgeData.close();
            rowLength.close();
            found.close();
        }
    }

    /** Called by the thread that takes chunk {@code c} of the frontier, before it expands it. */
    void startChunk(int c, int worker, Buffers<S> b) {
        chunkWorker[c] = worker;
        chunkRow[c] = b.rows;
        chunkEdge[c] = b.edges;
    }

    void endChunk(int c, Buffers<S> b) {
        b.endRow();
        chunkRows[c] = b.rows - chunkRow[c];
    }

    /** Before a level of {@code chunks} chunks is expanded. */
    void startLevel(int chunks) {
        if (chunkWorker.length < chunks) {
            int n = Math.max(chunks, chunkWorker.length * 2);
            chunkWorker = new int[n];
            chunkRow = new int[n];
            chunkEdge = new long[n];
            chunkRows = new int[n];
        }
    }

    /**
     * Ends a level: numbers its new states, appends the rows of the frontier just expanded, and writes the next
     * frontier, in number order, into {@code next} (cleared first).
     *
     * @param chunks the chunks the expanded frontier was cut into (0 for the initial states)
     * @param expanded the frontier just expanded (its states' numbers name the rows)
     * @param given the provisional numbers given so far (the table's count)
     */
    void endLevel(List<Buffers<S>> buffers, int chunks, int chunkSize, StateArray<S> expanded, int given,
                  StateArray<S> next, FingerprintTable table, Parallel parallel) {
        int n = given - levelBase;
        where.ensure(n);
        finalNumber.ensure(n);
        order.ensure(n);
        position.ensure(n);
        for (int w = 0; w < buffers.size(); w++) {
            Buffers<S> b = buffers.get(w);
            for (int j = 0; j < b.foundCount; j++) {
                int local = (int) (b.found.get(3L * j + 2) >>> 32) - levelBase;
                where.set(local, (long) w << 32 | j);
                finalNumber.set(local, -1);
            }
        }
        int base = graph.size;
        int k = 0;
        if (chunks == 0) {
            // The initial states, inserted by one thread in the model's order.
            for (; k < n; k++) {
                order.set(k, k);
                finalNumber.set(k, base + k);
            }
        }
        for (int c = 0; c < chunks; c++) {
            Buffers<S> b = buffers.get(chunkWorker[c]);
            for (long e = chunkEdge[c], to = e + chunkEdges(b, c); e < to; e++) {
                int t = b.edgeData.get(3 * e);
                if (t >= levelBase && finalNumber.get(t - levelBase) < 0) {
                    finalNumber.set(t - levelBase, base + k);
                    order.set(k++, t - levelBase);
                }
                graphClass(b, b.edgeData.get(3 * e + 2));
            }
        }
        if (k != n) {
            throw new IllegalStateException(n + " states new in this level, " + k + " reached by its edges");
        }
        // The flags in order, and where each state within the boundary goes in the next frontier (or -1) ...
        int within = 0;
        for (int r = 0; r < n; r++) {
            long wh = where.get(order.get(r));
            Buffers<S> b = buffers.get((int) (wh >>> 32));
            long rec = 3L * (int) wh;
            int at = (int) b.found.get(rec + 2);
            graph.setFlags(base + r, b.found.get(rec + 1), at < 0);
            position.set(r, at < 0 ? -1 : within++);
        }
        graph.size = base + n;
        next.clear();
        next.resize(within);
        // ... then the states copied there and the final numbers given to the table, on every thread.
        parallel.run((part, parts) -> {
            for (int r = part; r < n; r += parts) {
                long wh = where.get(order.get(r));
                Buffers<S> b = buffers.get((int) (wh >>> 32));
                long rec = 3L * (int) wh;
                int to = position.get(r);
                if (to >= 0) {
                    next.setFrom(to, b.states, (int) b.found.get(rec + 2), base + r);
                }
                table.renumber(b.found.get(rec), base + r);
            }
        });
        if (base == 0) {
            initialIndex(buffers, n);
        }
        // The rows in order, then their edges copied on every thread (a chunk's edges are contiguous in the graph).
        long[] chunkStart = new long[chunks];
        for (int c = 0; c < chunks; c++) {
            Buffers<S> b = buffers.get(chunkWorker[c]);
            for (int row = 0; row < chunkRows[c]; row++) {
                long first = graph.startRow(expanded.id(c * chunkSize + row), b.rowLength.get(chunkRow[c] + row));
                if (row == 0) {
                    chunkStart[c] = first;
                }
            }
        }
        graph.reserveEdges();
        int levelStart = levelBase;
        parallel.run((part, parts) -> {
            for (int c = part; c < chunks; c += parts) {
                Buffers<S> b = buffers.get(chunkWorker[c]);
                long to = chunkStart[c];
                for (long e = chunkEdge[c], end = e + chunkEdges(b, c); e < end; e++, to++) {
                    int t = b.edgeData.get(3 * e);
                    // A state new in this level gets its final number; -1 (an edge the constraints do not follow,
                    // which leaves the graph) and the numbers of earlier levels stay.
                    int k2 = b.edgeData.get(3 * e + 2);
                    graph.setEdge(to, t >= levelStart ? finalNumber.get(t - levelStart) : t,
                            b.edgeData.get(3 * e + 1), k2 < 0 ? -1 : b.graphClass[k2]);
                }
            }
        });
        levelBase = given;
        for (Buffers<S> b : buffers) {
            b.clear();
        }
    }

    /** The edges chunk {@code c} wrote into {@code b}. */
    private long chunkEdges(Buffers<S> b, int c) {
        long n = 0;
        for (int row = 0; row < chunkRows[c]; row++) {
            n += b.rowLength.get(chunkRow[c] + row);
        }
        return n;
    }

    /** Runs a job on every search thread: {@code job.run(part, parts)} for each part. */
    interface Parallel {
        void run(Job job);

        interface Job {
            void run(int part, int parts);
        }
    }

    /**
     * The graph's number of a thread's fairness class: classes are numbered in order of first appearance in the
     * rows, one number per class whichever threads met it.
     */
    private int graphClass(Buffers<S> b, int local) {
        if (local < 0) {
            return -1;
        }
        if (b.graphClass[local] < 0) {
            int g = graphClasses.get(b.classValue[local]);
            if (g < 0) {
                g = graph.classCount++;
                graphClasses.put(b.classValue[local], g);
            }
            b.graphClass[local] = g;
        }
        return b.graphClass[local];
    }

    /** Ends the search: every row is closed. */
    StateGraph<S, A> finish() {
        graph.finish();
        return graph;
    }

    /** The fingerprint of the state that the level's numbering put {@code r}-th. */
    private long foundFp(List<Buffers<S>> buffers, int r) {
        long wh = where.get(order.get(r));
        return buffers.get((int) (wh >>> 32)).found.get(3L * (int) wh);
    }

    /** The index in the model's list of each of the {@code n} initial states. */
    private void initialIndex(List<Buffers<S>> buffers, int n) {
        List<S> inits = model.initialStates();
        graph.initialCount = n;
        graph.initialIndex = new int[n];
        for (int id = 0; id < n; id++) {
            long fp = foundFp(buffers, id);
            for (int i = 0; i < inits.size(); i++) {
                if (FingerprintTable.normalize(model.fingerprint(inits.get(i))) == fp) {
                    graph.initialIndex[id] = i;
                    break;
                }
            }
        }
    }

    /** Frees the per-level buffers (the graph stays open). */
    @Override
    public void close() {
        where.close();
        finalNumber.close();
        order.close();
        position.close();
    }
}
