package tcpcheck.conformance;

/**
 * A segment as the conformance harness compares it: the control bits (those of {@link Packet}, PSH left out), SEG.SEQ,
 * SEG.ACK (0 when the ACK bit is off) and the number of data octets. Numbers are modulo the space of the endpoint
 * that sent or receives it: 2^32 for the kernel, the model's own modulus for the model.
 */
record Seg(int flags, long seq, long ack, int data) {
    static final int CONTROL = Packet.SYN | Packet.ACK | Packet.FIN | Packet.RST;

    Seg {
        flags &= CONTROL;
        if ((flags & Packet.ACK) == 0) {
            ack = 0;
        }
    }

    boolean has(int flag) {
        return (flags & flag) != 0;
    }

    /** SEG.LEN. */
    int length() {
        return data + (has(Packet.SYN) ? 1 : 0) + (has(Packet.FIN) ? 1 : 0);
    }

    static Seg of(Packet p) {
        return new Seg(p.flags(), p.seq(), p.ack(), p.payload().length);
    }

    @Override
    public String toString() {
        return "<SEQ=" + seq + (has(Packet.ACK) ? "><ACK=" + ack : "") + "><CTL=" + Packet.flagNames(flags) + ">"
                + (data > 0 ? "<DATA>" : "");
    }
}
