package tcpcheck.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import tcpcheck.checker.Verdict;

/**
 * The TIME-WAIT sweep at SPEC's default MSL = 2 and RTO = 2, T from 0 to 2·MSL + 2 = 6: graceful-close holds
 * exactly when T ≥ RTO + MSL = 4. (The full sweep over MSL ∈ {2, 3} and every RTO ≤ MSL is `tcpcheck sweep`; it
 * takes longer than the test suite may, and its measured table is in model/README.md.)
 */
class TimeWaitSweepTest {

    @Test
    void gracefulCloseHoldsExactlyFromRtoPlusMsl() {
        List<TimeWaitSweep.Cell> cells = new TimeWaitSweep(new Verification().threads(2)).sweep(2, List.of(2), null);
        assertEquals(7, cells.size());
        for (TimeWaitSweep.Cell c : cells) {
            Verdict expected = TimeWaitSweep.predicted(c.msl(), c.rto(), c.timeWait()) ? Verdict.HOLDS
                    : Verdict.VIOLATED;
            assertEquals(expected, c.verdict(), "MSL=2 RTO=2 T=" + c.timeWait());
        }
        // At T = 2 MSL = 4 the default check's state count (graceful-close alone explores the same space).
        assertEquals(4_546_236, cells.get(4).states());
    }
}
