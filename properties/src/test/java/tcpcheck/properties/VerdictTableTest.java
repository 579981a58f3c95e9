package tcpcheck.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tcpcheck.checker.Trace;
import tcpcheck.checker.Verdict;
import tcpcheck.model.Action;
import tcpcheck.model.ConnectionState;
import tcpcheck.model.Parameters;
import tcpcheck.model.TcpModel;
import tcpcheck.model.TcpState;
import tcpcheck.model.Variant;

/**
 * docs/specification.md, Verdicts: every ✓ and ✗ cell of the default check, the length of each shortest counterexample, and the
 * story each counterexample tells.
 */
class VerdictTableTest {

    /** The shortest counterexample lengths the model computes for the ✗ cells the specification fixes. */
    static int expectedLength(Variant v, String property) {
        switch (v.id() + " " + property) {
            case "two-way-handshake no-stale-accept":
                return 14;
            case "two-way-handshake no-deadlock":
            case "two-way-handshake eventually-closed":
                return 23;
            case "three-way-close no-data-loss":
                return 9;
            case "no-time-wait graceful-close":
                return 13;
            case "short-time-wait graceful-close":
                return SHORT_TIME_WAIT_GRACEFUL;
            default:
                throw new IllegalArgumentException("no ✗ cell " + v + " " + property);
        }
    }

    static final int SHORT_TIME_WAIT_GRACEFUL = 20;

    static Stream<Arguments> fixedCells() {
        List<Arguments> cells = new ArrayList<>();
        for (Variant v : Variant.values()) {
            for (String p : TcpProperties.NAMES) {
                Optional<Verdict> e = SpecTable.expected(v, p);
                e.ifPresent(verdict -> cells.add(Arguments.of(v, p, verdict)));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} {1} is {2}")
    @MethodSource("fixedCells")
    void cellAgreesWithSpec(Variant v, String property, Verdict expected) {
        VariantReport r = Reports.defaults(v);
        assertNull(r.incompleteReason(), "the default check is complete");
        PropertyVerdict p = r.result(property);
        assertEquals(expected, p.verdict());
        if (expected == Verdict.VIOLATED) {
            assertEquals(expectedLength(v, property), p.length(), "shortest counterexample length");
            assertValid(new TcpModel(v, Parameters.defaults()), p.trace());
        } else {
            assertNull(p.trace());
        }
    }

    /**
     * The textbook's story: an old duplicate SYN of a connection that is over reaches B in LISTEN, B enters
     * ESTABLISHED (the stale accept), and the behaviour ends with B in a state with no enabled action.
     */
    @Test
    void twoWayHandshakeTellsTheStaleSynStory() {
        VariantReport r = Reports.defaults(Variant.TWO_WAY_HANDSHAKE);
        Trace<TcpState, Action> stale = r.result(TcpProperties.NO_STALE_ACCEPT).trace();
        Action last = stale.steps().get(stale.length()).action();
        TcpState before = stale.steps().get(stale.length() - 1).state();
        assertEquals(Action.Kind.DELIVER, last.kind());
        assertEquals(TcpModel.B, last.endpoint());
        assertTrue(last.segment().syn() && !last.segment().ack(), "a SYN");
        assertEquals(ConnectionState.LISTEN, before.b().state(), "reaching B in LISTEN");
        assertTrue(Ghost.over(before, last.stamp().connection()), "of a connection that is over");
        assertEquals(ConnectionState.ESTABLISHED, stale.last().b().state(), "B establishes");
        assertTrue(stale.steps().stream().anyMatch(s -> s.action() != null
                && s.action().kind() == Action.Kind.DUPLICATE), "the old SYN is a duplicate");

        Trace<TcpState, Action> stuck = r.result(TcpProperties.NO_DEADLOCK).trace();
        TcpState end = stuck.last();
        assertEquals(ConnectionState.ESTABLISHED, end.b().state(), "B waits for ever");
        assertEquals(ConnectionState.CLOSED, end.a().state());
        assertTrue(end.network().isEmpty());
        assertTrue(!end.aborted(), "no endpoint gave up");
        boolean staleSynReachedListen = false;
        for (int i = 1; i < stuck.steps().size(); i++) {
            Action a = stuck.steps().get(i).action();
            TcpState s = stuck.steps().get(i - 1).state();
            staleSynReachedListen |= a.kind() == Action.Kind.DELIVER && a.endpoint() == TcpModel.B
                    && a.segment().syn() && s.b().state() == ConnectionState.LISTEN
                    && Ghost.over(s, a.stamp().connection());
        }
        assertTrue(staleSynReachedListen, "the stale SYN reached B in LISTEN");
        List<Action> enabled = new ArrayList<>();
        TcpModel m = new TcpModel(Variant.TWO_WAY_HANDSHAKE, Parameters.defaults());
        m.actions(end, enabled);
        assertTrue(enabled.stream().allMatch(a -> m.nextState(end, a) == null), "no enabled action");
    }

    /** Without half-close, A reads B's end of stream before B's response, which B discarded. */
    @Test
    void threeWayCloseLosesTheResponse() {
        Trace<TcpState, Action> t = Reports.defaults(Variant.THREE_WAY_CLOSE).result(TcpProperties.NO_DATA_LOSS)
                .trace();
        Action last = t.steps().get(t.length()).action();
        assertEquals(Action.Kind.DELIVER, last.kind());
        assertEquals(TcpModel.A, last.endpoint());
        assertTrue(last.segment().fin(), "A receives B's FIN");
        assertTrue(t.last().a().app().endOfStream());
        assertEquals(0, t.last().a().app().delivered(), "before any of B's response");
    }

    /**
     * Without TIME-WAIT, A is CLOSED as soon as it acknowledges B's FIN; a late segment of B's reaches the closed
     * A, which answers with an RST, and B, in LAST-ACK, is reset.
     */
    @Test
    void noTimeWaitEndsByReset() {
        Trace<TcpState, Action> t = Reports.defaults(Variant.NO_TIME_WAIT).result(TcpProperties.GRACEFUL_CLOSE)
                .trace();
        assertNotNull(t);
        Action last = t.steps().get(t.length()).action();
        TcpState before = t.steps().get(t.length() - 1).state();
        assertEquals(Action.Kind.DELIVER, last.kind());
        assertEquals(TcpModel.B, last.endpoint());
        assertTrue(last.segment().rst(), "B leaves by an RST");
        assertEquals(ConnectionState.LAST_ACK, before.b().state());
        assertEquals(ConnectionState.CLOSED, before.a().state(), "A is already CLOSED, with no TIME-WAIT");
        assertTrue(t.steps().stream().noneMatch(s -> s.state().a().state() == ConnectionState.TIME_WAIT));
    }

    static void assertValid(TcpModel m, Trace<TcpState, Action> t) {
        assertEquals(m.initialStates().get(0), t.steps().get(0).state());
        for (int i = 1; i < t.steps().size(); i++) {
            TcpState s = t.steps().get(i - 1).state();
            Action a = t.steps().get(i).action();
            List<Action> actions = new ArrayList<>();
            m.actions(s, actions);
            assertTrue(actions.contains(a), "step " + i + " is an action of the model");
            assertEquals(t.steps().get(i).state(), m.nextState(s, a), "step " + i + " follows the model");
        }
        if (t.isLasso()) {
            assertEquals(t.steps().get(t.loopStart()).state(), t.last());
        }
    }
}
