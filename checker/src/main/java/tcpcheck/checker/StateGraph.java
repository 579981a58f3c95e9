package tcpcheck.checker;

import java.util.ArrayList;
import java.util.List;

/**
 * The reachable graph of a model, stored explicitly for liveness checking: states numbered in breadth-first order
 * (the order in which a one-thread, first-in first-out search would first reach them); edges in compressed rows
 * (target, action index, fairness class) in the order of the model's actions; and, per {@code eventually} property,
 * the states that satisfy its goal. States themselves are not kept: a path is rebuilt by replaying action indices
 * from an initial state.
 *
 * <p>Everything that grows with the graph is in memory-mapped files of the check's {@link Scratch} directory, not on
 * the heap: the row starts (8 bytes per state), the edges (12 bytes each: target, action, class) and the flags
 * (8 bytes per state: bit 0 for a state outside the boundary, bit 1 + i for the goal of property i).
 *
 * <p>The breadth-first search records the graph as it goes ({@link GraphRecorder}), on as many threads as it has, so
 * the reachable states are generated once for safety and liveness alike. The numbering does not depend on the
 * number of threads, and neither does any counterexample drawn from it.
 */
final class StateGraph<S, A> implements AutoCloseable {
    final Model<S, A> model;
    /** States; numbers 0 to {@code size - 1}. */
    int size;
    /** The initial states are numbers 0 to {@code initialCount - 1}. */
    int initialCount;
    /** For each initial state, its index in {@link Model#initialStates()}. */
    int[] initialIndex = new int[0];
    /** The edges of state v are {@code edgeStart(v)} to {@code edgeStart(v + 1) - 1}. */
    private final MappedLongs edgeStart;
    /** Three ints per edge: target, action index, fairness class. */
    private final MappedInts edgeData;
    private final MappedLongs flags;
    long edges;
    /** Fairness classes, numbered 0 to {@code classCount - 1} in order of first appearance in the rows. */
    int classCount;
    final int goals;
    /** Where the graph's files are, and the scratch arrays of the liveness check. */
    final Scratch scratch;

    StateGraph(Model<S, A> model, int goals, Scratch scratch) {
        this.model = model;
        this.goals = goals;
        this.scratch = scratch;
        this.edgeStart = new MappedLongs(scratch, "graph-rows");
        this.edgeData = new MappedInts(scratch, "graph-edges");
        this.flags = new MappedLongs(scratch, "graph-flags");
        edgeStart.ensure(1);
    }

    long edgeStart(int v) {
        return edgeStart.get(v);
    }

    int target(long e) {
        return edgeData.get(3 * e);
    }

    int action(long e) {
        return edgeData.get(3 * e + 1);
    }

    /** The fairness class of an edge (the graph's number for it), or -1 for none. */
    int fairnessClass(long e) {
        return edgeData.get(3 * e + 2);
    }

    /** Whether state {@code v} satisfies the goal of property {@code i}. */
    boolean goal(int i, int v) {
        return (flags.get(v) & 2L << i) != 0;
    }

    boolean boundary(int v) {
        return (flags.get(v) & 1) != 0;
    }

    /** Sets the flags of a new state: goal bits (bit i for property i) and whether it lies outside the boundary. */
    void setFlags(int v, long goalBits, boolean outside) {
        flags.ensure(v + 1L);
        flags.set(v, goalBits << 1 | (outside ? 1 : 0));
    }

    /** A state with no enabled action that lies within the boundary. */
    boolean terminal(int id) {
        return !boundary(id) && edgeStart.get(id) == edgeStart.get(id + 1);
    }

    private int filledRows;

    /** Appends the next state's row of {@code n} edges, to be filled by {@link #setEdge}; returns the first. */
    long startRow(int id, int n) {
        edgeStart.ensure(id + 2L);
        for (int v = filledRows; v <= id; v++) {
            edgeStart.set(v, edges);
        }
        filledRows = id + 1;
        long first = edges;
        edges += n;
        return first;
    }

    /** Makes room for the edges announced by {@link #startRow(int, int)} (before threads fill them). */
    void reserveEdges() {
        edgeData.ensure(3 * edges);
    }

    void setEdge(long e, int target, int action, int fairnessClass) {
        edgeData.set(3 * e, target);
        edgeData.set(3 * e + 1, action);
        edgeData.set(3 * e + 2, fairnessClass);
    }

    /** Closes the rows once every state is known: states not expanded have none. */
    void finish() {
        edgeStart.ensure(size + 1L);
        flags.ensure(Math.max(1, size));
        for (int v = filledRows; v <= size; v++) {
            edgeStart.set(v, edges);
        }
        filledRows = size + 1;
    }

    /** Bytes of the files that hold the graph. */
    long fileBytes() {
        return edgeStart.usedBytes() + edgeData.usedBytes() + flags.usedBytes();
    }

    /** Replays a path of action indices; {@code path[0]} is the index of the initial state. */
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

    @Override
    public void close() {
        edgeStart.close();
        edgeData.close();
        flags.close();
    }
}
