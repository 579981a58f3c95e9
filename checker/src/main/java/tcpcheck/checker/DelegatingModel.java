package tcpcheck.checker;

import java.util.List;

/**
 * A model that is another one but for the methods a subclass overrides: a test's fairness, constraint or fault, the
 * explorer's search from one state, a packing. Every method of {@link Model} is passed on, so a subclass changes only
 * what it names.
 */
public class DelegatingModel<S, A> implements Model<S, A> {
    protected final Model<S, A> base;

    public DelegatingModel(Model<S, A> base) {
        this.base = base;
    }

    @Override
    public List<S> initialStates() {
        return base.initialStates();
    }

    @Override
    public void actions(S s, List<A> actions) {
        base.actions(s, actions);
    }

    @Override
    public S nextState(S s, A a) {
        return base.nextState(s, a);
    }

    @Override
    public long fingerprint(S s) {
        return base.fingerprint(s);
    }

    @Override
    public long fairness(S s, A a) {
        return base.fairness(s, a);
    }

    @Override
    public boolean constraint(S s) {
        return base.constraint(s);
    }

    @Override
    public boolean actionConstraint(S s, A a, S next) {
        return base.actionConstraint(s, a, next);
    }

    @Override
    public boolean withinBoundary(S s) {
        return base.withinBoundary(s);
    }

    @Override
    public StatePacking<S> packing() {
        return base.packing();
    }

    @Override
    public String describe(A a) {
        return base.describe(a);
    }
}
