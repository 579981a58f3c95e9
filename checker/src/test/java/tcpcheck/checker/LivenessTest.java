package tcpcheck.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tcpcheck.checker.models.DiningPhilosophers;
import tcpcheck.checker.models.FairPeterson;
import tcpcheck.checker.models.Graph;
import tcpcheck.checker.models.Peterson;

/** {@code eventually} under weak fairness, by strongly connected components. */
class LivenessTest {

    /** A process at 0 may spin in place or finish (go to 1). */
    record Spinner(boolean fairFinish) implements Model<Integer, String> {
        @Override
        public List<Integer> initialStates() {
            return List.of(0);
        }

        @Override
        public void actions(Integer s, List<String> actions) {
            actions.add("spin");
            actions.add("finish");
        }

        @Override
        public Integer nextState(Integer s, String a) {
            return s == 1 ? null : a.equals("spin") ? 0 : 1;
        }

        @Override
        public long fingerprint(Integer s) {
            return Fingerprint.of(s);
        }

        @Override
        public long fairness(Integer s, String a) {
            return fairFinish && a.equals("finish") ? 0 : NO_FAIRNESS;
        }
    }

    @Test
    void weakFairnessDecidesTheVerdict() {
        // With weak fairness on "finish": it is enabled in state 0 for ever while spinning, so it must be taken.
        CheckResult<Integer, String> fair = Checker.of(new Spinner(true))
                .property(Property.eventually("finishes", s -> s == 1)).run();
        assertEquals(Verdict.HOLDS, fair.verdict("finishes"));
        // Without it, spinning for ever is a behaviour: the lasso is the empty stem and the one-step cycle.
        CheckResult<Integer, String> unfair = Checker.of(new Spinner(false))
                .property(Property.eventually("finishes", s -> s == 1)).run();
        PropertyResult<Integer, String> r = unfair.result("finishes");
        assertEquals(Verdict.VIOLATED, r.verdict());
        assertTrue(r.trace().isLasso());
        assertEquals(0, r.trace().loopStart());
        assertEquals(1, r.traceLength());
        assertEquals(List.of("spin"), r.trace().actions());
    }

    /** A process at 0 toggles a light; it can finish only while the light is on. */
    record Toggler() implements Model<Integer, String> {
        @Override
        public List<Integer> initialStates() {
            return List.of(0);
        }

        @Override
        public void actions(Integer s, List<String> actions) {
            actions.add("toggle");
            actions.add("finish");
        }

        @Override
        public Integer nextState(Integer s, String a) {
            if (s == 2) {
                return null;
            }
            if (a.equals("toggle")) {
                return 1 - s;
            }
            return s == 1 ? 2 : null;
        }

        @Override
        public long fingerprint(Integer s) {
            return Fingerprint.of(s);
        }

        @Override
        public long fairness(Integer s, String a) {
            return List.of("toggle", "finish").indexOf(a);
        }
    }

    @Test
    void weakFairnessIsNotStrongFairness() {
        // "finish" is enabled infinitely often but never continuously, so weak fairness lets it be ignored:
        // the cycle toggle, toggle never finishes. (Strong fairness would forbid it; this checker is weakly fair.)
        PropertyResult<Integer, String> r = Checker.of(new Toggler())
                .property(Property.eventually("finishes", s -> s == 2)).run().result("finishes");
        assertEquals(Verdict.VIOLATED, r.verdict());
        assertEquals(List.of("toggle", "toggle"), r.trace().actions());
        assertEquals(0, r.trace().loopStart());
    }

    /**
     * A cycle behind a join. 0 → 1 (the goal), 0 → 2, 1 → 3, 2 → 3, 3 → 4, 4 → 3. The behaviour 0, 2, 3, 4, 3, …
     * never reaches the goal. A depth-first {@code eventually} that marks state 3 done when it first reaches it
     * through the goal state 1 (as Stateright's does, see its test
     * {@code fixme_can_miss_counterexample_when_revisiting_a_state}) skips 3 when it comes back through 2, and
     * misses this lasso.
     */
    @Test
    void cycleBehindAJoinIsFound() {
        Graph g = new Graph(Map.of(0, List.of(1, 2), 1, List.of(3), 2, List.of(3), 3, List.of(4), 4, List.of(3)));
        PropertyResult<Integer, Integer> r = Checker.of(g)
                .property(Property.eventually("reaches 1", s -> s == 1)).run().result("reaches 1");
        assertEquals(Verdict.VIOLATED, r.verdict());
        assertEquals(List.of(0, 2, 3, 4, 3), r.trace().states());
        assertEquals(2, r.trace().loopStart());
        assertEquals(4, r.traceLength());
        Replay.assertValid(g, r.trace());
        // Positive control: every behaviour passes through 3.
        assertEquals(Verdict.HOLDS, Checker.of(g).property(Property.eventually("reaches 3", s -> s == 3)).run()
                .verdict("reaches 3"));
    }

