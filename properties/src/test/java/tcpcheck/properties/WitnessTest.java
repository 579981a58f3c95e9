package tcpcheck.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tcpcheck.checker.CheckResult;
import tcpcheck.checker.Checker;
import tcpcheck.checker.PropertyResult;
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

    private static CheckResult<TcpState, Action> run(Parameters p) {
        TcpModel m = new TcpModel(Variant.RFC9293_RFC1337, p);
        List<String> here = List.of(Witnesses.CLOSING, Witnesses.TIME_WAIT_RESTARTED, Witnesses.CHALLENGE_ACK,
                Witnesses.OLD_DUPLICATE_SYN, Witnesses.GIVE_UP);
        return Checker.of(m).properties(Witnesses.all().stream().filter(w -> here.contains(w.id()))
                .map(w -> w.property(m)).toList()).threads(2).stopWhenAllFound(true).run();
    }

    @Test
    void rfc9293ReachesEveryCorner() {
        CheckResult<TcpState, Action> r = run(Parameters.defaults().with(Parameter.SERVER_CLOSES_FIRST, true));
        for (String w : List.of(Witnesses.CLOSING, Witnesses.TIME_WAIT_RESTARTED, Witnesses.CHALLENGE_ACK,
                Witnesses.OLD_DUPLICATE_SYN, Witnesses.GIVE_UP)) {
            PropertyResult<TcpState, Action> found = r.result(w);
            assertEquals(Verdict.VIOLATED, found.verdict(), w + " is reached");
            VerdictTableTest.assertValid(new TcpModel(Variant.RFC9293_RFC1337,
                    Parameters.defaults().with(Parameter.SERVER_CLOSES_FIRST, true)), found.trace());
        }
        TcpState closing = r.result(Witnesses.CLOSING).trace().last();
        assertTrue(closing.a().state() == ConnectionState.CLOSING || closing.b().state() == ConnectionState.CLOSING);
        TcpState figure8 = r.result(Witnesses.OLD_DUPLICATE_SYN).trace().last();
        assertEquals(ConnectionState.LISTEN, figure8.b().state());
        assertTrue(r.result(Witnesses.GIVE_UP).trace().last().aborted());
    }

    @Test
    void closingNeedsTheServerToCloseFirst() {
        // With B closing only after A's FIN, both FINs can never cross: no CLOSING anywhere in the space.
        TcpModel m = new TcpModel(Variant.RFC9293_RFC1337, Parameters.defaults());
        CheckResult<TcpState, Action> r = Checker.of(m).property(Witnesses.all(m).get(0)).threads(2).run();
        assertEquals(Verdict.HOLDS, r.verdict(Witnesses.CLOSING));
    }
}
