package tcpcheck.checker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reachable graph of a model, stored explicitly for liveness checking: states numbered in breadth-first order,
 * edges in compressed rows (target, action index, fairness class), a breadth-first tree to rebuild paths, and, per
 * {@code eventually} property, the states that satisfy its goal. States themselves are not kept: a path is rebuilt
 * by replaying action indices from an initial state.
 */
final class StateGraph<S, A> {
    final Model<S, A> model;
    int size;
    int[] parent = new int[1024];
    int[] parentAction = new int[1024];
    boolean[] boundary = new boolean[1024];
    long[] edgeStart = new long[1025];
    final IntChunks edgeTarget = new IntChunks();
    final IntChunks edgeAction = new IntChunks();
    final IntChunks edgeClass = new IntChunks();
    long edges;
    int[] depth = new int[1024];
    int maxDepth;
    long boundaryCount;
    List<BreadthFirstSearch.Metric<S>> metrics = List.of();
    long[] maxima = new long[0];
    final java.util.BitSet[] goal;
    final Map<Object, Integer> classes = new HashMap<>();
    String incompleteReason;

    private StateGraph(Model<S, A> model, int goals) {
        this.model = model;
        this.goal = new java.util.BitSet[goals];
        for (int i = 0; i < goals; i++) {
            goal[i] = new java.util.BitSet();
        }
    }

    /** Explores the model breadth-first within {@code limits}, evaluating each goal on every state. */
    static <S, A> StateGraph<S, A> explore(Model<S, A> model, List<java.util.function.Predicate<S>> goals,
                                           Limits limits, long startNanos) {
        return explore(model, goals, List.of(), limits, startNanos);
    }

    /** The same, also tracking the largest value of each metric over the states (in {@link #maxima}). */
    static <S, A> StateGraph<S, A> explore(Model<S, A> model, List<java.util.function.Predicate<S>> goals,
                                           List<BreadthFirstSearch.Metric<S>> metrics, Limits limits,
                                           long startNanos) {
        StateGraph<S, A> g = new StateGraph<>(model, goals.size());
        g.metrics = metrics;
        g.maxima = new long[metrics.size()];
        Arrays.fill(g.maxima, Long.MIN_VALUE);
        LongIntMap ids = new LongIntMap(1 << 12);
        List<S> queue = new ArrayList<>();
        List<S> inits = model.initialStates();
        for (int i = 0; i < inits.size(); i++) {
            S s = inits.get(i);
            long fp = model.fingerprint(s);
            if (ids.get(fp) < 0) {
                int id = g.addState(-1, i, model.withinBoundary(s));
                ids.put(fp, id);
                g.evaluate(id, s, goals);
                queue.add(s);
            }
        }
        List<A> actions = new ArrayList<>();
        int head = 0;
        while (head < queue.size()) {
            if ((head & 1023) == 0 && (g.incompleteReason = limits.reached(g.size, startNanos)) != null) {
                return g;
            }
            int id = head;
            S s = queue.get(head);
            queue.set(head, null);
            head++;
            g.edgeStart[id] = g.edges;
            if (!g.boundary[id]) {
                actions.clear();
                model.actions(s, actions);
                for (int ai = 0; ai < actions.size(); ai++) {
                    A a = actions.get(ai);
                    S t = model.nextState(s, a);
                    if (t == null) {
                        continue;
                    }
                    long ft = model.fingerprint(t);
                    int tid = ids.get(ft);
                    if (tid < 0) {
                        tid = g.addState(id, ai, model.withinBoundary(t));
                        ids.put(ft, tid);
                        g.evaluate(tid, t, goals);
                        queue.add(t);
                    }
                    Object c = model.fairness(s, a);
                    g.addEdge(tid, ai, c == null ? -1 : g.classes.computeIfAbsent(c, k -> g.classes.size()));
                }
            }
            g.edgeStart[id + 1] = g.edges;
        }
        return g;
    }

