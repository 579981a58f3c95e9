package tcpcheck.conformance;

import java.util.ArrayList;
import java.util.List;
import tcpcheck.model.ConnectionState;
import tcpcheck.model.OneEndpoint;
import tcpcheck.model.Segment;
import tcpcheck.model.SequenceSpace;
import tcpcheck.model.Tcb;
import tcpcheck.model.Variant;

/**
 * One endpoint of the model projected onto the alphabet of the learned machines: socket calls and segments with valid
 * numbers in, the segment sent (its numbers classified) or TIMEOUT out. It plays the learner's mapper: it makes the
 * "valid" numbers of an input concrete, and classifies the numbers of the model's answer as the learner did.
 *
 * <p>The mapper's memory: {@code sutSeq}, the SEQ of the last segment the endpoint sent that takes sequence space
 * (SYN, FIN or data; none at first), and {@code learnerSeq}, the learner's next SEQ (a fresh number at first; it moves
 * on by one when the endpoint acknowledges the learner's segment, SEG.ACK = learnerSeq + 1). A valid input carries SEQ = learnerSeq and ACK = sutSeq + 1 (0 before the
 * endpoint has sent anything). After an RST, the learner's or the endpoint's, the learner forgets the connection: sutSeq is forgotten
 * and, after its own RST, learnerSeq moves to a fresh number, as the learned machines show (after RST(V,V,0) in SYN-SENT every stack
 * answers an ACK with RST(ZERO,ZERO,0); after an RST in TIME-WAIT, FreeBSD's ACK is ACK(FRESH,FRESH,0)). An output's SEQ is NEXT when it is sutSeq + 1, CURRENT when sutSeq, ZERO when 0, else
 * FRESH; its ACK is NEXT when learnerSeq + 1, CURRENT when learnerSeq, ZERO when 0 (or the ACK bit is off), else FRESH.
 *
 * <p>Socket calls: CONNECT is the active OPEN; the client's CLOSE is CLOSE (RFC 9293 3.10.4, {@link OneEndpoint#close});
 * LISTEN is the passive OPEN; CLOSECONNECTION is the server application's CLOSE, which the model's B makes in
 * ESTABLISHED or CLOSE-WAIT; SEND writes one octet where the model's application writes (ESTABLISHED, CLOSE-WAIT);
 * the server's CLOSE closes the listener: in LISTEN the endpoint is CLOSED, and a connection in progress is left
 * alone but no longer returns the endpoint to LISTEN when it ends; ACCEPT and RCV change nothing (the model has no
 * accept queue, and its applications read everything that arrives). There are no timers.
 */
final class Projection {
    static final int MODULUS = ModelSubject.MODULUS;
    private static final long FIRST_LEARNER_SEQ = 0x00300000L;
    private static final long FIRST_ISS = 0x01000000L;
    /** How far the learner's SEQ moves when it starts afresh after its own RST. */
    private static final long LEARNER_RESTART = 0x00010000L;

    private final OneEndpoint endpoint;
    private final Role role;
    private final SequenceSpace seq;

    /**
     * The endpoint and the mapper's memory.
     *
     * @param sutSeq -1 before the endpoint has sent a segment that takes sequence space
     * @param listenerClosed the server's application has closed its listening socket
     */
    record Config(Tcb tcb, long learnerSeq, long sutSeq, boolean listenerClosed) {
    }

    /** The projected answer and the configuration after it. */
    record Answer(String output, Config next) {
    }

    Projection(Variant variant, Role role) {
        this.endpoint = new OneEndpoint(variant, MODULUS, role.passive);
        this.role = role;
        this.seq = endpoint.sequenceSpace();
    }

    /** Before any call: CLOSED (the server listens only when told to). */
    Config initial() {
        return new Config(Tcb.closed(), FIRST_LEARNER_SEQ, -1, false);
    }

