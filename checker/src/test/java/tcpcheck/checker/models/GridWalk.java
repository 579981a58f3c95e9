package tcpcheck.checker.models;

import java.util.List;
import tcpcheck.checker.Fingerprint;
import tcpcheck.checker.Model;

/**
 * A walk on the grid 0..4 × 0..4 from (0, 0), one step right or up at a time; (4, 4) has no successor. With
 * {@code constrained}, TLC's constraints of {@code src/test/resources/tla/Grid.tla}: the state constraint
 * x + y ≤ 5 and the action constraint "no step right on an odd row".
 */
public record GridWalk(boolean stateConstraint, boolean actionConstraint) implements Model<GridWalk.State, String> {

    public record State(int x, int y) {
    }

    @Override
    public List<State> initialStates() {
        return List.of(new State(0, 0));
    }

    @Override
    public void actions(State s, List<String> actions) {
        actions.add("right");
        actions.add("up");
    }

    @Override
    public State nextState(State s, String a) {
        if (a.equals("right")) {
            return s.x() < 4 ? new State(s.x() + 1, s.y()) : null;
        }
        return s.y() < 4 ? new State(s.x(), s.y() + 1) : null;
    }

    @Override
    public long fingerprint(State s) {
        return Fingerprint.of(s.x(), s.y());
    }

    /** Grid.tla's InTriangle. */
    @Override
    public boolean constraint(State s) {
        return !stateConstraint || s.x() + s.y() <= 5;
    }

    /** Grid.tla's NoRightOnOddRows. */
    @Override
    public boolean actionConstraint(State s, String a, State next) {
        return !actionConstraint || !(next.x() != s.x() && s.y() % 2 == 1);
    }
}
