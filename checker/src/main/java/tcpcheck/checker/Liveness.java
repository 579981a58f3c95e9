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
 * Checks the liveness properties ({@code eventually} and leads-to) under weak fairness on an explicit
 * {@link StateGraph}, by strongly connected components (Tarjan's algorithm).
 *
 * <p>A behaviour violates "P leads to Q" when it reaches a state satisfying P and not Q (a <em>trigger</em>) and from
 * there never reaches a Q-state; "eventually Q" is "the initial states lead to Q". From a trigger, such a behaviour
 * stays in the subgraph of ¬Q-states reachable from the triggers through ¬Q-states only, and either
 * <ul>
 *   <li>ends there in a state with no enabled action (within the boundary), or</li>
 *   <li>stays forever in one strongly connected component C of that subgraph. A weakly fair behaviour can do so iff
 *       C has an edge, and every fairness class enabled in <em>every</em> state of C (in the whole model, counting
 *       actions that leave C or the constraints) is taken by some edge inside C: the behaviour then cycles through
 *       all of C, taking each such class infinitely often, and every other class is disabled infinitely often. If
 *       some class is enabled throughout C and never taken inside it, no fair behaviour stays in C nor in any part
 *       of C;</li>
 *   <li>or, with {@link Stuttering#ALLOWED} (TLA+), stops: stutters for ever in a state where no fairness class is
 *       enabled (a state with no enabled action is one). Self-loops are stuttering then, and count for no class.</li>
 * </ul>
 * A state at the boundary ends nothing: behaviours through it leave the bounds and are not judged. Nor does an edge
 * that the constraints do not follow lead anywhere (its target is not in the graph), but its fairness class is
 * enabled in its source, as TLC's {@code ENABLED} has it.
 *
 * <p>This decides each component as a whole, so it is right on cycles and on joins, where a search that marks a
 * state "done" on its first visit can miss a lasso through a state reached again by another path.
 *
 * <p>The counterexample is a lasso: a shortest path to a trigger, a shortest path (breadth-first within ¬Q, from the
 * triggers in order of their distance) to the first state, in that order, that ends a violating behaviour, and a
 * cycle through C that takes one edge of every class that fairness demands, back to where it started. For a finite
 * behaviour the trace simply ends; one that stops ends stuttering. If a predicate of the property threw in a
 * reachable state, the verdict is ERROR, with a shortest trace to the first such state.
 */
final class Liveness {
    private Liveness() {
    }

    /** Scratch memory of one {@link #check}, per state of the graph (arrays of steps 1 and 2), with a margin. */
    private static final long BYTES_PER_STATE = 64;

    /**
     * One liveness property as the graph records it: the goal bits of its goal (Q), of its trigger (P, -1 for
     * {@code eventually}: the initial states trigger it), and of the states where one of its predicates threw.
     */
    record Goals<S, A>(Property<S, A> property, int goal, int trigger, int error) {
    }

    /**
     * Checks each property on the graph: as many at once as {@code threads} and the free heap allow, each with its
     * own scratch arrays. A check that runs out of memory is INCOMPLETE.
     */
    static <S, A> List<PropertyResult<S, A>> checkAll(StateGraph<S, A> g, List<Goals<S, A>> ps, int threads,
                                                      Stuttering stuttering) {
        long free = Runtime.getRuntime().maxMemory() - Limits.usedMemory();
        long fit = Math.max(1, free / Math.max(1, BYTES_PER_STATE * g.size));
        int parallel = (int) Math.min(Math.min(threads, ps.size()), fit);
        List<PropertyResult<S, A>> out = new ArrayList<>();
        if (parallel <= 1) {
            for (Goals<S, A> p : ps) {
                out.add(checkOrIncomplete(g, p, stuttering));
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
            for (Goals<S, A> p : ps) {
                futures.add(pool.submit(() -> checkOrIncomplete(g, p, stuttering)));
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

    private static <S, A> PropertyResult<S, A> checkOrIncomplete(StateGraph<S, A> g, Goals<S, A> p,
                                                                 Stuttering stuttering) {
        try {
            return check(g, p, stuttering);
        } catch (OutOfMemoryError e) {
            return new PropertyResult<>(p.property(), Verdict.INCOMPLETE, null, Limits.OUT_OF_MEMORY);
        }
    }

    /** The breadth-first tree of the whole graph from the initial states: parent, action index, distance. */
    private static int[][] bfsTree(StateGraph<?, ?> g) {
        int n = g.size;
        int[] parent = new int[n];
        int[] action = new int[n];
        int[] dist = new int[n];
        Arrays.fill(dist, -1);
        int[] queue = new int[n];
        int count = 0;
        for (int v = 0; v < g.initialCount; v++) {
            parent[v] = -1;
            action[v] = g.initialIndex[v];
            dist[v] = 0;
            queue[count++] = v;
        }
        for (int head = 0; head < count; head++) {
            int u = queue[head];
            for (long e = g.edgeStart[u]; e < g.edgeStart[u + 1]; e++) {
                int v = g.target(e);
                if (v >= 0 && dist[v] < 0) {
                    dist[v] = dist[u] + 1;
                    parent[v] = u;
                    action[v] = g.action(e);
                    queue[count++] = v;
                }
            }
        }
        return new int[][] {parent, action, dist, Arrays.copyOf(queue, count)};
    }

    static <S, A> PropertyResult<S, A> check(StateGraph<S, A> g, Goals<S, A> goals, Stuttering stuttering) {
        Property<S, A> p = goals.property();
        BitSet goal = g.goal[goals.goal()];
        int n = g.size;
        BitSet threw = g.goal[goals.error()];
        if (!threw.isEmpty()) {
            return error(g, p, threw.nextSetBit(0));
        }
        // 1. The triggers in order of their distance from the initial states, and the path to each: for eventually
        //    the initial states themselves; for leads-to, the P-states, along a breadth-first tree of the graph.
        int[] triggers;
        int[] triggerDist;
        int[][] tree = null;
        if (goals.trigger() < 0) {
            triggers = new int[g.initialCount];
            int t = 0;
            for (int v = 0; v < g.initialCount; v++) {
                if (!goal.get(v)) {
                    triggers[t++] = v;
                }
            }
            triggers = Arrays.copyOf(triggers, t);
            triggerDist = new int[t];
        } else {
            BitSet trigger = g.goal[goals.trigger()];
            tree = bfsTree(g);
            int[] visit = tree[3];
            triggers = new int[visit.length];
            triggerDist = new int[visit.length];
            int t = 0;
            for (int v : visit) {
                if (trigger.get(v) && !goal.get(v)) {
                    triggerDist[t] = tree[2][v];
                    triggers[t++] = v;
                }
            }
            triggers = Arrays.copyOf(triggers, t);
            triggerDist = Arrays.copyOf(triggerDist, t);
        }
        // 2. The ¬Q subgraph reachable from the triggers through ¬Q states, breadth-first level by level, a trigger
        //    joining at its own distance; a tree for stems (a trigger is a root: parent -1).
        int[] treeParent = new int[n];
        int[] treeAction = new int[n];
        boolean[] inSub = new boolean[n];
        int[] order = new int[n];
        int count = 0;
        int next = 0;
        int head = 0;
        for (int d = 0; ; d++) {
            while (next < triggers.length && triggerDist[next] <= d) {
                int v = triggers[next++];
                if (!inSub[v]) {
                    inSub[v] = true;
                    treeParent[v] = -1;
                    treeAction[v] = goals.trigger() < 0 ? g.initialIndex[v] : -1;
                    order[count++] = v;
                }
            }
            int end = count;
            if (head == end) {
                if (next == triggers.length) {
                    break;
                }
                d = triggerDist[next] - 1;
                continue;
            }
            for (; head < end; head++) {
                int u = order[head];
                for (long e = g.edgeStart[u]; e < g.edgeStart[u + 1]; e++) {
                    int v = g.target(e);
                    if (v >= 0 && !inSub[v] && !goal.get(v)) {
                        inSub[v] = true;
                        treeParent[v] = u;
                        treeAction[v] = g.action(e);
                        order[count++] = v;
                    }
                }
            }
        }
        // 3. Strongly connected components of that subgraph, their members grouped once (counting sort), and
        //    which of them admit a fair behaviour, judged lazily in breadth-first order.
        boolean tla = stuttering == Stuttering.ALLOWED;
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
        FairnessScratch scratch = new FairnessScratch(g.classCount, tla);
        byte[] judged = new byte[comps];
        for (int k = 0; k < count; k++) {
            int u = order[k];
            if (g.terminal(u)) {
                int[] stem = stem(g, u, treeParent, treeAction, tree);
                return new PropertyResult<>(p, Verdict.VIOLATED, g.replay(stem, -1),
                        "ends in a state with no enabled action");
            }
            if (tla && !g.boundary.get(u) && !anyFairClass(g, u)) {
                int[] stem = stem(g, u, treeParent, treeAction, tree);
                return new PropertyResult<>(p, Verdict.VIOLATED, g.replay(stem, stem.length - 1),
                        "stops (stutters for ever) in a state where no fair action is enabled");
            }
            int c = scc[u];
            if (judged[c] == 0) {
                boolean trivial = start[c + 1] - start[c] == 1 && !selfLoop(g, u, tla);
                judged[c] = (byte) (!trivial && fair(g, scc, c, members, start[c], start[c + 1], scratch) ? 2 : 1);
            }
            if (judged[c] == 2) {
                int[] stem = stem(g, u, treeParent, treeAction, tree);
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
     * The path to {@code u}: for {@code eventually}, its tree path from an initial state; for leads-to, the path to
     * its trigger along the graph's breadth-first tree, then its tree path from the trigger.
     */
    private static int[] stem(StateGraph<?, ?> g, int u, int[] treeParent, int[] treeAction, int[][] tree) {
        int[] path = g.treePath(u, treeParent, treeAction);
        if (tree == null) {
            return path;
        }
        int root = u;
        while (treeParent[root] >= 0) {
            root = treeParent[root];
        }
        int[] toRoot = g.treePath(root, tree[0], tree[1]);
        int[] out = Arrays.copyOf(toRoot, toRoot.length + path.length - 1);
        System.arraycopy(path, 1, out, toRoot.length, path.length - 1);
        return out;
    }

    /** ERROR: a predicate threw in state {@code v}; a shortest trace to it, and the message it throws there. */
    private static <S, A> PropertyResult<S, A> error(StateGraph<S, A> g, Property<S, A> p, int v) {
        int[][] tree = bfsTree(g);
        Trace<S, A> trace = g.replay(g.treePath(v, tree[0], tree[1]), -1);
        String message = "the predicate threw";
        try {
            p.test(trace.last());
            p.triggers(trace.last());
        } catch (Throwable e) {
            Thrown.rethrowUnlessReportable(e);
            message = Thrown.describe("the predicate", e);
        }
        return new PropertyResult<>(p, Verdict.ERROR, trace, message);
    }

    /** Whether some fairness class is enabled in {@code u} (stuttering, with TLA+: self-loops do not count). */
    private static boolean anyFairClass(StateGraph<?, ?> g, int u) {
        for (long e = g.edgeStart[u]; e < g.edgeStart[u + 1]; e++) {
            if (g.fairnessClass(e) >= 0 && g.target(e) != u) {
                return true;
            }
        }
        return false;
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
                    if (v < 0) {
                        continue;
                    }
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
        /** With TLA+'s stuttering, self-loops are stuttering steps: they neither enable nor take a class. */
        final boolean ignoreSelfLoops;

        FairnessScratch(int classes, boolean ignoreSelfLoops) {
            this.ignoreSelfLoops = ignoreSelfLoops;
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

    /** Whether {@code u} has an edge to itself (which, with TLA+'s stuttering, every state has). */
    private static boolean selfLoop(StateGraph<?, ?> g, int u, boolean stuttering) {
        if (stuttering) {
            return true;
        }
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
                int v = g.target(e);
                if (f.ignoreSelfLoops && v == u) {
                    continue;
                }
                boolean internal = v >= 0 && scc[v] == c;
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
            int v = g.target(e);
            if (v >= 0 && scc[v] == c) {
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
                if (v >= 0 && scc[v] == c && !parentEdge.containsKey(v)) {
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
