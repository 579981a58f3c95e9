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
    /** Records the state graph for liveness, or null. */
    private final GraphRecorder<S, A> recorder;
    private StateGraph<S, A> graph;

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
                       boolean stopAtFirstFinding, long expectedStates, GraphRecorder<S, A> recorder) {
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
        this.table = new FingerprintTable(threads > 1, expectedStates, recorder != null);
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
        Object[] successors = new Object[16];
        long[] successorFps = new long[16];
        int[] successorAction = new int[16];
        long sink;
        /** The states this thread found within the boundary in the current level. */
        final StateArray<S> next = new StateArray<>(model.packing());
        long[] nextFps = new long[64];
        long[] inserted = new long[64];
        int insertedCount;
        long transitions;
        long boundary;
        long states;
        final long[] maxima = new long[metrics.size()];
        final GraphRecorder.Buffers<S> buffers = recorder == null ? null : new GraphRecorder.Buffers<>(next);
        /** With a packing that fingerprints its words: each successor's words, packed once (see below). */
        final StatePacking<S> packing = model.packing();
        final int packedWords = packing != null && packing.fingerprintsWords() ? packing.words() : 0;
        long[] successorWords = new long[16 * packedWords];

        Worker(int index) {
            this.index = index;
            Arrays.fill(maxima, Long.MIN_VALUE);
        }

        void startLevel() {
            next.clear();
            insertedCount = 0;
        }

        void found(S t, long ft, int depth, int number) {
            found(t, ft, depth, number, -1);
        }

        /** A new state; {@code packedAt} is where its words lie in {@link #successorWords}, or -1. */
        void found(S t, long ft, int depth, int number, int packedAt) {
            states++;
            if (insertedCount == inserted.length) {
                inserted = Arrays.copyOf(inserted, inserted.length * 2);
            }
            inserted[insertedCount++] = ft;
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
                if (within) {
                    addNext(t, packedAt);
                } else {
                    boundary++;
                }
                return;
            }
            if (within) {
                if (next.size() == nextFps.length) {
                    nextFps = Arrays.copyOf(nextFps, nextFps.length * 2);
                }
                nextFps[next.size()] = ft;
                addNext(t, packedAt);
            } else {
                boundary++;
            }
        }

        private void addNext(S t, int packedAt) {
            if (packedAt >= 0) {
                next.addPacked(successorWords, packedAt);
            } else {
                next.add(t);
            }
        }

        /** Checks the state properties on a state found at {@code depth} (key: see {@link Findings.Finding}). */
        void checkState(S t, int depth, long key, int actionIndex) {
            for (int i : stateProps) {
                if (findings.open(i, depth)) {
                    Property<S, A> p = findings.properties.get(i);
                    try {
                        boolean bad = p.kind() == Property.Kind.SOMETIMES ? p.test(t) : !p.test(t);
                        if (bad) {
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

        /** The enabled actions that the constraints do not follow, in the current row (for the graph). */
        int[] cutAction = new int[4];
        int cuts;

        /** The index of the action being taken, or -1; whether the state's row was started (if the model throws). */
        int taking;
        boolean rowStarted;

        /**
         * Expands one state. If the model throws, the state's row is closed as it stands and the error is recorded;
         * the level goes on, so that the error reported (the shallowest, smallest key) is the same on any threads.
         */
        void expand(S s, long fp, int depth) {
            taking = -1;
            rowStarted = false;
            try {
                expandState(s, fp, depth);
            } catch (Throwable e) {
                Thrown.rethrowUnlessReportable(e);
                if (buffers != null && !rowStarted) {
                    buffers.startRow();
                }
                A a = taking >= 0 && taking < actions.size() ? actions.get(taking) : null;
                modelThrew(new Findings.Finding(depth, fp, -1, Thrown.describe(a == null ? "the model"
                        : "the model, taking the action " + model.describe(a) + ",", e)));
            }
        }

        private void expandState(S s, long fp, int depth) {
            actions.clear();
            model.actions(s, actions);
            int tag = FingerprintTable.tagOf(fp);
            boolean enabled = false;
            int n = actions.size();
            if (successors.length < n) {
                successors = new Object[n];
                successorFps = new long[n];
                successorAction = new int[n];
                successorWords = new long[n * packedWords];
            }
            int m = 0;
            cuts = 0;
            for (int ai = 0; ai < n; ai++) {
                taking = ai;
                A a = actions.get(ai);
                S t = model.nextState(s, a);
                if (t == null) {
                    continue;
                }
                enabled = true;
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
                        }
                        cutAction[cuts++] = ai;
                    }
                    continue;
                }
                successors[m] = t;
                successorAction[m] = ai;
                // One call packs and fingerprints when the model's fingerprint is that of its words.
                successorFps[m] = FingerprintTable.normalize(packedWords > 0
                        ? packing.packAndFingerprint(t, successorWords, m * packedWords) : model.fingerprint(t));
                m++;
            }
            taking = -1;
            sink += table.touch(successorFps, m);
            if (buffers != null) {
                buffers.startRow();
                rowStarted = true;
            }
            for (int j = 0; j < m; j++) {
                @SuppressWarnings("unchecked")
                S t = (S) successors[j];
                taking = successorAction[j];
                if (buffers == null) {
                    if (table.add(successorFps[j], tag)) {
                        found(t, successorFps[j], depth + 1, 0, packedWords > 0 ? j * packedWords : -1);
                    }
                } else {
                    long r = table.addNumbered(successorFps[j], tag);
                    int number = (int) (r >>> 1);
                    taking = successorAction[j];
                    buffers.edge(number, taking, model.fairness(s, actions.get(taking)));
                    if ((r & 1) != 0) {
                        found(t, successorFps[j], depth + 1, number, packedWords > 0 ? j * packedWords : -1);
                    }
                }
                successors[j] = null;
            }
            for (int c = 0; c < cuts; c++) {
                // An edge that leaves the constraints: its fairness class is enabled here, as TLC's ENABLED has it.
                taking = cutAction[c];
                buffers.edge(-1, taking, model.fairness(s, actions.get(taking)));
            }
            taking = -1;
            if (!enabled) {
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

        void settleLevel() {
            for (int i = 0; i < insertedCount; i++) {
                table.settle(inserted[i]);
            }
        }
    }

    CheckResult<S, A> run() {
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            workers.add(new Worker(i));
        }
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "tcpcheck-search");
            t.setDaemon(true);
            return t;
        }) : null;
        int depth = 0;
        try {
            Worker w0 = workers.get(0);
            w0.startLevel();
            addInitialStates(w0);
            w0.settleLevel();
            StateArray<S> frontier = new StateArray<>(model.packing());
            long[] frontierFps;
            int[] frontierIds = null;
            if (recorder != null) {
                GraphRecorder.Frontier f = recorder.endLevel(buffers(workers), 0, CHUNK, null, table.numbersGiven(),
                        frontier, job -> runOnAll(workers, pool, w -> job.run(w.index, threads)));
                frontierFps = f.fps();
                frontierIds = f.ids();
            } else {
                frontierFps = gather(workers, frontier);
            }
            statesSoFar.set(w0.states);
            initialCounted = w0.states;
            level = 0;
            while (frontier.size() > 0 && modelError == null) {
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
                int chunks = (frontier.size() + CHUNK - 1) / CHUNK;
                expandLevel(workers, pool, frontier, frontierFps);
                if (anyInsertedThisLevel(workers)) {
                    depth = level + 1;
                }
                long inserted = 0;
                for (Worker w : workers) {
                    inserted += w.insertedCount;
                }
                if (inserted > table.capacity() / 32) {
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
                    GraphRecorder.Frontier f = recorder.endLevel(buffers(workers), chunks, CHUNK, frontierIds,
                            table.numbersGiven(), frontier, job -> runOnAll(workers, pool, w -> job.run(w.index, threads)));
                    frontierFps = f.fps();
                    frontierIds = f.ids();
                } else {
                    frontierFps = gather(workers, frontier);
                }
                level++;
            }
            if (recorder != null && stopReason == null) {
                graph = recorder.finish();
            }
        } catch (OutOfMemoryError e) {
            stopReason = Limits.OUT_OF_MEMORY;
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        CheckResult<S, A> r = result(workers, depth);
        table = null;
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
                if (recorder == null ? table.add(fp, FingerprintTable.ROOT)
                        : (table.addNumbered(fp, FingerprintTable.ROOT) & 1) != 0) {
                    w0.found(init, fp, 0, table.numbersGiven() - 1, oneCall ? 0 : -1);
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

    /** The next frontier, without a graph: the states the threads found, thread after thread; their fingerprints. */
    private long[] gather(List<Worker> workers, StateArray<S> frontier) {
        frontier.clear();
        int total = 0;
        for (Worker w : workers) {
            total += w.next.size();
        }
        long[] fps = new long[total];
        for (Worker w : workers) {
            System.arraycopy(w.nextFps, 0, fps, frontier.size(), w.next.size());
            for (int i = 0; i < w.next.size(); i++) {
                frontier.addFrom(w.next, i);
            }
        }
        return fps;
    }

    private boolean anyInsertedThisLevel(List<Worker> workers) {
        for (Worker w : workers) {
            if (w.insertedCount > 0) {
                return true;
            }
        }
        return false;
    }

    private void expandLevel(List<Worker> workers, ExecutorService pool, StateArray<S> frontier, long[] fps) {
        WorkQueue queue = new WorkQueue(frontier.size(), CHUNK);
        int depth = level;
        if (recorder != null) {
            recorder.startLevel((frontier.size() + CHUNK - 1) / CHUNK);
        }
        for (Worker w : workers) {
            w.startLevel();
        }
        runOnAll(workers, pool, w -> {
            int c;
            while (stopReason == null && (c = queue.take()) >= 0) {
                long statesBefore = w.states;
                long transitionsBefore = w.transitions;
                int end = Math.min(frontier.size(), (c + 1) * CHUNK);
                if (recorder != null) {
                    recorder.startChunk(c, w.index, w.buffers);
                }
                for (int i = c * CHUNK; i < end; i++) {
                    w.expand(frontier.get(i), fps[i], depth);
                }
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
        Statistics stats = new Statistics(states, transitions, depth, boundary, elapsed, table.bytes(),
                collisionProbability(states, transitions), threads, named, initialCounted,
                initialListed + transitions);
        TraceBuilder<S, A> traces = new TraceBuilder<>(model, table);
        List<PropertyResult<S, A>> results = new ArrayList<>();
        thrown = modelError == null ? null
                : new ModelError<>(modelError.error(), Findings.trace(model, traces, modelError));
        for (int i = 0; i < findings.properties.size(); i++) {
            Property<S, A> p = findings.properties.get(i);
            Findings.Finding f = findings.get(i);
            results.add(f == null && thrown != null ? thrown.resultFor(p)
                    : Findings.result(p, f, f == null ? null : Findings.trace(model, traces, f), stopReason));
        }
        return new CheckResult<>(results, stats, stopReason);
    }

    /** TLC's optimistic estimate, for 63-bit fingerprints. */
    static double collisionProbability(long states, long transitions) {
        return Math.min(1.0, (double) states * Math.max(0, transitions - states) / Math.pow(2, 63));
    }
}
