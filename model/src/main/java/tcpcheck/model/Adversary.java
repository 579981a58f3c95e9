package tcpcheck.model;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import tcpcheck.checker.Bias;
import tcpcheck.checker.Shrinker;
import tcpcheck.checker.Trace;

/**
 * The adversary of docs/specification.md (The adversary) as random walks and the shrinker see it: which steps are its faults, which of
 * them a walk prefers, and how a fault is made plain again.
 *
 * <h2>The adversarial bias</h2>
 * The adversary's temperament is drawn afresh for each walk, as in swarm testing (Groce et al., ISSTA 2012): for
 * each of its means it is eager (weight {@value #EAGER}) or sparing (weight {@value #SPARING}), independently, each
 * with probability 1/2: losses, duplications, crashes, delays (a tick while a segment is in flight, so that it grows
 * older) and retransmission timeouts. Every other step has weight 1. At a step drawn uniformly below
 * {@value #SWITCH_BEFORE} the adversary changes its mind once and draws a second temperament: a story may need
 * timeouts at the start and no delay afterwards. Half of the walks' adversaries also hold back one segment in four
 * (chosen by its fields and ghost, with the walk's own salt): its delivery weighs {@value #SPARING}, so it stays in
 * flight while the connection goes on, the long delay of an old duplicate.
 *
 * <p>Over many walks the adversary prefers every fault, while single walks also try the stories that need one
 * fault used and the others held back: an old duplicate outliving a connection needs a duplication, no loss and
 * few ticks. The budgets L, Dup and Crash are in the state: once one is spent, the model no longer enables that
 * fault.
 *
 * <h2>For the shrinker</h2>
 * A loss may be replaced by the delivery of the same segment. A dropped tick makes the segments in flight younger,
 * so a recorded network step whose segment is not in flight at the recorded age stands for the same segment (same
 * fields, same ghost) at the nearest age.
 */
public final class Adversary implements Bias<TcpState, Action>, Shrinker.Hints<TcpState, Action> {
    static final double EAGER = 8;
    static final double SPARING = 1.0 / 16;
    static final int SWITCH_BEFORE = 48;
    private static final int AGE_MASK = 0xF << 27;

    /** Weights of the adversary's means: loss, duplication, crash, delay, retransmission timeout. */
    private record Temperament(double lose, double duplicate, double crash, double delay, double timeout) {
        static Temperament draw(SplittableRandom rnd) {
            return new Temperament(pick(rnd), pick(rnd), pick(rnd), pick(rnd), pick(rnd));
        }

        private static double pick(SplittableRandom rnd) {
            return rnd.nextBoolean() ? EAGER : SPARING;
        }
    }

    private static final Temperament EAGER_WITH_ALL = new Temperament(EAGER, EAGER, EAGER, EAGER, EAGER);

    private final TcpModel model;
    private final Temperament first;
    private final Temperament second;
    private final int switchAt;
    /** Zero, or the salt that picks the segments this walk's adversary holds back. */
    private final long holdSalt;

    /** The adversary of the shrinker, and of a walk before it draws its temperament: eager with every fault. */
    public Adversary(TcpModel model) {
        this(model, EAGER_WITH_ALL, EAGER_WITH_ALL, 0, 0);
    }

    private Adversary(TcpModel model, Temperament first, Temperament second, int switchAt, long holdSalt) {
        this.model = model;
        this.first = first;
        this.second = second;
        this.switchAt = switchAt;
        this.holdSalt = holdSalt;
    }

    @Override
    public Adversary forWalk(SplittableRandom rnd) {
        Temperament a = Temperament.draw(rnd);
        Temperament b = Temperament.draw(rnd);
        int at = rnd.nextInt(SWITCH_BEFORE);
        return new Adversary(model, a, b, at, rnd.nextBoolean() ? rnd.nextLong() | 1 : 0);
    }

    @Override
    public double weight(int step, TcpState s, Action a, TcpState next) {
        Temperament t = step < switchAt ? first : second;
        switch (a.kind()) {
            case LOSE:
                return t.lose();
            case DUPLICATE:
                return t.duplicate();
            case CRASH:
                return t.crash();
            case TICK:
                return s.network().isEmpty() ? 1 : t.delay();
            case RETRANSMISSION_TIMEOUT:
                return t.timeout();
            case DELIVER:
                return held(a.packet()) ? SPARING : 1;
            default:
                return 1;
        }
    }

    /** Whether this walk's adversary holds the segment back: one segment in four, by its fields and ghost. */
    private boolean held(int packet) {
        if (holdSalt == 0) {
            return false;
        }
        long z = (holdSalt ^ (packet & ~AGE_MASK)) * 0x9E3779B97F4A7C15L;
        return (z >>> 62) == 0;
    }

    @Override
    public boolean fault(Action a) {
        return a.kind() == Action.Kind.LOSE || a.kind() == Action.Kind.DUPLICATE || a.kind() == Action.Kind.CRASH;
    }

    /** A loss becomes the delivery of the segment it lost (with each ISS choice the receiver may make). */
    @Override
    public List<Action> plainer(TcpState s, Action fault) {
        List<Action> out = new ArrayList<>();
        if (fault.kind() != Action.Kind.LOSE) {
            return out;
        }
        List<Action> all = new ArrayList<>();
        model.actions(s, all);
        for (Action a : all) {
            if (a.kind() == Action.Kind.DELIVER && a.endpoint() == fault.endpoint() && a.packet() == fault.packet()) {
                out.add(a);
            }
        }
        return out;
    }

    /**
     * The enabled step of the same kind and endpoint whose segment differs at most in age (the nearest age wins)
     * and, among those, the same ISS choice if there is one.
     */
    @Override
    public int match(Action recorded, List<Trace.Step<TcpState, Action>> enabled) {
        int best = -1;
        int bestScore = Integer.MAX_VALUE;
        for (int i = 0; i < enabled.size(); i++) {
            Action a = enabled.get(i).action();
            if (a.kind() != recorded.kind() || a.endpoint() != recorded.endpoint()
                    || (a.packet() & ~AGE_MASK) != (recorded.packet() & ~AGE_MASK)) {
                continue;
            }
            int ageDistance = Math.abs((a.packet() >>> 27 & 0xF) - (recorded.packet() >>> 27 & 0xF));
            int score = ageDistance * 2 + (a.isnChoice() == recorded.isnChoice() ? 0 : 1);
            if (score < bestScore) {
                bestScore = score;
                best = i;
            }
        }
        return best;
    }
}
