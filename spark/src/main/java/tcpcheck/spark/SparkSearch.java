package tcpcheck.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;
import tcpcheck.checker.CheckResult;
import tcpcheck.checker.Engine;
import tcpcheck.checker.FingerprintTable;
import tcpcheck.checker.Model;
import tcpcheck.checker.ModelSource;
import tcpcheck.checker.Progress;
import tcpcheck.checker.Property;
import tcpcheck.checker.PropertyResult;
import tcpcheck.checker.Statistics;
import tcpcheck.checker.Trace;
import tcpcheck.checker.TraceBuilder;
import tcpcheck.checker.Thrown;
import tcpcheck.checker.Verdict;

/**
 * The breadth-first search on Spark, level by level. The states are partitioned by fingerprint
 * ({@link FingerprintPartitioner}); each partition keeps its visited set, in a {@link LevelPart} that the next
 * level's filter takes over where it is (the two are zipped partition by partition, with no shuffle). A level is one
 * shuffle: the frontier's partitions expand their states ({@link Expansion}), the successors go to the partitions
 * that own them, which filter them ({@link Filter}). The driver sees only each partition's figures and findings.
 * The parent links of each level stay on the executors' disks, and the traces are rebuilt from them at the end by
 * following the smallest parent back, level by level, and replaying the path forward on the driver
 * ({@link TraceBuilder#replay}): the same rules as the single-machine search, so the same counterexamples. The
 * constraints, ERROR (a predicate or the model that threw, keyed as the single-machine search keys it; the driver
 * words the message, asking again on the trace) and TLC's counts are the single-machine search's too.
 */
final class SparkSearch<S, A> {
    private final JavaSparkContext sc;
    private final ModelSource<S, A> source;
    private final Engine.Options options;
    private final int partitions;
    private final Model<S, A> model;
    private final List<Property<S, A>> properties;
    private final long start = System.nanoTime();

    SparkSearch(JavaSparkContext sc, ModelSource<S, A> source, Engine.Options options, int partitions) {
        this.sc = sc;
        this.source = source;
        this.options = options;
        this.partitions = partitions;
        this.model = source.model();
        this.properties = source.properties(model);
        if (model.packing() == null) {
            throw new IllegalArgumentException("the spark engine needs a model that packs its states (Model.packing)");
        }
    }

