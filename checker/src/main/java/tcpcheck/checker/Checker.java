package tcpcheck.checker;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * Checks properties of a {@link Model} by exhaustive explicit-state search.
 *
 * <pre>{@code
 * CheckResult<S, A> r = Checker.of(model)
 *         .property(Property.always("mutual exclusion", s -> ...))
 *         .threads(2)
 *         .run();
 * }</pre>
 *
 * <p>Safety properties ({@code always}, {@code transition}, {@code terminal}, {@code sometimes}) are checked during
 * one search, breadth-first by default, so every counterexample is a shortest one. {@code eventually} properties are
 * checked under weak fairness on the reachable graph (see {@link Liveness}), which that same search records when
 * there are any (a depth-first check records it in a breadth-first pass of its own). A search cut short by a limit gives {@link Verdict#INCOMPLETE} for every
 * property it had not decided.
 */
public final class Checker<S, A> {
    private final Model<S, A> model;
    private final List<Property<S, A>> properties = new ArrayList<>();
    private final List<BreadthFirstSearch.Metric<S>> metrics = new ArrayList<>();
    private SearchOrder order = SearchOrder.BREADTH_FIRST;
    private int threads = 1;
    private Limits limits = Limits.none();
    private Consumer<Progress> progress;
    private boolean stopWhenAllFound;
    private boolean stopAtFirstFinding;
    private long expectedStates = 1 << 16;
    private java.nio.file.Path temporaryDirectory;
    private long visitedMemory = -1;

    private Checker(Model<S, A> model) {
        this.model = Objects.requireNonNull(model);
    }

    public static <S, A> Checker<S, A> of(Model<S, A> model) {
        return new Checker<>(model);
    }

    public Checker<S, A> property(Property<S, A> p) {
        for (Property<S, A> q : properties) {
            if (q.name().equals(p.name())) {
                throw new IllegalArgumentException("two properties named " + p.name());
            }
        }
        properties.add(p);
        return this;
    }

    public Checker<S, A> properties(List<Property<S, A>> ps) {
        ps.forEach(this::property);
        return this;
    }

    public Checker<S, A> order(SearchOrder o) {
        this.order = Objects.requireNonNull(o);
        return this;
    }

    /** Search threads (breadth-first only); results are the same for any number. */
    public Checker<S, A> threads(int n) {
        if (n < 1 || n > 1024) {
            throw new IllegalArgumentException("threads must be between 1 and 1024, not " + n);
        }
        this.threads = n;
        return this;
    }

    public Checker<S, A> limits(Limits l) {
        this.limits = Objects.requireNonNull(l);
        return this;
    }

    /** Called every few seconds during a long search. */
    public Checker<S, A> progress(Consumer<Progress> listener) {
        this.progress = listener;
        return this;
    }

    /** Stop at the end of the first level at which every safety property has a counterexample (or witness). */
    public Checker<S, A> stopWhenAllFound(boolean b) {
        this.stopWhenAllFound = b;
        return this;
    }

    /**
     * Stop at the end of the first level at which some safety property has a counterexample (or witness). The
     * properties not decided by then are INCOMPLETE; the counterexamples found are still shortest ones.
     */
    public Checker<S, A> stopAtFirstFinding(boolean b) {
        this.stopAtFirstFinding = b;
        return this;
    }

    /** A sizing hint for the visited-state table. */
    public Checker<S, A> expectedStates(long n) {
        this.expectedStates = Math.max(16, n);
        return this;
    }

    /**
     * Where the check keeps its temporary files (parent links, frontier, liveness graph), in a directory of its own
     * that it removes at the end; default {@link Scratch#defaultRoot()}.
     */
    public Checker<S, A> temporaryDirectory(java.nio.file.Path dir) {
        this.temporaryDirectory = Objects.requireNonNull(dir);
        return this;
    }

    /**
     * The heap the visited-state table may take (default: half the largest heap); past it, the table keeps the
     * states of earlier levels in sorted runs on disk (see {@link FingerprintTable}).
     */
    public Checker<S, A> visitedMemory(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("visited memory must be positive, not " + bytes);
        }
        this.visitedMemory = bytes;
        return this;
    }

    /** The heap the visited-state table may take: as set, or half the largest heap. */
    long visitedMemory() {
        return visitedMemory > 0 ? visitedMemory : Runtime.getRuntime().maxMemory() / 2;
    }

    /** Tracks the largest value of {@code metric} over the reached states, reported in {@link Statistics#maxima()}. */
    public Checker<S, A> trackMaximum(String name, ToLongFunction<S> metric) {
        metrics.add(new BreadthFirstSearch.Metric<>(name, metric));
        return this;
    }

    public CheckResult<S, A> run() {
        try (Scratch scratch = Scratch.in(temporaryDirectory != null ? temporaryDirectory : Scratch.defaultRoot())) {
            return run(scratch);
        }
    }

    private CheckResult<S, A> run(Scratch scratch) {
        long start = System.nanoTime();
        List<Property<S, A>> safety = new ArrayList<>();
        List<Property<S, A>> liveness = new ArrayList<>();
        for (Property<S, A> p : properties) {
            (p.kind() == Property.Kind.EVENTUALLY ? liveness : safety).add(p);
        }
        List<Predicate<S>> goals = new ArrayList<>();
        for (Property<S, A> p : liveness) {
            goals.add(p::test);
        }
        GraphRecorder<S, A> recorder = liveness.isEmpty() ? null : new GraphRecorder<>(model, goals, scratch);
        CheckResult<S, A> safe;
        StateGraph<S, A> graph = null;
        String graphIncomplete;
        if (order == SearchOrder.BREADTH_FIRST) {
            BreadthFirstSearch<S, A> bfs = new BreadthFirstSearch<>(model, safety, metrics, limits, threads, progress,
                    stopWhenAllFound, stopAtFirstFinding, expectedStates, recorder, scratch, visitedMemory());
            safe = bfs.run();
            graph = bfs.graph();
            graphIncomplete = safe.incompleteReason();
        } else {
            safe = new DepthFirstSearch<>(model, safety, limits, expectedStates).run();
            graphIncomplete = safe.incompleteReason();
            if (recorder != null && graphIncomplete == null) {
                BreadthFirstSearch<S, A> bfs = new BreadthFirstSearch<>(model, List.of(), metrics, limits, threads,
                        progress, false, false, expectedStates, recorder, scratch, visitedMemory());
                graphIncomplete = bfs.run().incompleteReason();
                graph = bfs.graph();
            }
        }
        recorder = null;
        List<PropertyResult<S, A>> live = new ArrayList<>();
        if (graph == null) {
            for (Property<S, A> p : liveness) {
                live.add(new PropertyResult<>(p, Verdict.INCOMPLETE, null, graphIncomplete));
            }
        } else {
            try (StateGraph<S, A> g = graph) {
                live = Liveness.checkAll(g, liveness, threads);
            }
            for (PropertyResult<S, A> r : live) {
                if (r.verdict() == Verdict.INCOMPLETE) {
                    graphIncomplete = r.detail();
                }
            }
        }
        String incomplete = safe.incompleteReason() != null ? safe.incompleteReason()
                : liveness.isEmpty() ? null : graphIncomplete;
        List<PropertyResult<S, A>> results = new ArrayList<>();
        for (Property<S, A> p : properties) {
            for (PropertyResult<S, A> r : p.kind() == Property.Kind.EVENTUALLY ? live : safe.results()) {
                if (r.property() == p) {
                    results.add(r);
                }
            }
        }
        Statistics s = safe.statistics();
        Statistics stats = new Statistics(s.states(), s.transitions(), s.depth(), s.boundaryStates(),
                System.nanoTime() - start, s.storageBytes(), scratch.peakBytes(), s.collisionProbability(),
                s.threads(), s.maxima());
        return new CheckResult<>(results, stats, incomplete);
    }
}
