package tcpcheck.checker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The reachable graph of a model, stored explicitly for liveness checking: states numbered in breadth-first order
 * (the order in which a one-thread, first-in first-out search would first reach them); edges in compressed rows
 * (target, action index, fairness class) in the order of the model's actions; and, per {@code eventually} property,
 * the states that satisfy its goal.
 * States themselves are not kept: a path is rebuilt by replaying action indices from an initial state.
 *
 * <p>The breadth-first search records the graph as it goes ({@link GraphRecorder}), on as many threads as it has, so
 * the reachable states are generated once for safety and liveness alike. The numbering does not depend on the
 * number of threads, and neither does any counterexample drawn from it.
 */
final class StateGraph<S, A> {
    final Model<S, A> model;
    /** States; numbers 0 to {@code size - 1}. */
    int size;
    /** The initial states are numbers 0 to {@code initialCount - 1}. */
    int initialCount;
    /** For each initial state, its index in {@link Model#initialStates()}. */
    int[] initialIndex = new int[0];
    /** States outside the boundary (not expanded). */
    final BitSet boundary = new BitSet();
    /** The edges of state v are {@code edgeStart[v]} to {@code edgeStart[v + 1] - 1}. */
    long[] edgeStart = new long[1];
    final IntChunks edgeTarget = new IntChunks();
    final IntChunks edgeAction = new IntChunks();
    final IntChunks edgeClass = new IntChunks();
    long edges;
    /** Fairness classes, numbered 0 to {@code classCount - 1} in order of first appearance in the rows. */
    int classCount;
    final BitSet[] goal;

    StateGraph(Model<S, A> model, int goals) {
        this.model = model;
        this.goal = new BitSet[goals];
        for (int i = 0; i < goals; i++) {
            goal[i] = new BitSet();
        }
    }

    int target(long e) {
        return edgeTarget.get(e);
    }

    int action(long e) {
        return edgeAction.get(e);
    }

    /** The fairness class of an edge (the graph's number for it), or -1 for none. */
    int fairnessClass(long e) {
        return edgeClass.get(e);
    }

    /** A state with no enabled action that lies within the boundary. */
    boolean terminal(int id) {
        return !boundary.get(id) && edgeStart[id] == edgeStart[id + 1];
    }

    /** Starts the next state's row of edges; rows come in order of state number. */
    private void startRow(int id) {
        ensureRows(id + 2);
        for (int v = filledRows; v <= id; v++) {
            edgeStart[v] = edges;
        }
        filledRows = id + 1;
    }

    /** Appends the next state's row of {@code n} edges, to be filled by {@link #setEdge}; returns the first. */
    long startRow(int id, int n) {
        startRow(id);
        long first = edges;
        edges += n;
        return first;
    }

    /** Makes room for the edges announced by {@link #startRow(int, int)}. */
    void reserveEdges() {
        edgeTarget.extendTo(edges);
        edgeAction.extendTo(edges);
        edgeClass.extendTo(edges);
    }

    void setEdge(long e, int target, int action, int fairnessClass) {
        edgeTarget.set(e, target);
        edgeAction.set(e, action);
        edgeClass.set(e, fairnessClass);
    }

    /** Closes the rows once every state is known: states not expanded have none. */
    void finish() {
        ensureRows(size + 1);
        for (int v = filledRows; v <= size; v++) {
            edgeStart[v] = edges;
        }
        filledRows = size + 1;
    }

    private int filledRows;

    private void ensureRows(int n) {
        if (edgeStart.length < n) {
            edgeStart = Arrays.copyOf(edgeStart, Math.max(n, edgeStart.length * 2));
        }
    }

    /** The actions (as indices) of the tree path from an initial state to {@code id}; {@code path[0]} names it. */
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
}
