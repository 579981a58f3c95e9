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
 * the heap: the row starts (8 bytes per state), the edges (8 bytes each: the target in the high half, then the
 * action index and the fairness class plus one, 16 bits each) and the flags (a bit per state for "outside the
 * boundary" and one per property for its goal). An action index or a class that does not fit in 16 bits is kept
 * whole in a map on the heap ({@link #overflow}), which only models of more than 65,534 actions in a state or
 * fairness classes need.
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
    /** A long per edge: target, action index, fairness class + 1. */
    private final MappedLongs edgeData;
    /** Bits: per state, {@code goals + 1} of them: outside the boundary, then the goal of each property. */
    private final MappedLongs flags;
    /** The action index and class of the edges whose 16-bit fields say "too large" ({@link #WIDE}). */
    private final java.util.Map<Long, long[]> overflow = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int WIDE = 0xFFFF;
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
        this.edgeData = new MappedLongs(scratch, "graph-edges");
        this.flags = new MappedLongs(scratch, "graph-flags");
        edgeStart.ensure(1);
    }

    long edgeStart(int v) {
        return edgeStart.get(v);
    }

    int target(long e) {
        return (int) (edgeData.get(e) >>> 32);
    }

    int action(long e) {
        int a = (int) (edgeData.get(e) >>> 16) & WIDE;
        return a == WIDE ? (int) overflow.get(e)[0] : a;
    }

    /** The fairness class of an edge (the graph's number for it), or -1 for none. */
    int fairnessClass(long e) {
        int k = (int) edgeData.get(e) & WIDE;
        return k == WIDE ? (int) overflow.get(e)[1] : k - 1;
    }

    private boolean bit(long i) {
        return (flags.get(i >>> 6) & 1L << i) != 0;
    }

    /** Whether state {@code v} satisfies the goal of property {@code i}. */
    boolean goal(int i, int v) {
        return bit((long) v * (goals + 1) + 1 + i);
    }

    boolean boundary(int v) {
        return bit((long) v * (goals + 1));
    }

    /** Sets the flags of a new state: goal bits (bit i for property i) and whether it lies outside the boundary. */
    void setFlags(int v, long goalBits, boolean outside) {
        long first = (long) v * (goals + 1);
        flags.ensure(((first + goals) >>> 6) + 1);
        long bits = goalBits << 1 | (outside ? 1 : 0);
        for (int k = 0; k <= goals; k++) {
            if ((bits & 1L << k) != 0) {
                long i = first + k;
                flags.set(i >>> 6, flags.get(i >>> 6) | 1L << i);
            }
        }
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
        edgeData.ensure(edges);
    }

    void setEdge(long e, int target, int action, int fairnessClass) {
        int a = action;
        int k = fairnessClass + 1;
        if (a >= WIDE || k >= WIDE) {
            overflow.put(e, new long[] {action, fairnessClass});
            a = WIDE;
            k = WIDE;
        }
        edgeData.set(e, (long) target << 32 | (long) a << 16 | k);
    }

    /** Closes the rows once every state is known: states not expanded have none. */
    void finish() {
        edgeStart.ensure(size + 1L);
        flags.ensure(((long) size * (goals + 1) >>> 6) + 1);
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
