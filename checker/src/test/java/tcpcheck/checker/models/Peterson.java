package tcpcheck.checker.models;

import java.util.List;
import tcpcheck.checker.Fingerprint;
import tcpcheck.checker.Model;

/**
 * Peterson's mutual exclusion for two processes. Process i cycles through
 * <ol start="0">
 *   <li>noncritical: {@code flag[i] := TRUE}</li>
 *   <li>{@code turn := 1 - i}</li>
 *   <li>wait until {@code ~flag[1-i] \/ turn = i}, then enter</li>
 *   <li>critical: {@code flag[i] := FALSE}, back to 0</li>
 * </ol>
 * {@code flag[i]} is kept explicitly (it equals {@code pc[i] # 0}), as in the TLA+ spec beside the tests.
 */
public final class Peterson implements Model<Peterson.State, Integer> {

    public record State(int pc0, int pc1, boolean flag0, boolean flag1, int turn) {
        int pc(int i) {
            return i == 0 ? pc0 : pc1;
        }

        boolean flag(int i) {
            return i == 0 ? flag0 : flag1;
        }

        State with(int i, int pc, boolean flag) {
            return i == 0 ? new State(pc, pc1, flag, flag1, turn) : new State(pc0, pc, flag0, flag, turn);
        }

        public boolean bothCritical() {
            return pc0 == 3 && pc1 == 3;
        }
    }

    @Override
    public List<State> initialStates() {
        return List.of(new State(0, 0, false, false, 0));
    }

    @Override
    public void actions(State s, List<Integer> actions) {
        actions.add(0);
        actions.add(1);
    }

    @Override
    public State nextState(State s, Integer i) {
        int j = 1 - i;
        switch (s.pc(i)) {
            case 0:
                return s.with(i, 1, true);
            case 1: {
                State t = s.with(i, 2, true);
                return new State(t.pc0, t.pc1, t.flag0, t.flag1, j);
            }
            case 2:
                return !s.flag(j) || s.turn == i ? s.with(i, 3, true) : null;
            default:
                return s.with(i, 0, false);
        }
    }

    @Override
    public long fingerprint(State s) {
        return Fingerprint.of(s.pc0, s.pc1, s.flag0 ? 1 : 0, s.flag1 ? 1 : 0, s.turn);
    }
}
