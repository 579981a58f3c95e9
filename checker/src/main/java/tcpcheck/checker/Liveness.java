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

    /**
     * One liveness property as the graph records it: the goal bits of its goal (Q), of its trigger (P, -1 for
     * {@code eventually}: the initial states trigger it), and of the states where one of its predicates threw.
     */
    record Goals<S, A>(Property<S, A> property, int goal, int trigger, int error) {
    }

    /**
     * Checks each property on the graph: as many at once as {@code threads}, each with its own scratch arrays, which
     * are memory-mapped files of the graph's {@link Scratch} directory (about 30 bytes per state of the subgraph, the
     * search's stacks, and for leads-to 16 bytes per state for the breadth-first tree of the whole graph). A check
     * that runs out of memory is INCOMPLETE.
     */
    static <S, A> List<PropertyResult<S, A>> checkAll(StateGraph<S, A> g, List<Goals<S, A>> ps, int threads,
                                                      Stuttering stuttering) {
        int parallel = Math.min(threads, ps.size());
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

    /**
     * Marks in {@code node[3v]} of a state outside the subgraph (0, as a new file reads, so nothing need be
     * cleared), and of one in it not yet visited by Tarjan; an index or low link i is kept as i + 2, a component c as
     * c + 1 (0: none yet).
     */
    private static final int OUTSIDE = 0;
    private static final int UNVISITED = 1;
    private static final int FIRST_INDEX = 2;

    static <S, A> PropertyResult<S, A> check(StateGraph<S, A> g, Goals<S, A> goals, Stuttering stuttering) {
        Property<S, A> p = goals.property();
        int n = g.size;
        for (int v = 0; v < n; v++) {
            if (g.goal(goals.error(), v)) {
                return error(g, p, v);
            }
        }
        boolean tla = stuttering == Stuttering.ALLOWED;
        try (Tree tree = goals.trigger() < 0 ? null : new Tree(g);
             MappedInts node = new MappedInts(g.scratch, "liveness-nodes");
             MappedInts order = new MappedInts(g.scratch, "liveness-order")) {
            // 1. The ¬Q subgraph reachable from the triggers through ¬Q states (see subgraph). A node's index, low
            //    link and component sit side by side in node (3 ints), so following an edge costs one page, not three.
            node.ensure(3L * n);
            order.ensure(n);
            int count = subgraph(g, goals, tree, node, 3, order, null, -1);
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
                FairnessScratch scratch = new FairnessScratch(g.classCount, tla);
                for (int c = 0; c < comps; c++) {
                    fill.set(c, 0);
                }
                for (int k = 0; k < count; k++) {
                    int u = order.get(k);
                    if (g.terminal(u)) {
                        int[] stem = stem(g, goals, tree, u);
                        return new PropertyResult<>(p, Verdict.VIOLATED, g.replay(stem, -1),
                                "ends in a state with no enabled action");
                    }
                    if (tla && !g.boundary(u) && !anyFairClass(g, u)) {
                        int[] stem = stem(g, goals, tree, u);
                        return new PropertyResult<>(p, Verdict.VIOLATED, g.replay(stem, stem.length - 1),
                                "stops (stutters for ever) in a state where no fair action is enabled");
                    }
                    int c = node.get(3L * u + 2) - 1;
                    if (fill.get(c) == 0) {
                        boolean trivial = start.get(c + 1) - start.get(c) == 1 && !selfLoop(g, u, tla);
                        fill.set(c, !trivial && comp.fair(c, scratch) ? 2 : 1);
                    }
                    if (fill.get(c) == 2) {
                        int[] stem = stem(g, goals, tree, u);
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
     * The breadth-first tree of the whole graph from the initial states, in files: each state's parent (plus 1; 0
     * for an initial state), the action index that reaches it (an initial state's index in the model's list), its
     * distance, and the states in the order visited.
     */
    private static final class Tree implements AutoCloseable {
        final StateGraph<?, ?> g;
        final MappedInts parent;
        final MappedInts action;
        final MappedInts dist;
        final MappedInts visit;
        int count;

        Tree(StateGraph<?, ?> g) {
            this.g = g;
            int n = g.size;
            parent = new MappedInts(g.scratch, "liveness-tree-parent");
            action = new MappedInts(g.scratch, "liveness-tree-action");
            dist = new MappedInts(g.scratch, "liveness-tree-distance");
            visit = new MappedInts(g.scratch, "liveness-tree-visit");
            parent.ensure(Math.max(1, n));
            action.ensure(Math.max(1, n));
            dist.ensure(Math.max(1, n));
            visit.ensure(Math.max(1, n));
            // dist holds distance + 1 while the search runs (0: not reached yet), the distance after.
            for (int v = 0; v < g.initialCount; v++) {
                action.set(v, g.initialIndex[v]);
                dist.set(v, 1);
                visit.set(count++, v);
            }
            for (int head = 0; head < count; head++) {
                int u = visit.get(head);
                for (long e = g.edgeStart(u), end = g.edgeStart(u + 1); e < end; e++) {
                    int v = g.target(e);
                    if (v >= 0 && dist.get(v) == 0) {
                        dist.set(v, dist.get(u) + 1);
                        parent.set(v, u + 1);
                        action.set(v, g.action(e));
                        visit.set(count++, v);
                    }
                }
            }
            for (int i = 0; i < count; i++) {
                int v = visit.get(i);
                dist.set(v, dist.get(v) - 1);
            }
        }

        /** The action indices of the tree path to {@code v}; {@code path[0]} names the initial state. */
        int[] path(int v) {
            int len = 0;
            for (int w = v; parent.get(w) != 0; w = parent.get(w) - 1) {
                len++;
            }
            int[] path = new int[len + 1];
            int w = v;
            for (int i = len; i >= 1; i--) {
                path[i] = action.get(w);
                w = parent.get(w) - 1;
            }
            path[0] = action.get(w);
            return path;
        }

        @Override
        public void close() {
            parent.close();
            action.close();
            dist.close();
            visit.close();
        }
    }

    /**
     * The ¬Q subgraph reachable from the triggers through ¬Q states, breadth-first level by level, a trigger joining
     * at its own distance from the initial states: for {@code eventually} the initial states not in Q, for leads-to
     * the P-states not in Q in the order of {@code tree}. Each state reached is marked in {@code mark} (element
     * {@code stride × v}, 0 before: {@link #UNVISITED}, or with {@code via}, its tree parent plus 2 and 1 for a
     * trigger, and {@code via} the action index that reaches it) and listed in {@code order}; returns how many. With
     * {@code target} ≥ 0 the search stops once the target is reached.
     */
    private static int subgraph(StateGraph<?, ?> g, Goals<?, ?> goals, Tree tree, MappedInts mark, int stride,
                                MappedInts order, MappedInts via, int target) {
        int q = goals.goal();
        boolean eventually = goals.trigger() < 0;
        int sources = eventually ? g.initialCount : tree.count;
        int next = 0;
        int count = 0;
        int head = 0;
        for (int d = 0; ; d++) {
            while (next < sources) {
                int v = eventually ? next : tree.visit.get(next);
                if (!eventually && tree.dist.get(v) > d) {
                    break;
                }
                next++;
                if (g.goal(q, v) || !eventually && !g.goal(goals.trigger(), v) || mark.get((long) stride * v) != 0) {
                    continue;
                }
                mark.set((long) stride * v, via == null ? UNVISITED : 1);
                if (via != null) {
                    via.set(v, eventually ? g.initialIndex[v] : -1);
                }
                order.set(count++, v);
            }
            int end = count;
            if (head == end) {
                if (next == sources) {
                    break;
                }
                d = tree.dist.get(tree.visit.get(next)) - 1;
                continue;
            }
            for (; head < end; head++) {
                if (target >= 0 && mark.get((long) stride * target) != 0) {
                    return count;
                }
                int u = order.get(head);
                for (long e = g.edgeStart(u), stop = g.edgeStart(u + 1); e < stop; e++) {
                    int v = g.target(e);
                    if (v >= 0 && mark.get((long) stride * v) == 0 && !g.goal(q, v)) {
                        mark.set((long) stride * v, via == null ? UNVISITED : u + 2);
                        if (via != null) {
                            via.set(v, g.action(e));
                        }
                        order.set(count++, v);
                    }
                }
            }
        }
        return count;
    }

    /**
     * The actions (as indices) of the path to {@code target}, {@code path[0]} naming the initial state: for
     * {@code eventually}, its path in the breadth-first tree of the subgraph; for leads-to, the path to its trigger
     * in the breadth-first tree of the whole graph, then its path from the trigger. The subgraph's search again,
     * which reaches the same states in the same order, this time with a parent per state.
     */
    private static int[] stem(StateGraph<?, ?> g, Goals<?, ?> goals, Tree tree, int target) {
        int n = g.size;
        try (MappedInts parent = new MappedInts(g.scratch, "liveness-parent");
             MappedInts via = new MappedInts(g.scratch, "liveness-via");
             MappedInts queue = new MappedInts(g.scratch, "liveness-queue")) {
            parent.ensure(n);
            via.ensure(n);
            queue.ensure(n);
            subgraph(g, goals, tree, parent, 1, queue, via, target);
            int len = 0;
            int root = target;
            for (; parent.get(root) != 1; root = parent.get(root) - 2) {
                len++;
            }
            int[] toRoot = tree == null ? new int[] {via.get(root)} : tree.path(root);
            int[] path = Arrays.copyOf(toRoot, toRoot.length + len);
            int v = target;
            for (int i = path.length - 1; i >= toRoot.length; i--) {
                path[i] = via.get(v);
                v = parent.get(v) - 2;
            }
            return path;
        }
    }

    /** ERROR: a predicate threw in state {@code v}; a shortest trace to it, and the message it throws there. */
    private static <S, A> PropertyResult<S, A> error(StateGraph<S, A> g, Property<S, A> p, int v) {
        Trace<S, A> trace;
        try (Tree tree = new Tree(g)) {
            trace = g.replay(tree.path(v), -1);
        }
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
        for (long e = g.edgeStart(u), end = g.edgeStart(u + 1); e < end; e++) {
            if (g.fairnessClass(e) >= 0 && g.target(e) != u) {
                return true;
            }
        }
        return false;
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
                        if (v < 0) {
                            continue;
                        }
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

        /** The component of {@code v}, -1 outside the subgraph (and for -1, the target of an edge that leaves it). */
        int of(int v) {
            return v < 0 ? -1 : node.get(3L * v + 2) - 1;
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
                    int v = g.target(e);
                    if (f.ignoreSelfLoops && v == u) {
                        continue;
                    }
                    boolean internal = of(v) == c;
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