    CheckResult<S, A> run() {
        FingerprintPartitioner partitioner = new FingerprintPartitioner(partitions);
        int words = Records.HEADER + model.packing().words();
        // Level 0: the initial states, as candidates with no parent. One outside the constraint is checked here and
        // not added; one the model fails on is the model's finding (and the search ends after level 0).
        int modelIndex = properties.size();
        long[][] best = new long[modelIndex + 1][];
        Map<Long, long[]> initial = new LinkedHashMap<>();
        List<S> inits;
        try {
            inits = model.initialStates();
        } catch (Throwable e) {
            Thrown.rethrowUnlessReportable(e);
            inits = List.of();
            best[modelIndex] = Findings.of(modelIndex, 0, 0, NO_TRACE, true);
            initialError = Thrown.describe("the model's initial states", e);
        }
        boolean packOnce = model.packing().fingerprintsWords();
        for (int i = 0; i < inits.size(); i++) {
            S s = inits.get(i);
            long fp = 0;
            try {
                long[] r = new long[words];
                fp = FingerprintTable.normalize(packOnce ? model.packing().packAndFingerprint(s, r, Records.HEADER)
                        : model.fingerprint(s));
                if (!model.constraint(s)) {
                    checkInitialOutside(s, fp, i, best);
                    continue;
                }
                if (!packOnce) {
                    model.packing().pack(s, r, Records.HEADER);
                }
                // Its boundary is judged here, where the single-machine search says the model threw on an initial
                // state; the partition that owns it judges it again.
                model.withinBoundary(s);
                r[0] = fp;
                initial.putIfAbsent(fp, r);
            } catch (Throwable e) {
                Thrown.rethrowUnlessReportable(e);
                long[] f = Findings.of(modelIndex, 0, fp, i, true);
                if (best[modelIndex] == null || Findings.before(f, best[modelIndex])) {
                    best[modelIndex] = f;
                    initialError = Thrown.describe("the model, on its initial state " + i, e);
                }
            }
        }
        List<Tuple2<Long, long[]>> seeds = new ArrayList<>();
        initial.forEach((fp, r) -> seeds.add(new Tuple2<>(fp, r)));
        JavaPairRDD<Long, long[]> candidates = sc.parallelizePairs(seeds, partitions).partitionBy(partitioner);
        List<LevelPart> empty = new ArrayList<>();
        for (int i = 0; i < partitions; i++) {
            empty.add(new LevelPart());
        }
        JavaRDD<LevelPart> parts = sc.parallelize(empty, partitions);
        List<JavaRDD<Tuple2<long[], LevelPart.Summary>>> parentLevels = new ArrayList<>();
        long states = 0;
        long transitions = 0;
        long boundary = 0;
        int depth = 0;
        long[] maxima = null;
        String stopReason = null;
        int level = -1;
        long frontierSize;
        long initialCounted = 0;
        while (true) {
            JavaRDD<LevelPart> next = candidates.zipPartitions(parts, new Filter<>(source, level + 1));
            next.persist(StorageLevel.MEMORY_AND_DISK());
            next.rdd().localCheckpoint();
            // One job a level: the parent links kept on disk and the figures collected in the same pass.
            JavaRDD<Tuple2<long[], LevelPart.Summary>> linked =
                    next.map(p -> new Tuple2<>(p.parents, p.summary)).persist(StorageLevel.DISK_ONLY());
            List<LevelPart.Summary> sums = linked.map(Tuple2::_2).collect();
            parentLevels.add(linked);
            parts.unpersist(false);
            parts = next;
            long found = 0;
            frontierSize = 0;
            for (LevelPart.Summary s : sums) {
                found += s.newStates;
                boundary += s.boundary;
                transitions += s.transitions;
                for (int f = 0; f < s.findingCount; f++) {
                    long[] x = s.finding(f);
                    if (best[modelIndex] != null && x[0] == modelIndex && Findings.before(x, best[modelIndex])) {
                        initialError = null;
                    }
                    Findings.offer(best, x);
                }
                if (maxima == null) {
                    maxima = s.maxima.clone();
                } else {
                    for (int m = 0; m < maxima.length; m++) {
                        maxima[m] = Math.max(maxima[m], s.maxima[m]);
                    }
                }
                frontierSize += s.newStates - s.boundary;
            }
            states += found;
            if (level < 0) {
                initialCounted = found;
            }
            if (found > 0) {
                depth = level + 1;
            }
            level++;
            if (options.progress() != null) {
                options.progress().accept(new Progress(states, transitions, level, System.nanoTime() - start));
            }
            if (best[modelIndex] != null) {
                // The model threw in this level: the search ends with it (the same error on any partitioning).
                break;
            }
            if (frontierSize == 0) {
                break;
            }
            if (level >= options.limits().maxDepth()) {
                stopReason = "depth limit of " + options.limits().maxDepth() + " reached";
                break;
            }
            boolean any = false;
            boolean all = true;
            for (int i = 0; i < modelIndex; i++) {
                if (properties.get(i).liveness()) {
                    continue;
                }
                any |= best[i] != null;
                all &= best[i] != null;
            }
            if (options.stopAtFirstFinding() && any) {
                if (!all) {
                    stopReason = "stopped at the first counterexample";
                }
                break;
            }
            if (states >= options.limits().maxStates()) {
                stopReason = "state limit of " + options.limits().maxStates() + " reached";
                break;
            }
            if (System.nanoTime() - start >= options.limits().maxNanos()) {
                stopReason = "time limit of " + (options.limits().maxNanos() / 1_000_000_000L) + " s reached";
                break;
            }
            JavaRDD<long[]> frontier = parts.flatMap(p -> new RecordIterator(p.frontier, p.frontierCount, words));
            candidates = frontier.mapPartitionsToPair(new Expansion<>(source, level)).partitionBy(partitioner);
        }
        Map<String, Long> named = new LinkedHashMap<>();
        List<String> names = Filter.metricNames(source.metrics(model));
        for (int m = 0; m < names.size(); m++) {
            named.put(names.get(m), maxima == null ? Long.MIN_VALUE : maxima[m]);
        }
        Statistics stats = new Statistics(states, transitions, depth, boundary, System.nanoTime() - start,
                Long.BYTES * states, 2L * Long.BYTES * states,
                Statistics.collisionProbability(states, transitions), partitions, named, initialCounted,
                inits.size() + transitions);
        List<PropertyResult<S, A>> results = results(best, parentLevels, stopReason);
        if (modelThrew != null) {
            stopReason = modelThrew;
        }
        parts.unpersist(false);
        for (JavaRDD<?> p : parentLevels) {
            p.unpersist(false);
        }
        String incomplete = stopReason;
        if (incomplete == null) {
            for (PropertyResult<S, A> r : results) {
                if (r.verdict() == Verdict.INCOMPLETE) {
                    incomplete = r.name() + ": " + r.detail();
                    break;
                }
            }
        }
        return new CheckResult<>(results, stats, incomplete);
    }

