package tcpcheck.checker;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A path through a model: an initial state followed by steps. A lasso (a liveness counterexample) also names the
 * step at which its cycle starts: the last state equals the state at {@link #loopStart()}, and the behaviour
 * repeats the steps after it forever.
 */
public final class Trace<S, A> {

    /** One step: the action taken (null for the initial state) and the state it led to. */
    public record Step<S, A>(A action, S state) {
    }

    private final List<Step<S, A>> steps;
    private final int loopStart;

    public Trace(List<Step<S, A>> steps, int loopStart) {
        if (steps.isEmpty() || steps.get(0).action() != null) {
            throw new IllegalArgumentException("a trace starts with an initial state and no action");
        }
        if (loopStart < -1 || loopStart >= steps.size()) {
            throw new IllegalArgumentException("loop start out of range: " + loopStart);
        }
        this.steps = Collections.unmodifiableList(new ArrayList<>(steps));
        this.loopStart = loopStart;
    }

    public static <S, A> Trace<S, A> of(S initial) {
        List<Step<S, A>> steps = new ArrayList<>();
        steps.add(new Step<>(null, initial));
        return new Trace<>(steps, -1);
    }

    public Trace<S, A> then(A action, S state) {
        List<Step<S, A>> more = new ArrayList<>(steps);
        more.add(new Step<>(action, state));
        return new Trace<>(more, loopStart);
    }

    public List<Step<S, A>> steps() {
        return steps;
    }

    /** The index of the step where the cycle of a lasso starts, or -1 for a finite path. */
    public int loopStart() {
        return loopStart;
    }

    public boolean isLasso() {
        return loopStart >= 0;
    }

    /** The number of actions from the initial state (for a lasso: the stem and one round of the cycle). */
    public int length() {
        return steps.size() - 1;
    }

    public S last() {
        return steps.get(steps.size() - 1).state();
    }

    public List<A> actions() {
        List<A> out = new ArrayList<>();
        for (int i = 1; i < steps.size(); i++) {
            out.add(steps.get(i).action());
        }
        return out;
    }

    public List<S> states() {
        List<S> out = new ArrayList<>();
        for (Step<S, A> s : steps) {
            out.add(s.state());
        }
        return out;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            Step<S, A> s = steps.get(i);
            if (i == loopStart) {
                b.append("-- cycle starts here --\n");
            }
            b.append(i).append(": ");
            if (s.action() != null) {
                b.append(s.action()).append(" -> ");
            }
            b.append(s.state()).append('\n');
        }
        if (loopStart >= 0) {
            b.append("-- back to step ").append(loopStart).append(" --\n");
        }
        return b.toString();
    }
}
