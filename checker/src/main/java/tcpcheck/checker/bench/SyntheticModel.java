package tcpcheck.checker.bench;

import java.util.List;
import tcpcheck.checker.Fingerprint;
import tcpcheck.checker.Model;
import tcpcheck.checker.StatePacking;

/**
 * A model whose successor function costs next to nothing, to measure the engine itself: states 0 .. n-1, from x the
 * actions lead to x+1, 3x+7 and 5x+11 (mod n). Every state is reachable (by x+1 from 0), so it has exactly n states
 * and 3n transitions; its breadth-first depth is logarithmic-ish, so levels are wide. A state packs into one word,
 * so the frontier is kept in files as the TCP model's is.
 */
public final class SyntheticModel implements Model<Long, Integer> {
    private static final Integer[] ACTIONS = {0, 1, 2};
    private final long n;

    public SyntheticModel(long n) {
        this.n = n;
    }

    @Override
    public List<Long> initialStates() {
        return List.of(0L);
    }

    @Override
    public void actions(Long s, List<Integer> actions) {
        actions.add(ACTIONS[0]);
        actions.add(ACTIONS[1]);
        actions.add(ACTIONS[2]);
    }

    @Override
    public Long nextState(Long s, Integer a) {
        long x = s;
        switch (a) {
            case 0:
                return (x + 1) % n;
            case 1:
                return (3 * x + 7) % n;
            default:
                return (5 * x + 11) % n;
        }
    }

    private static final StatePacking<Long> ONE_WORD = new StatePacking<>() {
        @Override
        public int words() {
            return 1;
        }

        @Override
        public void pack(Long state, long[] to, int at) {
            to[at] = state;
        }

        @Override
        public Long unpack(long[] from, int at) {
            return from[at];
        }
    };

    @Override
    public StatePacking<Long> packing() {
        return ONE_WORD;
    }

    @Override
    public long fingerprint(Long s) {
        return Fingerprint.avalanche(s + 0x9E3779B97F4A7C15L);
    }
}
