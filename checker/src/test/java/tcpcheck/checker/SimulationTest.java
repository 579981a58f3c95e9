package tcpcheck.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tcpcheck.checker.models.AlternatingBit;
import tcpcheck.checker.models.DiningPhilosophers;
import tcpcheck.checker.models.Graph;

/** Random walks find what the explorer finds, on paths the explorer would take, and shrink it. */
class SimulationTest {

    private static final Property<AlternatingBit.State, AlternatingBit.Action> IN_ORDER =
            Property.always("in order, once", AlternatingBit::inOrder);

    /** The seeded ABP bug (shortest counterexample 4, SafetyTest) is found and shrunk to a 1-minimal path. */
    @Test
    void seededBugIsFoundAndShrunk() {
        AlternatingBit abp = new AlternatingBit(3, 2, true);
        SimulationResult<AlternatingBit.State, AlternatingBit.Action> r = Simulation.of(abp).property(IN_ORDER)
                .runs(1000).depth(50).seed(42).run();
        SimulationResult.Finding<AlternatingBit.State, AlternatingBit.Action> f = r.finding("in order, once");
        assertTrue(f.found());
        Replay.assertValid(abp, f.walk());
        Replay.assertValid(abp, f.shrunk());
        assertNull(Violation.check(abp, IN_ORDER, f.walk()), "the walk's hit ends at its first bad state");
        assertNull(Violation.check(abp, IN_ORDER, f.shrunk()));
        int shortest = Checker.of(abp).property(IN_ORDER).run().result("in order, once").traceLength();
        assertEquals(4, shortest);
        assertTrue(f.shrunk().length() >= shortest, "never shorter than the shortest counterexample");
        assertTrue(f.shrunk().length() <= f.walk().length());
        assertOneMinimal(abp, IN_ORDER, f.shrunk());
    }

    /** The correct ABP: no walk finds a violation, as the exhaustive check proves none exists. */
    @Test
    void correctProtocolHasNoHit() {
        AlternatingBit abp = new AlternatingBit(3, 2, false);
        SimulationResult<AlternatingBit.State, AlternatingBit.Action> r = Simulation.of(abp).property(IN_ORDER)
                .runs(2000).depth(60).seed(7).run();
        assertFalse(r.finding("in order, once").found());
        assertEquals(2000, r.runs());
        assertTrue(r.steps() > 2000, "the walks went somewhere");
        assertEquals(r.runs(), r.ended(Simulation.End.TERMINAL) + r.ended(Simulation.End.BOUNDARY)
                + r.ended(Simulation.End.DEPTH));
    }

    /** Dining philosophers (N = 4) deadlock when all hold their left fork: N steps, found by a terminal check. */
    @Test
    void deadlockIsFoundAtTheEndOfAWalkAndShrunkToTheShortest() {
        DiningPhilosophers dp = new DiningPhilosophers(4);
        Property<DiningPhilosophers.State, Integer> noDeadlock = Property.terminal("no deadlock", s -> false);
        SimulationResult<DiningPhilosophers.State, Integer> r = Simulation.of(dp).property(noDeadlock)
                .runs(500).depth(200).seed(3).run();
        SimulationResult.Finding<DiningPhilosophers.State, Integer> f = r.finding("no deadlock");
        assertTrue(f.found());
        assertTrue(DiningPhilosophers.allHoldLeft(f.shrunk().last()));
        // Every philosopher must take its left fork once, and nothing else is needed.
        assertEquals(4, f.shrunk().length(), f.shrunk().toString());
        Replay.assertValid(dp, f.shrunk());
    }

    /** The cycle behind a join (LivenessTest): a walk that closes 3 → 4 → 3 without the goal is a lasso. */
    @Test
    void walkClosingAFairCycleViolatesEventually() {
        Graph g = new Graph(Map.of(0, List.of(1, 2), 1, List.of(3), 2, List.of(3), 3, List.of(4), 4, List.of(3)));
        Property<Integer, Integer> reaches1 = Property.eventually("reaches 1", s -> s == 1);
        SimulationResult<Integer, Integer> r = Simulation.of(g).property(reaches1).runs(100).depth(20).seed(1).run();
        SimulationResult.Finding<Integer, Integer> f = r.finding("reaches 1");
        assertTrue(f.found());
        assertEquals(List.of(0, 2, 3, 4, 3), f.shrunk().states());
        assertEquals(2, f.shrunk().loopStart());
        assertNull(Violation.check(g, reaches1, f.shrunk()));
        // Half of the walks go through 1 first; the first run that goes through 2 is the first hit.
        int firstThrough2 = 0;
        while (Simulation.of(g).property(reaches1).depth(20).seed(1).walk(firstThrough2).trace().states().get(1)
                != 2) {
            firstThrough2++;
        }
        assertEquals(firstThrough2, f.run());
    }

    /** A cycle that weak fairness rules out is not a violation: "finish" is enabled throughout and never taken. */
    @Test
    void unfairCycleIsNoViolation() {
        // 0 ⇄ 1, and from both, 2 (the goal). Each edge is its own fairness class, keyed by its target.
        Graph g = new Graph(Map.of(0, List.of(1, 2), 1, List.of(0, 2))) {
            @Override
            public long fairness(Integer s, Integer target) {
                return target;
            }
        };
        Property<Integer, Integer> reaches2 = Property.eventually("reaches 2", s -> s == 2);
        SimulationResult<Integer, Integer> r = Simulation.of(g).property(reaches2).runs(300).depth(30).seed(5).run();
        assertFalse(r.finding("reaches 2").found());
        Trace<Integer, Integer> cycle = new Trace<>(List.of(new Trace.Step<>(null, 0), new Trace.Step<>(1, 1),
                new Trace.Step<>(0, 0)), 0);
        assertNotNull(Violation.check(g, reaches2, cycle), "0, 1, 0, ... never takes the edge to 2");
        // Without fairness the same cycle is a violation.
        assertNull(Violation.check(new Graph(Map.of(0, List.of(1, 2), 1, List.of(0, 2))), reaches2, cycle));
    }

