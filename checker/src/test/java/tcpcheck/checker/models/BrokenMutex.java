package tcpcheck.checker.models;

import java.util.List;
import tcpcheck.checker.Fingerprint;
import tcpcheck.checker.Model;

/**
 * A mutex that checks before it sets: process i waits until {@code ~flag[1-i]} (pc 0 to 1), then sets
 * {@code flag[i]} and enters (pc 1 to 2), then leaves and clears it (pc 2 to 0). Both can check before either sets.
 */
public final class BrokenMutex implements Model<BrokenMutex.State, Integer> {

    public record State(int pc0, int pc1) {
        int pc(int i) {
            return i == 0 ? pc0 : pc1;
        }

        boolean flag(int i) {
            return pc(i) == 2;
        }

        State with(int i, int pc) {
            return i == 0 ? new State(pc, pc1) : new State(pc0, pc);
        }

        public boolean bothCritical() {
            return pc0 == 2 && pc1 == 2;
        }
    }

    @Override
    public List<State> initialStates() {
        return List.of(new State(0, 0));
    }

    @Override
    public void actions(State s, List<Integer> actions) {
        actions.add(0);
        actions.add(1);
    }

    @Override
    public State nextState(State s, Integer i) {
        switch (s.pc(i)) {
            case 0:
                return s.flag(1 - i) ? null : s.with(i, 1);
            case 1:
                return s.with(i, 2);
            default:
                return s.with(i, 0);
        }
    }

    @Override
    public long fingerprint(State s) {
        return Fingerprint.of(s.pc0, s.pc1);
    }
}
