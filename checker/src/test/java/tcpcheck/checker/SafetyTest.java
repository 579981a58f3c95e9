package tcpcheck.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tcpcheck.checker.models.AlternatingBit;
import tcpcheck.checker.models.BrokenMutex;
import tcpcheck.checker.models.DiningPhilosophers;
import tcpcheck.checker.models.Peterson;

/** Safety checking on models whose answers can be worked out by hand (each test says how). */
class SafetyTest {

    /**
     * Peterson: 20 reachable states. Derivation: the state is (pc0, pc1, turn), since flag[i] = (pc[i] # 0): at most
     * 4 × 4 × 2 = 32 combinations. Twelve are unreachable:
     * <ul>
     *   <li>pc1 ∈ {2, 3} and pc0 ∈ {0, 1} with turn = 1 (4 states): process 1 wrote turn := 0 on its way to pc 2 and
     *       process 0 has not written turn since (it writes on leaving pc 1). The mirror image, pc0 ∈ {2, 3} and
     *       pc1 ∈ {0, 1} with turn = 0, is unreachable likewise (4 states).</li>
     *   <li>(2, 3, 0) and its mirror (3, 2, 1) (2 states): turn = 0 means process 1 wrote turn last, so process 0 was
     *       already at pc 2 with its flag set; process 1 then cannot pass its wait (flag[0] ∧ turn = 0).</li>
     *   <li>(3, 3, t) (2 states): mutual exclusion itself.</li>
     * </ul>
     * 32 − 12 = 20. {@link TlcCrossValidationTest} checks that TLC finds 20 distinct states for Peterson.tla.
     */
    @Test
    void petersonHoldsWithExactStateCount() {
        CheckResult<Peterson.State, Integer> r = Checker.of(new Peterson())
                .property(Property.always("mutual exclusion", s -> !s.bothCritical()))
                .property(Property.terminal("no deadlock", s -> false))
                .run();
        assertEquals(Verdict.HOLDS, r.verdict("mutual exclusion"));
        assertEquals(Verdict.HOLDS, r.verdict("no deadlock"));
        assertTrue(r.complete());
        assertEquals(PETERSON_STATES, r.statistics().states());
    }

    static final long PETERSON_STATES = 20;

    /**
     * The broken mutex: the shortest violation has 4 actions. Each process needs two actions to enter (check, then
     * set and enter), and a process can check only while the other has not set its flag, so both must check before
     * either enters: 2 + 2 = 4, and fewer cannot put both in the critical section.
     */
    @Test
    void brokenMutexViolatedWithShortestCounterexample() {
        CheckResult<BrokenMutex.State, Integer> r = Checker.of(new BrokenMutex())
                .property(Property.always("mutual exclusion", s -> !s.bothCritical()))
                .run();
        PropertyResult<BrokenMutex.State, Integer> res = r.result("mutual exclusion");
        assertEquals(Verdict.VIOLATED, res.verdict());
        assertEquals(4, res.traceLength());
        assertTrue(res.trace().last().bothCritical());
        // Breadth-first and deterministic: the smallest-fingerprint path of length 4; both processes check first.
        List<BrokenMutex.State> states = res.trace().states();
        assertEquals(new BrokenMutex.State(0, 0), states.get(0));
        assertEquals(1, states.get(2).pc0());
        assertEquals(1, states.get(2).pc1());
        // The state is (pc0, pc1): all 3 × 3 pairs are reachable (each process moves freely while the other is
        // at 0 or 1, and (2, 2) is the violation itself), so 9.
        assertEquals(9, r.statistics().states());
    }

