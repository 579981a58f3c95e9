package tcpcheck.model;

/**
 * Sending (RFC 9293 section 3.10.2 SEND and 3.10.4 CLOSE, and the output routine they imply): after every event an
 * endpoint sends what its window of one segment allows: the next queued data unit, or, when the queue is empty and
 * the application has closed, the FIN. A segment that takes a sequence number starts the retransmission timer.
 */
final class Output {
    private final SequenceSpace seq;
    private final int rto;

    Output(SequenceSpace seq, int rto) {
        this.seq = seq;
        this.rto = rto;
    }

    /** The result of one output step: the new TCB and the segment sent (or null), with its data unit's index. */
    record Sent(Tcb tcb, Segment segment, int dataIndex) {
    }

    Sent send(Tcb t) {
        if (t.outstanding() || t.finSent() || !canSend(t.state())) {
            return new Sent(t, null, -1);
        }
        if (t.queued() > 0) {
            Segment s = Segment.data(t.sndNxt(), t.rcvNxt());
            Tcb next = t.withSendVariables(t.iss(), t.sndUna(), seq.add(t.sndNxt(), 1))
                    .withQueue(t.queued() - 1, t.dataSent() + 1, t.finQueued(), false)
                    .withRetransmission(rto, 0);
            return new Sent(next, s, t.dataSent());
        }
        if (t.finQueued()) {
            Segment s = Segment.fin(t.sndNxt(), t.rcvNxt());
            Tcb next = t.withSendVariables(t.iss(), t.sndUna(), seq.add(t.sndNxt(), 1))
                    .withQueue(0, t.dataSent(), true, true)
                    .withRetransmission(rto, 0);
            return new Sent(next, s, -1);
        }
        return new Sent(t, null, -1);
    }

    /** States in which queued data and a queued FIN may still be segmentized. */
    private static boolean canSend(ConnectionState s) {
        switch (s) {
            case ESTABLISHED:
            case CLOSE_WAIT:
            case FIN_WAIT_1:
            case CLOSING:
            case LAST_ACK:
                return true;
            default:
                return false;
        }
    }

    /**
     * The one outstanding segment, rebuilt for retransmission from the TCB: our SYN (with the ACK of the peer's
     * SYN in SYN-RECEIVED, alone in the four-way handshake), our FIN, or the last data unit sent.
     */
    static Sent outstanding(Tcb t, Variant variant) {
        switch (t.state()) {
            case SYN_SENT:
                return new Sent(t, Segment.syn(t.iss()), -1);
            case SYN_RECEIVED:
                return new Sent(t, variant == Variant.FOUR_WAY_HANDSHAKE ? Segment.syn(t.iss())
                        : Segment.synAck(t.iss(), t.rcvNxt()), -1);
            default:
                if (t.finSent()) {
                    return new Sent(t, Segment.fin(t.sndUna(), t.rcvNxt()), -1);
                }
                return new Sent(t, Segment.data(t.sndUna(), t.rcvNxt()), t.dataSent() - 1);
        }
    }
}
