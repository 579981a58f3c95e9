package tcpcheck.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tcpcheck.checker.models.GridWalk;

/**
 * An exception in a property's predicate or in the model is reported like a violation, with the verdict ERROR: what
 * threw, the exception's message, and the shortest trace to the state where it threw; in the breadth-first search
 * (on any number of threads), the depth-first search, liveness and random walks. Never a stack trace.
 */
class ErrorTest {
    private static final GridWalk GRID = new GridWalk(false, false);
    private static final GridWalk.State ONE_ONE = new GridWalk.State(1, 1);

    /** The grid walk, whose step up from (1, 1) throws. */
    private static Model<GridWalk.State, String> brokenAtOneOne() {
        return new DelegatingModel<>(GRID) {
            @Override
            public GridWalk.State nextState(GridWalk.State s, String a) {
                if (s.equals(ONE_ONE) && a.equals("up")) {
                    throw new IllegalStateException("no way up from (1, 1)");
                }
                return GRID.nextState(s, a);
            }
        };
    }

    /** Throws in the states with x + y = 3 and x = 2: (2, 1), reached in 3 actions at the least, by 3 paths. */
    private static boolean throwsAtTwoOne(GridWalk.State s) {
        if (s.x() == 2 && s.y() == 1) {
            throw new IllegalArgumentException("cannot judge (2, 1)");
        }
        return true;
    }

    @Test
    void predicateThatThrowsIsAnErrorWithItsShortestTraceOnAnyThreads() {
        Trace<GridWalk.State, String> first = null;
        for (int threads = 1; threads <= 3; threads++) {
            CheckResult<GridWalk.State, String> r = Checker.of(GRID).threads(threads)
                    .property(Property.always("judges every state", ErrorTest::throwsAtTwoOne))
                    .property(Property.always("within the grid", s -> s.x() <= 4 && s.y() <= 4))
                    .property(Property.transition("steps by one", (s, a, t) -> t.x() + t.y() == s.x() + s.y() + 1))
                    .property(Property.terminal("ends in the corner", s -> s.x() == 4 && s.y() == 4)).run();
            PropertyResult<GridWalk.State, String> e = r.result("judges every state");
            assertEquals(Verdict.ERROR, e.verdict());
            assertEquals("the predicate threw IllegalArgumentException: cannot judge (2, 1)", e.detail());
            assertEquals(3, e.traceLength());
            assertEquals(new GridWalk.State(2, 1), e.trace().last());
            Replay.assertValid(GRID, e.trace());
            // The other properties are decided as if nothing had thrown, and the search is complete.
            assertEquals(Verdict.HOLDS, r.verdict("within the grid"));
            assertEquals(Verdict.HOLDS, r.verdict("steps by one"));
            assertEquals(Verdict.HOLDS, r.verdict("ends in the corner"));
            assertEquals(25, r.statistics().states());
            if (first == null) {
                first = e.trace();
            } else {
                assertEquals(first.steps(), e.trace().steps(), threads + " threads");
            }
        }
    }

    @Test
    void transitionAndTerminalPredicatesThatThrowAreErrors() {
        CheckResult<GridWalk.State, String> r = Checker.of(GRID)
                .property(Property.transition("step", (s, a, t) -> {
                    if (t.y() == 2) {
                        throw new UnsupportedOperationException();
                    }
                    return true;
                }))
                .property(Property.terminal("end", s -> {
                    throw new IllegalStateException("end");
                })).run();
        PropertyResult<GridWalk.State, String> step = r.result("step");
        assertEquals(Verdict.ERROR, step.verdict());
        assertEquals("the predicate threw UnsupportedOperationException", step.detail());
        assertEquals(2, step.traceLength());
        assertEquals(2, step.trace().last().y());
        PropertyResult<GridWalk.State, String> end = r.result("end");
        assertEquals(Verdict.ERROR, end.verdict());
        assertEquals(8, end.traceLength());
        assertEquals(new GridWalk.State(4, 4), end.trace().last());
    }

