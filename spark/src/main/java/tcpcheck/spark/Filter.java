package tcpcheck.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.apache.spark.api.java.function.FlatMapFunction2;
import scala.Tuple2;
import tcpcheck.checker.Model;
import tcpcheck.checker.ModelSource;
import tcpcheck.checker.Property;
import tcpcheck.checker.StatePacking;
import tcpcheck.checker.Thrown;

/**
 * The second stage of a level, on each partition: the successors it owns (after the shuffle) filtered against its
 * visited set, which it keeps. A state found several times in the level takes the parent with the smallest
 * fingerprint, as in the single-machine search; a new state is judged against the state properties and, within
 * the boundary, joins the next frontier. The partition's visited set is merged with the new states in one pass. A
 * predicate that throws is an ERROR finding of its property; the model throwing (a metric, on the new state; the
 * boundary or the packing, on its parent's step) a finding of the model.
 */
final class Filter<S, A> implements FlatMapFunction2<Iterator<Tuple2<Long, long[]>>, Iterator<LevelPart>, LevelPart> {
    private static final long serialVersionUID = 1L;
    private final ModelSource<S, A> source;
    private final int depth;

    /** @param depth the level of the states filtered */
    Filter(ModelSource<S, A> source, int depth) {
        this.source = source;
        this.depth = depth;
    }

    @Override
    public Iterator<LevelPart> call(Iterator<Tuple2<Long, long[]>> candidates, Iterator<LevelPart> previous) {
        Model<S, A> model = source.model();
        List<Property<S, A>> properties = source.properties(model);
        Map<String, ToLongFunction<S>> byName = source.metrics(model);
        List<ToLongFunction<S>> metrics = new ArrayList<>();
        for (String name : metricNames(byName)) {
            metrics.add(byName.get(name));
        }
        StatePacking<S> packing = model.packing();
        LevelPart before = previous.hasNext() ? previous.next() : new LevelPart();
        LevelPart part = new LevelPart();
        LevelPart.Summary sum = part.summary;
        sum.maxima = new long[metrics.size()];
        Arrays.fill(sum.maxima, Long.MIN_VALUE);
        int modelIndex = properties.size();
        List<long[]> states = new ArrayList<>();
        while (candidates.hasNext()) {
            Tuple2<Long, long[]> c = candidates.next();
            if (c._1() == Records.TRANSITIONS) {
                sum.transitions += c._2()[0];
            } else if (c._1() == Records.FINDING) {
                sum.finding(c._2());
            } else {
                states.add(c._2());
            }
        }
        // By fingerprint, then parent, both unsigned: the first record of each state has its smallest parent.
        states.sort((x, y) -> {
            int k = Long.compareUnsigned(x[0], y[0]);
            return k != 0 ? k : Long.compareUnsigned(x[1], y[1]);
        });
        long[] visited = before.visited;
        long[] added = new long[states.size()];
        int addedCount = 0;
        List<long[]> frontier = new ArrayList<>();
        List<Long> parents = new ArrayList<>();
        int v = 0;
        long last = 0;
        boolean first = true;
        for (long[] r : states) {
            long fp = r[0];
            if (!first && fp == last) {
                continue;
            }
            first = false;
            last = fp;
            long key = fp + Long.MIN_VALUE;
            while (v < visited.length && visited[v] < key) {
                v++;
            }
            if (v < visited.length && visited[v] == key) {
                continue;
            }
            added[addedCount++] = key;
            parents.add(fp);
            parents.add(r[1]);
            // The model throwing while the state is unpacked or its boundary judged happened, in the single-machine
            // search, while its parent's step was taken: said so of the parent.
            long[] parentThrew = depth == 0 ? Findings.of(modelIndex, 0, fp, -1, true)
                    : Findings.of(modelIndex, depth - 1, r[1], -1, true);
            S s;
            try {
                s = packing.unpack(r, Records.HEADER);
            } catch (Throwable e) {
                Thrown.rethrowUnlessReportable(e);
                sum.finding(parentThrew);
                continue;
            }
            for (int i = 0; i < properties.size(); i++) {
                Property<S, A> p = properties.get(i);
                if (!p.onEachState()) {
                    continue;
                }
                try {
                    if (p.foundIn(s)) {
                        sum.finding(Findings.of(i, depth, fp, -1, false));
                    }
                } catch (Throwable e) {
                    Thrown.rethrowUnlessReportable(e);
                    sum.finding(Findings.of(i, depth, fp, -1, true));
                }
            }
            for (int m = 0; m < metrics.size(); m++) {
                try {
                    sum.maxima[m] = Math.max(sum.maxima[m], metrics.get(m).applyAsLong(s));
                } catch (Throwable e) {
                    Thrown.rethrowUnlessReportable(e);
                    sum.finding(Findings.of(modelIndex, depth, fp, -1, true));
                }
            }
            boolean within;
            try {
                within = model.withinBoundary(s);
            } catch (Throwable e) {
                Thrown.rethrowUnlessReportable(e);
                sum.finding(parentThrew);
                continue;
            }
            if (within) {
                frontier.add(r);
            } else {
                sum.boundary++;
            }
        }
        sum.newStates = addedCount;
        part.visited = merge(visited, added, addedCount);
        int words = Records.HEADER + packing.words();
        part.frontier = new long[frontier.size() * words];
        for (int i = 0; i < frontier.size(); i++) {
            System.arraycopy(frontier.get(i), 0, part.frontier, i * words, words);
        }
        part.frontierCount = frontier.size();
        part.parents = parents.stream().mapToLong(Long::longValue).toArray();
        keepBestFindings(sum, properties.size() + 1);
        return List.of(part).iterator();
    }

    /** Two sorted arrays in one. */
    private static long[] merge(long[] a, long[] b, int bn) {
        long[] out = new long[a.length + bn];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a.length && j < bn) {
            out[k++] = a[i] <= b[j] ? a[i++] : b[j++];
        }
        while (i < a.length) {
            out[k++] = a[i++];
        }
        while (j < bn) {
            out[k++] = b[j++];
        }
        return out;
    }

    /** Keeps one finding per property (and the model's), the best. */
    private static void keepBestFindings(LevelPart.Summary sum, int properties) {
        long[][] best = new long[properties][];
        for (int f = 0; f < sum.findingCount; f++) {
            Findings.offer(best, sum.finding(f));
        }
        sum.findingCount = 0;
        for (long[] b : best) {
            if (b != null) {
                sum.finding(b);
            }
        }
    }

    /** The metrics' names, in the order of the summary's maxima (sorted: a map's order may differ by machine). */
    static List<String> metricNames(Map<String, ?> metrics) {
        List<String> names = new ArrayList<>(metrics.keySet());
        names.sort(null);
        return names;
    }
}
