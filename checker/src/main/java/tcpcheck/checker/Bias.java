package tcpcheck.checker;

import java.util.SplittableRandom;

/**
 * How a random walk of a {@link Simulation} chooses among the enabled steps of a state: each step is taken with
 * probability proportional to its weight. A model's adversary gives its faults more weight, so that walks try the
 * nastiest behaviours more often than a uniform choice would.
 */
@FunctionalInterface
public interface Bias<S, A> {

    /**
     * The weight (at least 0) of taking {@code action} from {@code state} to {@code next} as the walk's step
     * {@code step} (counted from 0).
     */
    double weight(int step, S state, A action, S next);

    /**
     * The bias for one walk, drawn with the walk's own random numbers: a bias may vary from walk to walk (as in
     * swarm testing, where each run leaves some kinds of step out). By default the same for every walk.
     */
    default Bias<S, A> forWalk(SplittableRandom random) {
        return this;
    }

    /** Every enabled step equally likely. */
    static <S, A> Bias<S, A> uniform() {
        return (k, s, a, t) -> 1;
    }
}
