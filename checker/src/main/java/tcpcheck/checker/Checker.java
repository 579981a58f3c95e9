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
 * one search, breadth-first by default, so every counterexample is a shortest one. Liveness properties
 * ({@code eventually}, leads-to) are checked under weak fairness on the reachable graph (see {@link Liveness}), which
 * that same search records when there are any (a depth-first check records it in a breadth-first pass of its own),
 * with the {@link Stuttering} semantics chosen ({@link #stuttering}). A search cut short by a limit gives
 * {@link Verdict#INCOMPLETE} for every property it had not decided. An exception thrown by a property's predicate
 * gives that property {@link Verdict#ERROR}; one thrown by the model ends the search, and gives every property not
 * decided by then ERROR; both with the shortest trace to the state where it was thrown.
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
    private Stuttering stuttering = Stuttering.FORBIDDEN;
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

    /**
     * Stop at the end of the first level at which every safety property has a counterexample (or witness); without a
     * safety property, the search is not stopped.
     */
    public Checker<S, A> stopWhenAllFound(boolean b) {
        this.stopWhenAllFound = b;
        return this;
    }

    /**
     * Stop at the end of the first level at which some safety property has a counterexample (or witness). The
     * properties not decided by then are INCOMPLETE; the counterexamples found are still shortest ones. Without a
     * safety property (only {@code eventually} and leads-to), the search is not stopped and liveness is judged on the
     * whole graph.
     */
    public Checker<S, A> stopAtFirstFinding(boolean b) {
        this.stopAtFirstFinding = b;
        return this;
    }

    /**
     * Whether a behaviour may stop, for the liveness properties: {@link Stuttering#FORBIDDEN} (the default: not while
     * an action is enabled) or {@link Stuttering#ALLOWED} (TLA+'s: anywhere no weakly fair action is enabled).
     */
    public Checker<S, A> stuttering(Stuttering s) {
        this.stuttering = Objects.requireNonNull(s);
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
            (p.liveness() ? liveness : safety).add(p);
        }
        List<Predicate<S>> goals = new ArrayList<>();
        List<Liveness.Goals<S, A>> livenessGoals = goals(liveness, goals);
        GraphRecorder<S, A> recorder = liveness.isEmpty() ? null : new GraphRecorder<>(model, goals, scratch);
        CheckResult<S, A> safe;
        StateGraph<S, A> graph = null;
        String graphIncomplete;
        ModelError<S, A> thrown;
        if (order == SearchOrder.BREADTH_FIRST) {
            // Without a safety property there is nothing to find: every one of none would count as found at once.
            boolean findable = !safety.isEmpty();
            BreadthFirstSearch<S, A> bfs = new BreadthFirstSearch<>(model, safety, metrics, limits, threads, progress,
                    stopWhenAllFound && findable, stopAtFirstFinding && findable, expectedStates, recorder, scratch,
                    visitedMemory());
            safe = bfs.run();
            graph = bfs.graph();
            graphIncomplete = safe.incompleteReason();
            thrown = bfs.modelError();
        } else {
            DepthFirstSearch<S, A> dfs = new DepthFirstSearch<>(model, safety, limits, expectedStates);
            safe = dfs.run();
            graphIncomplete = safe.incompleteReason();
            thrown = dfs.modelError();
            if (recorder != null && graphIncomplete == null) {
                BreadthFirstSearch<S, A> bfs = new BreadthFirstSearch<>(model, List.of(), metrics, limits, threads,
                        progress, false, false, expectedStates, recorder, scratch, visitedMemory());
                graphIncomplete = bfs.run().incompleteReason();
                graph = bfs.graph();
                thrown = bfs.modelError();
            }
        }
        recorder = null;
        List<PropertyResult<S, A>> live = new ArrayList<>();
        try (StateGraph<S, A> g = graph) {
            if (thrown != null) {
                for (Property<S, A> p : liveness) {
                    live.add(thrown.resultFor(p));
                }
            } else if (graph == null) {
                for (Property<S, A> p : liveness) {
                    live.add(new PropertyResult<>(p, Verdict.INCOMPLETE, null, graphIncomplete));
                }
            } else if (limits.timeReached(start) != null) {
                // The time limit bounds the whole check: liveness is not started once it is reached.
                for (Property<S, A> p : liveness) {
                    live.add(new PropertyResult<>(p, Verdict.INCOMPLETE, null, limits.timeReached(start)));
                }
                graphIncomplete = limits.timeReached(start);
            } else {
                if (progress != null && !liveness.isEmpty()) {
                    Statistics s = safe.statistics();
                    progress.accept(new Progress(s.states(), s.transitions(), s.depth(), System.nanoTime() - start,
                            Progress.LIVENESS));
                }
                live = Liveness.checkAll(g, livenessGoals, threads, stuttering);
                for (PropertyResult<S, A> r : live) {
                    if (r.verdict() == Verdict.INCOMPLETE) {
                        graphIncomplete = r.detail();
                    }
                }
            }
        }
        String incomplete = safe.incompleteReason() != null ? safe.incompleteReason()
                : liveness.isEmpty() ? null : graphIncomplete;
        List<PropertyResult<S, A>> results = new ArrayList<>();
        for (Property<S, A> p : properties) {
            for (PropertyResult<S, A> r : p.liveness() ? live : safe.results()) {
                if (r.property() == p) {
                    results.add(r);
                }
            }
        }
        Statistics stats = safe.statistics().finished(System.nanoTime() - start, scratch.peakBytes());
        return new CheckResult<>(results, stats, incomplete);
    }

    /**
     * The predicates the graph records for the liveness properties (appended to {@code predicates}): per property
     * its goal, its trigger (leads-to), and whether one of them threw on the state (an ERROR; the predicates report
     * it to the next one through the thread, since the recorder evaluates them in order on one thread).
     */
    private static <S, A> List<Liveness.Goals<S, A>> goals(List<Property<S, A>> liveness,
                                                           List<Predicate<S>> predicates) {
        ThreadLocal<boolean[]> threw = ThreadLocal.withInitial(() -> new boolean[1]);
        java.util.concurrent.atomic.AtomicBoolean any = new java.util.concurrent.atomic.AtomicBoolean();
        List<Liveness.Goals<S, A>> out = new ArrayList<>();
        for (Property<S, A> p : liveness) {
            int goal = predicates.size();
            predicates.add(s -> safely(p::test, s, threw, any));
            int trigger = -1;
            if (p.kind() == Property.Kind.LEADS_TO) {
                trigger = predicates.size();
                predicates.add(s -> safely(p::triggers, s, threw, any));
            }
            int error = predicates.size();
            predicates.add(s -> {
                if (!any.get()) {
                    return false;
                }
                boolean[] t = threw.get();
                boolean here = t[0];
                t[0] = false;
                return here;
            });
            out.add(new Liveness.Goals<>(p, goal, trigger, error));
        }
        if (predicates.size() > 63) {
            throw new IllegalArgumentException("too many liveness properties in one check (" + liveness.size()
                    + "): the graph records at most 63 predicates, two per eventually and three per leads-to");
        }
        return out;
    }

    private static <S> boolean safely(Predicate<S> p, S s, ThreadLocal<boolean[]> threw,
                                      java.util.concurrent.atomic.AtomicBoolean any) {
        try {
            return p.test(s);
        } catch (Throwable e) {
            Thrown.rethrowUnlessReportable(e);
            any.set(true);
            threw.get()[0] = true;
            return false;
        }
    }
}
