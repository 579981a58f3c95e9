package tcpcheck.checker.models;

import tcpcheck.checker.DelegatingModel;

/**
 * Peterson's mutual exclusion with a weak-fairness class per process (its number), as {@code FairSpec} of
 * {@code src/test/resources/tla/Peterson.tla}; with {@code zeroFair} false process 0 has none ({@code OneFairSpec}).
 */
public final class FairPeterson extends DelegatingModel<Peterson.State, Integer> {
    private final boolean zeroFair;

    public FairPeterson(boolean zeroFair) {
        super(new Peterson());
        this.zeroFair = zeroFair;
    }

    @Override
    public long fairness(Peterson.State s, Integer process) {
        return process == 0 && !zeroFair ? NO_FAIRNESS : process;
    }
}
