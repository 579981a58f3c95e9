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
 * Then it appends the rows. (Numbers in discovery order also keep a state's successors close together, which the
 * component search of {@link Liveness} profits from: it follows edges at random.)
 */
final class GraphRecorder<S, A> {
    private final Model<S, A> model;
    private final List<Predicate<S>> goals;
    final StateGraph<S, A> graph;
    /** The graph's number of each fairness class met so far (used by the merging thread only). */
    private final LongIntMap graphClasses = new LongIntMap();
    /** The final number of each state, by the provisional number the table gave it. */
    private int[] finalNumber = new int[1024];
    /** The provisional numbers given before the current level. */
    private int levelBase;
    private int[] chunkWorker = new int[16];
    private int[] chunkRow = new int[16];
    private int[] chunkEdge = new int[16];
    private int[] chunkRows = new int[16];

    GraphRecorder(Model<S, A> model, List<Predicate<S>> goals) {
        if (goals.size() > 63) {
            throw new IllegalArgumentException("at most 63 eventually properties in one check, not " + goals.size());
        }
        this.model = model;
        this.goals = goals;
        this.graph = new StateGraph<>(model, goals.size());
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

    /** One search thread's record of the current level. */
    static final class Buffers<S> {
        int[] targets = new int[1024];
        int[] actions = new int[1024];
        int[] classes = new int[1024];
        /**
         * This thread's numbering of the fairness classes it has seen (a class is the model's {@code long}), the
         * class of each such number, and the graph's number for it once the merge has met it.
         */
        final LongIntMap classIndex = new LongIntMap();
        long[] classValue = new long[64];
        int[] graphClass = new int[64];
        int edges;
        int[] rowLength = new int[256];
        int rows;
        long[] fps = new long[256];
        int[] numbers = new int[256];
        long[] goalBits = new long[256];
        /** Where each state found lies in {@link #states}, or -1 for a state outside the boundary. */
        int[] stateAt = new int[256];
        int found;
        /** The states found within the boundary (the search thread's own array). */
        final StateArray<S> states;

        Buffers(StateArray<S> states) {
            this.states = states;
        }

        void clear() {
            edges = 0;
            rows = 0;
            found = 0;
        }

        void startRow() {
            if (rows == rowLength.length) {
                rowLength = Arrays.copyOf(rowLength, rows * 2);
            }
            rowLength[rows++] = 0;
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
            if (edges == targets.length) {
                targets = Arrays.copyOf(targets, edges * 2);
                actions = Arrays.copyOf(actions, edges * 2);
                classes = Arrays.copyOf(classes, edges * 2);
            }
            targets[edges] = target;
            actions[edges] = action;
            classes[edges++] = local;
            rowLength[rows - 1]++;
        }

        /** A new state; {@code at} is where it lies in {@link #states}, or -1 when it lies outside the boundary. */
        void found(long fp, int number, long goals, int at) {
            if (found == fps.length) {
                int n = found * 2;
                fps = Arrays.copyOf(fps, n);
                numbers = Arrays.copyOf(numbers, n);
                goalBits = Arrays.copyOf(goalBits, n);
                stateAt = Arrays.copyOf(stateAt, n);
            }
            fps[found] = fp;
            numbers[found] = number;
            goalBits[found] = goals;
            stateAt[found++] = at;
        }
    }

    /** Called by the thread that takes chunk {@code c} of the frontier, before it expands it. */
    void startChunk(int c, int worker, Buffers<S> b) {
        chunkWorker[c] = worker;
        chunkRow[c] = b.rows;
        chunkEdge[c] = b.edges;
    }

    void endChunk(int c, Buffers<S> b) {
        chunkRows[c] = b.rows - chunkRow[c];
    }

    /** Before a level of {@code chunks} chunks is expanded. */
    void startLevel(int chunks) {
        if (chunkWorker.length < chunks) {
            int n = Math.max(chunks, chunkWorker.length * 2);
            chunkWorker = new int[n];
            chunkRow = new int[n];
            chunkEdge = new int[n];
            chunkRows = new int[n];
        }
    }

    /** The next frontier's fingerprints and numbers, in number order (its states are in the array given). */
    record Frontier(long[] fps, int[] ids) {
    }

    /**
     * Ends a level: numbers its new states, appends the rows of the frontier just expanded, and returns the next
     * frontier.
     *
     * @param chunks the chunks the expanded frontier was cut into (0 for the initial states)
     * @param expandedIds the numbers of the states of the expanded frontier
     * @param given the provisional numbers given so far (the table's count)
     * @param next receives the next frontier's states (it is cleared first)
     */
    Frontier endLevel(List<Buffers<S>> buffers, int chunks, int chunkSize, int[] expandedIds, int given,
                      StateArray<S> next, Parallel parallel) {
        int n = given - levelBase;
        long[] fp = new long[n];
        long[] goalBits = new long[n];
        // Where each new state lies: the thread in the high half, its index in the thread's array in the low half.
        long[] where = new long[n];
        for (int w = 0; w < buffers.size(); w++) {
            Buffers<S> b = buffers.get(w);
            for (int j = 0; j < b.found; j++) {
                int local = b.numbers[j] - levelBase;
                fp[local] = b.fps[j];
                goalBits[local] = b.goalBits[j];
                where[local] = b.stateAt[j] < 0 ? -1 : (long) w << 32 | b.stateAt[j];
            }
        }
        if (finalNumber.length < given) {
            finalNumber = Arrays.copyOf(finalNumber, Math.max(given, finalNumber.length * 2));
        }
        Arrays.fill(finalNumber, levelBase, given, -1);
        int base = graph.size;
        int[] order = new int[n];
        int k = 0;
        if (chunks == 0) {
            // The initial states, inserted by one thread in the model's order.
            for (; k < n; k++) {
                order[k] = k;
                finalNumber[levelBase + k] = base + k;
            }
        }
        for (int c = 0; c < chunks; c++) {
            Buffers<S> b = buffers.get(chunkWorker[c]);
            for (int e = chunkEdge[c], to = e + chunkEdges(b, c); e < to; e++) {
                int t = b.targets[e];
                if (t >= levelBase && finalNumber[t] < 0) {
                    finalNumber[t] = base + k;
                    order[k++] = t - levelBase;
                }
                graphClass(b, b.classes[e]);
            }
        }
        if (k != n) {
            throw new IllegalStateException(n + " states new in this level, " + k + " reached by its edges");
        }
        int within = 0;
        for (int r = 0; r < n; r++) {
            int local = order[r];
            int id = base + r;
            for (long bits = goalBits[local]; bits != 0; bits &= bits - 1) {
                graph.goal[Long.numberOfTrailingZeros(bits)].set(id);
            }
            if (where[local] < 0) {
                graph.boundary.set(id);
            } else {
                within++;
            }
        }
        Frontier frontier = new Frontier(new long[within], new int[within]);
        next.clear();
        for (int r = 0; r < n; r++) {
            int local = order[r];
            if (where[local] >= 0) {
                frontier.fps[next.size()] = fp[local];
                frontier.ids[next.size()] = base + r;
                next.addFrom(buffers.get((int) (where[local] >>> 32)).states, (int) where[local]);
            }
        }
        graph.size = base + n;
        if (base == 0) {
            initialIndex(fp);
        }
        // The rows in order, then their edges copied on every thread (a chunk's edges are contiguous in the graph).
        long[] chunkStart = new long[chunks];
        for (int c = 0; c < chunks; c++) {
            Buffers<S> b = buffers.get(chunkWorker[c]);
            for (int row = 0; row < chunkRows[c]; row++) {
                long first = graph.startRow(expandedIds[c * chunkSize + row], b.rowLength[chunkRow[c] + row]);
                if (row == 0) {
                    chunkStart[c] = first;
                }
            }
        }
        graph.reserveEdges();
        parallel.run((part, parts) -> {
            for (int c = part; c < chunks; c += parts) {
                Buffers<S> b = buffers.get(chunkWorker[c]);
                long to = chunkStart[c];
                for (int e = chunkEdge[c], end = e + chunkEdges(b, c); e < end; e++, to++) {
                    int k2 = b.classes[e];
                    int t = b.targets[e];
                    // Target -1: an edge the constraints do not follow (it leaves the graph).
                    graph.setEdge(to, t < 0 ? -1 : finalNumber[t], b.actions[e], k2 < 0 ? -1 : b.graphClass[k2]);
                }
            }
        });
        levelBase = given;
        for (Buffers<S> b : buffers) {
            b.clear();
        }
        return frontier;
    }

    /** The edges chunk {@code c} wrote into {@code b}. */
    private int chunkEdges(Buffers<S> b, int c) {
        int n = 0;
        for (int row = 0; row < chunkRows[c]; row++) {
            n += b.rowLength[chunkRow[c] + row];
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
        finalNumber = null;
        return graph;
    }

    /** The index in the model's list of each initial state (numbered by fingerprint like every level). */
    private void initialIndex(long[] fp) {
        List<S> inits = model.initialStates();
        graph.initialCount = graph.size;
        graph.initialIndex = new int[graph.size];
        for (int id = 0; id < graph.size; id++) {
            for (int i = 0; i < inits.size(); i++) {
                if (FingerprintTable.normalize(model.fingerprint(inits.get(i))) == fp[id]) {
                    graph.initialIndex[id] = i;
                    break;
                }
            }
        }
    }
}