    /** The state properties on an initial state outside the constraint, keyed by its index, as the engine does. */
    private void checkInitialOutside(S s, long fp, int index, long[][] best) {
        for (int i = 0; i < properties.size(); i++) {
            Property<S, A> p = properties.get(i);
            if (!p.onEachState()) {
                continue;
            }
            try {
                if (p.foundIn(s)) {
                    Findings.offer(best, Findings.of(i, 0, fp, index, false));
                }
            } catch (Throwable e) {
                Thrown.rethrowUnlessReportable(e);
                Findings.offer(best, Findings.of(i, 0, fp, index, true));
            }
        }
    }

    /** The reason a liveness property gets. */
    static final String NOT_CHECKED = "not checked by the spark engine";

    /** The action index of the model's finding when its list of initial states threw: no trace. */
    private static final long NO_TRACE = Integer.MIN_VALUE;

    /** What the model threw, said on the driver when it threw there (the initial states); else null. */
    private String initialError;
    /** What the model threw and where, once the results are built; null if it did not throw. */
    private String modelThrew;

    /**
     * The depth of the visited state whose path a finding's trace starts with (the state itself, or the source of
     * its step), or -1 when its trace needs none (an initial state by its index, or no trace).
     */
    private static int pathDepth(long[] f) {
        if (f[3] == NO_TRACE || f[1] == 0 && f[3] >= 0) {
            return -1;
        }
        return (int) f[1] - (f[3] >= 0 ? 1 : 0);
    }

    private List<PropertyResult<S, A>> results(long[][] best,
                                               List<JavaRDD<Tuple2<long[], LevelPart.Summary>>> parentLevels,
                                               String stopReason) {
        int modelIndex = properties.size();
        List<Integer> wanted = new ArrayList<>();
        for (int i = 0; i <= modelIndex; i++) {
            if (best[i] != null && pathDepth(best[i]) >= 0) {
                wanted.add(i);
            }
        }
        long[] fps = new long[wanted.size()];
        int[] depths = new int[wanted.size()];
        for (int j = 0; j < wanted.size(); j++) {
            fps[j] = best[wanted.get(j)][2];
            depths[j] = pathDepth(best[wanted.get(j)]);
        }
        long[][] chains = chains(fps, depths, parentLevels);
        List<Trace<S, A>> traces = new ArrayList<>();
        for (int i = 0; i <= modelIndex; i++) {
            long[] f = best[i];
            Trace<S, A> trace = null;
            if (f != null && f[3] != NO_TRACE) {
                if (f[1] == 0 && f[3] >= 0) {
                    trace = Trace.of(model.initialStates().get((int) f[3]));
                } else {
                    long[] chain = chains[wanted.indexOf(i)];
                    trace = TraceBuilder.replay(model, chain);
                    if (trace == null) {
                        throw new IllegalStateException("no path to state " + Long.toHexString(chain[chain.length - 1])
                                + ": the model's fingerprint or next-state function is not deterministic");
                    }
                    if (f[3] >= 0) {
                        trace = TraceBuilder.extend(model, trace, (int) f[3]);
                    }
                }
            }
            traces.add(trace);
        }
        Trace<S, A> modelTrace = traces.get(modelIndex);
        if (best[modelIndex] != null) {
            modelThrew = initialError != null ? initialError : modelError(modelTrace.last());
        }
        List<PropertyResult<S, A>> out = new ArrayList<>();
        for (int i = 0; i < modelIndex; i++) {
            Property<S, A> p = properties.get(i);
            long[] f = best[i];
            boolean sometimes = p.kind() == Property.Kind.SOMETIMES;
            if ((p.liveness() || f == null) && modelThrew != null) {
                out.add(new PropertyResult<>(p, Verdict.ERROR, modelTrace, modelThrew));
            } else if (p.liveness()) {
                out.add(new PropertyResult<>(p, Verdict.INCOMPLETE, null, NOT_CHECKED));
            } else if (f == null) {
                out.add(stopReason != null ? new PropertyResult<>(p, Verdict.INCOMPLETE, null, stopReason)
                        : sometimes ? new PropertyResult<>(p, Verdict.VIOLATED, null, "no reachable state satisfies it")
                        : new PropertyResult<>(p, Verdict.HOLDS, null, null));
            } else if (f[4] != 0) {
                out.add(new PropertyResult<>(p, Verdict.ERROR, traces.get(i), predicateError(p, traces.get(i))));
            } else {
                out.add(sometimes ? new PropertyResult<>(p, Verdict.HOLDS, traces.get(i), "witness")
                        : new PropertyResult<>(p, Verdict.VIOLATED, traces.get(i), null));
            }
        }
        return out;
    }

