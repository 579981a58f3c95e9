package tcpcheck.spark;

import java.util.ArrayList;
import java.util.Arrays;
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
import tcpcheck.checker.Verdict;

/**
 * The breadth-first search on Spark, level by level. The states are partitioned by fingerprint
 * ({@link FingerprintPartitioner}); each partition keeps its visited set, in a {@link LevelPart} that the next
 * level's filter takes over where it is (the two are zipped partition by partition, with no shuffle). A level is one
 * shuffle: the frontier's partitions expand their states ({@link Expansion}), the successors go to the partitions
 * that own them, which filter them ({@link Filter}). The driver sees only each partition's figures and findings.
 * The parent links of each level stay on the executors' disks, and the traces are rebuilt from them at the end by
 * following the smallest parent back, level by level, and replaying the path forward on the driver
 * ({@link TraceBuilder#replay}): the same rules as the single-machine search, so the same counterexamples.
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
        // Level 0: the initial states, as candidates with no parent.
        Map<Long, long[]> initial = new LinkedHashMap<>();
        List<S> inits = model.initialStates();
        for (S s : inits) {
            long fp = FingerprintTable.normalize(model.fingerprint(s));
            long[] r = new long[words];
            r[0] = fp;
            model.packing().pack(s, r, Records.HEADER);
            initial.putIfAbsent(fp, r);
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
        long[][] best = new long[properties.size()][];
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
                    long[] x = Arrays.copyOfRange(s.findings, 4 * f, 4 * f + 4);
                    int p = (int) x[0];
                    if (best[p] == null || Findings.before(x, best[p])) {
                        best[p] = x;
                    }
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
            if (frontierSize == 0) {
                break;
            }
            if (level >= options.limits().maxDepth()) {
                stopReason = "depth limit of " + options.limits().maxDepth() + " reached";
                break;
            }
            boolean any = false;
            boolean all = true;
            for (int i = 0; i < best.length; i++) {
                if (properties.get(i).kind() == Property.Kind.EVENTUALLY) {
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

    /** The reason an {@code eventually} property gets. */
    static final String NOT_CHECKED = "not checked by the spark engine";

    private List<PropertyResult<S, A>> results(long[][] best,
                                               List<JavaRDD<Tuple2<long[], LevelPart.Summary>>> parentLevels,
                                               String stopReason) {
        List<Integer> wanted = new ArrayList<>();
        for (int i = 0; i < best.length; i++) {
            if (best[i] != null && properties.get(i).kind() != Property.Kind.EVENTUALLY) {
                wanted.add(i);
            }
        }
        long[] fps = new long[wanted.size()];
        int[] depths = new int[wanted.size()];
        for (int j = 0; j < wanted.size(); j++) {
            long[] f = best[wanted.get(j)];
            boolean transition = properties.get(wanted.get(j)).kind() == Property.Kind.TRANSITION;
            fps[j] = f[2];
            depths[j] = (int) f[1] - (transition ? 1 : 0);
        }
        long[][] chains = chains(fps, depths, parentLevels);
        List<PropertyResult<S, A>> out = new ArrayList<>();
        for (int i = 0; i < properties.size(); i++) {
            Property<S, A> p = properties.get(i);
            boolean sometimes = p.kind() == Property.Kind.SOMETIMES;
            if (p.kind() == Property.Kind.EVENTUALLY) {
                out.add(new PropertyResult<>(p, Verdict.INCOMPLETE, null, NOT_CHECKED));
            } else if (best[i] == null) {
                out.add(stopReason != null ? new PropertyResult<>(p, Verdict.INCOMPLETE, null, stopReason)
                        : sometimes ? new PropertyResult<>(p, Verdict.VIOLATED, null, "no reachable state satisfies it")
                        : new PropertyResult<>(p, Verdict.HOLDS, null, null));
            } else {
                long[] chain = chains[wanted.indexOf(i)];
                Trace<S, A> trace = TraceBuilder.replay(model, chain);
                if (trace == null) {
                    throw new IllegalStateException("no path to state " + Long.toHexString(chain[chain.length - 1])
                            + ": the model's fingerprint or next-state function is not deterministic");
                }
                if (p.kind() == Property.Kind.TRANSITION) {
                    trace = TraceBuilder.extend(model, trace, (int) best[i][3]);
                }
                out.add(sometimes ? new PropertyResult<>(p, Verdict.HOLDS, trace, "witness")
                        : new PropertyResult<>(p, Verdict.VIOLATED, trace, null));
            }
        }
        return out;
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
