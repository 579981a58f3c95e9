package tcpcheck.conformance;

import tcpcheck.model.Segment;
import tcpcheck.model.Tcb;

/**
 * The sequence numbers of a replay: how the model's numbers (modulo S, a few units apart) and the kernel's (modulo
 * 2^32, the kernel's ISS its own) correspond while the kernel plays one endpoint, E, of a file's trajectory. Numbers are
 * mapped relative to E's TCB in the model, so that every segment sits where it sits in the model: SEG.SEQ relative to
 * E's RCV.NXT, SEG.ACK relative to E's SND.UNA.
 *
 * <ul>
 *   <li>E's own numbers (SEG.ACK of a segment to E, SEG.SEQ of E's segments): the model's SND.UNA is the kernel's ISS
 *       plus the offset of SND.UNA from the model's ISS; a number d units from SND.UNA in the model is d from it in
 *       the kernel (d taken between -S/2 and S/2, as the model compares numbers). The kernel's ISS is read from its
 *       SYN. For an E without a connection (CLOSED, LISTEN) a number n is {@link #OWN_BASE} + n.</li>
 *   <li>The peer's numbers (SEG.SEQ of a segment to E, SEG.ACK of E's segments): likewise from E's RCV.NXT, whose
 *       kernel counterpart follows from the IRS, the number the harness gave the SYN that E accepted. A SEQ that the
 *       model's window of two does not hold but lies ahead of it is moved {@link #FAR} further ahead, out of the
 *       kernel's window too (a SEQ before RCV.NXT is old in both). For an E without RCV.NXT (CLOSED, LISTEN,
 *       SYN-SENT) a number n is {@code peerBase} + n.</li>
 * </ul>
 *
 * Every offset is a multiple of 2^20, so a kernel number and its model number agree modulo S (S divides 256). The
 * kernel's answers are mapped back the same way; a number more than S/2 from where the model's would be has no model
 * counterpart ({@link #NONE}) and never equals the model's.
 */
final class NumberMap {
    /** How far a SEQ ahead of the model's window is moved: beyond any window the kernel offers (at most 65535). */
    static final long FAR = 1L << 20;
    /** The kernel's counterpart of the model's number 0 for an endpoint with no connection. */
    static final long OWN_BASE = 0x40000000L;
    /** A number of the kernel's that has no counterpart in the model. */
    static final int NONE = -1;

    private static final long MOD = 1L << 32;

    private final int s;
    private final long peerBase;
    private long kernelIss = -1;
    private long kernelIrs = -1;

    /**
     * @param seqSpace the model's S
     * @param peerBase the kernel's counterpart of the peer's number 0 (a multiple of 2^20), distinct per replay
     */
    NumberMap(int seqSpace, long peerBase) {
        this.s = seqSpace;
        this.peerBase = peerBase;
    }

    /** Whether E has sequence numbers of its own: SYN-SENT and every later state. */
    static boolean hasIss(Tcb t) {
        return !t.state().idle();
    }

    /** Whether E knows the peer's numbers: SYN-RECEIVED and every later state. */
    static boolean hasRcvNxt(Tcb t) {
        return t.state().synchronizedState();
    }

    /** d modulo S, between -S/2 (included) and S/2. */
    int signed(int d) {
        int m = Math.floorMod(d, s);
        return m >= s / 2 ? m - s : m;
    }

    private static long u32(long x) {
        return Math.floorMod(x, MOD);
    }

    /** x - y on the kernel's circle, between -2^31 and 2^31. */
    static long signed32(long x, long y) {
        long d = u32(x - y);
        return d >= MOD / 2 ? d - MOD : d;
    }

    private long kernelSndUna(Tcb t) {
        return u32(kernelIss + Math.floorMod(t.sndUna() - t.iss(), s));
    }

    private long kernelRcvNxt(Tcb t) {
        return u32(kernelIrs + Math.floorMod(t.rcvNxt() - t.irs(), s));
    }

    /** The kernel's counterpart of a segment to E, whose TCB in the model is {@code t} when it arrives. */
    Seg toKernel(Tcb t, Segment m) {
        long seq;
        if (hasRcvNxt(t) && kernelIrs >= 0) {
            int d = signed(m.seq() - t.rcvNxt());
            seq = kernelRcvNxt(t) + (d >= Tcb.RECEIVE_WINDOW ? d + FAR : d);
        } else {
            seq = peerBase + m.seq();
        }
        long ack = 0;
        if (m.ack()) {
            ack = hasIss(t) && kernelIss >= 0 ? kernelSndUna(t) + signed(m.ackNo() - t.sndUna()) : OWN_BASE + m.ackNo();
        }
        return new Seg(Seg.flags(m), u32(seq), u32(ack), m.data() ? 1 : 0);
    }

    /**
     * After a segment to E: a SYN that gave E its IRS (from LISTEN or SYN-SENT, or a new connection) fixes the
     * kernel's counterpart of the IRS.
     */
    void arrived(Tcb before, Tcb after, Segment m, Seg sent) {
        if (m.syn() && hasRcvNxt(after) && after.irs() == m.seq()
                && (!hasRcvNxt(before) || before.irs() != after.irs())) {
            kernelIrs = sent.seq();
        }
    }

