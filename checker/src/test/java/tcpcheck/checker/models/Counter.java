package tcpcheck.checker.models;

import java.util.List;
import tcpcheck.checker.Fingerprint;
import tcpcheck.checker.Model;

/**
 * A counter that only counts up, under the state constraint x &lt; 2, its step weakly fair or not: as
 * {@code src/test/resources/tla/Counter.tla}.
 */
public record Counter(boolean fair) implements Model<Integer, String> {

    @Override
    public List<Integer> initialStates() {
        return List.of(0);
    }

    @Override
    public void actions(Integer s, List<String> actions) {
        actions.add("count");
    }

    @Override
    public Integer nextState(Integer s, String a) {
        return s + 1;
    }

    @Override
    public long fingerprint(Integer s) {
        return Fingerprint.of(s);
    }

    @Override
    public boolean constraint(Integer s) {
        return s < 2;
    }

    @Override
    public long fairness(Integer s, String a) {
        return fair ? 0 : NO_FAIRNESS;
    }
}