    /**
     * Dining philosophers: the reachable states are the cyclic words pc[0..N-1] over {0, 1, 2} with no "2 then 1
     * or 2" (a philosopher eating holds the next philosopher's left fork). Counting with the transfer matrix
     * M = [[1,1,1],[1,1,1],[1,0,0]] (row: pc[i-1], column: pc[i]) gives trace(M^N): 14, 34, 82 for N = 3, 4, 5
     * (the recurrence a(N) = 2·a(N-1) + a(N-2) from trace(M²) = 6, trace(M³) = 14). Every such word is reachable:
     * philosophers can pick up forks in any order that respects the rule. The only deadlock is every philosopher
     * holding its left fork, reached in N actions at the least (each must take one fork).
     */
    @ParameterizedTest
    @CsvSource({"3, 14", "4, 34", "5, 82"})
    void diningPhilosophersDeadlock(int n, long states) {
        CheckResult<DiningPhilosophers.State, Integer> r = Checker.of(new DiningPhilosophers(n))
                .property(Property.terminal("no deadlock", s -> false))
                .property(Property.always("neighbours never both eat", s -> noNeighboursEat(s, n)))
                .run();
        assertEquals(states, r.statistics().states());
        PropertyResult<DiningPhilosophers.State, Integer> deadlock = r.result("no deadlock");
        assertEquals(Verdict.VIOLATED, deadlock.verdict());
        assertEquals(n, deadlock.traceLength());
        assertTrue(DiningPhilosophers.allHoldLeft(deadlock.trace().last()));
        assertEquals(Verdict.HOLDS, r.verdict("neighbours never both eat"));
    }

    /**
     * Stopping at the first counterexample: the alternating-bit protocol with the bit ignored (888 states, 21 levels)
     * delivers a message twice in 4 actions. With that the only property, the search ends at the level where it is
     * found and nothing is left undecided; with a property that holds beside it, that one is INCOMPLETE, never HOLDS.
     */
    @Test
    void stopAtFirstFindingStopsOnceEveryPropertyIsDecided() {
        AlternatingBit buggy = new AlternatingBit(4, 3, true);
        CheckResult<AlternatingBit.State, AlternatingBit.Action> full = Checker.of(buggy)
                .property(Property.always("in order, once", AlternatingBit::inOrder)).run();
        assertEquals(888, full.statistics().states());
        CheckResult<AlternatingBit.State, AlternatingBit.Action> alone = Checker.of(buggy)
                .property(Property.always("in order, once", AlternatingBit::inOrder)).stopAtFirstFinding(true)
                .threads(2).run();
        assertEquals(Verdict.VIOLATED, alone.verdict("in order, once"));
        assertEquals(4, alone.result("in order, once").traceLength());
        assertNull(alone.incompleteReason());
        assertEquals(4, alone.statistics().depth(), "levels 0 to 4 found, level 4 not expanded");
        assertTrue(alone.statistics().states() < 888, "states " + alone.statistics().states());

        CheckResult<AlternatingBit.State, AlternatingBit.Action> both = Checker.of(buggy)
                .property(Property.always("in order, once", AlternatingBit::inOrder))
                .property(Property.always("never more than 4 delivered", s -> s.delivered() <= 4))
                .stopAtFirstFinding(true).run();
        assertEquals(Verdict.VIOLATED, both.verdict("in order, once"));
        assertEquals(Verdict.INCOMPLETE, both.verdict("never more than 4 delivered"));
        assertNotNull(both.incompleteReason());
        assertEquals(alone.statistics().states(), both.statistics().states());
    }

    private static boolean noNeighboursEat(DiningPhilosophers.State s, int n) {
        List<Integer> eating = DiningPhilosophers.eating(s);
        for (int i : eating) {
            if (eating.contains((i + 1) % n)) {
                return false;
            }
        }
        return true;
    }

    /** The alternating-bit protocol delivers in order, exactly once; with the bit ignored it delivers twice. */
    @Test
    void alternatingBitHoldsAndSeededBugIsFound() {
        CheckResult<AlternatingBit.State, AlternatingBit.Action> ok = Checker.of(new AlternatingBit(3, 2, false))
                .property(Property.always("in order, once", AlternatingBit::inOrder))
                .property(Property.sometimes("all delivered", s -> s.delivered() == 3))
                .run();
        assertEquals(Verdict.HOLDS, ok.verdict("in order, once"));
        assertEquals(Verdict.HOLDS, ok.verdict("all delivered"));
        assertEquals(ABP_STATES, ok.statistics().states());
        // The shortest witness: (send, deliver, deliver the ack) for messages 0 and 1, then send and deliver
        // message 2, whose acknowledgement is not needed: 3 + 3 + 2 = 8 actions.
        assertEquals(8, ok.result("all delivered").traceLength());

        CheckResult<AlternatingBit.State, AlternatingBit.Action> bug = Checker.of(new AlternatingBit(3, 2, true))
                .property(Property.always("in order, once", AlternatingBit::inOrder))
                .run();
        PropertyResult<AlternatingBit.State, AlternatingBit.Action> res = bug.result("in order, once");
        assertEquals(Verdict.VIOLATED, res.verdict());
        // Send message 0, deliver it, deliver it again: the sender must put a second copy in flight first,
        // by a retransmission (send) or a duplication, so: send, send (or dup), deliver, deliver = 4 actions.
        assertEquals(4, res.traceLength());
    }

