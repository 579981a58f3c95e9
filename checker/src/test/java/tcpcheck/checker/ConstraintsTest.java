package tcpcheck.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tcpcheck.checker.models.GridWalk;
import tcpcheck.checker.models.MCtcp;

/**
 * TLC's constraints ({@link Model#constraint}, {@link Model#actionConstraint}) beside the engine's boundary
 * ({@link Model#withinBoundary}), on the grid walk 0..4 × 0..4 from (0, 0) (TlcCrossValidationTest checks the
 * constrained counts against TLC).
 */
class ConstraintsTest {

    /** The grid walk with x + y ≤ 5 as a boundary (Stateright's within_boundary) instead of a constraint. */
    private static final Model<GridWalk.State, String> BOUNDED =
            new DelegatingModel<>(new GridWalk(false, false)) {
                @Override
                public boolean withinBoundary(GridWalk.State s) {
                    return s.x() + s.y() <= 5;
                }
            };

    /**
     * The triangle x + y ≤ 5 of the grid holds 5 + 5 + 4 + 3 + 2 = 19 states (x = 0 to 4). As a constraint, that is
     * the count, as TLC's: the 3 states just beyond, (2, 4), (3, 3) and (4, 2), are generated and checked but not
     * counted. As a boundary they are counted, apart: 22 states, 3 at the boundary.
     */
    @Test
    void aConstraintDoesNotCountWhatABoundaryCounts() {
        CheckResult<GridWalk.State, String> constrained = Checker.of(new GridWalk(true, false)).run();
        assertEquals(19, constrained.statistics().states());
        assertEquals(0, constrained.statistics().boundaryStates());
        CheckResult<GridWalk.State, String> bounded = Checker.of(BOUNDED).run();
        assertEquals(22, bounded.statistics().states());
        assertEquals(3, bounded.statistics().boundaryStates());
        // Both expand the same 19 states, so both generate 1 + (steps out of them): right where x < 4 (19 - 2 with
        // x = 4) and up where y < 4 (19 - 2 with y = 4): 1 + 17 + 17 = 35.
        assertEquals(35, constrained.statistics().generated());
        assertEquals(35, bounded.statistics().generated());
        assertEquals(1, constrained.statistics().initialStates());
    }

    /**
     * The action constraint "no step right on an odd row" cuts steps, not states: a state reached only by such
     * steps is not counted. Here every state of the triangle is still reached (up from a state on an even row),
     * so 19 states, and the steps cut are still generated: 35.
     */
    @Test
    void anActionConstraintCutsSteps() {
        CheckResult<GridWalk.State, String> r = Checker.of(new GridWalk(true, true))
                .property(Property.transition("never right on an odd row",
                        (s, a, t) -> !(a.equals("right") && s.y() % 2 == 1))).run();
        assertEquals(19, r.statistics().states());
        assertEquals(35, r.statistics().generated());
        // Checked as TLC checks them: on every step generated, the cut ones included.
        PropertyResult<GridWalk.State, String> p = r.result("never right on an odd row");
        assertEquals(Verdict.VIOLATED, p.verdict());
        assertEquals(2, p.traceLength());
        assertEquals(new GridWalk.State(1, 1), p.trace().last());
    }

    /**
     * A deadlock is a state with no successor before the constraints: the diagonal x + y = 5, whose successors all
     * lie outside, is none. Under the boundary it is none either (a boundary state is not expanded).
     */
    @Test
    void deadlockIsJudgedBeforeTheConstraints() {
        for (Model<GridWalk.State, String> m : List.of(new GridWalk(true, true), BOUNDED)) {
            assertEquals(Verdict.HOLDS, Checker.of(m).property(Property.terminal("no deadlock", s -> false)).run()
                    .verdict("no deadlock"));
        }
        PropertyResult<GridWalk.State, String> d = Checker.of(new GridWalk(false, false))
                .property(Property.terminal("no deadlock", s -> false)).run().result("no deadlock");
        assertEquals(Verdict.VIOLATED, d.verdict());
        assertEquals(8, d.traceLength());
    }

    /** The depth-first search counts and judges as the breadth-first search does under constraints. */
    @Test
    void depthFirstSearchAgrees() {
        for (SearchOrder order : SearchOrder.values()) {
            CheckResult<GridWalk.State, String> r = Checker.of(new GridWalk(true, true)).order(order)
                    .property(Property.always("not beyond the diagonal", s -> s.x() + s.y() != 6))
                    .property(Property.terminal("no deadlock", s -> false)).run();
            assertEquals(19, r.statistics().states(), order.name());
            assertEquals(Verdict.VIOLATED, r.verdict("not beyond the diagonal"), order.name());
            assertEquals(Verdict.HOLDS, r.verdict("no deadlock"), order.name());
            Trace<GridWalk.State, String> t = r.result("not beyond the diagonal").trace();
            assertEquals(6, t.last().x() + t.last().y());
            assertNull(Violation.check(new GridWalk(true, true), r.result("not beyond the diagonal").property(), t));
        }
    }

    /**
     * Random walks stop where they leave the constraints, having checked the state there, as the search does: the
     * invariant x + y ≠ 6 fails just beyond; and a path that goes on beyond the constraint violates nothing.
     */
    @Test
    void randomWalksStopWhereTheyLeaveTheConstraints() {
        GridWalk m = new GridWalk(true, false);
        Property<GridWalk.State, String> beyond = Property.always("not beyond the diagonal", s -> s.x() + s.y() != 6);
        SimulationResult<GridWalk.State, String> r = Simulation.of(m).runs(50).seed(7).property(beyond)
                .stopWhenAllFound(false).run();
        SimulationResult.Finding<GridWalk.State, String> f = r.finding("not beyond the diagonal");
        assertTrue(f.found());
        assertEquals(6, f.shrunk().length());
        assertEquals(50, r.ended(Simulation.End.BOUNDARY) + r.ended(Simulation.End.TERMINAL)
                + r.ended(Simulation.End.DEPTH) + r.ended(Simulation.End.ERROR));
        assertTrue(r.ended(Simulation.End.BOUNDARY) > 0);
        Trace<GridWalk.State, String> through = Trace.<GridWalk.State, String>of(new GridWalk.State(0, 0))
                .then("up", new GridWalk.State(0, 1)).then("up", new GridWalk.State(0, 2))
                .then("up", new GridWalk.State(0, 3)).then("up", new GridWalk.State(0, 4))
                .then("right", new GridWalk.State(1, 4)).then("right", new GridWalk.State(2, 4))
                .then("right", new GridWalk.State(3, 4));
        Property<GridWalk.State, String> notThreeFour = Property.always("not (3, 4)", s -> s.x() != 3);
        assertEquals("the path goes on after a step that leaves the constraints, which the search does not follow",
                Violation.check(m, notThreeFour, through));
    }

    /**
     * MCtcp's state constraint as a boundary instead (the action constraint kept): 1,614 states, 432 of them at the
     * boundary, where TLC's constraint gives 1,182 (TlcCrossValidationTest).
     */
    @Test
    void mctcpCountsMoreUnderABoundary() {
        MCtcp m = new MCtcp(false, true);
        Model<MCtcp.State, MCtcp.Action> bounded = new DelegatingModel<>(m) {
            @Override
            public boolean constraint(MCtcp.State s) {
                return true;
            }

            @Override
            public boolean withinBoundary(MCtcp.State s) {
                return m.constraint(s);
            }
        };
        Statistics b = Checker.of(bounded).run().statistics();
        assertEquals(1614, b.states());
        assertEquals(432, b.boundaryStates());
        assertEquals(1182, Checker.of(m).run().statistics().states());
    }
}
