package tcpcheck.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tcpcheck.checker.CheckResult;
import tcpcheck.checker.Checker;
import tcpcheck.checker.PropertyResult;
import tcpcheck.checker.Trace;
import tcpcheck.checker.Verdict;
import tcpcheck.model.Action;
import tcpcheck.model.ConnectionState;
import tcpcheck.model.Parameter;
import tcpcheck.model.Parameters;
import tcpcheck.model.TcpModel;
import tcpcheck.model.TcpState;
import tcpcheck.model.Variant;

/**
 * The rfc9293-rfc1337 model reaches its rare corners (a model that cannot reach them proves nothing about them). A witness
 * is the violation of "this never happens", found breadth-first, so its trace is a shortest path to the corner.
 */
class WitnessTest {
    /** The witnesses of the default configuration (with the server closing first, for CLOSING). */
    private static final List<String> DEFAULT = List.of(Witnesses.CLOSING, Witnesses.TIME_WAIT_RESTARTED,
            Witnesses.CHALLENGE_ACK, Witnesses.OLD_DUPLICATE_SYN, Witnesses.GIVE_UP);

    @Test
    void rfc9293ReachesEveryCorner() {
        Parameters p = Parameters.defaults().with(Parameter.SERVER_CLOSES_FIRST, true);
        TcpModel m = new TcpModel(Variant.RFC9293_RFC1337, p);
        CheckResult<TcpState, Action> r = Checker.of(m).properties(Witnesses.all().stream()
                .filter(w -> DEFAULT.contains(w.id())).map(w -> w.property(m)).toList())
                .threads(2).stopWhenAllFound(true).run();
        for (String w : DEFAULT) {
            PropertyResult<TcpState, Action> found = r.result(w);
            assertEquals(Verdict.VIOLATED, found.verdict(), w + " is reached");
            VerdictTableTest.assertValid(m, found.trace());
        }
        TcpState closing = r.result(Witnesses.CLOSING).trace().last();
        assertTrue(closing.a().state() == ConnectionState.CLOSING || closing.b().state() == ConnectionState.CLOSING);
        TcpState figure11 = r.result(Witnesses.OLD_DUPLICATE_SYN).trace().last();
        assertEquals(ConnectionState.LISTEN, figure11.b().state());
        assertTrue(r.result(Witnesses.GIVE_UP).trace().last().aborted());
    }

    /**
     * The witnesses of the other configurations, each searched with what it sets (its own openings, a second
     * connection, a crash): reached, in this many actions, on a path the model replays.
     */
    @ParameterizedTest(name = "{0} in {1} actions")
    @CsvSource({"simultaneous-open, 6", "two-passive-sockets, 6", "recovery-from-old-syn, 6",
        "half-open-discovery, 9"})
    void reachedWithWhatItNeeds(String id, int length) {
        Witness w = Witnesses.named(id);
        TcpModel m = new TcpModel(Variant.RFC9293_RFC1337, w.configure().apply(Parameters.defaults()));
        PropertyResult<TcpState, Action> found = Checker.of(m).property(w.property(m)).threads(2)
                .stopWhenAllFound(true).run().result(id);
        assertEquals(Verdict.VIOLATED, found.verdict());
        assertEquals(length, found.traceLength());
        Trace<TcpState, Action> t = found.trace();
        VerdictTableTest.assertValid(m, t);
        TcpState before = t.steps().get(t.length() - 1).state();
        switch (id) {
            case "simultaneous-open":
                assertEquals(ConnectionState.SYN_RECEIVED, before.a().state());
                assertEquals(ConnectionState.SYN_RECEIVED, before.b().state());
                assertTrue(t.steps().stream().anyMatch(x -> x.state().a().state() == ConnectionState.SYN_SENT));
                assertTrue(t.steps().stream().anyMatch(x -> x.state().b().state() == ConnectionState.SYN_SENT));
                break;
            case "two-passive-sockets":
                assertEquals(ConnectionState.LISTEN, before.a().state());
                assertEquals(ConnectionState.LISTEN, t.last().b().state());
                break;
            case "recovery-from-old-syn":
                assertEquals(ConnectionState.SYN_SENT, t.last().a().state());
                assertEquals(ConnectionState.LISTEN, t.last().b().state());
                break;
            default:
                assertEquals(ConnectionState.ESTABLISHED, before.b().state());
                assertEquals(ConnectionState.SYN_SENT, t.last().a().state());
        }
    }

    @Test
    void closingNeedsTheServerToCloseFirst() {
        // With B closing only after A's FIN, both FINs can never cross: no CLOSING anywhere in the space.
        TcpModel m = new TcpModel(Variant.RFC9293_RFC1337, Parameters.defaults());
        CheckResult<TcpState, Action> r = Checker.of(m).property(Witnesses.named(Witnesses.CLOSING).property(m))
                .threads(2).run();
        assertEquals(Verdict.HOLDS, r.verdict(Witnesses.CLOSING));
    }
}
