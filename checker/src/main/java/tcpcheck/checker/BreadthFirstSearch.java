package tcpcheck.checker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Level-synchronous breadth-first search of the safety properties ({@code always}, {@code transition},
 * {@code terminal}, {@code sometimes}) on one or more threads.
 *
 * <p>Each level's frontier is split into chunks that the threads take in turn; the states they find go into the
 * shared {@link FingerprintTable} and into per-thread lists that become the next frontier. At the end of a level the
 * "found in this level" flags are cleared. Because parents and counterexamples are chosen by fingerprint order, not by
 * the order of discovery, the counts, the parent of every state and every counterexample are the same with one
 * thread or several.
 */
final class BreadthFirstSearch<S, A> {
    private static final int CHUNK = 256;
    /** States whose successors are computed before any of them is inserted (see {@link Worker#expand}). */
    private static final int GROUP = 16;
    private static final long PROGRESS_NANOS = 3_000_000_000L;

    private final Model<S, A> model;
    private final Findings<S, A> findings;
    private final int[] transitionProps;
    private final int[] terminalProps;
    private final int[] stateProps;
    private final List<Metric<S>> metrics;
    private final Limits limits;
    private final int threads;
    private final Consumer<Progress> progress;
    private final boolean stopWhenAllFound;
    private final boolean stopAtFirstFinding;
    /** The visited states; dropped once the results are built, so that liveness has the memory. */
    private FingerprintTable table;
    /** The parent links, in files, one per level. */
    private final ParentLog parents;
    private final Scratch scratch;
    /** Records the state graph for liveness, or null. */
    private final GraphRecorder<S, A> recorder;
    private StateGraph<S, A> graph;
    /** The most heap the per-state arrays of the frontier have held (models without a packing only). */
    private long frontierHeapBytes;

    private final long start = System.nanoTime();
    private final AtomicLong statesSoFar = new AtomicLong();
    private final AtomicLong transitionsSoFar = new AtomicLong();
    private final AtomicLong nextProgress = new AtomicLong(start + PROGRESS_NANOS);
    private volatile String stopReason;
    private volatile int level;
    /** The first place where the model threw (the smallest key of the shallowest level), or null. */
    private Findings.Finding modelError;
    /** What the model threw and where, once the results are built; null if it did not throw. */
    private ModelError<S, A> thrown;
    /** Initial states the model listed, and those counted (distinct, within the constraints). */
    private long initialListed;
    private long initialCounted;

    /** A tracked maximum over the reached states. */
    record Metric<S>(String name, java.util.function.ToLongFunction<S> value) {
    }

    BreadthFirstSearch(Model<S, A> model, List<Property<S, A>> safety, List<Metric<S>> metrics, Limits limits,
                       int threads, Consumer<Progress> progress, boolean stopWhenAllFound,
                       boolean stopAtFirstFinding, long expectedStates, GraphRecorder<S, A> recorder,
                       Scratch scratch, long tableHeapBytes) {
        this.model = model;
        this.findings = new Findings<>(safety);
        this.transitionProps = indices(safety, Property.Kind.TRANSITION);
        this.terminalProps = indices(safety, Property.Kind.TERMINAL);
        int[] always = indices(safety, Property.Kind.ALWAYS);
        int[] sometimes = indices(safety, Property.Kind.SOMETIMES);
        this.stateProps = concat(always, sometimes);
        this.metrics = metrics;
        this.limits = limits;
        this.threads = threads;
        this.progress = progress;
        // The graph needs every state: a search that records it does not stop early when all safety is decided.
        this.stopWhenAllFound = stopWhenAllFound && recorder == null;
        this.stopAtFirstFinding = stopAtFirstFinding;
        this.recorder = recorder;
        this.scratch = scratch;
        this.table = new FingerprintTable(threads > 1, expectedStates, scratch, recorder != null, tableHeapBytes);
        this.parents = new ParentLog(scratch);
    }

    /** What the model threw, and where; null when it did not throw. */
    ModelError<S, A> modelError() {
        return thrown;
    }

    /** The recorded state graph, complete when the search was; null when none was recorded or it was cut short. */
    StateGraph<S, A> graph() {
        return graph;
    }

