package tcpcheck.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tcpcheck.checker.Trace;
import tcpcheck.checker.Verdict;
import tcpcheck.model.Action;
import tcpcheck.model.ConnectionState;
import tcpcheck.model.TcpModel;
import tcpcheck.model.TcpState;

/**
 * The TIME-WAIT sweeps where the test suite can afford them: every cell they check must agree with its boundary.
 * (The full sweeps over MSL ∈ {2, 3} and every RTO ≤ MSL are `tcpcheck sweep`, whose holding cells take minutes to a
 * quarter of an hour each; the measured tables are in model/README.md.)
 */
class TimeWaitSweepTest {

    /** graceful-close at the specification's MSL = 2, RTO = 2, T from 0 to 2·MSL + 2 = 6: it holds exactly when T ≥ RTO + MSL = 4. */
    @Test
    void gracefulCloseHoldsExactlyFromRtoPlusMsl() {
        TimeWaitSweep sweep = new TimeWaitSweep(new Verification().threads(2));
        List<TimeWaitSweep.Cell> cells = sweep.sweep(2, List.of(2), null);
        assertEquals(7, cells.size());
        for (TimeWaitSweep.Cell c : cells) {
            assertAgrees(sweep, c);
        }
        // At T = 2 MSL = 4 the default check's state count (graceful-close alone explores the same space).
        assertEquals(4_546_236, cells.get(4).states());
    }

    /**
     * Both sweeps at MSL = 1 (RTO = 1, T from 0 to 4; at most 1.4 million states a cell): graceful-close holds from
     * T = RTO + MSL = 2, and no-stale-accept with two connections from T = 2·MSL - 1 = 1.
     */
    @Test
    void bothSweepsAgreeAtMslOne() {
        for (String property : TimeWaitSweep.PROPERTIES) {
            TimeWaitSweep sweep = new TimeWaitSweep(new Verification().threads(2), property);
            List<TimeWaitSweep.Cell> cells = sweep.sweep(1, null);
            assertEquals(5, cells.size());
            for (TimeWaitSweep.Cell c : cells) {
                assertAgrees(sweep, c);
            }
        }
    }

    /**
     * no-stale-accept with two connections at MSL = 2, RTO = 2 and T = 2·MSL - 2 = 2, one tick short of the boundary:
     * violated in 27 actions, by the round trip that TIME-WAIT must outlast. An old duplicate of A's ACK reaches B
     * back in LISTEN, which answers with an RST; A's TIME-WAIT runs out, A opens its second connection and
     * establishes it; the RST, one tick old, resets it; and B, alone, establishes a connection that is over. (T = 3
     * holds: 85,794,855 states, `tcpcheck sweep --property no-stale-accept --msl 2 --rto 2 --T 3`; T = 4 is the
     * default, which IncarnationsTest checks.)
     */
    @Test
    void noStaleAcceptNeedsTheRoundTripOfAnOldSegmentAndItsAnswer() {
        TimeWaitSweep sweep = new TimeWaitSweep(new Verification().threads(2), TcpProperties.NO_STALE_ACCEPT);
        assertEquals(2, sweep.parameters(2, 2, 2).connections());
        PropertyVerdict v = sweep.check(2, 2, 2).result(TcpProperties.NO_STALE_ACCEPT);
        assertEquals(Verdict.VIOLATED, v.verdict());
        assertEquals(27, v.length());
        assertTrue(!sweep.predicted(2, 2, 2) && sweep.predicted(2, 2, 3));
        Trace<TcpState, Action> t = v.trace();
        int rstFromListen = -1;
        int secondOpen = -1;
        int oldRstResetsA = -1;
        for (int i = 1; i < t.steps().size(); i++) {
            Action a = t.steps().get(i).action();
            TcpState before = t.steps().get(i - 1).state();
            TcpState after = t.steps().get(i).state();
            if (a.kind() == Action.Kind.DELIVER && a.endpoint() == TcpModel.B
                    && before.state(TcpModel.B) == ConnectionState.LISTEN && a.segment().ack()
                    && !a.segment().syn()) {
                rstFromListen = i;
            }
            if (a.kind() == Action.Kind.OPEN && after.a().connection() == 2) {
                secondOpen = i;
            }
            if (a.kind() == Action.Kind.DELIVER && a.endpoint() == TcpModel.A && a.segment().rst()
                    && a.stamp().connection() == 1 && before.a().connection() == 2
                    && before.state(TcpModel.A) == ConnectionState.ESTABLISHED
                    && after.state(TcpModel.A) == ConnectionState.CLOSED) {
                oldRstResetsA = i;
            }
        }
        assertTrue(rstFromListen > 0 && rstFromListen < secondOpen && secondOpen < oldRstResetsA, t.toString());
        TcpState last = t.last();
        assertEquals(ConnectionState.ESTABLISHED, last.state(TcpModel.B));
        assertEquals(2, last.b().connection());
        assertEquals(ConnectionState.CLOSED, last.state(TcpModel.A));
    }

    private static void assertAgrees(TimeWaitSweep sweep, TimeWaitSweep.Cell c) {
        Verdict expected = sweep.predicted(c.msl(), c.rto(), c.timeWait()) ? Verdict.HOLDS : Verdict.VIOLATED;
        assertEquals(expected, c.verdict(), c.property() + " MSL=" + c.msl() + " RTO=" + c.rto() + " T="
                + c.timeWait() + ": " + sweep.boundary());
    }
}
