package tcpcheck.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tcpcheck.checker.models.AlternatingBit;
import tcpcheck.checker.models.Counter;
import tcpcheck.checker.models.DiningPhilosophers;
import tcpcheck.checker.models.FairPeterson;
import tcpcheck.checker.models.GridWalk;
import tcpcheck.checker.models.MCtcp;
import tcpcheck.checker.models.Peterson;
import tcpcheck.checker.models.TwoPhase;

/**
 * Cross-validates the engine against TLC, the reference explicit-state checker: for each model, a TLA+ specification
 * of the same system (under src/test/resources/tla) is checked by TLC in a forked JVM, and TLC's figures (distinct
 * states, states generated, depth, distinct initial states) and verdicts must be the engine's, where the semantics
 * could differ: constraints and their counting, deadlock, invariants beyond a constraint, leads-to, stuttering,
 * symmetry, and a predicate that cannot be evaluated.
 */
class TlcCrossValidationTest {

    @TempDir
    Path work;

    /** TLC's four figures equal the engine's: distinct, generated, depth (in states), distinct initial states. */
    private static void assertSameCounts(Tlc.Result tlc, Statistics engine) {
        assertEquals(tlc.distinct(), engine.states(), "distinct states");
        assertEquals(tlc.generated(), engine.generated(), "states generated");
        assertEquals(tlc.depth(), engine.depthInStates(), "depth, in states");
        assertEquals(tlc.initial(), engine.initialStates(), "distinct initial states");
    }

    @Test
    void petersonAgreesWithTlc() throws Exception {
        Statistics engine = Checker.of(new Peterson()).run().statistics();
        assertEquals(SafetyTest.PETERSON_STATES, engine.states());
        Tlc.Result tlc = Tlc.run(work, "Peterson", "Peterson.cfg", false);
        assertTrue(tlc.ok(), tlc.output());
        assertSameCounts(tlc, engine);
    }

    @Test
    void diningPhilosophersAgreeWithTlc() throws Exception {
        for (int n : new int[] {4, 5}) {
            Statistics engine = Checker.of(new DiningPhilosophers(n)).run().statistics();
            Tlc.Result tlc = Tlc.run(work, "DiningPhilosophers", "DiningPhilosophers" + n + ".cfg", false);
            assertTrue(tlc.ok(), tlc.output());
            assertSameCounts(tlc, engine);
        }
    }

    @Test
    void alternatingBitAgreesWithTlc() throws Exception {
        Statistics engine = Checker.of(new AlternatingBit(3, 2, false)).run().statistics();
        assertEquals(SafetyTest.ABP_STATES, engine.states());
        Tlc.Result tlc = Tlc.run(work, "AlternatingBit", "AlternatingBit.cfg", false);
        assertTrue(tlc.ok(), tlc.output());
        assertSameCounts(tlc, engine);
    }

    /**
     * Two-phase commit (tlaplus/Examples' TwoPhase) at 3 and 5 resource managers: 288 and 8,832 distinct states,
     * 1,146 and 58,146 generated, depth 11 and 17 states; both invariants hold.
     */
    @Test
    void twoPhaseAgreesWithTlc() throws Exception {
        for (int n : new int[] {3, 5}) {
            TwoPhase model = new TwoPhase(n);
            CheckResult<TwoPhase.State, TwoPhase.Action> r = Checker.of(model)
                    .property(Property.always("TypeOK", model::typeOK))
                    .property(Property.always("Consistent", model::consistent)).run();
            assertEquals(Verdict.HOLDS, r.verdict("TypeOK"));
            assertEquals(Verdict.HOLDS, r.verdict("Consistent"));
            Tlc.Result tlc = Tlc.run(work, "TwoPhase", "TwoPhase" + n + ".cfg", false);
            assertTrue(tlc.ok(), tlc.output());
            assertSameCounts(tlc, r.statistics());
        }
        assertEquals(288, Checker.of(new TwoPhase(3)).run().statistics().states());
    }

    private static CheckResult<MCtcp.State, MCtcp.Action> mctcp(boolean symmetric, boolean closeFair,
                                                                Stuttering stuttering) {
        Checker<MCtcp.State, MCtcp.Action> c = Checker.of(new MCtcp(symmetric, closeFair)).stuttering(stuttering)
                .property(Property.always("Inv", MCtcp::inv));
        if (!symmetric) {
            c.property(MCtcp.synSentLeadsToOpenOrClosed(0)).property(MCtcp.synSentLeadsToOpenOrClosed(1));
        }
        return c.run();
    }