    /** A run depends on its seed and number only: the same walks, hits and shrunk traces on 1 or 3 threads. */
    @Test
    void runsAreReproducibleOnAnyNumberOfThreads() {
        AlternatingBit abp = new AlternatingBit(3, 2, true);
        SimulationResult<AlternatingBit.State, AlternatingBit.Action> one = Simulation.of(abp).property(IN_ORDER)
                .runs(500).depth(50).seed(99).threads(1).run();
        SimulationResult<AlternatingBit.State, AlternatingBit.Action> three = Simulation.of(abp).property(IN_ORDER)
                .runs(500).depth(50).seed(99).threads(3).run();
        assertEquals(one.finding("in order, once").run(), three.finding("in order, once").run());
        assertEquals(one.finding("in order, once").shrunk().steps(), three.finding("in order, once").shrunk().steps());
        Simulation<AlternatingBit.State, AlternatingBit.Action> sim = Simulation.of(abp).property(IN_ORDER).depth(50)
                .seed(99);
        assertEquals(sim.walk(17).trace().steps(), sim.walk(17).trace().steps());
        assertFalse(sim.walk(17).trace().steps().equals(sim.walk(18).trace().steps())
                && sim.walk(18).trace().steps().equals(sim.walk(19).trace().steps()), "runs differ");
    }

    /** Every step of every walk is an edge of the reachable graph, and walks stop where the explorer stops. */
    @Test
    void walksFollowTheExplorersRelation() {
        AlternatingBit abp = new AlternatingBit(3, 2, false);
        Set<AlternatingBit.State> reachable = new HashSet<>();
        Set<List<Object>> edges = new HashSet<>();
        ArrayDeque<AlternatingBit.State> queue = new ArrayDeque<>(abp.initialStates());
        reachable.addAll(abp.initialStates());
        while (!queue.isEmpty()) {
            AlternatingBit.State s = queue.poll();
            List<AlternatingBit.Action> as = new ArrayList<>();
            abp.actions(s, as);
            for (AlternatingBit.Action a : as) {
                AlternatingBit.State t = abp.nextState(s, a);
                if (t != null) {
                    edges.add(List.of(s, a, t));
                    if (reachable.add(t)) {
                        queue.add(t);
                    }
                }
            }
        }
        assertEquals(SafetyTest.ABP_STATES, reachable.size());
        Simulation<AlternatingBit.State, AlternatingBit.Action> sim = Simulation.of(abp).property(IN_ORDER).depth(40)
                .seed(11);
        Set<AlternatingBit.State> visited = new HashSet<>();
        for (int run = 0; run < 500; run++) {
            Simulation.Walk<AlternatingBit.State, AlternatingBit.Action> w = sim.walk(run);
            List<Trace.Step<AlternatingBit.State, AlternatingBit.Action>> steps = w.trace().steps();
            for (int i = 1; i < steps.size(); i++) {
                assertTrue(edges.contains(List.of(steps.get(i - 1).state(), steps.get(i).action(),
                        steps.get(i).state())), "run " + run + " step " + i + " is an edge");
            }
            visited.addAll(w.trace().states());
            if (w.end() == Simulation.End.TERMINAL) {
                assertTrue(abp.successors(w.trace().last()).isEmpty());
            } else {
                assertEquals(40, w.trace().length());
            }
        }
        assertTrue(visited.size() > SafetyTest.ABP_STATES / 2, "the walks spread: " + visited.size());
    }

    /** The weights of a bias decide the choice: a step of weight 0 is never taken while another is enabled. */
    @Test
    void biasSteersTheWalk() {
        Graph g = new Graph(Map.of(0, List.of(1, 2), 1, List.of(3), 2, List.of(3)));
        Simulation<Integer, Integer> never2 = Simulation.of(g).bias((k, s, a, t) -> t == 2 ? 0 : 1).seed(8);
        for (int run = 0; run < 200; run++) {
            assertEquals(List.of(0, 1, 3), never2.walk(run).trace().states());
        }
        int through2 = 0;
        Simulation<Integer, Integer> uniform = Simulation.of(g).seed(8);
        for (int run = 0; run < 1000; run++) {
            through2 += uniform.walk(run).trace().states().get(1) == 2 ? 1 : 0;
        }
        assertTrue(through2 > 400 && through2 < 600, "about half: " + through2);
    }

    /** No single step of the trace can be dropped with the violation surviving. */
    static <S, A> void assertOneMinimal(Model<S, A> m, Property<S, A> p, Trace<S, A> t) {
        List<A> actions = t.actions();
        for (int drop = 0; drop < actions.size(); drop++) {
            List<A> rest = new ArrayList<>(actions);
            rest.remove(drop);
            List<Trace.Step<S, A>> steps = new ArrayList<>();
            S s = t.steps().get(0).state();
            steps.add(new Trace.Step<>(null, s));
            boolean ok = true;
            for (A a : rest) {
                List<A> enabled = new ArrayList<>();
                m.actions(s, enabled);
                S next = enabled.contains(a) ? m.nextState(s, a) : null;
                if (next == null) {
                    ok = false;
                    break;
                }
                steps.add(new Trace.Step<>(a, next));
                s = next;
            }
            assertFalse(ok && Violation.find(m, p, new Trace<>(steps, -1)) != null,
                    "dropping step " + (drop + 1) + " keeps the violation");
        }
    }
}