    /**
     * The model throws on its step up from (1, 1), two actions from the start: the search ends after that level, and
     * every property not decided by then is ERROR with the trace to (1, 1); one violated earlier stays VIOLATED.
     */
    @Test
    void modelThatThrowsEndsTheSearchWithAnErrorOnAnyThreads() {
        for (int threads = 1; threads <= 3; threads++) {
            CheckResult<GridWalk.State, String> r = Checker.of(brokenAtOneOne()).threads(threads)
                    .property(Property.always("x stays 0", s -> s.x() == 0))
                    .property(Property.always("within the grid", s -> s.x() <= 4 && s.y() <= 4))
                    .property(Property.eventually("reaches the corner", s -> s.x() == 4 && s.y() == 4)).run();
            assertEquals(Verdict.VIOLATED, r.verdict("x stays 0"));
            assertEquals(1, r.result("x stays 0").traceLength());
            for (String p : List.of("within the grid", "reaches the corner")) {
                PropertyResult<GridWalk.State, String> e = r.result(p);
                assertEquals(Verdict.ERROR, e.verdict(), p);
                assertEquals("the model, taking the action up, threw IllegalStateException: no way up from (1, 1)",
                        e.detail());
                assertEquals(ONE_ONE, e.trace().last());
                assertEquals(2, e.traceLength());
            }
            assertFalse(r.complete());
        }
    }

    @Test
    void modelWithoutInitialStatesIsAnErrorWithoutTrace() {
        Model<Integer, Integer> broken = new tcpcheck.checker.models.Graph(java.util.Map.of()) {
            @Override
            public List<Integer> initialStates() {
                throw new IllegalStateException("no initial state");
            }
        };
        PropertyResult<Integer, Integer> r = Checker.of(broken).property(Property.always("any", s -> true)).run()
                .result("any");
        assertEquals(Verdict.ERROR, r.verdict());
        assertNull(r.trace());
        assertEquals("the model's initial states threw IllegalStateException: no initial state", r.detail());
    }

    @Test
    void depthFirstSearchReportsErrorsToo() {
        CheckResult<GridWalk.State, String> r = Checker.of(GRID).order(SearchOrder.DEPTH_FIRST)
                .property(Property.always("judges every state", ErrorTest::throwsAtTwoOne)).run();
        PropertyResult<GridWalk.State, String> e = r.result("judges every state");
        assertEquals(Verdict.ERROR, e.verdict());
        assertEquals(new GridWalk.State(2, 1), e.trace().last());
        Replay.assertValid(GRID, e.trace());
        CheckResult<GridWalk.State, String> m = Checker.of(brokenAtOneOne()).order(SearchOrder.DEPTH_FIRST)
                .property(Property.always("within the grid", s -> true)).run();
        PropertyResult<GridWalk.State, String> me = m.result("within the grid");
        assertEquals(Verdict.ERROR, me.verdict());
        assertEquals(ONE_ONE, me.trace().last());
        assertTrue(me.detail().contains("no way up from (1, 1)"), me.detail());
    }

    /** A liveness predicate that throws: ERROR, with the shortest trace to the first state where it throws. */
    @Test
    void livenessPredicateThatThrowsIsAnError() {
        for (Property<GridWalk.State, String> p : List.<Property<GridWalk.State, String>>of(
                Property.eventually("eventually", s -> throwsAtTwoOne(s) && s.x() == 4),
                Property.leadsTo("leads-to", s -> s.x() == 1, s -> !throwsAtTwoOne(s)))) {
            PropertyResult<GridWalk.State, String> r = Checker.of(GRID).threads(2).property(p).run()
                    .result(p.name());
            assertEquals(Verdict.ERROR, r.verdict(), p.name());
            assertEquals(3, r.traceLength(), p.name());
            assertEquals(new GridWalk.State(2, 1), r.trace().last());
            assertEquals("the predicate threw IllegalArgumentException: cannot judge (2, 1)", r.detail());
        }
    }

    @Test
    void randomWalksReportErrors() {
        SimulationResult<GridWalk.State, String> r = Simulation.of(GRID).runs(200).seed(3)
                .property(Property.always("judges every state", ErrorTest::throwsAtTwoOne)).run();
        SimulationResult.Finding<GridWalk.State, String> f = r.finding("judges every state");
        assertEquals(Verdict.ERROR, f.verdict());
        assertEquals("the predicate threw IllegalArgumentException: cannot judge (2, 1)", f.error());
        assertEquals(new GridWalk.State(2, 1), f.shrunk().last());
        assertEquals(3, f.shrunk().length(), "shrunk to the shortest");

        SimulationResult<GridWalk.State, String> m = Simulation.of(brokenAtOneOne()).runs(200).seed(3)
                .property(Property.always("within the grid", s -> true)).run();
        SimulationResult.Finding<GridWalk.State, String> mf = m.finding("within the grid");
        assertEquals(Verdict.ERROR, mf.verdict());
        assertEquals("the model threw IllegalStateException: no way up from (1, 1)", mf.error());
        assertEquals(ONE_ONE, mf.walk().last());
        assertTrue(m.ended(Simulation.End.ERROR) > 0);
    }
}
