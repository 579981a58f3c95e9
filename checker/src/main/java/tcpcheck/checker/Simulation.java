package tcpcheck.checker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Seeded random walks over a model, for bounds too large to enumerate: each walk starts in an initial state and
 * takes enabled steps chosen by a {@link Bias} until it reaches a state with no enabled action, a state at the
 * boundary, or the depth limit. On the way it checks every property as the explorer would on the same path
 * ({@link Violation}): invariants on each state, transition predicates on each step, terminal predicates at the
 * end, and {@code eventually} at the end and whenever the walk closes a weakly fair cycle. A violation found is
 * {@linkplain Shrinker shrunk}.
 *
 * <p>Run {@code r} of seed {@code s} depends on nothing else ({@link #walk}), so the first violating run of each
 * property is the same for any number of threads: runs are handed out in order, and only runs after a property's
 * first hit are skipped. A walk proves nothing when it finds nothing: the outcome then is "not found".
 */
public final class Simulation<S, A> {
    private final Model<S, A> model;
    private final List<Property<S, A>> properties = new ArrayList<>();
    private int runs = 1000;
    private int depth = 200;
    private long seed = 1;
    private Bias<S, A> bias = Bias.uniform();
    private Shrinker.Hints<S, A> hints;
    private int threads = 1;
    private java.util.function.Predicate<java.util.Set<String>> enough;
    private long maxNanos = Long.MAX_VALUE;
    private int maxShrinkTests = 200_000;
    /** Runs are taken in generations of this many, each generation on all threads, then merged in run order. */
    static final int GENERATION = 256;
    private Consumer<Status> progress;
    private Stuttering stuttering = Stuttering.FORBIDDEN;

    private Simulation(Model<S, A> model) {
        this.model = Objects.requireNonNull(model);
    }

    public static <S, A> Simulation<S, A> of(Model<S, A> model) {
        return new Simulation<>(model);
    }

    public Simulation<S, A> property(Property<S, A> p) {
        for (Property<S, A> q : properties) {
            if (q.name().equals(p.name())) {
                throw new IllegalArgumentException("two properties named '" + p.name() + "'");
            }
        }
        properties.add(p);
        return this;
    }

    public Simulation<S, A> properties(List<Property<S, A>> ps) {
        ps.forEach(this::property);
        return this;
    }

    /** How many walks (at least 1). */
    public Simulation<S, A> runs(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("runs must be at least 1, not " + n);
        }
        this.runs = n;
        return this;
    }

    /** The most steps a walk takes (at least 1). */
    public Simulation<S, A> depth(int d) {
        if (d < 1) {
            throw new IllegalArgumentException("depth must be at least 1, not " + d);
        }
        this.depth = d;
        return this;
    }

    public Simulation<S, A> seed(long s) {
        this.seed = s;
        return this;
    }

    public Simulation<S, A> bias(Bias<S, A> b) {
        this.bias = Objects.requireNonNull(b);
        return this;
    }

    /** What the model tells the shrinker; without hints it only drops steps and cuts cycles. */
    public Simulation<S, A> hints(Shrinker.Hints<S, A> h) {
        this.hints = h;
        return this;
    }

    public Simulation<S, A> threads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + n);
        }
        this.threads = n;
        return this;
    }

    /**
     * Stop handing out runs once every property has a hit (the default), or never ({@code false}, to take every run,
     * for throughput figures).
     */
    public Simulation<S, A> stopWhenAllFound(boolean b) {
        this.enough = b ? null : hit -> false;
        return this;
    }

    /**
     * Stop handing out runs once {@code enough} says so of the names of the properties hit by the runs before
     * (a property may be one of several parts of what the user asked about).
     */
    public Simulation<S, A> stopWhen(java.util.function.Predicate<java.util.Set<String>> enough) {
        this.enough = Objects.requireNonNull(enough);
        return this;
    }

    /**
     * Stop after this long, shrinking included: no walk is started after it, and shrinking stops there with the
     * shortest violation found so far. The result then says so.
     */
    public Simulation<S, A> maxNanos(long n) {
        this.maxNanos = n;
        return this;
    }

    /** The most candidate paths the shrinker replays per violation. */
    public Simulation<S, A> maxShrinkTests(int n) {
        this.maxShrinkTests = n;
        return this;
    }

    /** Whether a behaviour may stop, for the liveness properties (as {@link Checker#stuttering}). */
    public Simulation<S, A> stuttering(Stuttering s) {
        this.stuttering = Objects.requireNonNull(s);
        return this;
    }

    /** Receives the walks done so far about once a second. */
    public Simulation<S, A> progress(Consumer<Status> p) {
        this.progress = p;
        return this;
    }

    /**
     * How far a simulation has got, for a progress listener.
     *
     * @param phase {@link #WALKS} while walks are taken, {@link #SHRINKING} while a violation found is shrunk
     */
    public record Status(long walks, long steps, long elapsedNanos, String phase) {
        /** The phase of the random walks. */
        public static final String WALKS = "walks";
        /** The phase of shrinking the violations found. */
        public static final String SHRINKING = "shrinking";

        public Status(long walks, long steps, long elapsedNanos) {
            this(walks, steps, elapsedNanos, WALKS);
        }

        @Override
        public String toString() {
            double sec = elapsedNanos / 1e9;
            return String.format(java.util.Locale.ROOT, "%,d walks, %,d steps, %,.0f walks/s, %.0f s", walks, steps,
                    sec > 0 ? walks / sec : 0, sec);
        }
    }

    /** How a walk ended. */
    public enum End {
        /** In a state with no enabled action. */
        TERMINAL,
        /** In a state at the model's boundary, or outside a constraint, which the explorer does not expand either. */
        BOUNDARY,
        /** After the most steps allowed. */
        DEPTH,
        /** The model threw an exception: every property not hit before is hit with an ERROR there. */
        ERROR
    }

    /**
     * One walk: the path it took, how it ended, and, per property in the order given, the part of the path that
     * violates it (or, for {@code sometimes}, reaches it), or null; and, per property, what threw when the hit is an
     * ERROR (null for a violation or no hit).
     */
    public record Walk<S, A>(int run, Trace<S, A> trace, End end, List<Trace<S, A>> hits, List<String> errors) {
    }

    /** The seed of run {@code run} of seed {@code seed} (SplitMix64 of both). */
    public static long runSeed(long seed, int run) {
        long z = seed + 0x9E3779B97F4A7C15L * (run + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Walk number {@code run} (from 0), as {@link #run} takes it. */
    public Walk<S, A> walk(int run) {
        SplittableRandom rnd = new SplittableRandom(runSeed(seed, run));
        WalkState w = new WalkState();
        A taking = null;
        End end = End.DEPTH;
        try {
            List<S> inits = model.initialStates();
            S s = inits.get(inits.size() == 1 ? 0 : rnd.nextInt(inits.size()));
            Bias<S, A> bias = this.bias.forWalk(rnd);
            w.steps.add(new Trace.Step<>(null, s));
            w.onState(s);
            boolean followed = model.constraint(s);
            if (w.liveness) {
                w.visited.put(model.fingerprint(s), 0);
            }
            double[] weights = new double[16];
            for (int k = 0; k < depth; k++) {
                if (!followed || !model.withinBoundary(s)) {
                    end = End.BOUNDARY;
                    break;
                }
                if (stuttering == Stuttering.ALLOWED && w.pendingAny() && Violation.canStop(model, s)) {
                    w.stops();
                }
                List<Trace.Step<S, A>> next = model.successors(s);
                if (next.isEmpty()) {
                    end = End.TERMINAL;
                    w.ends(s);
                    break;
                }
                Trace.Step<S, A> step = next.get(choose(bias, k, s, next, rnd, weights));
                taking = step.action();
                w.onStep(s, step);
                followed = model.followed(s, step.action(), step.state());
                w.steps.add(step);
                s = step.state();
                w.onState(s);
                taking = null;
                if (followed && w.liveness) {
                    Integer j = w.visited.putIfAbsent(model.fingerprint(s), w.steps.size() - 1);
                    if (j != null) {
                        w.closeCycle(j);
                    }
                }
            }
        } catch (Throwable e) {
            Thrown.rethrowUnlessReportable(e);
            end = End.ERROR;
            String what = taking == null ? "the model" : "the model, taking the action " + model.describe(taking) + ",";
            w.modelThrew(Thrown.describe(what, e));
        }
        return new Walk<>(run, new Trace<>(w.steps, -1), end, w.hits, w.errors);
    }

    /** What one walk has seen so far, per property. */
    private final class WalkState {
        final int np = properties.size();
        final List<Trace.Step<S, A>> steps = new ArrayList<>();
        final List<Trace<S, A>> hits = new ArrayList<>();
        final List<String> errors = new ArrayList<>();
        /** Per liveness property, the step from which it waits for its goal (a trigger since the last goal), or -1. */
        final int[] pending = new int[np];
        /** Per liveness property, the last step at which its goal held, or -1. */
        final int[] lastGoal = new int[np];
        final boolean liveness;
        /** The steps at which each state was first visited (for cycles), when there are liveness properties. */
        final Map<Long, Integer> visited = new HashMap<>();

        WalkState() {
            boolean any = false;
            for (int i = 0; i < np; i++) {
                hits.add(null);
                errors.add(null);
                Property<S, A> p = properties.get(i);
                any |= p.liveness();
                pending[i] = p.kind() == Property.Kind.EVENTUALLY ? 0 : -1;
                lastGoal[i] = -1;
            }
            liveness = any;
        }

        void hit(int i, Trace<S, A> t, String error) {
            if (hits.get(i) == null) {
                hits.set(i, t);
                errors.set(i, error);
            }
        }

        Trace<S, A> path() {
            return new Trace<>(steps, -1);
        }

        void threw(int i, Throwable e) {
            Thrown.rethrowUnlessReportable(e);
            hit(i, path(), Thrown.describe("the predicate", e));
        }

        void onState(S s) {
            int at = steps.size() - 1;
            for (int i = 0; i < np; i++) {
                Property<S, A> p = properties.get(i);
                if (hits.get(i) != null) {
                    continue;
                }
                try {
                    switch (p.kind()) {
                        case ALWAYS:
                            if (!p.test(s)) {
                                hit(i, path(), null);
                            }
                            break;
                        case SOMETIMES:
                            if (p.test(s)) {
                                hit(i, path(), null);
                            }
                            break;
                        case EVENTUALLY:
                        case LEADS_TO:
                            if (p.test(s)) {
                                lastGoal[i] = at;
                                pending[i] = -1;
                            } else if (pending[i] < 0 && p.triggers(s)) {
                                pending[i] = at;
                            }
                            break;
                        default:
                            break;
                    }
                } catch (Throwable e) {
                    threw(i, e);
                }
            }
        }

        void onStep(S s, Trace.Step<S, A> step) {
            for (int i = 0; i < np; i++) {
                Property<S, A> p = properties.get(i);
                if (p.kind() == Property.Kind.TRANSITION && hits.get(i) == null) {
                    try {
                        if (!p.test(s, step.action(), step.state())) {
                            List<Trace.Step<S, A>> upTo = new ArrayList<>(steps);
                            upTo.add(step);
                            hit(i, new Trace<>(upTo, -1), null);
                        }
                    } catch (Throwable e) {
                        Thrown.rethrowUnlessReportable(e);
                        List<Trace.Step<S, A>> upTo = new ArrayList<>(steps);
                        upTo.add(step);
                        hit(i, new Trace<>(upTo, -1), Thrown.describe("the predicate", e));
                    }
                }
            }
        }

        boolean pendingAny() {
            for (int i = 0; i < np; i++) {
                if (pending[i] >= 0 && hits.get(i) == null) {
                    return true;
                }
            }
            return false;
        }

        /** The walk's last state has no enabled action: terminal properties and pending liveness are hit. */
        void ends(S s) {
            for (int i = 0; i < np; i++) {
                Property<S, A> p = properties.get(i);
                if (hits.get(i) != null) {
                    continue;
                }
                if (p.kind() == Property.Kind.TERMINAL) {
                    try {
                        if (!p.test(s)) {
                            hit(i, path(), null);
                        }
                    } catch (Throwable e) {
                        threw(i, e);
                    }
                } else if (p.liveness() && pending[i] >= 0) {
                    hit(i, path(), null);
                }
            }
        }

        /** The behaviour may stop here (TLA+'s stuttering): pending liveness properties are hit, stuttering. */
        void stops() {
            for (int i = 0; i < np; i++) {
                if (properties.get(i).liveness() && pending[i] >= 0 && hits.get(i) == null) {
                    hit(i, new Trace<>(steps, steps.size() - 1), null);
                }
            }
        }

        /** The walk is back in the state of step {@code j}: a lasso that violates what waits since before it, if fair. */
        void closeCycle(int j) {
            Boolean fair = null;
            for (int i = 0; i < np; i++) {
                if (properties.get(i).liveness() && pending[i] >= 0 && lastGoal[i] < j && hits.get(i) == null) {
                    if (fair == null) {
                        fair = Violation.fairCycle(model, steps, j, stuttering);
                    }
                    if (fair) {
                        hit(i, new Trace<>(steps, j), null);
                    }
                }
            }
        }

        void modelThrew(String error) {
            if (steps.isEmpty()) {
                return;
            }
            for (int i = 0; i < np; i++) {
                hit(i, path(), error);
            }
        }
    }

    private static <S, A> int choose(Bias<S, A> bias, int k, S s, List<Trace.Step<S, A>> next,
                                     SplittableRandom rnd, double[] weights) {
        int n = next.size();
        if (n == 1) {
            return 0;
        }
        if (weights.length < n) {
            weights = new double[n];
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            double w = bias.weight(k, s, next.get(i).action(), next.get(i).state());
            weights[i] = w > 0 ? w : 0;
            total += weights[i];
        }
        if (!(total > 0)) {
            return rnd.nextInt(n);
        }
        double r = rnd.nextDouble() * total;
        for (int i = 0; i < n; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return n - 1;
    }

    /**
     * Runs the walks (on the given threads) and shrinks the first hit of each property. Runs go in generations of
     * {@value #GENERATION}, whose walks are counted in run order, so the figures do not depend on the threads.
     */
    public SimulationResult<S, A> run() {
        long start = System.nanoTime();
        int np = properties.size();
        long[] firstHit = new long[np];
        java.util.Arrays.fill(firstHit, Long.MAX_VALUE);
        List<Walk<S, A>> firstWalk = new ArrayList<>();
        for (int i = 0; i < np; i++) {
            firstWalk.add(null);
        }
        long done = 0;
        long steps = 0;
        long[] ends = new long[End.values().length];
        long lastReport = start;
        String stopped = null;
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "tcpcheck-simulation");
            t.setDaemon(true);
            return t;
        }) : null;
        try {
            for (int from = 0; from < runs; from += GENERATION) {
                if (System.nanoTime() - start > maxNanos) {
                    stopped = "the time limit was reached";
                    break;
                }
                int to = (int) Math.min(runs, (long) from + GENERATION);
                if (np > 0 && enoughBefore(firstHit, from)) {
                    break;
                }
                List<Walk<S, A>> walks = generation(from, to, pool);
                for (Walk<S, A> w : walks) {
                    if (np > 0 && enoughBefore(firstHit, w.run())) {
                        break;
                    }
                    done++;
                    steps += w.trace().length();
                    ends[w.end().ordinal()]++;
                    for (int i = 0; i < np; i++) {
                        if (w.hits().get(i) != null && w.run() < firstHit[i]) {
                            firstHit[i] = w.run();
                            firstWalk.set(i, w);
                        }
                    }
                }
                long now = System.nanoTime();
                if (progress != null && now - lastReport > 1_000_000_000L) {
                    lastReport = now;
                    progress.accept(new Status(done, steps, now - start));
                }
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        long walkNanos = System.nanoTime() - start;
        List<SimulationResult.Finding<S, A>> findings = new ArrayList<>();
        if (progress != null && firstWalk.stream().anyMatch(Objects::nonNull)) {
            progress.accept(new Status(done, steps, System.nanoTime() - start, Status.SHRINKING));
        }
        for (int i = 0; i < np; i++) {
            Property<S, A> p = properties.get(i);
            Walk<S, A> w = firstWalk.get(i);
            if (w == null) {
                findings.add(new SimulationResult.Finding<>(p, -1, null, null, 0, 0, null));
                continue;
            }
            Trace<S, A> hit = w.hits().get(i);
            String error = w.errors().get(i);
            if (p.kind() == Property.Kind.SOMETIMES && error == null || w.end() == End.ERROR && error != null
                    && Violation.find(model, p, hit, stuttering) == null) {
                // A witness, or where the model threw (which shrinking, judging properties, cannot keep).
                findings.add(new SimulationResult.Finding<>(p, w.run(), hit, hit, 0, 0, error));
                continue;
            }
            long t0 = System.nanoTime();
            Shrinker<S, A> shrinker = new Shrinker<>(model, p, hints, maxShrinkTests).stuttering(stuttering);
            if (maxNanos != Long.MAX_VALUE) {
                shrinker.deadline(start + maxNanos);
            }
            Trace<S, A> shrunk = shrinker.shrink(hit);
            if (shrinker.cutShort() && stopped == null) {
                stopped = "the time limit was reached while shrinking";
            }
            findings.add(new SimulationResult.Finding<>(p, w.run(), hit, shrunk, shrinker.tests(),
                    System.nanoTime() - t0, error));
        }
        return new SimulationResult<>(seed, runs, done, steps, walkNanos, ends, findings, stopped);
    }

    /** The walks of runs {@code from} (inclusive) to {@code to}, in run order. */
    private List<Walk<S, A>> generation(int from, int to, ExecutorService pool) {
        List<Walk<S, A>> out = new ArrayList<>(to - from);
        if (pool == null) {
            for (int r = from; r < to; r++) {
                out.add(walk(r));
            }
            return out;
        }
        AtomicInteger next = new AtomicInteger(from);
        @SuppressWarnings("unchecked")
        Walk<S, A>[] walks = new Walk[to - from];
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            fs.add(pool.submit(() -> {
                for (int r = next.getAndIncrement(); r < to; r = next.getAndIncrement()) {
                    walks[r - from] = walk(r);
                }
            }));
        }
        try {
            for (Future<?> f : fs) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
        out.addAll(java.util.Arrays.asList(walks));
        return out;
    }

    /** Whether the runs before {@code run} have hit enough properties to stop. */
    private boolean enoughBefore(long[] firstHit, int run) {
        java.util.Set<String> hit = new java.util.HashSet<>();
        for (int i = 0; i < firstHit.length; i++) {
            if (firstHit[i] < run) {
                hit.add(properties.get(i).name());
            }
        }
        return enough != null ? enough.test(hit) : hit.size() == properties.size();
    }
}