    /**
     * The model's counterpart of a segment E sent in the kernel, in the step that took E's TCB in the model from
     * {@code before} to {@code after}. A SYN fixes the kernel's ISS for E's current connection.
     */
    Segment toModel(Tcb before, Tcb after, Seg k) {
        int seq;
        if (k.has(Packet.SYN) && hasIss(after)) {
            kernelIss = k.seq();
            seq = after.iss();
        } else {
            seq = own(hasIss(after) ? after : before, k.seq());
        }
        int ack = 0;
        if (k.has(Packet.ACK)) {
            ack = peer(hasRcvNxt(after) ? after : before, k.ack());
        }
        return new Segment(k.has(Packet.SYN), k.has(Packet.ACK), k.has(Packet.FIN), k.has(Packet.RST), seq, ack,
                k.data() > 0);
    }

    private int own(Tcb t, long k) {
        if (hasIss(t) && kernelIss >= 0) {
            long d = signed32(k, kernelSndUna(t));
            return Math.abs(d) < s / 2 ? Math.floorMod(t.sndUna() + (int) d, s) : NONE;
        }
        if (k == 0) {
            return 0;
        }
        long d = u32(k - OWN_BASE);
        return d < 2L * s ? (int) (d % s) : NONE;
    }

    private int peer(Tcb t, long k) {
        if (hasRcvNxt(t) && kernelIrs >= 0) {
            long d = signed32(k, kernelRcvNxt(t));
            return Math.abs(d) < s / 2 ? Math.floorMod(t.rcvNxt() + (int) d, s) : NONE;
        }
        if (k == 0) {
            return 0;
        }
        long d = u32(k - peerBase);
        return d < 2L * s ? (int) (d % s) : NONE;
    }

    /**
     * A segment E sent, named as the matrix names the kernel's answers ({@link View#name}): SEQ as ISS (E's ISS
     * before the step), ISS' (a new one), SND.NXT, SND.UNA, SEG.ACK (of the segment that drew it), 0, or an offset from
     * SND.NXT; ACK as SEG.SEQ+SEG.LEN, RCV.NXT, 0 or an offset from RCV.NXT; all relative to E's TCB {@code t} before
     * the step and the segment {@code probe} that drew it (null for an application's call or a timer).
     */
    String name(Tcb t, Segment probe, Segment a) {
        StringBuilder b = new StringBuilder("<SEQ=").append(nameSeq(t, probe, a)).append('>');
        if (a.ack()) {
            b.append("<ACK=").append(nameAck(t, probe, a)).append('>');
        }
        b.append("<CTL=").append(Packet.flagNames(Seg.flags(a))).append('>');
        if (a.data()) {
            b.append("<DATA>");
        }
        return b.toString();
    }

    private String nameSeq(Tcb t, Segment probe, Segment a) {
        int n = a.seq();
        if (a.syn()) {
            return hasIss(t) && n == t.iss() ? "ISS" : "ISS'";
        }
        if (n == NONE) {
            return "?";
        }
        if (hasIss(t) && n == t.sndNxt()) {
            return "SND.NXT";
        }
        if (hasIss(t) && n == t.sndUna()) {
            return "SND.UNA";
        }
        if (probe != null && probe.ack() && n == probe.ackNo()) {
            return "SEG.ACK";
        }
        if (n == 0) {
            return "0";
        }
        return hasIss(t) ? "SND.NXT" + offset(n - t.sndNxt()) : "?";
    }

    private String nameAck(Tcb t, Segment probe, Segment a) {
        int n = a.ackNo();
        if (n == NONE) {
            return "?";
        }
        if (probe != null && n == Math.floorMod(probe.seq() + probe.length(), s)) {
            return "SEG.SEQ+SEG.LEN";
        }
        if (hasRcvNxt(t) && n == t.rcvNxt()) {
            return "RCV.NXT";
        }
        if (n == 0) {
            return "0";
        }
        return hasRcvNxt(t) ? "RCV.NXT" + offset(n - t.rcvNxt()) : "?";
    }

    private String offset(int d) {
        int x = signed(d);
        return x >= 0 ? "+" + x : String.valueOf(x);
    }

    /** The class of a segment's SEQ for E in {@code t}, as the matrix names its probes ({@link Step.SeqRef}). */
    String seqClass(Tcb t, Segment m) {
        if (!hasRcvNxt(t)) {
            return Step.SeqRef.ISS.label;
        }
        int d = Math.floorMod(m.seq() - t.rcvNxt(), s);
        return d == 0 ? Step.SeqRef.AT_RCV_NXT.label
                : d < Tcb.RECEIVE_WINDOW ? Step.SeqRef.IN_WINDOW.label : Step.SeqRef.OUTSIDE.label;
    }

    /** The class of a segment's ACK for E in {@code t}, as the matrix names its probes ({@link Step.AckRef}). */
    String ackClass(Tcb t, Segment m) {
        if (!m.ack()) {
            return Step.AckRef.NONE.label;
        }
        if (!hasIss(t)) {
            return Step.AckRef.ANY.label;
        }
        if (m.ackNo() == t.sndNxt()) {
            return Step.AckRef.ACCEPTABLE.label;
        }
        if (m.ackNo() == t.sndUna()) {
            return Step.AckRef.UNA.label;
        }
        return signed(m.ackNo() - t.sndUna()) < 0 ? Step.AckRef.OLD.label : Step.AckRef.AHEAD.label;
    }

    /** The kind of a segment, as the matrix names its probes ({@link Matrix.Probe#kind}). */
    static String kind(Segment m) {
        if (m.syn()) {
            return m.ack() ? "SYN-ACK" : "SYN";
        }
        if (m.rst()) {
            return m.ack() ? "RST-ACK" : "RST";
        }
        if (m.fin()) {
            return m.ack() ? "FIN-ACK" : "FIN";
        }
        return m.data() ? "data" : "ACK";
    }
}
