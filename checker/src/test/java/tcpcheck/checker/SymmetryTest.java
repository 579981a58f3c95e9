package tcpcheck.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import tcpcheck.checker.models.MCtcp;

/**
 * Symmetry by fingerprint: a model may give a state and its mirror image one fingerprint (MCtcp with A and B
 * interchangeable: the smaller of the two). The search keeps one state per orbit (598 instead of 1,182, as TLC's
 * SYMMETRY; TlcCrossValidationTest compares), and its counterexamples stay real paths of the shortest length.
 */
class SymmetryTest {

    @Test
    void tracesStayRealAndShortestUnderSymmetry() {
        Property<MCtcp.State, MCtcp.Action> noTimeWait = Property.always("no peer in TIME-WAIT",
                s -> s.conn(0) != MCtcp.Conn.TIME_WAIT && s.conn(1) != MCtcp.Conn.TIME_WAIT);
        Property<MCtcp.State, MCtcp.Action> neverBothClosing = Property.always("never both CLOSING",
                s -> !(s.conn(0) == MCtcp.Conn.CLOSING && s.conn(1) == MCtcp.Conn.CLOSING));
        MCtcp symmetric = new MCtcp(true, true);
        CheckResult<MCtcp.State, MCtcp.Action> reduced = Checker.of(symmetric).property(noTimeWait)
                .property(neverBothClosing).run();
        CheckResult<MCtcp.State, MCtcp.Action> full = Checker.of(new MCtcp(false, true)).property(noTimeWait)
                .property(neverBothClosing).run();
        assertEquals(598, reduced.statistics().states());
        assertEquals(1182, full.statistics().states());
        for (String p : new String[] {"no peer in TIME-WAIT", "never both CLOSING"}) {
            PropertyResult<MCtcp.State, MCtcp.Action> r = reduced.result(p);
            assertEquals(Verdict.VIOLATED, r.verdict(), p);
            assertEquals(full.result(p).traceLength(), r.traceLength(), p + ": as short as without symmetry");
            // A real path: every state is the model's successor of the one before, not merely of its orbit.
            Replay.assertValid(symmetric, r.trace());
        }
        // The two initial states are one orbit: one distinct initial state.
        assertEquals(1, reduced.statistics().initialStates());
        MCtcp.State a = symmetric.initialStates().get(0);
        MCtcp.State b = symmetric.initialStates().get(1);
        assertNotEquals(a, b);
        assertEquals(symmetric.fingerprint(a), symmetric.fingerprint(b));
    }
}
