package tcpcheck.checker.models;

import java.util.List;
import tcpcheck.checker.Model;

/**
 * Peterson's mutual exclusion with a weak-fairness class per process (its number), as {@code FairSpec} of
 * {@code src/test/resources/tla/Peterson.tla}; with {@code zeroFair} false process 0 has none ({@code OneFairSpec}).
 */
public record FairPeterson(boolean zeroFair) implements Model<Peterson.State, Integer> {
    private static final Peterson PETERSON = new Peterson();

    @Override
    public List<Peterson.State> initialStates() {
        return PETERSON.initialStates();
    }

    @Override
    public void actions(Peterson.State s, List<Integer> actions) {
        PETERSON.actions(s, actions);
    }

    @Override
    public Peterson.State nextState(Peterson.State s, Integer process) {
        return PETERSON.nextState(s, process);
    }

    @Override
    public long fingerprint(Peterson.State s) {
        return PETERSON.fingerprint(s);
    }

    @Override
    public long fairness(Peterson.State s, Integer process) {
        return process == 0 && !zeroFair ? NO_FAIRNESS : process;
    }
}