    private void evaluate(int id, S s, List<java.util.function.Predicate<S>> goals) {
        for (int m = 0; m < maxima.length; m++) {
            maxima[m] = Math.max(maxima[m], metrics.get(m).value().applyAsLong(s));
        }
        for (int i = 0; i < goals.size(); i++) {
            if (goals.get(i).test(s)) {
                goal[i].set(id);
            }
        }
    }

    private int addState(int parentId, int action, boolean within) {
        if (size == parent.length) {
            int n = size * 2;
            parent = Arrays.copyOf(parent, n);
            depth = Arrays.copyOf(depth, n);
            parentAction = Arrays.copyOf(parentAction, n);
            boundary = Arrays.copyOf(boundary, n);
            edgeStart = Arrays.copyOf(edgeStart, n + 1);
        }
        parent[size] = parentId;
        depth[size] = parentId < 0 ? 0 : depth[parentId] + 1;
        maxDepth = Math.max(maxDepth, depth[size]);
        parentAction[size] = action;
        boundary[size] = !within;
        if (!within) {
            boundaryCount++;
        }
        return size++;
    }

    private void addEdge(int target, int action, int fairnessClass) {
        edgeTarget.add(target);
        edgeAction.add(action);
        edgeClass.add(fairnessClass);
        edges++;
    }

    int target(long e) {
        return edgeTarget.get(e);
    }

    int action(long e) {
        return edgeAction.get(e);
    }

    int fairnessClass(long e) {
        return edgeClass.get(e);
    }

    /** A state with no enabled action that lies within the boundary. */
    boolean terminal(int id) {
        return !boundary[id] && edgeStart[id] == edgeStart[id + 1];
    }

    /** The actions (as indices) of the breadth-first tree path from an initial state to {@code id}. */
    int[] treePath(int id, int[] treeParent, int[] treeAction) {
        int n = 0;
        for (int v = id; treeParent[v] >= 0; v = treeParent[v]) {
            n++;
        }
        int[] path = new int[n + 1];
        int v = id;
        for (int i = n; i >= 1; i--) {
            path[i] = treeAction[v];
            v = treeParent[v];
        }
        path[0] = treeAction[v];
        return path;
    }

    /**
     * Replays a path of action indices; {@code path[0]} is the index of the initial state.
     *
     * @param loopStart the step at which a lasso's cycle starts, or -1
     */
    Trace<S, A> replay(int[] path, int loopStart) {
        S s = model.initialStates().get(path[0]);
        List<Trace.Step<S, A>> steps = new ArrayList<>();
        steps.add(new Trace.Step<>(null, s));
        List<A> actions = new ArrayList<>();
        for (int i = 1; i < path.length; i++) {
            actions.clear();
            model.actions(s, actions);
            A a = actions.get(path[i]);
            s = model.nextState(s, a);
            steps.add(new Trace.Step<>(a, s));
        }
        return new Trace<>(steps, loopStart);
    }

    /** A map from fingerprints to state numbers, open addressing with linear probing. */
    static final class LongIntMap {
        private long[] keys;
        private int[] values;
        private boolean[] used;
        private int size;

        LongIntMap(int capacity) {
            keys = new long[capacity];
            values = new int[capacity];
            used = new boolean[capacity];
        }

        int get(long key) {
            int mask = keys.length - 1;
            for (int i = (int) Fingerprint.avalanche(key) & mask; used[i]; i = (i + 1) & mask) {
                if (keys[i] == key) {
                    return values[i];
                }
            }
            return -1;
        }

        void put(long key, int value) {
            if (size * 4 >= keys.length * 3) {
                long[] ok = keys;
                int[] ov = values;
                boolean[] ou = used;
                keys = new long[ok.length * 2];
                values = new int[ok.length * 2];
                used = new boolean[ok.length * 2];
                size = 0;
                for (int i = 0; i < ok.length; i++) {
                    if (ou[i]) {
                        put(ok[i], ov[i]);
                    }
                }
            }
            int mask = keys.length - 1;
            int i = (int) Fingerprint.avalanche(key) & mask;
            while (used[i]) {
                i = (i + 1) & mask;
            }
            used[i] = true;
            keys[i] = key;
            values[i] = value;
            size++;
        }
    }
}
