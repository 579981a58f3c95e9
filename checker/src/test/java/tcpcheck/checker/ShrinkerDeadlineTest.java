package tcpcheck.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import tcpcheck.checker.models.AlternatingBit;

/**
 * A deadline stops shrinking with the shortest violation found by then, whatever the machine's speed: the clock is
 * injected, so these tests count clock readings (or replays), never seconds.
 */
class ShrinkerDeadlineTest {

    private static final Property<AlternatingBit.State, AlternatingBit.Action> IN_ORDER =
            Property.always("in order, once", AlternatingBit::inOrder);

    private static final AlternatingBit ABP = new AlternatingBit(3, 2, true);

    /** The seeded ABP bug's first hit in the walks of seed 42 (SimulationTest), before shrinking. */
    private static Trace<AlternatingBit.State, AlternatingBit.Action> walk() {
        return Simulation.of(ABP).property(IN_ORDER).runs(1000).depth(50).seed(42).run()
                .finding("in order, once").walk();
    }

    /**
     * On a clock that reads the replays done so far, a deadline of 5 stops shrinking after about 5 of the full
     * shrink's replays (counted here by shrinking to the end): the result still violates the property and is no
     * longer than the walk, and cutShort says so.
     */
    @Test
    void aDeadlineOnTheInjectedClockCutsShrinkingShort() {
        Trace<AlternatingBit.State, AlternatingBit.Action> walk = walk();
        Shrinker<AlternatingBit.State, AlternatingBit.Action> full = new Shrinker<>(ABP, IN_ORDER, null, 100_000);
        Trace<AlternatingBit.State, AlternatingBit.Action> shortest = full.shrink(walk);
        assertFalse(full.cutShort(), "no deadline, no cut");
        assertTrue(full.tests() > 20, "the full shrink replays " + full.tests() + " candidates");

        Shrinker<AlternatingBit.State, AlternatingBit.Action>[] cut = new Shrinker[1];
        cut[0] = new Shrinker<>(ABP, IN_ORDER, null, 100_000).clock(() -> cut[0].tests()).deadline(5);
        Trace<AlternatingBit.State, AlternatingBit.Action> partly = cut[0].shrink(walk);
        assertTrue(cut[0].cutShort());
        assertTrue(cut[0].tests() >= 5 && cut[0].tests() < full.tests(),
                cut[0].tests() + " replays of " + full.tests());
        assertNull(Violation.check(ABP, IN_ORDER, partly), "still a violation");
        Replay.assertValid(ABP, partly);
        assertTrue(partly.length() <= walk.length());
        assertTrue(partly.length() >= shortest.length());

        // A deadline already passed: nothing is replayed, the walk's violating part is returned as it is.
        Shrinker<AlternatingBit.State, AlternatingBit.Action> passed = new Shrinker<>(ABP, IN_ORDER, null, 100_000)
                .clock(() -> 7).deadline(7);
        assertEquals(walk.length(), passed.shrink(walk).length());
        assertEquals(0, passed.tests());
        assertTrue(passed.cutShort());
    }

    /**
     * The simulation reads its time limit on the injected clock and hands it to the shrinker: on a clock that ticks
     * once per reading, a limit of 20 ticks leaves the walks alone (a few readings) and stops shrinking, and the
     * result says so.
     */
    @Test
    void theSimulationsLimitStopsShrinkingOnItsClock() {
        AtomicLong ticks = new AtomicLong();
        SimulationResult<AlternatingBit.State, AlternatingBit.Action> r = Simulation.of(ABP).property(IN_ORDER)
                .runs(1000).depth(50).seed(42).clock(ticks::incrementAndGet).maxNanos(20).run();
        SimulationResult.Finding<AlternatingBit.State, AlternatingBit.Action> f = r.finding("in order, once");
        assertEquals("the time limit was reached while shrinking", r.stopped());
        assertEquals(walk().length(), f.walk().length(), "the same walk as without a limit");
        Shrinker<AlternatingBit.State, AlternatingBit.Action> full = new Shrinker<>(ABP, IN_ORDER, null, 100_000);
        full.shrink(f.walk());
        assertTrue(f.shrinkTests() > 0 && f.shrinkTests() < full.tests(),
                f.shrinkTests() + " replays of " + full.tests());
        assertNull(Violation.check(ABP, IN_ORDER, f.shrunk()));
        assertTrue(f.shrunk().length() <= f.walk().length());
    }
}