    /** The same join without the cycle: the finite behaviour 0, 2, 3 ends without the goal. */
    @Test
    void deadEndBehindAJoinIsFound() {
        Graph g = new Graph(Map.of(0, List.of(1, 2), 1, List.of(3), 2, List.of(3)));
        PropertyResult<Integer, Integer> r = Checker.of(g)
                .property(Property.eventually("reaches 1", s -> s == 1)).run().result("reaches 1");
        assertEquals(Verdict.VIOLATED, r.verdict());
        assertFalse(r.trace().isLasso());
        assertEquals(List.of(0, 2, 3), r.trace().states());
    }

    /** Peterson is starvation-free under weak fairness of each process, and not without it. */
    @Test
    void petersonStarvationFreedomNeedsFairness() {
        Model<Peterson.State, Integer> fair = new FairPeterson(true);
        PropertyResult<Peterson.State, Integer> ok = Checker.of(fair)
                .property(Property.eventually("process 0 enters", s -> s.pc0() == 3)).run()
                .result("process 0 enters");
        assertEquals(Verdict.HOLDS, ok.verdict());
        PropertyResult<Peterson.State, Integer> starve = Checker.of(new Peterson())
                .property(Property.eventually("process 0 enters", s -> s.pc0() == 3)).run()
                .result("process 0 enters");
        assertEquals(Verdict.VIOLATED, starve.verdict());
        Replay.assertValid(new Peterson(), starve.trace());
        assertTrue(starve.trace().isLasso());
    }

    /** A liveness-only check explores the same space as the safety search: the same figures. */
    @Test
    void livenessOnlyCheckCountsTheSameSpace() {
        CheckResult<DiningPhilosophers.State, Integer> live = Checker.of(new DiningPhilosophers(5))
                .property(Property.eventually("someone eats", s -> !DiningPhilosophers.eating(s).isEmpty())).run();
        CheckResult<DiningPhilosophers.State, Integer> safe = Checker.of(new DiningPhilosophers(5))
                .property(Property.always("true", s -> true)).run();
        assertEquals(82, live.statistics().states());
        assertEquals(safe.statistics().transitions(), live.statistics().transitions());
        assertEquals(safe.statistics().depth(), live.statistics().depth());
        assertEquals(Verdict.VIOLATED, live.verdict("someone eats"));
    }

    /** Dining philosophers can deadlock before anyone eats: a finite counterexample of N actions. */
    @Test
    void deadlockDefeatsLiveness() {
        PropertyResult<DiningPhilosophers.State, Integer> r = Checker.of(new DiningPhilosophers(3))
                .property(Property.eventually("someone eats", s -> !DiningPhilosophers.eating(s).isEmpty()))
                .run().result("someone eats");
        assertEquals(Verdict.VIOLATED, r.verdict());
        assertFalse(r.trace().isLasso());
        assertEquals(3, r.traceLength());
        assertTrue(DiningPhilosophers.allHoldLeft(r.trace().last()));
    }