    /**
     * MCtcp with its state constraint (no retransmission) and action constraint (a single open): 1,182 distinct
     * states, 6,322 generated, depth 14, 2 initial states (tlaplus/Examples' published figures); the invariant and
     * the leads-to property hold, under either stuttering semantics.
     */
    @Test
    void mctcpWithConstraintsAgreesWithTlc() throws Exception {
        Tlc.Result tlc = Tlc.run(work, "MCtcp", "MCtcp.cfg", false);
        assertTrue(tlc.ok(), tlc.output());
        assertEquals(1182, tlc.distinct());
        assertEquals(6322, tlc.generated());
        for (Stuttering st : Stuttering.values()) {
            CheckResult<MCtcp.State, MCtcp.Action> r = mctcp(false, true, st);
            assertSameCounts(tlc, r.statistics());
            for (PropertyResult<MCtcp.State, MCtcp.Action> p : r.results()) {
                assertEquals(Verdict.HOLDS, p.verdict(), p.name() + " with " + st);
            }
        }
    }

    /** MCtcp with A and B symmetric: TLC's SYMMETRY finds 598 distinct states (3,196 generated); so does the engine. */
    @Test
    void mctcpWithSymmetryAgreesWithTlc() throws Exception {
        Tlc.Result tlc = Tlc.run(work, "MCtcp", "MCtcpSymmetric.cfg", false);
        assertTrue(tlc.ok(), tlc.output());
        assertEquals(598, tlc.distinct());
        CheckResult<MCtcp.State, MCtcp.Action> r = mctcp(true, true, Stuttering.FORBIDDEN);
        assertEquals(Verdict.HOLDS, r.verdict("Inv"));
        assertSameCounts(tlc, r.statistics());
    }

    /**
     * Without fairness for CLOSE in SYN-SENT, the semantics differ. TLC (TLA+: a behaviour may stop where no fair
     * action is enabled) finds A stuck in SYN-SENT once B has closed its listening socket: one step, then stuttering.
     * The engine with {@link Stuttering#ALLOWED} finds the same lasso. With the default {@link Stuttering#FORBIDDEN}
     * (no stopping while an action is enabled) the property holds, and so it does for TLC once the whole next-state
     * relation is weakly fair, which is what that default means in TLA+.
     */
    @Test
    void stutteringDecidesMctcpWithoutCloseFairness() throws Exception {
        Tlc.Result tla = Tlc.run(work, "MCtcp", "MCtcpUnfair.cfg", false);
        assertEquals("Temporal properties were violated.", tla.error(), tla.output());
        assertTrue(tla.stuttering(), tla.output());
        CheckResult<MCtcp.State, MCtcp.Action> allowed = mctcp(false, false, Stuttering.ALLOWED);
        PropertyResult<MCtcp.State, MCtcp.Action> a = allowed.results().get(1);
        assertEquals(Verdict.VIOLATED, a.verdict());
        assertTrue(a.trace().stutters());
        assertEquals(1, a.traceLength());
        assertEquals(MCtcp.Conn.SYN_SENT, a.trace().last().conn(0));
        assertEquals(MCtcp.Conn.CLOSED, a.trace().last().conn(1));
        assertNull(Violation.check(new MCtcp(false, false), a.property(), a.trace(), Stuttering.ALLOWED));
        assertFalse(Violation.check(new MCtcp(false, false), a.property(), a.trace(), Stuttering.FORBIDDEN) == null);

        Tlc.Result noStopping = Tlc.run(work, "MCtcp", "MCtcpUnfairNorStopping.cfg", false);
        assertTrue(noStopping.ok(), noStopping.output());
        CheckResult<MCtcp.State, MCtcp.Action> forbidden = mctcp(false, false, Stuttering.FORBIDDEN);
        for (PropertyResult<MCtcp.State, MCtcp.Action> p : forbidden.results()) {
            assertEquals(Verdict.HOLDS, p.verdict(), p.name());
        }
        assertSameCounts(noStopping, forbidden.statistics());
    }

