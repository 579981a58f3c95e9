package tcpcheck.conformance;

import java.util.ArrayList;
import java.util.List;
import tcpcheck.model.ConnectionState;
import tcpcheck.model.OneEndpoint;
import tcpcheck.model.Segment;
import tcpcheck.model.Tcb;
import tcpcheck.model.Variant;

/**
 * The model's endpoint under test ({@link OneEndpoint}), driven by the same steps as the kernel. Sequence numbers are
 * modulo 2^30, so that "64 before RCV.NXT" is as far outside the model's window as it is outside the kernel's; the ISS
 * it chooses is 2^24 (then 2^24 + 2^20 · n for later choices), far from every number the peer uses.
 */
final class ModelSubject {
    static final int MODULUS = 1 << 30;
    private static final int FIRST_ISS = 1 << 24;

    private final OneEndpoint endpoint;
    private Tcb tcb;
    private int choices;

    ModelSubject(Variant variant, boolean passive) {
        this.endpoint = new OneEndpoint(variant, MODULUS, passive);
        this.tcb = endpoint.initial();
    }

    ConnectionState state() {
        return tcb.state();
    }

    Tcb tcb() {
        return tcb;
    }

    List<Seg> call(Step.Call c) {
        OneEndpoint.Step s = switch (c) {
            case LISTEN -> endpoint.listen(tcb);
            case CONNECT -> endpoint.open(tcb, nextIss());
            case ACCEPT -> new OneEndpoint.Step(tcb, List.of());
            case WRITE -> endpoint.write(tcb);
            case CLOSE -> endpoint.close(tcb);
        };
        return apply(s);
    }

    List<Seg> deliver(Seg seg) {
        Segment m = new Segment(seg.has(Packet.SYN), seg.has(Packet.ACK), seg.has(Packet.FIN), seg.has(Packet.RST),
                (int) seg.seq(), (int) seg.ack(), seg.data() > 0);
        int iss = tcb.state() == ConnectionState.LISTEN ? nextIss() : 0;
        return apply(endpoint.arrive(tcb, m, iss));
    }

    private int nextIss() {
        return FIRST_ISS + (choices++ << 20);
    }

    private List<Seg> apply(OneEndpoint.Step s) {
        tcb = s.tcb();
        List<Seg> out = new ArrayList<>();
        for (Segment m : s.sent()) {
            int flags = (m.syn() ? Packet.SYN : 0) | (m.ack() ? Packet.ACK : 0) | (m.fin() ? Packet.FIN : 0)
                    | (m.rst() ? Packet.RST : 0);
            out.add(new Seg(flags, m.seq(), m.ackNo(), m.data() ? 1 : 0));
        }
        return out;
    }
}