    /**
     * 93 states for 3 messages and channels of capacity 2. Too many to count by hand; the number is TLC's for the
     * independent spec AlternatingBit.tla, and {@link TlcCrossValidationTest} asserts that TLC still finds it.
     */
    static final long ABP_STATES = 93;

    @Test
    void sometimesUnreachableIsViolatedWithoutTrace() {
        CheckResult<Peterson.State, Integer> r = Checker.of(new Peterson())
                .property(Property.sometimes("both critical", Peterson.State::bothCritical))
                .property(Property.sometimes("one critical", s -> s.pc0() == 3))
                .run();
        assertEquals(Verdict.VIOLATED, r.verdict("both critical"));
        assertNull(r.result("both critical").trace());
        PropertyResult<Peterson.State, Integer> w = r.result("one critical");
        assertEquals(Verdict.HOLDS, w.verdict());
        // flag := TRUE, turn := 1, enter: 3 actions.
        assertEquals(3, w.traceLength());
    }

    @Test
    void transitionPropertyCounterexampleEndsWithTheBadTransition() {
        CheckResult<Peterson.State, Integer> r = Checker.of(new Peterson())
                .property(Property.transition("process 1 never enters", (s, a, t) -> !(a == 1 && t.pc1() == 3)))
                .run();
        PropertyResult<Peterson.State, Integer> res = r.result("process 1 never enters");
        assertEquals(Verdict.VIOLATED, res.verdict());
        assertEquals(3, res.traceLength());
        assertEquals(3, res.trace().last().pc1());
        assertEquals(Integer.valueOf(1), res.trace().actions().get(2));
    }

    @Test
    void limitsGiveIncompleteNeverHolds() {
        CheckResult<DiningPhilosophers.State, Integer> byStates = Checker.of(new DiningPhilosophers(5))
                .property(Property.always("true", s -> true))
                .limits(Limits.none().withMaxStates(10))
                .run();
        assertEquals(Verdict.INCOMPLETE, byStates.verdict("true"));
        assertNotNull(byStates.incompleteReason());
        CheckResult<DiningPhilosophers.State, Integer> byDepth = Checker.of(new DiningPhilosophers(5))
                .property(Property.always("true", s -> true))
                .property(Property.eventually("eats", s -> !DiningPhilosophers.eating(s).isEmpty()))
                .limits(Limits.none().withMaxDepth(2))
                .run();
        assertEquals(Verdict.INCOMPLETE, byDepth.verdict("true"));
        assertEquals(Verdict.INCOMPLETE, byDepth.verdict("eats"));
        assertTrue(byDepth.incompleteReason().contains("depth"));
        // A violation found before the limit is still a violation.
        CheckResult<BrokenMutex.State, Integer> found = Checker.of(new BrokenMutex())
                .property(Property.always("mutual exclusion", s -> !s.bothCritical()))
                .limits(Limits.none().withMaxDepth(4))
                .run();
        assertEquals(Verdict.VIOLATED, found.verdict("mutual exclusion"));
    }

    @Test
    void depthFirstFindsTheSameStatesAndAValidCounterexample() {
        CheckResult<DiningPhilosophers.State, Integer> r = Checker.of(new DiningPhilosophers(4))
                .property(Property.terminal("no deadlock", s -> false))
                .order(SearchOrder.DEPTH_FIRST)
                .run();
        assertEquals(34, r.statistics().states());
        PropertyResult<DiningPhilosophers.State, Integer> res = r.result("no deadlock");
        assertEquals(Verdict.VIOLATED, res.verdict());
        assertTrue(res.traceLength() >= 4);
        assertTrue(DiningPhilosophers.allHoldLeft(res.trace().last()));
        Replay.assertValid(new DiningPhilosophers(4), res.trace());
    }
}