    /**
     * Leads-to is not eventually. In 0 → 1 → 2 → 2 (a self-loop), with the goal at 0 and the trigger at 1,
     * "eventually the goal" holds (the initial state is one), but "1 leads to the goal" does not: after 1 the
     * behaviour stays in 2 for ever. The lasso: a shortest path to the trigger, then on to the cycle.
     */
    @Test
    void leadsToIsJudgedFromEachTrigger() {
        Graph g = new Graph(Map.of(0, List.of(1), 1, List.of(2), 2, List.of(2)));
        CheckResult<Integer, Integer> r = Checker.of(g)
                .property(Property.eventually("eventually 0", s -> s == 0))
                .property(Property.leadsTo("1 leads to 0", s -> s == 1, s -> s == 0))
                .property(Property.leadsTo("3 leads to 0", s -> s == 3, s -> s == 0)).run();
        assertEquals(Verdict.HOLDS, r.verdict("eventually 0"));
        assertEquals(Verdict.HOLDS, r.verdict("3 leads to 0"), "never triggered");
        PropertyResult<Integer, Integer> l = r.result("1 leads to 0");
        assertEquals(Verdict.VIOLATED, l.verdict());
        assertEquals(List.of(0, 1, 2, 2), l.trace().states());
        assertEquals(2, l.trace().loopStart());
        assertNull(Violation.check(g, l.property(), l.trace()));
        // With TLA+'s stuttering the behaviour may stop at 1 already (nothing there is fair).
        PropertyResult<Integer, Integer> stops = Checker.of(g).stuttering(Stuttering.ALLOWED)
                .property(Property.leadsTo("1 leads to 0", s -> s == 1, s -> s == 0)).run().result("1 leads to 0");
        assertEquals(List.of(0, 1), stops.trace().states());
        assertTrue(stops.trace().stutters());
        assertNull(Violation.check(g, stops.property(), stops.trace(), Stuttering.ALLOWED));
        // A trigger that is its own goal waits for nothing.
        assertEquals(Verdict.HOLDS, Checker.of(g).property(Property.leadsTo("1 leads to 1", s -> s == 1, s -> s == 1))
                .run().verdict("1 leads to 1"));
    }

    /**
     * Stuttering. The spinner at 0 may spin (a self-loop) or finish. Without fairness, by default the behaviour that
     * spins for ever violates "finishes" (it cannot stop, so it spins), and with TLA+'s stuttering the one that stops
     * at once does (a lasso of no step). With "finish" weakly fair, both hold: stopping at 0 is not fair, and spinning
     * leaves "finish" enabled for ever, never taken.
     */
    @Test
    void stutteringDecidesHowABehaviourMayEnd() {
        Property<Integer, String> finishes = Property.eventually("finishes", s -> s == 1);
        PropertyResult<Integer, String> spins = Checker.of(new Spinner(false)).property(finishes).run()
                .result("finishes");
        assertEquals(List.of("spin"), spins.trace().actions());
        assertFalse(spins.trace().stutters());
        PropertyResult<Integer, String> stops = Checker.of(new Spinner(false)).stuttering(Stuttering.ALLOWED)
                .property(finishes).run().result("finishes");
        assertEquals(Verdict.VIOLATED, stops.verdict());
        assertEquals(0, stops.traceLength());
        assertTrue(stops.trace().stutters());
        assertTrue(stops.trace().toString().endsWith("-- stutters here for ever --\n"), stops.trace().toString());
        for (Stuttering st : Stuttering.values()) {
            assertEquals(Verdict.HOLDS, Checker.of(new Spinner(true)).stuttering(st).property(finishes).run()
                    .verdict("finishes"), st.name());
        }
        // Random walks judge the same way: a walk may stop at 0 only with TLA+'s stuttering.
        SimulationResult.Finding<Integer, String> walked = Simulation.of(new Spinner(false))
                .stuttering(Stuttering.ALLOWED).property(finishes).runs(1).run().finding("finishes");
        assertTrue(walked.shrunk().stutters());
        assertEquals(0, walked.shrunk().length());
    }

    /** Random walks find a leads-to violation after its trigger, and shrink it to the shortest. */
    @Test
    void randomWalksFindLeadsToViolations() {
        Graph g = new Graph(Map.of(0, List.of(1, 3), 1, List.of(2), 2, List.of(2), 3, List.of(0)));
        Property<Integer, Integer> p = Property.leadsTo("1 leads to 0", s -> s == 1, s -> s == 0);
        SimulationResult.Finding<Integer, Integer> f = Simulation.of(g).property(p).runs(100).seed(5).run()
                .finding("1 leads to 0");
        assertTrue(f.found());
        assertNull(Violation.check(g, p, f.shrunk()));
        assertEquals(List.of(0, 1, 2, 2), f.shrunk().states());
    }
}
