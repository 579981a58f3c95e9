package tcpcheck.checker;

import java.util.ArrayList;
import java.util.Arrays;
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

    /**
     * Checks each of {@code ps} (the graph's goals, in order) on the graph: as many at once as {@code threads}, each
     * with its own scratch arrays, which are memory-mapped files of the graph's {@link Scratch} directory (about 30
     * bytes per state of the subgraph, and the search's stacks). A check that runs out of memory is INCOMPLETE.
     */
    static <S, A> List<PropertyResult<S, A>> checkAll(StateGraph<S, A> g, List<Property<S, A>> ps, int threads) {
        int parallel = Math.min(threads, ps.size());
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

    /**
     * Marks in {@code node[3v]} of a state outside the subgraph (0, as a new file reads, so nothing need be
     * cleared), and of one in it not yet visited by Tarjan; an index or low link i is kept as i + 2, a component c as
     * c + 1 (0: none yet).
     */
    private static final int OUTSIDE = 0;
    private static final int UNVISITED = 1;
    private static final int FIRST_INDEX = 2;

    static <S, A> PropertyResult<S, A> check(StateGraph<S, A> g, Property<S, A> p, int goalIndex) {
        int n = g.size;
        try (MappedInts node = new MappedInts(g.scratch, "liveness-nodes");
             MappedInts order = new MappedInts(g.scratch, "liveness-order")) {
            // 1. The ¬P subgraph reachable through ¬P states, in breadth-first order. A node's index, low link and
            //    component sit side by side in node (3 ints), so following an edge costs one page, not three.
            node.ensure(3L * n);
            order.ensure(n);
            int count = 0;
            for (int v = 0; v < g.initialCount; v++) {
                if (!g.goal(goalIndex, v) && node.get(3L * v) == OUTSIDE) {
                    node.set(3L * v, UNVISITED);
                    order.set(count++, v);
                }
            }
            for (int head = 0; head < count; head++) {
                int u = order.get(head);
                for (long e = g.edgeStart(u), end = g.edgeStart(u + 1); e < end; e++) {
                    int v = g.target(e);
                    if (node.get(3L * v) == OUTSIDE && !g.goal(goalIndex, v)) {
                        node.set(3L * v, UNVISITED);
                        order.set(count++, v);
                    }
                }
            }
            // 2. Strongly connected components of that subgraph, their members grouped once (counting sort), and
            //    which of them admit a fair behaviour, judged lazily in breadth-first order.
            int comps = tarjan(g, node, order, count);
            try (MappedInts start = new MappedInts(g.scratch, "liveness-start");
                 MappedInts members = new MappedInts(g.scratch, "liveness-members");
                 MappedInts fill = new MappedInts(g.scratch, "liveness-fill")) {
                start.ensure(comps + 1L);
                members.ensure(Math.max(1, count));
                fill.ensure(Math.max(1, comps));
                for (int k = 0; k < count; k++) {
                    int c = node.get(3L * order.get(k) + 2);
                    start.set(c, start.get(c) + 1);
                }
                for (int c = 0; c < comps; c++) {
                    start.set(c + 1, start.get(c + 1) + start.get(c));
                    fill.set(c, start.get(c));
                }
                for (int k = 0; k < count; k++) {
                    int v = order.get(k);
                    int c = node.get(3L * v + 2) - 1;
                    int at = fill.get(c);
                    members.set(at, v);
                    fill.set(c, at + 1);
                }
                // fill is free again: it holds each component's judgement (0 not judged, 1 no fair behaviour stays
                // in it, 2 one does).
                Component comp = new Component(g, node, members, start);
                FairnessScratch scratch = new FairnessScratch(g.classCount);
                for (int c = 0; c < comps; c++) {
                    fill.set(c, 0);
                }
                for (int k = 0; k < count; k++) {
                    int u = order.get(k);
                    if (g.terminal(u)) {
                        int[] stem = stem(g, goalIndex, u);
                        return new PropertyResult<>(p, Verdict.VIOLATED, g.replay(stem, -1),
                                "ends in a state with no enabled action");
                    }
                    int c = node.get(3L * u + 2) - 1;
                    if (fill.get(c) == 0) {
                        boolean trivial = start.get(c + 1) - start.get(c) == 1 && !selfLoop(g, u);
                        fill.set(c, !trivial && comp.fair(c, scratch) ? 2 : 1);
                    }
                    if (fill.get(c) == 2) {
                        int[] stem = stem(g, goalIndex, u);
                        int[] cycle = comp.fairCycle(c, u, scratch);
                        int[] lasso = Arrays.copyOf(stem, stem.length + cycle.length);
                        System.arraycopy(cycle, 0, lasso, stem.length, cycle.length);
                        return new PropertyResult<>(p, Verdict.VIOLATED, g.replay(lasso, stem.length - 1),
                                "a fair cycle that never reaches the goal");
                    }
                }
            }
            return new PropertyResult<>(p, Verdict.HOLDS, null, null);
        }
    }

    /**
     * The actions (as indices) of the path to {@code target} in the breadth-first tree of the ¬P subgraph;
     * {@code path[0]} names the initial state. The search of step 1 again, which reaches the same states in the same
     * order, this time with a parent per state (stored plus 2, so that 0 is "not reached").
     */
    private static int[] stem(StateGraph<?, ?> g, int goalIndex, int target) {
        int n = g.size;
        try (MappedInts parent = new MappedInts(g.scratch, "liveness-parent");
             MappedInts via = new MappedInts(g.scratch, "liveness-via");
             MappedInts queue = new MappedInts(g.scratch, "liveness-queue")) {
            parent.ensure(n);
            via.ensure(n);
            queue.ensure(n);
            int count = 0;
            for (int v = 0; v < g.initialCount; v++) {
                if (!g.goal(goalIndex, v) && parent.get(v) == 0) {
                    parent.set(v, 1);
                    via.set(v, g.initialIndex[v]);
                    queue.set(count++, v);
                }
            }
            for (int head = 0; head < count && parent.get(target) == 0; head++) {
                int u = queue.get(head);
                for (long e = g.edgeStart(u), end = g.edgeStart(u + 1); e < end; e++) {
                    int v = g.target(e);
                    if (parent.get(v) == 0 && !g.goal(goalIndex, v)) {
                        parent.set(v, u + 2);
                        via.set(v, g.action(e));
                        queue.set(count++, v);
                    }
                }
            }
            int len = 0;
            for (int v = target; parent.get(v) != 1; v = parent.get(v) - 2) {
                len++;
            }
            int[] path = new int[len + 1];
            int v = target;
            for (int i = len; i >= 1; i--) {
                path[i] = via.get(v);
                v = parent.get(v) - 2;
            }
            path[0] = via.get(v);
            return path;
        }
    }

    /**
     * Numbers the strongly connected components of the nodes marked {@link #UNVISITED} (0, 1, … into
     * {@code node[3v + 2]} plus one, in the order Tarjan's algorithm completes them) and returns how many there are;
     * iterative, roots taken in {@code order}. A node is on Tarjan's stack exactly when it has an index and no
     * component yet.
     */
    private static int tarjan(StateGraph<?, ?> g, MappedInts node, MappedInts order, int count) {
        try (MappedInts stack = new MappedInts(g.scratch, "tarjan-stack");
             MappedInts callNode = new MappedInts(g.scratch, "tarjan-calls");
             MappedLongs callEdge = new MappedLongs(g.scratch, "tarjan-edges")) {
            stack.ensure(Math.max(1, count));
            callNode.ensure(Math.max(1, count));
            callEdge.ensure(Math.max(1, count));
            int sp = 0;
            int next = FIRST_INDEX;
            int comps = 0;
            for (int k = 0; k < count; k++) {
                int root = order.get(k);
                if (node.get(3L * root) != UNVISITED) {
                    continue;
                }
                int depth = 0;
                callNode.set(0, root);
                callEdge.set(0, g.edgeStart(root));
                node.set(3L * root, next);
                node.set(3L * root + 1, next++);
                stack.set(sp++, root);
                while (depth >= 0) {
                    int u = callNode.get(depth);
                    long e = callEdge.get(depth);
                    if (e < g.edgeStart(u + 1)) {
                        callEdge.set(depth, e + 1);
                        int v = g.target(e);
                        int index = node.get(3L * v);
                        if (index == OUTSIDE) {
                            continue;
                        }
                        if (index == UNVISITED) {
                            node.set(3L * v, next);
                            node.set(3L * v + 1, next++);
                            stack.set(sp++, v);
                            depth++;
                            callNode.set(depth, v);
                            callEdge.set(depth, g.edgeStart(v));
                        } else if (node.get(3L * v + 2) == 0) {
                            node.set(3L * u + 1, Math.min(node.get(3L * u + 1), index));
                        }
                    } else {
                        if (node.get(3L * u + 1) == node.get(3L * u)) {
                            int w;
                            do {
                                w = stack.get(--sp);
                                node.set(3L * w + 2, comps + 1);
                            } while (w != u);
                            comps++;
                        }
                        depth--;
                        if (depth >= 0) {
                            int parent = callNode.get(depth);
                            node.set(3L * parent + 1, Math.min(node.get(3L * parent + 1), node.get(3L * u + 1)));
                        }
                    }
                }
            }
            return comps;
        }
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
        for (long e = g.edgeStart(u), end = g.edgeStart(u + 1); e < end; e++) {
            if (g.target(e) == u) {
                return true;
            }
        }
        return false;
    }

    /** The components of the subgraph: each node's component, and the members of each, grouped. */
    private static final class Component {
        final StateGraph<?, ?> g;
        final MappedInts node;
        final MappedInts members;
        final MappedInts start;

        Component(StateGraph<?, ?> g, MappedInts node, MappedInts members, MappedInts start) {
            this.g = g;
            this.node = node;
            this.members = members;
            this.start = start;
        }

        /** The component of {@code v}, -1 outside the subgraph. */
        int of(int v) {
            return node.get(3L * v + 2) - 1;
        }

        /**
         * Counts, for component {@code c}, in how many of its states each fairness class is enabled and one
         * internal edge of each class; returns the first internal edge, or -1 when the component has none.
         */
        long survey(int c, FairnessScratch f) {
            f.reset();
            long anyInternal = -1;
            for (int m = start.get(c), to = start.get(c + 1); m < to; m++) {
                int u = members.get(m);
                for (long e = g.edgeStart(u), end = g.edgeStart(u + 1); e < end; e++) {
                    int k = g.fairnessClass(e);
                    boolean internal = of(g.target(e)) == c;
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

        int size(int c) {
            return start.get(c + 1) - start.get(c);
        }

        /** Whether a weakly fair behaviour can stay in component {@code c} for ever. */
        boolean fair(int c, FairnessScratch f) {
            if (survey(c, f) < 0) {
                return false;
            }
            for (int i = 0; i < f.touchedCount; i++) {
                int k = f.touched[i];
                if (f.enabledIn[k] == size(c) && f.internalEdge[k] < 0) {
                    return false;
                }
            }
            return true;
        }

        /**
         * A cycle (as action indices) from {@code entry} back to itself inside the fair component {@code c} that
         * takes one edge of every fairness class enabled throughout the component.
         */
        int[] fairCycle(int c, int entry, FairnessScratch f) {
            long anyInternal = survey(c, f);
            List<Long> required = new ArrayList<>();
            for (int i = 0; i < f.touchedCount; i++) {
                int k = f.touched[i];
                if (f.enabledIn[k] == size(c)) {
                    required.add(f.internalEdge[k]);
                }
            }
            java.util.Collections.sort(required);
            if (required.isEmpty()) {
                required.add(firstInternalEdgeFrom(c, entry, anyInternal));
            }
            List<Integer> path = new ArrayList<>();
            int at = entry;
            for (long e : required) {
                int source = sourceOf(e);
                path.addAll(pathWithin(c, at, source));
                path.add(g.action(e));
                at = g.target(e);
            }
            path.addAll(pathWithin(c, at, entry));
            return path.stream().mapToInt(Integer::intValue).toArray();
        }

        private long firstInternalEdgeFrom(int c, int u, long fallback) {
            for (long e = g.edgeStart(u), end = g.edgeStart(u + 1); e < end; e++) {
                if (of(g.target(e)) == c) {
                    return e;
                }
            }
            return fallback;
        }

        private int sourceOf(long e) {
            int lo = 0;
            int hi = g.size - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (g.edgeStart(mid) <= e) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            while (g.edgeStart(lo + 1) <= e) {
                lo++;
            }
            return lo;
        }

        /** The action indices of a shortest path from {@code from} to {@code to} inside component {@code c}. */
        private List<Integer> pathWithin(int c, int from, int to) {
            if (from == to) {
                return new ArrayList<>();
            }
            Map<Integer, Long> parentEdge = new HashMap<>();
            ArrayList<Integer> queue = new ArrayList<>();
            queue.add(from);
            parentEdge.put(from, -1L);
            for (int head = 0; head < queue.size(); head++) {
                int u = queue.get(head);
                for (long e = g.edgeStart(u), end = g.edgeStart(u + 1); e < end; e++) {
                    int v = g.target(e);
                    if (of(v) == c && !parentEdge.containsKey(v)) {
                        parentEdge.put(v, e);
                        if (v == to) {
                            List<Integer> out = new ArrayList<>();
                            for (int w = v; w != from; ) {
                                long pe = parentEdge.get(w);
                                out.add(0, g.action(pe));
                                w = sourceOf(pe);
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
}
