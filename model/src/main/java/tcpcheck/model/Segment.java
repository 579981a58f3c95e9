package tcpcheck.model;

/**
 * The protocol fields of a TCP segment (RFC 9293 section 3.1) as the model has them: the control bits SYN, ACK, FIN
 * and RST, SEG.SEQ and SEG.ACK (modulo S), and at most one data unit. The ghost fields that travel with a segment in
 * the network are a separate {@link Stamp}, which the protocol code never sees.
 */
public record Segment(boolean syn, boolean ack, boolean fin, boolean rst, int seq, int ackNo, boolean data) {

    /** SEG.LEN: a SYN, a data unit and a FIN each take one sequence number. */
    public int length() {
        return (syn ? 1 : 0) + (data ? 1 : 0) + (fin ? 1 : 0);
    }

    public static Segment syn(int seq) {
        return new Segment(true, false, false, false, seq, 0, false);
    }

    public static Segment synAck(int seq, int ack) {
        return new Segment(true, true, false, false, seq, ack, false);
    }

    public static Segment ack(int seq, int ack) {
        return new Segment(false, true, false, false, seq, ack, false);
    }

    public static Segment data(int seq, int ack) {
        return new Segment(false, true, false, false, seq, ack, true);
    }

    public static Segment fin(int seq, int ack) {
        return new Segment(false, true, true, false, seq, ack, false);
    }

    /** {@code <SEQ=seq><CTL=RST>}. */
    public static Segment rst(int seq) {
        return new Segment(false, false, false, true, seq, 0, false);
    }

    /** {@code <SEQ=0><ACK=ack><CTL=RST,ACK>}. */
    public static Segment rstAck(int seq, int ack) {
        return new Segment(false, true, false, true, seq, ack, false);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("<");
        String flags = (syn ? "SYN," : "") + (fin ? "FIN," : "") + (rst ? "RST," : "") + (ack ? "ACK," : "");
        b.append("SEQ=").append(seq);
        if (ack) {
            b.append("><ACK=").append(ackNo);
        }
        if (!flags.isEmpty()) {
            b.append("><CTL=").append(flags, 0, flags.length() - 1);
        }
        if (data) {
            b.append("><DATA");
        }
        return b.append('>').toString();
    }
}
