package tcpcheck.conformance;

/**
 * What the peer knows of one endpoint under test, as a real peer would learn it from the segments: its ISS, SND.NXT
 * (the end of the furthest segment it sent), SND.UNA (as far as the peer acknowledged it), the last SEG.ACK it sent;
 * and the peer's own ISS and SND.NXT. It makes a {@link Step.Send} concrete, and names the numbers of the endpoint's
 * answers ({@link #name}) so that the model's answer and the kernel's can be compared although their numbers differ.
 * Arithmetic is modulo the endpoint's sequence space.
 */
final class View {
    /** Offset of an old segment or acknowledgment, and of one ahead: far outside the model's window of 2. */
    static final long FAR = 64;
    static final long ANY_ACK = 12345;

    private final long modulus;
    private final long peerIss;
    private long peerNxt;
    private long iss = -1;
    private long sndNxt = -1;
    private long sndUna = -1;
    private long lastAck = -1;

    View(long modulus, long peerIss) {
        this.modulus = modulus;
        this.peerIss = mod(peerIss);
        this.peerNxt = this.peerIss;
    }

    View copy() {
        View v = new View(modulus, peerIss);
        v.peerNxt = peerNxt;
        v.iss = iss;
        v.sndNxt = sndNxt;
        v.sndUna = sndUna;
        v.lastAck = lastAck;
        return v;
    }

    long mod(long x) {
        return Math.floorMod(x, modulus);
    }

    /** a is after b on the circle (less than half the space ahead). */
    boolean after(long a, long b) {
        long d = mod(a - b);
        return d != 0 && d < modulus / 2;
    }

    /** The concrete segment for {@code s}. */
    Seg concrete(Step.Send s) {
        long seq = switch (s.seq()) {
            case AT_RCV_NXT -> peerNxt;
            case IN_WINDOW -> peerNxt + 1;
            case OUTSIDE -> peerNxt - FAR;
            case ISS -> peerIss;
            case OLD_ISS -> peerIss - 10;
            case ACKED -> lastAck >= 0 ? lastAck : peerNxt;
        };
        long known = sndNxt >= 0 ? sndNxt : ANY_ACK;
        long una = sndUna >= 0 ? sndUna : known;
        long ack = switch (s.ack()) {
            case NONE -> 0;
            case ACCEPTABLE -> known;
            case UNA -> una;
            case OLD -> una - FAR;
            case AHEAD -> known + FAR;
            case BEFORE_ISS -> (iss >= 0 ? iss : known) - 9;
            case ANY -> ANY_ACK;
        };
        return new Seg(s.flags(), mod(seq), mod(ack), s.data());
    }

    /** The peer sent {@code seg} for step {@code s}. */
    void sent(Step.Send s, Seg seg) {
        if (!s.advance()) {
            return;
        }
        if (seg.length() > 0 || seg.has(Packet.SYN)) {
            peerNxt = mod(seg.seq() + seg.length());
        }
        if (seg.has(Packet.ACK) && sndNxt >= 0 && after(seg.ack(), sndUna) && !after(seg.ack(), sndNxt)) {
            sndUna = seg.ack();
        }
    }

    /** The endpoint sent {@code seg}. */
    void received(Seg seg) {
        if (seg.has(Packet.RST)) {
            return;
        }
        if (seg.has(Packet.SYN) && seg.seq() != iss) {
            iss = seg.seq();
            sndUna = iss;
            sndNxt = mod(iss + 1);
        }
        long end = mod(seg.seq() + seg.length());
        if (sndNxt < 0 || after(end, sndNxt)) {
            sndNxt = end;
        }
        if (sndUna < 0) {
            sndUna = seg.seq();
        }
        if (seg.has(Packet.ACK)) {
            lastAck = seg.ack();
        }
    }

    /**
     * The answer's numbers in words, relative to this view (taken before the probe) and to the probe: SEQ as
     * ISS' (a new ISS), ISS, SND.NXT, SND.UNA, SEG.ACK or 0; ACK as SEG.SEQ+SEG.LEN, RCV.NXT, RCV.NXT+1 or 0; else an
     * offset. "<SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>" is the same answer from the model and from the kernel.
     */
    String name(Seg probe, Seg answer) {
        StringBuilder b = new StringBuilder("<SEQ=").append(nameSeq(probe, answer)).append('>');
        if (answer.has(Packet.ACK)) {
            b.append("<ACK=").append(nameAck(probe, answer)).append('>');
        }
        b.append("<CTL=").append(Packet.flagNames(answer.flags())).append('>');
        if (answer.data() > 0) {
            b.append("<DATA>");
        }
        return b.toString();
    }

    private String nameSeq(Seg probe, Seg a) {
        long s = a.seq();
        if (a.has(Packet.SYN)) {
            return s == iss ? "ISS" : "ISS'";
        }
        if (sndNxt >= 0 && s == sndNxt) {
            return "SND.NXT";
        }
        if (sndUna >= 0 && s == sndUna) {
            return "SND.UNA";
        }
        if (probe != null && probe.has(Packet.ACK) && s == probe.ack()) {
            return "SEG.ACK";
        }
        if (s == 0) {
            return "0";
        }
        if (sndNxt >= 0) {
            return "SND.NXT" + offset(mod(s - sndNxt));
        }
        return "?";
    }

    private String nameAck(Seg probe, Seg a) {
        long k = a.ack();
        if (probe != null && k == mod(probe.seq() + probe.length())) {
            return "SEG.SEQ+SEG.LEN";
        }
        if (k == peerNxt) {
            return "RCV.NXT";
        }
        if (k == 0) {
            return "0";
        }
        return "RCV.NXT" + offset(mod(k - peerNxt));
    }

    private String offset(long d) {
        long signed = d < modulus / 2 ? d : d - modulus;
        return signed >= 0 ? "+" + signed : String.valueOf(signed);
    }
}
