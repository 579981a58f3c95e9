package tcpcheck.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tcpcheck.model.ConnectionState;
import tcpcheck.model.Variant;

class ProjectionTest {

    private static List<String> run(Role role, String... inputs) {
        Projection p = new Projection(Variant.RFC9293_RFC1337, role);
        Projection.Config c = p.initial();
        List<String> out = new ArrayList<>();
        for (String in : inputs) {
            Projection.Answer a = p.step(c, in);
            out.add(a.output());
            c = a.next();
        }
        return out;
    }

    @Test
    void theClientsHandshakeAndCloseInTheLearnedAlphabet() {
        assertEquals(List.of("SYN(FRESH,ZERO,0)", "ACK(NEXT,NEXT,0)", "ACK(NEXT,NEXT,0)", "ACK+FIN(NEXT,CURRENT,0)",
                "TIMEOUT", "ACK(NEXT,NEXT,0)"),
                run(Role.CLIENT, "CONNECT", "SYN+ACK(V,V,0)", "ACK+PSH(V,V,1)", "CLOSE", "ACK(V,V,0)",
                        "FIN+ACK(V,V,0)"));
    }

    @Test
    void aClosedEndpointAnswersWithTheRstsOfRfc9293() {
        // <SEQ=SEG.ACK><CTL=RST> with ACK = 0 before anything was sent; <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>.
        assertEquals(List.of("RST(ZERO,ZERO,0)", "ACK+RST(ZERO,NEXT,0)", "TIMEOUT"),
                run(Role.CLIENT, "ACK(V,V,0)", "SYN(V,V,0)", "RST(V,V,0)"));
    }

    @Test
    void theServerListensOnlyWhenToldAndAnswersASynWithAFreshIss() {
        assertEquals(List.of("ACK+RST(ZERO,NEXT,0)", "TIMEOUT", "ACK+SYN(FRESH,NEXT,0)", "TIMEOUT", "TIMEOUT",
                "ACK+PSH(NEXT,CURRENT,1)"),
                run(Role.SERVER, "SYN(V,V,0)", "LISTEN", "SYN(V,V,0)", "ACK(V,V,0)", "ACCEPT", "SEND"));
    }

    @Test
    void closingTheListenerLeavesTheConnectionButNotTheListen() {
        Projection p = new Projection(Variant.RFC9293_RFC1337, Role.SERVER);
        Projection.Config c = p.initial();
        for (String in : List.of("LISTEN", "SYN(V,V,0)", "ACK(V,V,0)", "CLOSE", "RST(V,V,0)")) {
            c = p.step(c, in).next();
        }
        assertEquals(ConnectionState.CLOSED, c.tcb().state());
    }

    @Test
    void afterItsRstTheLearnerForgetsTheConnection() {
        // In SYN-SENT an RST without ACK is ignored; the learner's next ACK carries ACK = 0: an RST <SEQ=0>.
        assertEquals(List.of("SYN(FRESH,ZERO,0)", "TIMEOUT", "RST(ZERO,ZERO,0)"),
                run(Role.CLIENT, "CONNECT", "RST(V,V,0)", "ACK(V,V,0)"));
    }
}
