package tcpcheck.checker;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A path through a model: an initial state followed by steps. A lasso (a liveness counterexample) also names the
 * step at which its cycle starts: the last state equals the state at {@link #loopStart()}, and the behaviour
 * repeats the steps after it forever. A lasso whose cycle starts at its last state has no steps in its cycle: the
 * behaviour stutters there for ever ({@link #stutters()}, TLA+'s stuttering, see {@link Stuttering#ALLOWED}).
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

    /** Whether this lasso ends by stuttering for ever in its last state (its cycle has no steps). */
    public boolean stutters() {
        return loopStart == steps.size() - 1;
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
        return format(String::valueOf, String::valueOf);
    }

    /** The trace with its states and actions described by the model ({@link Model#describeState}, {@code describe}). */
    public String format(Model<S, A> model) {
        return format(model::describeState, model::describe);
    }

    private String format(java.util.function.Function<S, String> state, java.util.function.Function<A, String> action) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            Step<S, A> s = steps.get(i);
            if (i == loopStart && !stutters()) {
                b.append("-- cycle starts here --\n");
            }
            b.append(i).append(": ");
            if (s.action() != null) {
                b.append(action.apply(s.action())).append(" -> ");
            }
            b.append(state.apply(s.state())).append('\n');
        }
        if (stutters()) {
            b.append("-- stutters here for ever --\n");
        } else if (loopStart >= 0) {
            b.append("-- back to step ").append(loopStart).append(" --\n");
        }
        return b.toString();
    }
}