    Answer step(Config c, String input) {
        Tcb t = c.tcb();
        boolean listenerClosed = c.listenerClosed();
        OneEndpoint.Step s;
        switch (input) {
            case "CONNECT" -> s = t.state() == ConnectionState.CLOSED
                    ? endpoint.open(t, (int) (c.sutSeq() < 0 ? FIRST_ISS : seq.add((int) c.sutSeq(), 1 << 20)))
                    : nothing(t);
            case "LISTEN" -> {
                s = endpoint.listen(t);
                listenerClosed = false;
            }
            case "CLOSE" -> {
                if (role == Role.SERVER) {
                    listenerClosed = true;
                    s = t.state() == ConnectionState.LISTEN ? endpoint.close(t) : nothing(t);
                } else {
                    s = endpoint.close(t);
                }
            }
            case "CLOSECONNECTION" -> s = writable(t) ? endpoint.close(t) : nothing(t);
            case "SEND" -> s = writable(t) ? endpoint.write(t) : nothing(t);
            case "ACCEPT", "RCV" -> s = nothing(t);
            default -> s = endpoint.arrive(t, segment(c, input), t.state() == ConnectionState.LISTEN
                    ? (int) (c.sutSeq() < 0 ? FIRST_ISS : seq.add((int) c.sutSeq(), 1 << 20)) : 0);
        }
        Tcb after = s.tcb();
        if (listenerClosed && role == Role.SERVER && after.state() == ConnectionState.LISTEN
                && t.state() != ConnectionState.CLOSED) {
            after = Tcb.closed();
        }
        StringBuilder out = new StringBuilder();
        long learner = c.learnerSeq();
        long sut = c.sutSeq();
        for (Segment m : s.sent()) {
            out.append(out.length() == 0 ? "" : " ").append(flags(m)).append('(')
                    .append(classify(m.seq(), sut, sut + 1)).append(',')
                    .append(m.ack() ? classify(m.ackNo(), learner, learner + 1) : "ZERO").append(',')
                    .append(m.data() ? 1 : 0).append(')');
        }
        if (input.contains("RST")) {
            // The learner's own RST ends the connection for it: it forgets the endpoint's numbers and takes a fresh
            // SEQ of its own.
            sut = -1;
            learner = Math.floorMod(learner + LEARNER_RESTART, MODULUS);
        }
        for (Segment m : s.sent()) {
            if (m.rst()) {
                // An RST from the endpoint ends the connection for the learner too.
                sut = -1;
                continue;
            }
            if (m.syn() || m.fin() || m.data()) {
                sut = m.seq();
            }
            if (m.ack() && m.ackNo() == Math.floorMod(learner + 1, MODULUS)) {
                learner = m.ackNo();
            }
        }
        return new Answer(out.length() == 0 ? "TIMEOUT" : out.toString(),
                new Config(after, learner, sut, listenerClosed));
    }

    private static OneEndpoint.Step nothing(Tcb t) {
        return new OneEndpoint.Step(t, List.of());
    }

    private static boolean writable(Tcb t) {
        return t.state() == ConnectionState.ESTABLISHED || t.state() == ConnectionState.CLOSE_WAIT;
    }

    /** The valid segment for an input such as {@code SYN+ACK(V,V,0)} or {@code ACK+PSH(V,V,1)}. */
    private Segment segment(Config c, String input) {
        int open = input.indexOf('(');
        if (open < 0 || !input.endsWith(")")) {
            throw new IllegalArgumentException("not an input of the learned alphabet: " + input);
        }
        List<String> flags = List.of(input.substring(0, open).split("\\+"));
        String[] args = input.substring(open + 1, input.length() - 1).split(",");
        if (args.length != 3 || !args[0].equals("V") || !args[1].equals("V")) {
            throw new IllegalArgumentException("only valid numbers (V,V) are supported: " + input);
        }
        int len = Integer.parseInt(args[2]);
        long ack = c.sutSeq() < 0 ? 0 : Math.floorMod(c.sutSeq() + 1, MODULUS);
        return new Segment(flags.contains("SYN"), flags.contains("ACK"), flags.contains("FIN"), flags.contains("RST"),
                (int) c.learnerSeq(), (int) ack, len > 0);
    }

    private static String classify(long n, long current, long next) {
        if (current >= 0 && n == Math.floorMod(next, MODULUS)) {
            return "NEXT";
        }
        if (current >= 0 && n == current) {
            return "CURRENT";
        }
        return n == 0 ? "ZERO" : "FRESH";
    }

    /** The control bits as the learned machines write an output's: ACK first, then SYN, FIN, RST, PSH (data). */
    private static String flags(Segment m) {
        List<String> f = new ArrayList<>();
        if (m.ack()) {
            f.add("ACK");
        }
        if (m.syn()) {
            f.add("SYN");
        }
        if (m.fin()) {
            f.add("FIN");
        }
        if (m.rst()) {
            f.add("RST");
        }
        if (m.data()) {
            f.add("PSH");
        }
        return String.join("+", f);
    }

    /**
     * A key equal for configurations that answer every input word alike: the TCB's state and its numbers relative to
     * the mapper's memory (which the classification compares them with), and the mapper's flags. In CLOSED and LISTEN
     * the TCB holds no numbers that matter; IRS and the count of data units sent never change an answer, nor does the
     * ISS once the handshake is over (it only names the SYN to retransmit).
     */
    String key(Config c) {
        Tcb t = c.tcb();
        if (t.state().idle()) {
            return t.state() + "|" + (c.sutSeq() < 0) + "," + c.listenerClosed();
        }
        long base = c.sutSeq() < 0 ? 0 : c.sutSeq();
        long learner = c.learnerSeq();
        String iss = t.state().pastHandshake() ? "" : rel(t.iss(), base) + ",";
        return t.state() + "|" + iss + rel(t.sndUna(), base) + "," + rel(t.sndNxt(), base) + ","
                + rel(t.rcvNxt(), learner) + "|" + t.queued() + "," + t.finQueued() + "," + t.finSent() + "|"
                + (c.sutSeq() < 0) + "," + c.listenerClosed();
    }

    /**
     * n relative to base, exactly when they are near (the answers compare numbers with base and base + 1, and the
     * window is 2), else only the side it lies on: every number far ahead answers alike, and so does every number far
     * behind.
     */
    private static String rel(long n, long base) {
        long d = Math.floorMod(n - base, MODULUS);
        long signed = d < MODULUS / 2 ? d : d - MODULUS;
        return Math.abs(signed) <= NEAR ? String.valueOf(signed) : signed > 0 ? "far ahead" : "far behind";
    }

    private static final long NEAR = 8;
}