    /** What a property's predicate throws at the end of its trace (it threw there on an executor). */
    private String predicateError(Property<S, A> p, Trace<S, A> trace) {
        List<Trace.Step<S, A>> steps = trace.steps();
        try {
            if (p.kind() == Property.Kind.TRANSITION) {
                p.test(steps.get(steps.size() - 2).state(), steps.get(steps.size() - 1).action(), trace.last());
            } else {
                p.test(trace.last());
            }
        } catch (Throwable e) {
            Thrown.rethrowUnlessReportable(e);
            return Thrown.describe("the predicate", e);
        }
        return "the predicate threw";
    }

    /**
     * What the model throws on state {@code s}, where it threw on an executor: a tracked maximum on the state, or its
     * expansion (its actions, a step, the constraints, the packing, a successor's boundary), said as the
     * single-machine search says it.
     */
    private String modelError(S s) {
        Map<String, java.util.function.ToLongFunction<S>> metrics = source.metrics(model);
        for (String name : Filter.metricNames(metrics)) {
            try {
                metrics.get(name).applyAsLong(s);
            } catch (Throwable e) {
                Thrown.rethrowUnlessReportable(e);
                return Thrown.describe("the metric " + name, e);
            }
        }
        List<A> actions = new ArrayList<>();
        try {
            model.actions(s, actions);
        } catch (Throwable e) {
            Thrown.rethrowUnlessReportable(e);
            return Thrown.describe("the model", e);
        }
        long[] words = new long[model.packing().words()];
        for (A a : actions) {
            try {
                S t = model.nextState(s, a);
                if (t != null && model.followed(s, a, t)) {
                    model.fingerprint(t);
                    model.packing().pack(t, words, 0);
                    model.withinBoundary(model.packing().unpack(words, 0));
                }
            } catch (Throwable e) {
                Thrown.rethrowUnlessReportable(e);
                return Thrown.describe("the model, taking the action " + model.describe(a) + ",", e);
            }
        }
        return "the model threw";
    }

    /**
     * The fingerprints along the path to each target: each state's parent looked up in its level's links (one
     * job per level for all targets at once).
     */
    private long[][] chains(long[] fps, int[] depths,
                            List<JavaRDD<Tuple2<long[], LevelPart.Summary>>> parentLevels) {
        long[][] chains = new long[fps.length][];
        int deepest = -1;
        for (int t = 0; t < fps.length; t++) {
            chains[t] = new long[depths[t] + 1];
            chains[t][depths[t]] = fps[t];
            deepest = Math.max(deepest, depths[t]);
        }
        for (int level = deepest; level >= 1; level--) {
            Set<Long> wanted = new HashSet<>();
            for (int t = 0; t < fps.length; t++) {
                if (depths[t] >= level) {
                    wanted.add(chains[t][level]);
                }
            }
            Broadcast<Set<Long>> w = sc.broadcast(wanted);
            List<long[]> pairs = parentLevels.get(level).flatMap(linked -> {
                long[] ps = linked._1();
                List<long[]> hits = new ArrayList<>();
                for (int i = 0; i < ps.length; i += 2) {
                    if (w.value().contains(ps[i])) {
                        hits.add(new long[] {ps[i], ps[i + 1]});
                    }
                }
                return hits.iterator();
            }).collect();
            Map<Long, Long> parent = new HashMap<>();
            for (long[] pr : pairs) {
                parent.put(pr[0], pr[1]);
            }
            for (int t = 0; t < fps.length; t++) {
                if (depths[t] >= level) {
                    Long p = parent.get(chains[t][level]);
                    if (p == null) {
                        throw new IllegalStateException("no parent recorded for " + Long.toHexString(chains[t][level]));
                    }
                    chains[t][level - 1] = p;
                }
            }
            w.destroy();
        }
        return chains;
    }
}