    static <S, A> int[] indices(List<Property<S, A>> ps, Property.Kind kind) {
        return java.util.stream.IntStream.range(0, ps.size()).filter(i -> ps.get(i).kind() == kind).toArray();
    }

    private static int[] concat(int[] a, int[] b) {
        int[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** One thread's share of a level. */
    private final class Worker {
        final int index;
        final List<A> actions = new ArrayList<>();
        Object[] successors = new Object[64];
        long[] successorFps = new long[64];
        int[] successorAction = new int[64];
        long[] successorClass = new long[64];
        final Object[] groupStates = new Object[GROUP];
        final long[] groupFps = new long[GROUP];
        final int[] groupFirst = new int[GROUP + 1];
        /** Per state of the group: whether it has an enabled action (before the constraints), whether the model threw. */
        final boolean[] groupEnabled = new boolean[GROUP];
        final boolean[] groupThrew = new boolean[GROUP];
        /**
         * The steps of the group that the constraints do not follow (for the graph: edges that leave it), state
         * {@code k}'s from {@code groupFirstCut[k]} on: the action's index and fairness class.
         */
        final int[] groupFirstCut = new int[GROUP + 1];
        int[] cutAction = new int[16];
        long[] cutClass = new long[16];
        long sink;
        /** The states this thread found within the boundary in the current level. */
        StateArray<S> next;
        /** Without a graph: the array this thread found the states of the level being expanded in. */
        StateArray<S> spare;
        final long[] unpackBuffer;
        final ParentLog.Writer parentLinks = parents.writer();
        long[] inserted = new long[64];
        int insertedCount;
        /** The most states this thread lists for {@link #settleLevel} in a level. */
        int settleEach;
        long transitions;
        long boundary;
        long states;
        final long[] maxima = new long[metrics.size()];
        final GraphRecorder.Buffers<S> buffers;
        /** With a packing that fingerprints its words: each successor's words, packed once (see below). */
        final StatePacking<S> packing = model.packing();
        final int packedWords = packing != null && packing.fingerprintsWords() ? packing.words() : 0;
        long[] successorWords = new long[64 * packedWords];
        /** The index of the action being taken, or -1 (to say where the model threw). */
        int taking;

        Worker(int index) {
            this.index = index;
            this.next = new StateArray<>(model.packing(), scratch);
            this.spare = recorder == null ? new StateArray<>(model.packing(), scratch) : null;
            this.unpackBuffer = new long[Math.max(1, next.words())];
            this.buffers = recorder == null ? null : new GraphRecorder.Buffers<>(next, recorder.scratch());
            Arrays.fill(maxima, Long.MIN_VALUE);
        }

        void startLevel() {
            next.clear();
            insertedCount = 0;
            settleEach = (int) Math.max(64, Math.min(Integer.MAX_VALUE - 8, table.capacity() / 64 / threads));
        }

        /** A new state; {@code packedAt} is where its words lie in {@link #successorWords}, or -1. */
        void found(S t, long ft, int depth, int number, int packedAt) {
            states++;
            // Past its share of a 64th of the table, the level is settled by one sweep (settleAll): no need to
            // list more, and the list never grows past that share.
            if (insertedCount < settleEach) {
                if (insertedCount == inserted.length) {
                    inserted = Arrays.copyOf(inserted, (int) Math.min(settleEach, inserted.length * 2L));
                }
                inserted[insertedCount] = ft;
            }
            insertedCount++;
            checkState(t, depth, ft, -1);
            for (int m = 0; m < maxima.length; m++) {
                try {
                    maxima[m] = Math.max(maxima[m], metrics.get(m).value().applyAsLong(t));
                } catch (Throwable e) {
                    Thrown.rethrowUnlessReportable(e);
                    modelThrew(new Findings.Finding(depth, ft, -1,
                            Thrown.describe("the metric " + metrics.get(m).name(), e)));
                }
            }
            boolean within = model.withinBoundary(t);
            if (buffers != null) {
                buffers.found(ft, number, recorder.goals(t), within ? next.size() : -1);
            }
            if (within) {
                if (packedAt >= 0) {
                    next.addPacked(ft, number, successorWords, packedAt);
                } else {
                    next.add(ft, number, t);
                }
            } else {
                boundary++;
            }
        }

        /** Checks the state properties on a state found at {@code depth} (key: see {@link Findings.Finding}). */
        void checkState(S t, int depth, long key, int actionIndex) {
            for (int i : stateProps) {
                if (findings.open(i, depth)) {
                    Property<S, A> p = findings.properties.get(i);
                    try {
                        if (p.foundIn(t)) {
                            findings.offer(i, new Findings.Finding(depth, key, actionIndex));
                        }
                    } catch (Throwable e) {
                        Thrown.rethrowUnlessReportable(e);
                        findings.offer(i, new Findings.Finding(depth, key, actionIndex,
                                Thrown.describe("the predicate", e)));
                    }
                }
            }
        }

        /**
         * Expands states {@code from} to {@code end - 1} of {@code part}, {@value #GROUP} at a time: first the
         * successors of the whole group (and the transition properties), then the home slots of all of them are
         * read ({@link FingerprintTable#touch}), so that their cache misses overlap, then they are inserted, state
         * by state and in the model's order of actions.
         */
        void expand(StateArray<S> part, int from, int end, int depth) {
            for (int g = from; g < end; g += GROUP) {
                int states = Math.min(end, g + GROUP) - g;
                int m = 0;
                int cuts = 0;
                for (int k = 0; k < states; k++) {
                    S s = part.get(g + k, unpackBuffer);
                    long fp = part.fp(g + k);
                    groupStates[k] = s;
                    groupFps[k] = fp;
                    groupFirst[k] = m;
                    groupFirstCut[k] = cuts;
                    groupThrew[k] = false;
                    groupEnabled[k] = false;
                    long r = successors(k, s, fp, depth, m, cuts);
                    m = (int) (r >>> 32);
                    cuts = (int) r;
                }
                groupFirst[states] = m;
                groupFirstCut[states] = cuts;
                sink += table.touch(successorFps, m);
                for (int k = 0; k < states; k++) {
                    insertSuccessors(k, depth);
                    groupStates[k] = null;
                }
            }
        }

        /**
         * Appends the successors of the group's state {@code k} from index {@code m} on, and the steps the
         * constraints do not follow from {@code cuts} on; returns the new ends (successors in the high half). If the
         * model throws, the error is recorded and the state keeps no successor: the level goes on, so that the error
         * reported (the shallowest, smallest key) is the same on any number of threads.
         */
        private long successors(int k, S s, long fp, int depth, int m, int cuts) {
            int m0 = m;
            int cuts0 = cuts;
            taking = -1;
            try {
                actions.clear();
                model.actions(s, actions);
                int n = actions.size();
                if (successors.length < m + n) {
                    int size = Math.max(m + n, successors.length * 2);
                    successors = Arrays.copyOf(successors, size);
                    successorFps = Arrays.copyOf(successorFps, size);
                    successorAction = Arrays.copyOf(successorAction, size);
                    successorClass = Arrays.copyOf(successorClass, size);
                    successorWords = Arrays.copyOf(successorWords, size * packedWords);
                }
                for (int ai = 0; ai < n; ai++) {
                    taking = ai;
                    A a = actions.get(ai);
                    S t = model.nextState(s, a);
                    if (t == null) {
                        continue;
                    }
                    groupEnabled[k] = true;
                    transitions++;
                    for (int i : transitionProps) {
                        if (findings.open(i, depth + 1)) {
                            try {
                                if (!findings.properties.get(i).test(s, a, t)) {
                                    findings.offer(i, new Findings.Finding(depth + 1, fp, ai));
                                }
                            } catch (Throwable e) {
                                Thrown.rethrowUnlessReportable(e);
                                findings.offer(i, new Findings.Finding(depth + 1, fp, ai,
                                        Thrown.describe("the predicate", e)));
                            }
                        }
                    }
                    if (!model.followed(s, a, t)) {
                        // Outside a constraint: checked where generated, as TLC does, and not added.
                        checkState(t, depth + 1, fp, ai);
                        if (buffers != null) {
                            if (cuts == cutAction.length) {
                                cutAction = Arrays.copyOf(cutAction, cuts * 2);
                                cutClass = Arrays.copyOf(cutClass, cuts * 2);
                            }
                            cutAction[cuts] = ai;
                            cutClass[cuts++] = model.fairness(s, a);
                        }
                        continue;
                    }
                    successors[m] = t;
                    successorAction[m] = ai;
                    if (buffers != null) {
                        successorClass[m] = model.fairness(s, a);
                    }
                    // One call packs and fingerprints when the model's fingerprint is that of its words.
                    successorFps[m] = FingerprintTable.normalize(packedWords > 0
                            ? packing.packAndFingerprint(t, successorWords, m * packedWords) : model.fingerprint(t));
                    m++;
                }
                taking = -1;
                return (long) m << 32 | cuts;
            } catch (Throwable e) {
                Thrown.rethrowUnlessReportable(e);
                threw(k, depth, e);
                for (int j = m0; j < m; j++) {
                    successors[j] = null;
                }
                return (long) m0 << 32 | cuts0;
            }
        }

        /** Records that the model threw on the group's state {@code k}, taking the action {@link #taking} (or none). */
        private void threw(int k, int depth, Throwable e) {
            groupThrew[k] = true;
            A a = taking >= 0 && taking < actions.size() ? actions.get(taking) : null;
            modelThrew(new Findings.Finding(depth, groupFps[k], -1, Thrown.describe(a == null ? "the model"
                    : "the model, taking the action " + model.describe(a) + ",", e)));
            taking = -1;
        }

        /**
         * Inserts the successors of the group's state {@code k}, records its row of the graph (the edges the
         * constraints do not follow last, to -1), and judges it when it has no enabled action. A state the model
         * threw on keeps its row as it stands.
         */
        private void insertSuccessors(int k, int depth) {
            long fp = groupFps[k];
            if (buffers != null) {
                buffers.startRow();
            }
            int first = groupFirst[k];
            int last = groupFirst[k + 1];
            try {
                for (int j = first; j < last; j++) {
                    @SuppressWarnings("unchecked")
                    S t = (S) successors[j];
                    successors[j] = null;
                    taking = successorAction[j];
                    long r = table.insert(successorFps[j]);
                    int kind = (int) r & 3;
                    if (kind != FingerprintTable.OLD) {
                        parentLinks.add(successorFps[j], fp);
                    }
                    int number = (int) (r >>> 2);
                    if (buffers != null) {
                        buffers.edge(number, successorAction[j], successorClass[j]);
                    }
                    if (kind == FingerprintTable.NEW) {
                        found(t, successorFps[j], depth + 1, number, packedWords > 0 ? j * packedWords : -1);
                    }
                }
            } catch (Throwable e) {
                Thrown.rethrowUnlessReportable(e);
                for (int j = first; j < last; j++) {
                    successors[j] = null;
                }
                threw(k, depth, e);
            }
            taking = -1;
            if (groupThrew[k]) {
                return;
            }
            for (int c = groupFirstCut[k]; c < groupFirstCut[k + 1]; c++) {
                // An edge that leaves the constraints: its fairness class is enabled here, as TLC's ENABLED has it.
                buffers.edge(-1, cutAction[c], cutClass[c]);
            }
            if (!groupEnabled[k]) {
                @SuppressWarnings("unchecked")
                S s = (S) groupStates[k];
                for (int i : terminalProps) {
                    if (findings.open(i, depth)) {
                        try {
                            if (!findings.properties.get(i).test(s)) {
                                findings.offer(i, new Findings.Finding(depth, fp, -1));
                            }
                        } catch (Throwable e) {
                            Thrown.rethrowUnlessReportable(e);
                            findings.offer(i, new Findings.Finding(depth, fp, -1, Thrown.describe("the predicate", e)));
                        }
                    }
                }
            }
        }

        /** Ends a level for this thread: the flags of its states cleared. */
        void settleLevel() {
            for (int i = 0; i < insertedCount; i++) {
                table.settle(inserted[i]);
            }
        }
    }

    /** A level's states: one or more arrays, cut into chunks of {@value #CHUNK} that the threads take in turn. */
    private static final class Frontier<S> {
        final List<StateArray<S>> parts = new ArrayList<>();
        int[] chunkPart = new int[16];
        int[] chunkStart = new int[16];
        int chunks;
        long size;

        void set(List<StateArray<S>> arrays) {
            parts.clear();
            parts.addAll(arrays);
            chunks = 0;
            size = 0;
            for (int p = 0; p < parts.size(); p++) {
                int n = parts.get(p).size();
                size += n;
                for (int at = 0; at < n; at += CHUNK) {
                    if (chunks == chunkPart.length) {
                        chunkPart = Arrays.copyOf(chunkPart, chunks * 2);
                        chunkStart = Arrays.copyOf(chunkStart, chunks * 2);
                    }
                    chunkPart[chunks] = p;
                    chunkStart[chunks++] = at;
                }
            }
        }
    }

    CheckResult<S, A> run() {
        List<Worker> workers = new ArrayList<>();
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "tcpcheck-search");
            t.setDaemon(true);
            return t;
        }) : null;
        int depth = 0;
        // With a graph: the frontier in number order, and the next one being written (they alternate).
        StateArray<S> ordered = null;
        StateArray<S> orderedNext = null;
        try {
            for (int i = 0; i < threads; i++) {
                workers.add(new Worker(i));
            }
            Worker w0 = workers.get(0);
            w0.startLevel();
            addInitialStates(w0);
            table.settleAll(0, 1);
            Frontier<S> frontier = new Frontier<>();
            if (modelError != null) {
                // The model threw on an initial state: nothing is expanded (the frontier stays empty).
                frontier.set(List.of());
            } else if (recorder != null) {
                ordered = new StateArray<>(model.packing(), scratch);
                orderedNext = new StateArray<>(model.packing(), scratch);
                recorder.endLevel(buffers(workers), 0, CHUNK, orderedNext, table.numbersGiven(), ordered, table,
                        job -> runOnAll(workers, pool, w -> job.run(w.index, threads)));
                frontier.set(List.of(ordered));
            } else {
                frontier.set(swap(workers));
            }
            statesSoFar.set(w0.states);
            initialCounted = w0.states;
            level = 0;
            while (frontier.size > 0 && modelError == null) {
                if (level >= limits.maxDepth()) {
                    stopReason = limits.depthReached();
                    break;
                }
                if ((stopWhenAllFound || stopAtFirstFinding) && findings.allFound()) {
                    break;
                }
                if (stopAtFirstFinding && findings.anyFound() && !findings.allFound()) {
                    stopReason = "stopped at the first counterexample";
                    break;
                }
                checkLimits();
                if (stopReason != null) {
                    break;
                }
                parents.startLevel(level + 1);
                expandLevel(workers, pool, frontier);
                for (Worker w : workers) {
                    w.parentLinks.flush();
                }
                parents.endLevel(job -> runOnAll(workers, pool, w -> job.run(w.index, threads)));
                if (anyInsertedThisLevel(workers)) {
                    depth = level + 1;
                }
                long inserted = 0;
                boolean listed = true;
                for (Worker w : workers) {
                    inserted += w.insertedCount;
                    listed &= w.insertedCount <= w.settleEach;
                }
                if (!listed) {
                    runOnAll(workers, pool, w -> table.settleAll(w.index, threads));
                } else {
                    runOnAll(workers, pool, Worker::settleLevel);
                }
                if (stopReason != null) {
                    break;
                }
                if (modelError != null) {
                    stopReason = modelError.error();
                    break;
                }
                if (recorder != null) {
                    recorder.endLevel(buffers(workers), frontier.chunks, CHUNK, ordered, table.numbersGiven(),
                            orderedNext, table, job -> runOnAll(workers, pool, w -> job.run(w.index, threads)));
                    StateArray<S> expanded = ordered;
                    ordered = orderedNext;
                    orderedNext = expanded;
                    frontier.set(List.of(ordered));
                } else {
                    frontier.set(swap(workers));
                }
                level++;
            }
            if (recorder != null && stopReason == null) {
                graph = recorder.finish();
            }
        } catch (OutOfMemoryError e) {
            stopReason = Limits.OUT_OF_MEMORY;
        } catch (java.io.UncheckedIOException e) {
            stopReason = Scratch.failed(e);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
            for (Worker w : workers) {
                // The lists of a level's new states (for settling them) only grow: their length is their peak.
                frontierHeapBytes += (long) w.inserted.length * Long.BYTES;
                frontierHeapBytes += w.next.heapBytes() + (w.spare == null ? 0 : w.spare.heapBytes());
                w.next.close();
                if (w.spare != null) {
                    w.spare.close();
                }
                if (w.buffers != null) {
                    w.buffers.close();
                }
            }
            if (ordered != null) {
                frontierHeapBytes += ordered.heapBytes() + orderedNext.heapBytes();
                ordered.close();
                orderedNext.close();
            }
            if (recorder != null) {
                recorder.close();
                if (graph == null) {
                    recorder.graph.close();
                }
            }
        }
        CheckResult<S, A> r = result(workers, depth);
        table.close();
        table = null;
        parents.close();
        return r;
    }

    /**
     * Adds the initial states in the model's order. One outside the constraints is checked and not added; one the
     * model fails on ends the search with an ERROR.
     */
    private void addInitialStates(Worker w0) {
        List<S> inits;
        try {
            inits = model.initialStates();
        } catch (Throwable e) {
            Thrown.rethrowUnlessReportable(e);
            modelThrew(new Findings.Finding(0, 0, Findings.NO_TRACE, Thrown.describe("the model's initial states", e)));
            stopReason = modelError.error();
            return;
        }
        for (int i = 0; i < inits.size(); i++) {
            S init = inits.get(i);
            initialListed++;
            long fp = 0;
            try {
                boolean oneCall = w0.packedWords > 0;
                fp = FingerprintTable.normalize(oneCall ? w0.packing.packAndFingerprint(init, w0.successorWords, 0)
                        : model.fingerprint(init));
                if (!model.constraint(init)) {
                    w0.checkState(init, 0, fp, i);
                    continue;
                }
                long r = table.insert(fp);
                if ((r & 3) == FingerprintTable.NEW) {
                    w0.found(init, fp, 0, (int) (r >>> 2), oneCall ? 0 : -1);
                }
            } catch (Throwable e) {
                Thrown.rethrowUnlessReportable(e);
                modelThrew(new Findings.Finding(0, fp, i, Thrown.describe("the model, on its initial state " + i, e)));
            }
        }
        if (modelError != null) {
            stopReason = modelError.error();
        }
    }

    /** Records where the model threw; the shallowest, smallest key is kept (the same on any number of threads). */
    private synchronized void modelThrew(Findings.Finding f) {
        if (modelError == null || f.before(modelError)) {
            modelError = f;
        }
    }

    private List<GraphRecorder.Buffers<S>> buffers(List<Worker> workers) {
        List<GraphRecorder.Buffers<S>> out = new ArrayList<>();
        for (Worker w : workers) {
            out.add(w.buffers);
        }
        return out;
    }

    /**
     * Without a graph, the next frontier is the states the threads found, thread after thread: each thread's array
     * of this level becomes part of the frontier, and the array it read from becomes the one it writes next.
     */
    private List<StateArray<S>> swap(List<Worker> workers) {
        List<StateArray<S>> parts = new ArrayList<>();
        for (Worker w : workers) {
            StateArray<S> found = w.next;
            w.next = w.spare;
            w.spare = found;
            parts.add(found);
        }
        return parts;
    }

    private boolean anyInsertedThisLevel(List<Worker> workers) {
        for (Worker w : workers) {
            if (w.insertedCount > 0) {
                return true;
            }
        }
        return false;
    }

    private void expandLevel(List<Worker> workers, ExecutorService pool, Frontier<S> frontier) {
        WorkQueue queue = new WorkQueue(frontier.chunks, 1);
        int depth = level;
        if (recorder != null) {
            recorder.startLevel(frontier.chunks);
        }
        for (Worker w : workers) {
            w.startLevel();
        }
        runOnAll(workers, pool, w -> {
            int c;
            while (stopReason == null && (c = queue.take()) >= 0) {
                long statesBefore = w.states;
                long transitionsBefore = w.transitions;
                StateArray<S> part = frontier.parts.get(frontier.chunkPart[c]);
                int from = frontier.chunkStart[c];
                int end = Math.min(part.size(), from + CHUNK);
                if (recorder != null) {
                    recorder.startChunk(c, w.index, w.buffers);
                }
                w.expand(part, from, end, depth);
                if (recorder != null) {
                    recorder.endChunk(c, w.buffers);
                }
                statesSoFar.addAndGet(w.states - statesBefore);
                transitionsSoFar.addAndGet(w.transitions - transitionsBefore);
                checkLimits();
            }
        });
    }

    private void runOnAll(List<Worker> workers, ExecutorService pool, Consumer<Worker> job) {
        if (pool == null) {
            job.accept(workers.get(0));
            return;
        }
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 1; i < workers.size(); i++) {
            Worker w = workers.get(i);
            futures.add(pool.submit(() -> job.accept(w)));
        }
        Throwable failure = null;
        try {
            job.accept(workers.get(0));
        } catch (RuntimeException | Error e) {
            failure = e;
            stopReason = "failed";
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopReason = "interrupted";
            }
        }
        if (failure instanceof Error err) {
            throw err;
        }
        if (failure instanceof RuntimeException re) {
            throw re;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    private void checkLimits() {
        long now = System.nanoTime();
        String reached = limits.reached(statesSoFar.get(), start);
        if (reached != null) {
            stopReason = reached;
        }
        long due = nextProgress.get();
        if (progress != null && now >= due && nextProgress.compareAndSet(due, now + PROGRESS_NANOS)) {
            progress.accept(new Progress(statesSoFar.get(), transitionsSoFar.get(), level, now - start));
        }
    }

    private CheckResult<S, A> result(List<Worker> workers, int depth) {
        long elapsed = System.nanoTime() - start;
        long transitions = 0;
        long boundary = 0;
        long[] maxima = new long[metrics.size()];
        Arrays.fill(maxima, Long.MIN_VALUE);
        for (Worker w : workers) {
            transitions += w.transitions;
            boundary += w.boundary;
            for (int m = 0; m < maxima.length; m++) {
                maxima[m] = Math.max(maxima[m], w.maxima[m]);
            }
        }
        java.util.Map<String, Long> named = new java.util.LinkedHashMap<>();
        for (int m = 0; m < maxima.length; m++) {
            named.put(metrics.get(m).name(), maxima[m]);
        }
        long states = table.size();
        Statistics stats = new Statistics(states, transitions, depth, boundary, elapsed,
                table.bytes() + frontierHeapBytes, 0, collisionProbability(states, transitions), threads, named,
                initialCounted, initialListed + transitions);
        int n = findings.properties.size();
        // Every finding, and where the model threw (last): their paths from the parent links in one pass.
        List<Findings.Finding> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(findings.get(i));
        }
        all.add(modelError);
        List<Integer> wanted = new ArrayList<>();
        for (int j = 0; j < all.size(); j++) {
            if (all.get(j) != null && Findings.pathDepth(all.get(j)) >= 0) {
                wanted.add(j);
            }
        }
        long[] fps = new long[wanted.size()];
        int[] depths = new int[wanted.size()];
        for (int w = 0; w < wanted.size(); w++) {
            Findings.Finding f = all.get(wanted.get(w));
            fps[w] = f.fp();
            depths[w] = Findings.pathDepth(f);
        }
        List<Trace<S, A>> paths;
        try {
            paths = new TraceBuilder<>(model, parents).tracesTo(fps, depths);
        } catch (java.io.UncheckedIOException e) {
            stopReason = Scratch.failed(e);
            List<PropertyResult<S, A>> none = new ArrayList<>();
            for (Property<S, A> p : findings.properties) {
                none.add(new PropertyResult<>(p, Verdict.INCOMPLETE, null, stopReason));
            }
            return new CheckResult<>(none, stats, stopReason);
        }
        List<Trace<S, A>> traces = new ArrayList<>();
        for (int j = 0; j < all.size(); j++) {
            Findings.Finding f = all.get(j);
            int w = wanted.indexOf(j);
            traces.add(f == null ? null : Findings.trace(model, f, w < 0 ? null : paths.get(w)));
        }
        thrown = modelError == null ? null : new ModelError<>(modelError.error(), traces.get(n));
        List<PropertyResult<S, A>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Property<S, A> p = findings.properties.get(i);
            Findings.Finding f = all.get(i);
            results.add(f == null && thrown != null ? thrown.resultFor(p)
                    : Findings.result(p, f, traces.get(i), stopReason));
        }
        return new CheckResult<>(results, stats, stopReason);
    }

    /** TLC's optimistic estimate, for 63-bit fingerprints. */
    static double collisionProbability(long states, long transitions) {
        return Statistics.collisionProbability(states, transitions);
    }
}
