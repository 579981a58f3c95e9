package tcpcheck.checker.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tcpcheck.checker.Fingerprint;
import tcpcheck.checker.Model;

/**
 * N philosophers around a table, fork i between philosopher i (its left fork) and philosopher i-1 (its right fork).
 * Philosopher i: thinking (0) takes its left fork when free (1), takes its right fork when free and eats (2), then
 * puts both down (0). Fork i is held by philosopher i when {@code pc[i] ∈ {1,2}} and by philosopher i-1 when
 * {@code pc[i-1] = 2}, so the state is the vector of program counters.
 */
public final class DiningPhilosophers implements Model<DiningPhilosophers.State, Integer> {
    private final int n;

    public DiningPhilosophers(int n) {
        this.n = n;
    }

    public record State(int[] pc) {
        @Override
        public boolean equals(Object o) {
            return o instanceof State s && Arrays.equals(pc, s.pc);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(pc);
        }

        @Override
        public String toString() {
            return Arrays.toString(pc);
        }
    }

    private boolean forkFree(int[] pc, int fork) {
        int left = fork;
        int right = (fork + n - 1) % n;
        return pc[left] == 0 && pc[right] != 2;
    }

    @Override
    public List<State> initialStates() {
        return List.of(new State(new int[n]));
    }

    @Override
    public void actions(State s, List<Integer> actions) {
        for (int i = 0; i < n; i++) {
            actions.add(i);
        }
    }

    @Override
    public State nextState(State s, Integer i) {
        int[] pc = s.pc;
        int[] next = pc.clone();
        switch (pc[i]) {
            case 0:
                if (!forkFree(pc, i)) {
                    return null;
                }
                next[i] = 1;
                break;
            case 1: {
                int right = (i + 1) % n;
                // The right fork is fork i+1: free when philosopher i+1 neither holds it as a left fork nor eats.
                if (pc[right] != 0) {
                    return null;
                }
                next[i] = 2;
                break;
            }
            default:
                next[i] = 0;
        }
        return new State(next);
    }

    @Override
    public long fingerprint(State s) {
        return Fingerprint.ofInts(s.pc);
    }

    /** All the states whose every philosopher holds exactly the left fork. */
    public static boolean allHoldLeft(State s) {
        for (int p : s.pc) {
            if (p != 1) {
                return false;
            }
        }
        return true;
    }

    public static List<Integer> eating(State s) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < s.pc.length; i++) {
            if (s.pc[i] == 2) {
                out.add(i);
            }
        }
        return out;
    }
}