    private static final Property<Peterson.State, Integer> NO_STARVATION =
            Property.leadsTo("NoStarvation", s -> s.pc0() == 1, s -> s.pc0() == 3);
    private static final Property<Peterson.State, Integer> ENTERED_WHILE_OTHER_WAITS =
            Property.leadsTo("EnteredWhileOtherWaits", s -> true, s -> s.pc0() == 3 && s.pc1() == 2);

    /**
     * Leads-to on Peterson. Both processes weakly fair: no starvation holds; "process 0 is in while process 1 waits,
     * again and again" fails by a fair cycle (TLC: "Back to state 1"; the engine: a lasso), under either stuttering
     * semantics. Only process 1 fair: TLC finds process 0 starving by stopping at pc 1 (stuttering), as the engine
     * does with {@link Stuttering#ALLOWED}; with no stopping while a step is enabled, both find no starvation.
     */
    @Test
    void leadsToAgreesWithTlc() throws Exception {
        Tlc.Result holds = Tlc.run(work, "Peterson", "PetersonFairNoStarvation.cfg", false);
        assertTrue(holds.ok(), holds.output());
        Tlc.Result cycle = Tlc.run(work, "Peterson", "PetersonFairWaits.cfg", false);
        assertEquals("Temporal properties were violated.", cycle.error(), cycle.output());
        assertFalse(cycle.stuttering());
        for (Stuttering st : Stuttering.values()) {
            CheckResult<Peterson.State, Integer> r = Checker.of(new FairPeterson(true)).stuttering(st)
                    .property(NO_STARVATION).property(ENTERED_WHILE_OTHER_WAITS).run();
            assertSameCounts(holds, r.statistics());
            assertEquals(Verdict.HOLDS, r.verdict("NoStarvation"), st.name());
            PropertyResult<Peterson.State, Integer> w = r.result("EnteredWhileOtherWaits");
            assertEquals(Verdict.VIOLATED, w.verdict(), st.name());
            assertTrue(w.trace().isLasso() && !w.trace().stutters(), st.name());
            assertNull(Violation.check(new FairPeterson(true), ENTERED_WHILE_OTHER_WAITS, w.trace(), st));
        }
        Tlc.Result stops = Tlc.run(work, "Peterson", "PetersonOneFair.cfg", false);
        assertEquals("Temporal properties were violated.", stops.error(), stops.output());
        assertTrue(stops.stuttering());
        PropertyResult<Peterson.State, Integer> starved = Checker.of(new FairPeterson(false))
                .stuttering(Stuttering.ALLOWED).property(NO_STARVATION).run().result("NoStarvation");
        assertEquals(Verdict.VIOLATED, starved.verdict());
        assertTrue(starved.trace().stutters());
        assertEquals(1, starved.trace().last().pc0());
        Tlc.Result noStopping = Tlc.run(work, "Peterson", "PetersonOneFairNorStopping.cfg", false);
        assertTrue(noStopping.ok(), noStopping.output());
        assertEquals(Verdict.HOLDS, Checker.of(new FairPeterson(false)).property(NO_STARVATION).run()
                .verdict("NoStarvation"));
    }

    /**
     * TLC's constraints, counted as TLC counts them: on the grid walk under the state constraint x + y ≤ 5 and the
     * action constraint "no step right on an odd row", 19 distinct states, 35 generated, depth 6; and no deadlock,
     * though the diagonal x + y = 5 has no successor within the constraint (TLC's deadlock is "no successor before
     * the constraints").
     */
    @Test
    void constraintsAndDeadlockCountAsTlc() throws Exception {
        Tlc.Result tlc = Tlc.run(work, "Grid", "GridConstrained.cfg", true);
        assertTrue(tlc.ok(), tlc.output());
        assertEquals(19, tlc.distinct());
        CheckResult<GridWalk.State, String> r = Checker.of(new GridWalk(true, true))
                .property(Property.terminal("no deadlock", s -> false)).run();
        assertEquals(Verdict.HOLDS, r.verdict("no deadlock"));
        assertSameCounts(tlc, r.statistics());
    }

