package tcpcheck.checker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Checks {@code eventually} properties under weak fairness on an explicit {@link StateGraph}, by strongly connected
 * components (Tarjan's algorithm).
 *
 * <p>A behaviour violates "eventually P" when it never reaches a P-state. Such a behaviour stays in the subgraph of
 * ¬P-states reachable from an initial state through ¬P-states only, and either
 * <ul>
 *   <li>ends there in a state with no enabled action (within the boundary), or</li>
 *   <li>stays forever in one strongly connected component C of that subgraph. A weakly fair behaviour can do so iff
 *       C has an edge, and every fairness class enabled in <em>every</em> state of C (in the whole model, counting
 *       actions that leave C) is taken by some edge inside C: the behaviour then cycles through all of C, taking
 *       each such class infinitely often, and every other class is disabled infinitely often. If some class is
 *       enabled throughout C and never taken inside it, no fair behaviour stays in C nor in any part of C.</li>
 * </ul>
 * A state at the boundary ends nothing: behaviours through it leave the bounds and are not judged.
 *
 * <p>This decides each component as a whole, so it is right on cycles and on joins, where a search that marks a
 * state "done" on its first visit can miss a lasso through a state reached again by another path.
 *
 * <p>The counterexample is a lasso: a shortest stem (breadth-first within ¬P) to the first state, in breadth-first
 * order, that ends a violating behaviour, and a cycle through C that takes one edge of every class that fairness
 * demands, back to where it started. For a finite behaviour the trace simply ends.
 */
final class Liveness {
    private Liveness() {
    }

    /** Scratch memory of one {@link #check}, per state of the graph (arrays of steps 1 and 2), with a margin. */
    private static final long BYTES_PER_STATE = 64;

    /**
     * Checks each of {@code ps} (the graph's goals, in order) on the graph: as many at once as {@code threads} and
     * the free heap allow, each with its own scratch arrays. A check that runs out of memory is INCOMPLETE.
     */
    static <S, A> List<PropertyResult<S, A>> checkAll(StateGraph<S, A> g, List<Property<S, A>> ps, int threads) {
        long free = Runtime.getRuntime().maxMemory() - Limits.usedMemory();
        long fit = Math.max(1, free / Math.max(1, BYTES_PER_STATE * g.size));
        int parallel = (int) Math.min(Math.min(threads, ps.size()), fit);
        List<PropertyResult<S, A>> out = new ArrayList<>();
        if (parallel <= 1) {
            for (int i = 0; i < ps.size(); i++) {
                out.add(checkOrIncomplete(g, ps.get(i), i));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "tcpcheck-liveness");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<PropertyResult<S, A>>> futures = new ArrayList<>();
            for (int i = 0; i < ps.size(); i++) {
                int goal = i;
                futures.add(pool.submit(() -> checkOrIncomplete(g, ps.get(goal), goal)));
            }
            for (Future<PropertyResult<S, A>> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static <S, A> PropertyResult<S, A> checkOrIncomplete(StateGraph<S, A> g, Property<S, A> p, int goal) {
        try {
            return check(g, p, goal);
        } catch (OutOfMemoryError e) {
            return new PropertyResult<>(p, Verdict.INCOMPLETE, null, Limits.OUT_OF_MEMORY);
        }
    }

    static <S, A> PropertyResult<S, A> check(StateGraph<S, A> g, Property<S, A> p, int goalIndex) {
        BitSet goal = g.goal[goalIndex];
        int n = g.size;
        // 1. The ¬P subgraph reachable through ¬P states, in breadth-first order, with a tree for stems.
        int[] treeParent = new int[n];
        int[] treeAction = new int[n];
        boolean[] inSub = new boolean[n];
        int[] order = new int[n];
        int count = 0;
        for (int v = 0; v < g.initialCount; v++) {
            if (!goal.get(v)) {
                inSub[v] = true;
                treeParent[v] = -1;
                treeAction[v] = g.initialIndex[v];
                order[count++] = v;
            }
        }
        for (int head = 0; head < count; head++) {
            int u = order[head];
            for (long e = g.edgeStart[u]; e < g.edgeStart[u + 1]; e++) {
                int v = g.target(e);
                if (!inSub[v] && !goal.get(v)) {
                    inSub[v] = true;
                    treeParent[v] = u;
                    treeAction[v] = g.action(e);
                    order[count++] = v;
                }
            }
        }
        // 2. Strongly connected components of that subgraph, their members grouped once (counting sort), and
        //    which of them admit a fair behaviour, judged lazily in breadth-first order.
        int[] scc = tarjan(g, inSub, order, count);
        int comps = 0;
        for (int k = 0; k < count; k++) {
            comps = Math.max(comps, scc[order[k]] + 1);
        }
        int[] start = new int[comps + 1];
        for (int k = 0; k < count; k++) {
            start[scc[order[k]] + 1]++;
        }
        for (int c = 0; c < comps; c++) {
            start[c + 1] += start[c];
        }
        int[] members = new int[count];
        int[] fill = Arrays.copyOf(start, comps);
        for (int k = 0; k < count; k++) {
            members[fill[scc[order[k]]]++] = order[k];
        }
        FairnessScratch scratch = new FairnessScratch(g.classCount);
        byte[] judged = new byte[comps];
        for (int k = 0; k < count; k++) {
            int u = order[k];
            if (g.terminal(u)) {
                int[] stem = g.treePath(u, treeParent, treeAction);
                return new PropertyResult<>(p, Verdict.VIOLATED, g.replay(stem, -1),
                        "ends in a state with no enabled action");
            }
            int c = scc[u];
            if (judged[c] == 0) {
                boolean trivial = start[c + 1] - start[c] == 1 && !selfLoop(g, u);
                judged[c] = (byte) (!trivial && fair(g, scc, c, members, start[c], start[c + 1], scratch) ? 2 : 1);
            }
            if (judged[c] == 2) {
                int[] stem = g.treePath(u, treeParent, treeAction);
                int[] cycle = fairCycle(g, scc, c, u, members, start[c], start[c + 1], scratch);
                int[] lasso = Arrays.copyOf(stem, stem.length + cycle.length);
                System.arraycopy(cycle, 0, lasso, stem.length, cycle.length);
                return new PropertyResult<>(p, Verdict.VIOLATED, g.replay(lasso, stem.length - 1),
                        "a fair cycle that never reaches the goal");
            }
        }
        return new PropertyResult<>(p, Verdict.HOLDS, null, null);
    }

    /**
     * Component numbers (≥ 0) of the nodes in {@code inSub}, -1 for the others; iterative Tarjan. A node's index, low
     * link and component sit side by side in one array, so following an edge costs one cache miss, not three (the
     * targets of edges are scattered over the whole graph). A node is on Tarjan's stack exactly when it has an index
     * and no component yet.
     */
    private static int[] tarjan(StateGraph<?, ?> g, boolean[] inSub, int[] order, int count) {
        int n = g.size;
        final int outside = -2;
        final int unvisited = -1;
        int[] node = new int[3 * n];
        for (int v = 0; v < n; v++) {
            node[3 * v] = inSub[v] ? unvisited : outside;
            node[3 * v + 2] = -1;
        }
        int[] stack = new int[count];
        int sp = 0;
        int[] callNode = new int[count];
        long[] callEdge = new long[count];
        int next = 0;
        int comps = 0;
        for (int k = 0; k < count; k++) {
            int root = order[k];
            if (node[3 * root] >= 0) {
                continue;
            }
            int depth = 0;
            callNode[0] = root;
            callEdge[0] = g.edgeStart[root];
            node[3 * root] = node[3 * root + 1] = next++;
            stack[sp++] = root;
            while (depth >= 0) {
                int u = callNode[depth];
                long e = callEdge[depth];
                if (e < g.edgeStart[u + 1]) {
                    callEdge[depth] = e + 1;
                    int v = g.target(e);
                    int index = node[3 * v];
                    if (index == outside) {
                        continue;
                    }
                    if (index == unvisited) {
                        node[3 * v] = node[3 * v + 1] = next++;
                        stack[sp++] = v;
                        depth++;
                        callNode[depth] = v;
                        callEdge[depth] = g.edgeStart[v];
                    } else if (node[3 * v + 2] < 0) {
                        node[3 * u + 1] = Math.min(node[3 * u + 1], index);
                    }
                } else {
                    if (node[3 * u + 1] == node[3 * u]) {
                        int w;
                        do {
                            w = stack[--sp];
                            node[3 * w + 2] = comps;
                        } while (w != u);
                        comps++;
                    }
                    depth--;
                    if (depth >= 0) {
                        int parent = callNode[depth];
                        node[3 * parent + 1] = Math.min(node[3 * parent + 1], node[3 * u + 1]);
                    }
                }
            }
        }
        int[] comp = new int[n];
        for (int v = 0; v < n; v++) {
            comp[v] = node[3 * v + 2];
        }
        return comp;
    }

    /** Per-class counters reused from one component to the next (only the touched entries are reset). */
    private static final class FairnessScratch {
        final int[] enabledIn;
        final int[] lastSeen;
        final long[] internalEdge;
        final int[] touched;
        int touchedCount;

        FairnessScratch(int classes) {
            enabledIn = new int[classes];
            lastSeen = new int[classes];
            internalEdge = new long[classes];
            touched = new int[classes];
            Arrays.fill(lastSeen, -1);
            Arrays.fill(internalEdge, -1);
        }

        void reset() {
            for (int i = 0; i < touchedCount; i++) {
                int k = touched[i];
                enabledIn[k] = 0;
                lastSeen[k] = -1;
                internalEdge[k] = -1;
            }
            touchedCount = 0;
        }
    }

    private static boolean selfLoop(StateGraph<?, ?> g, int u) {
        for (long e = g.edgeStart[u]; e < g.edgeStart[u + 1]; e++) {
            if (g.target(e) == u) {
                return true;
            }
        }
        return false;
    }

    /**
     * Counts, for component {@code c}, in how many of its states each fairness class is enabled and one internal
     * edge of each class; returns the first internal edge, or -1 when the component has none.
     */
    private static long survey(StateGraph<?, ?> g, int[] scc, int c, int[] members, int from, int to,
                              FairnessScratch f) {
        f.reset();
        long anyInternal = -1;
        for (int m = from; m < to; m++) {
            int u = members[m];
            for (long e = g.edgeStart[u]; e < g.edgeStart[u + 1]; e++) {
                int k = g.fairnessClass(e);
                boolean internal = scc[g.target(e)] == c;
                if (internal && anyInternal < 0) {
                    anyInternal = e;
                }
                if (k < 0) {
                    continue;
                }
                if (f.lastSeen[k] == -1 && f.enabledIn[k] == 0) {
                    f.touched[f.touchedCount++] = k;
                }
                if (f.lastSeen[k] != u) {
                    f.lastSeen[k] = u;
                    f.enabledIn[k]++;
                }
                if (internal && f.internalEdge[k] < 0) {
                    f.internalEdge[k] = e;
                }
            }
        }
        return anyInternal;
    }

    /** Whether a weakly fair behaviour can stay in component {@code c} for ever. */
    private static boolean fair(StateGraph<?, ?> g, int[] scc, int c, int[] members, int from, int to,
                                FairnessScratch f) {
        if (survey(g, scc, c, members, from, to, f) < 0) {
            return false;
        }
        for (int i = 0; i < f.touchedCount; i++) {
            int k = f.touched[i];
            if (f.enabledIn[k] == to - from && f.internalEdge[k] < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * A cycle (as action indices) from {@code entry} back to itself inside the fair component {@code c} that takes
     * one edge of every fairness class enabled throughout the component.
     */
    private static int[] fairCycle(StateGraph<?, ?> g, int[] scc, int c, int entry, int[] members, int from, int to,
                                   FairnessScratch f) {
        long anyInternal = survey(g, scc, c, members, from, to, f);
        List<Long> required = new ArrayList<>();
        for (int i = 0; i < f.touchedCount; i++) {
            int k = f.touched[i];
            if (f.enabledIn[k] == to - from) {
                required.add(f.internalEdge[k]);
            }
        }
        java.util.Collections.sort(required);
        if (required.isEmpty()) {
            required.add(firstInternalEdgeFrom(g, scc, c, entry, anyInternal));
        }
        List<Integer> path = new ArrayList<>();
        int at = entry;
        for (long e : required) {
            int source = sourceOf(g, e);
            path.addAll(pathWithin(g, scc, c, at, source));
            path.add(g.action(e));
            at = g.target(e);
        }
        path.addAll(pathWithin(g, scc, c, at, entry));
        return path.stream().mapToInt(Integer::intValue).toArray();
    }

    private static long firstInternalEdgeFrom(StateGraph<?, ?> g, int[] scc, int c, int u, long fallback) {
        for (long e = g.edgeStart[u]; e < g.edgeStart[u + 1]; e++) {
            if (scc[g.target(e)] == c) {
                return e;
            }
        }
        return fallback;
    }

    private static int sourceOf(StateGraph<?, ?> g, long e) {
        int lo = 0;
        int hi = g.size - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (g.edgeStart[mid] <= e) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        while (g.edgeStart[lo + 1] <= e) {
            lo++;
        }
        return lo;
    }

    /** The action indices of a shortest path from {@code from} to {@code to} inside component {@code c}. */
    private static List<Integer> pathWithin(StateGraph<?, ?> g, int[] scc, int c, int from, int to) {
        if (from == to) {
            return new ArrayList<>();
        }
        Map<Integer, Long> parentEdge = new HashMap<>();
        ArrayList<Integer> queue = new ArrayList<>();
        queue.add(from);
        parentEdge.put(from, -1L);
        for (int head = 0; head < queue.size(); head++) {
            int u = queue.get(head);
            for (long e = g.edgeStart[u]; e < g.edgeStart[u + 1]; e++) {
                int v = g.target(e);
                if (scc[v] == c && !parentEdge.containsKey(v)) {
                    parentEdge.put(v, e);
                    if (v == to) {
                        List<Integer> out = new ArrayList<>();
                        for (int w = v; w != from; ) {
                            long pe = parentEdge.get(w);
                            out.add(0, g.action(pe));
                            w = sourceOf(g, pe);
                        }
                        return out;
                    }
                    queue.add(v);
                }
            }
        }
        throw new IllegalStateException("no path inside a strongly connected component");
    }
}
