package tcpcheck.properties;

import java.util.ArrayList;
import java.util.List;
import tcpcheck.checker.Model;
import tcpcheck.checker.Property;
import tcpcheck.checker.Trace;

/**
 * A model with a mark that a sequence of steps sets: the product of a model and a monitor of its behaviours that
 * counts how many of the given steps have happened, in order. A property checked on it only where all have happened
 * finds the shortest counterexample <em>among the behaviours that have those steps</em> (say, the loss of a
 * particular segment, then the arrival of another), with the engine as it is.
 *
 * @param <S> the inner model's states
 * @param <A> its actions
 */
final class MarkedModel<S, A> implements Model<MarkedModel.Marked<S>, A> {

    /** A state of the inner model and how many of the marking steps have happened on the way to it. */
    record Marked<S>(S state, int stage) {
    }

    /** The step that sets the mark. */
    interface Mark<S, A> {
        boolean test(S before, A action, S after);
    }

    private final Model<S, A> inner;
    private final List<Mark<S, A>> marks;

    MarkedModel(Model<S, A> inner, List<Mark<S, A>> marks) {
        this.inner = inner;
        this.marks = List.copyOf(marks);
    }

    private boolean marked(Marked<S> m) {
        return m.stage() == marks.size();
    }

    @Override
    public List<Marked<S>> initialStates() {
        List<Marked<S>> out = new ArrayList<>();
        for (S s : inner.initialStates()) {
            out.add(new Marked<>(s, 0));
        }
        return out;
    }

    @Override
    public void actions(Marked<S> state, List<A> actions) {
        inner.actions(state.state(), actions);
    }

    @Override
    public Marked<S> nextState(Marked<S> state, A action) {
        S next = inner.nextState(state.state(), action);
        if (next == null) {
            return null;
        }
        int stage = state.stage();
        if (stage < marks.size() && marks.get(stage).test(state.state(), action, next)) {
            stage++;
        }
        return new Marked<>(next, stage);
    }

    @Override
    public long fingerprint(Marked<S> state) {
        long f = inner.fingerprint(state.state());
        return state.stage() == 0 ? f : Long.rotateLeft(f, 17 * state.stage()) ^ 0x9E3779B97F4A7C15L * state.stage();
    }

    @Override
    public boolean withinBoundary(Marked<S> state) {
        return inner.withinBoundary(state.state());
    }

    @Override
    public long fairness(Marked<S> state, A action) {
        return inner.fairness(state.state(), action);
    }

    @Override
    public String describe(A action) {
        return inner.describe(action);
    }

    /** The property {@code p} of the inner model, violated only once every marking step has happened. */
    Property<Marked<S>, A> onlyMarked(Property<S, A> p) {
        String name = p.name();
        switch (p.kind()) {
            case ALWAYS:
                return Property.always(name, m -> !marked(m) || p.test(m.state()));
            case TRANSITION:
                return Property.transition(name, (m, a, n) -> !marked(n) || p.test(m.state(), a, n.state()));
            case TERMINAL:
                return Property.terminal(name, m -> !marked(m) || p.test(m.state()));
            default:
                throw new IllegalArgumentException("a marked search checks safety properties, not " + p.kind());
        }
    }

    /** The trace of the inner model that a trace of the marked one follows. */
    static <S, A> Trace<S, A> unmarked(Trace<Marked<S>, A> t) {
        List<Trace.Step<S, A>> steps = new ArrayList<>();
        for (Trace.Step<Marked<S>, A> s : t.steps()) {
            steps.add(new Trace.Step<>(s.action(), s.state().state()));
        }
        return new Trace<>(steps, t.loopStart());
    }
}