    /** Without the constraint, the corner (4, 4) is a deadlock: TLC's trace has 9 states, the engine's 8 actions. */
    @Test
    void deadlockAgreesWithTlc() throws Exception {
        Tlc.Result tlc = Tlc.run(work, "Grid", "GridDeadlock.cfg", true);
        assertEquals("Deadlock reached.", tlc.error(), tlc.output());
        CheckResult<GridWalk.State, String> r = Checker.of(new GridWalk(false, false))
                .property(Property.terminal("no deadlock", s -> false)).run();
        PropertyResult<GridWalk.State, String> d = r.result("no deadlock");
        assertEquals(Verdict.VIOLATED, d.verdict());
        assertEquals(tlc.traceStates(), d.traceLength() + 1);
        assertEquals(new GridWalk.State(4, 4), d.trace().last());
        assertSameCounts(tlc, r.statistics());
    }

    /**
     * TLC checks the invariants on the states it generates beyond a state constraint, though it neither counts nor
     * explores them; so does the engine: x + y ≠ 6 fails just beyond the diagonal, at 6 actions (TLC: 7 states).
     */
    @Test
    void invariantBeyondAConstraintAgreesWithTlc() throws Exception {
        Tlc.Result tlc = Tlc.run(work, "Grid", "GridBeyond.cfg", false);
        assertEquals("Invariant NotBeyondTheDiagonal is violated.", tlc.error(), tlc.output());
        PropertyResult<GridWalk.State, String> r = Checker.of(new GridWalk(true, false))
                .property(Property.always("NotBeyondTheDiagonal", s -> s.x() + s.y() != 6)).run()
                .result("NotBeyondTheDiagonal");
        assertEquals(Verdict.VIOLATED, r.verdict());
        assertEquals(tlc.traceStates(), r.traceLength() + 1);
        assertEquals(6, r.trace().last().x() + r.trace().last().y());
    }

    /**
     * An invariant that cannot be evaluated (a division by zero at x = 4): TLC reports "Evaluating invariant Divides
     * failed" with a trace of 5 states; the engine ERROR, with the exception and the shortest trace, 4 actions.
     */
    @Test
    void predicateThatThrowsAgreesWithTlc() throws Exception {
        Tlc.Result tlc = Tlc.run(work, "Grid", "GridDivides.cfg", false);
        assertEquals("Evaluating invariant Divides failed.", tlc.error(), tlc.output());
        PropertyResult<GridWalk.State, String> r = Checker.of(new GridWalk(false, false))
                .property(Property.always("Divides", s -> 12 / (4 - s.x()) >= 0)).run().result("Divides");
        assertEquals(Verdict.ERROR, r.verdict());
        assertEquals(tlc.traceStates(), r.traceLength() + 1);
        assertEquals(4, r.trace().last().x());
        assertEquals("the predicate threw ArithmeticException: / by zero", r.detail());
    }

    /**
     * Fairness at a constraint: the step from 1 to 2 leaves the constraint x &lt; 2, but it is enabled at 1 (TLC's
     * ENABLED ignores constraints), so weak fairness forbids stopping there and "eventually x = 5" holds for TLC and
     * the engine. Without fairness TLC finds a behaviour that stops; so does the engine with
     * {@link Stuttering#ALLOWED}, and with {@link Stuttering#FORBIDDEN} it holds, as for TLC with the step fair.
     */
    @Test
    void fairnessAtAConstraintAgreesWithTlc() throws Exception {
        Property<Integer, String> five = Property.eventually("ReachesFive", x -> x == 5);
        Tlc.Result fair = Tlc.run(work, "Counter", "CounterFair.cfg", false);
        assertTrue(fair.ok(), fair.output());
        CheckResult<Integer, String> r = Checker.of(new Counter(true)).stuttering(Stuttering.ALLOWED)
                .property(five).run();
        assertEquals(Verdict.HOLDS, r.verdict("ReachesFive"));
        assertSameCounts(fair, r.statistics());
        Tlc.Result unfair = Tlc.run(work, "Counter", "CounterUnfair.cfg", false);
        assertEquals("Temporal properties were violated.", unfair.error(), unfair.output());
        assertTrue(unfair.stuttering());
        PropertyResult<Integer, String> stops = Checker.of(new Counter(false)).stuttering(Stuttering.ALLOWED)
                .property(five).run().result("ReachesFive");
        assertEquals(Verdict.VIOLATED, stops.verdict());
        assertTrue(stops.trace().stutters());
        assertEquals(Verdict.HOLDS, Checker.of(new Counter(false)).property(five).run().verdict("ReachesFive"));
    }
}
