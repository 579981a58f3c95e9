package tcpcheck.model;

import java.util.List;

/**
 * The SEGMENT ARRIVES event of RFC 9293 section 3.10.7, one method per group of states, each in the RFC's order of
 * steps (first: check the sequence number; second: the RST bit; fourth: the SYN bit; fifth: the ACK field; seventh:
 * the segment text; eighth: the FIN bit). The third (security) and sixth (URG) steps do not apply to the model.
 *
 * <p>It reads only protocol fields: a {@link Tcb} and a {@link Segment}. Choices the RFC leaves open and the places
 * where the model departs from it are marked "Model:" and listed in model/README.md.
 */
final class SegmentArrives {
    private final Variant variant;
    private final SequenceSpace seq;
    private final int rto;
    private final int timeWait;

    SegmentArrives(Variant variant, SequenceSpace seq, int rto, int timeWait) {
        this.variant = variant;
        this.seq = seq;
        this.rto = rto;
        this.timeWait = timeWait;
    }

    /**
     * @param passive whether the endpoint was opened passively (B): a reset in SYN-RECEIVED returns it to LISTEN
     * @param iss the initial sequence number this endpoint's clock gives, if a SYN makes it choose one
     */
    Arrival process(Tcb tcb, Segment seg, boolean passive, int iss) {
        switch (tcb.state()) {
            case CLOSED:
                return closed(tcb, seg);
            case LISTEN:
                return listen(tcb, seg, iss);
            case SYN_SENT:
                return synSent(tcb, seg);
            default:
                return synchronizedState(tcb, seg, passive);
        }
    }

    /** 3.10.7.1 CLOSED: all data is discarded; an incoming segment other than an RST draws an RST. */
    private Arrival closed(Tcb tcb, Segment seg) {
        if (seg.rst()) {
            return Arrival.drop(tcb);
        }
        Segment reply = seg.ack() ? Segment.rst(seg.ackNo())
                : Segment.rstAck(0, seq.add(seg.seq(), seg.length()));
        return Arrival.of(tcb, List.of(reply));
    }

    /** 3.10.7.2 LISTEN. */
    private Arrival listen(Tcb tcb, Segment seg, int iss) {
        // First, check for an RST: an incoming RST is ignored.
        if (seg.rst()) {
            return Arrival.drop(tcb);
        }
        // Second, check for an ACK: any acknowledgment is bad in LISTEN.
        if (seg.ack()) {
            return Arrival.of(tcb, List.of(Segment.rst(seg.ackNo())));
        }
        // Third, check for a SYN.
        if (seg.syn()) {
            int rcvNxt = seq.add(seg.seq(), 1);
            Tcb t = tcb.withReceive(seg.seq(), rcvNxt).withSendVariables(iss, iss, seq.add(iss, 1));
            switch (variant) {
                case TWO_WAY_HANDSHAKE:
                    // Variant: established at once; the SYN-ACK is sent once and never retransmitted.
                    return new Arrival(t.withState(ConnectionState.ESTABLISHED),
                            List.of(Segment.synAck(iss, rcvNxt)), false, false, false, false, false, false);
                case FOUR_WAY_HANDSHAKE:
                    // Variant: the ACK of the peer's SYN and our SYN travel as two segments.
                    return new Arrival(t.withState(ConnectionState.SYN_RECEIVED).withRetransmission(rto, 0),
                            List.of(Segment.ack(iss, rcvNxt), Segment.syn(iss)), false, false, false, false, false,
                            false);
                default:
                    return new Arrival(t.withState(ConnectionState.SYN_RECEIVED).withRetransmission(rto, 0),
                            List.of(Segment.synAck(iss, rcvNxt)), false, false, false, false, false, false);
            }
        }
        // Fourth, other text or control: drop.
        return Arrival.drop(tcb);
    }

    /** SND.UNA < SEG.ACK ≤ SND.NXT. */
    private boolean acceptableAck(Tcb tcb, int ack) {
        int d = seq.distance(tcb.sndUna(), ack);
        return d > 0 && d <= seq.distance(tcb.sndUna(), tcb.sndNxt());
    }

    /** 3.10.7.3 SYN-SENT. */
    private Arrival synSent(Tcb tcb, Segment seg) {
        // First, check the ACK bit: SEG.ACK ≤ ISS or SEG.ACK > SND.NXT is unacceptable.
        boolean ackOk = false;
        if (seg.ack()) {
            int d = seq.distance(tcb.iss(), seg.ackNo());
            ackOk = d > 0 && d <= seq.distance(tcb.iss(), tcb.sndNxt());
            if (!ackOk) {
                return seg.rst() ? Arrival.drop(tcb) : Arrival.of(tcb, List.of(Segment.rst(seg.ackNo())));
            }
        }
        // Second, check the RST bit: with an acceptable ACK the connection is reset, otherwise it is dropped.
        if (seg.rst()) {
            return ackOk ? Arrival.resetTo(Tcb.closed()) : Arrival.drop(tcb);
        }
        // Fourth, check the SYN bit.
        if (seg.syn()) {
            Tcb t = tcb.withReceive(seg.seq(), seq.add(seg.seq(), 1));
            if (seg.ack()) {
                t = t.withSndUna(seg.ackNo());
            }
            if (t.sndUna() != t.iss()) {
                // Our SYN has been acknowledged: ESTABLISHED, and acknowledge the peer's SYN.
                t = t.withState(ConnectionState.ESTABLISHED).withRetransmission(Tcb.OFF, 0);
                // Variant two-way-handshake: A needs no third segment.
                return new Arrival(t, List.of(), variant != Variant.TWO_WAY_HANDSHAKE, false, false, false, false,
                        false);
            }
            // Simultaneous open: SYN-RECEIVED, answer SYN-ACK (our SYN stays outstanding).
            return Arrival.of(t.withState(ConnectionState.SYN_RECEIVED),
                    List.of(Segment.synAck(t.iss(), t.rcvNxt())));
        }
        if (variant == Variant.FOUR_WAY_HANDSHAKE && ackOk) {
            // Variant: the peer acknowledges our SYN in a segment of its own, before its SYN. (RFC 9293 drops a
            // segment with neither SYN nor RST here; the four-way handshake needs it kept.)
            return Arrival.drop(tcb.withSndUna(seg.ackNo()).withRetransmission(Tcb.OFF, 0));
        }
        // Fifth, neither SYN nor RST: drop.
        return Arrival.drop(tcb);
    }

    /** 3.10.7.4 Other states: SYN-RECEIVED, ESTABLISHED, FIN-WAIT-1, FIN-WAIT-2, CLOSE-WAIT, CLOSING, LAST-ACK, TIME-WAIT. */
    private Arrival synchronizedState(Tcb tcb, Segment seg, boolean passive) {
        ConnectionState state = tcb.state();
        int finSeq = seq.add(seg.seq(), seg.data() ? 1 : 0);
        // TIME-WAIT: a retransmission of the peer's FIN (SEG.SEQ + 1 = RCV.NXT, which the acceptability test would
        // only acknowledge) is acknowledged and restarts the 2 MSL timeout (docs/specification.md, The system).
        if (state == ConnectionState.TIME_WAIT && seg.fin() && !seg.rst() && seq.add(finSeq, 1) == tcb.rcvNxt()) {
            return new Arrival(tcb.withTimeWaitTimer(timeWait), List.of(), true, false, false, false, true, false);
        }
        // First, check the sequence number (RCV.WND = 2).
        boolean acceptable = seg.length() == 0
                ? seq.inWindow(seg.seq(), tcb.rcvNxt(), Tcb.RECEIVE_WINDOW)
                : seq.inWindow(seg.seq(), tcb.rcvNxt(), Tcb.RECEIVE_WINDOW)
                        || seq.inWindow(seq.add(seg.seq(), seg.length() - 1), tcb.rcvNxt(), Tcb.RECEIVE_WINDOW);
        if (!acceptable) {
            return seg.rst() ? Arrival.drop(tcb) : Arrival.acknowledge(tcb);
        }
        // Second, check the RST bit (RFC 5961 section 3: only SEG.SEQ = RCV.NXT resets; inside the window, a
        // challenge ACK). In TIME-WAIT, RFC 9293's text (3.10.7.4, second step) enters CLOSED, as RFC 793 did: that
        // is the variant rfc9293-text. The standard variant ignores the RST instead (RFC 1337's first fix).
        if (seg.rst()) {
            if (state == ConnectionState.TIME_WAIT) {
                return variant == Variant.RFC9293_TEXT ? Arrival.resetTo(Tcb.closed()) : Arrival.drop(tcb);
            }
            if (seg.seq() != tcb.rcvNxt()) {
                return Arrival.challenge(tcb);
            }
            if (state == ConnectionState.SYN_RECEIVED && passive) {
                return Arrival.resetTo(Tcb.listen());
            }
            return Arrival.resetTo(Tcb.closed());
        }
        // Fourth, check the SYN bit: a SYN in a synchronized state draws a challenge ACK (RFC 5961 section 4).
        if (seg.syn()) {
            return Arrival.challenge(tcb);
        }
        // Fifth, check the ACK field.
        if (!seg.ack()) {
            return Arrival.drop(tcb);
        }
        Tcb t = tcb;
        if (state == ConnectionState.SYN_RECEIVED) {
            if (!acceptableAck(t, seg.ackNo())) {
                return Arrival.of(t, List.of(Segment.rst(seg.ackNo())));
            }
            t = t.withState(ConnectionState.ESTABLISHED);
        }
        if (acceptableAck(t, seg.ackNo())) {
            // The one outstanding segment is acknowledged: stop its retransmission timer.
            t = t.withSndUna(seg.ackNo()).withRetransmission(Tcb.OFF, 0);
        } else if (!seq.lessOrEqual(seg.ackNo(), t.sndUna())) {
            // It acknowledges something not yet sent: acknowledge, drop.
            return Arrival.acknowledge(t);
        }
        switch (t.state()) {
            case FIN_WAIT_1:
                if (t.finAcknowledged()) {
                    t = t.withState(ConnectionState.FIN_WAIT_2);
                }
                break;
            case CLOSING:
                if (t.finAcknowledged()) {
                    return arrival(enterTimeWait(t), false, false, false);
                }
                break;
            case LAST_ACK:
                if (t.finAcknowledged()) {
                    return Arrival.drop(Tcb.closed());
                }
                break;
            default:
                break;
        }
        // Seventh, process the segment text. Model: data that is acceptable but not at RCV.NXT is dropped and
        // acknowledged, not queued (docs/specification.md, The system).
        boolean delivered = false;
        boolean ackNow = false;
        if (seg.data()) {
            switch (t.state()) {
                case ESTABLISHED:
                case FIN_WAIT_1:
                case FIN_WAIT_2:
                    if (seg.seq() == t.rcvNxt()) {
                        t = t.withRcvNxt(seq.add(t.rcvNxt(), 1));
                        delivered = true;
                    }
                    ackNow = true;
                    break;
                default:
                    // CLOSE-WAIT, CLOSING, LAST-ACK, TIME-WAIT: the peer has sent its FIN; ignore the text.
                    break;
            }
        }
        // Eighth, check the FIN bit.
        boolean endOfStream = false;
        if (seg.fin()) {
            if (finSeq != t.rcvNxt()) {
                ackNow = true;
            } else {
                t = t.withRcvNxt(seq.add(t.rcvNxt(), 1));
                endOfStream = true;
                ackNow = true;
                switch (t.state()) {
                    case SYN_RECEIVED:
                    case ESTABLISHED:
                        if (variant == Variant.THREE_WAY_CLOSE && t.state() == ConnectionState.ESTABLISHED) {
                            // Variant: no half-close. Answer FIN+ACK at once; the data the application had not
                            // yet sent is discarded (the output that follows sends the FIN).
                            t = t.withState(ConnectionState.LAST_ACK)
                                    .withQueue(0, t.dataSent(), true, t.finSent());
                        } else {
                            t = t.withState(ConnectionState.CLOSE_WAIT);
                        }
                        break;
                    case FIN_WAIT_1:
                        t = t.finAcknowledged() ? enterTimeWait(t) : t.withState(ConnectionState.CLOSING);
                        break;
                    case FIN_WAIT_2:
                        t = enterTimeWait(t);
                        break;
                    case TIME_WAIT:
                        t = t.withTimeWaitTimer(timeWait);
                        break;
                    default:
                        // CLOSE-WAIT, CLOSING, LAST-ACK: remain.
                        break;
                }
            }
        }
        return arrival(t, ackNow, delivered, endOfStream);
    }

    private static Arrival arrival(Tcb t, boolean ackNow, boolean delivered, boolean endOfStream) {
        return new Arrival(t, List.of(), ackNow, delivered, endOfStream, false, false, false);
    }

    /**
     * Enter TIME-WAIT: start the time-wait timer, turn off the other timers. With T = 0 (the no-time-wait variant)
     * the endpoint goes straight to CLOSED; the acknowledgement of the peer's FIN is still sent.
     */
    private Tcb enterTimeWait(Tcb t) {
        if (timeWait == 0) {
            return Tcb.closed().withSendVariables(t.iss(), t.sndUna(), t.sndNxt()).withReceive(t.irs(), t.rcvNxt());
        }
        return t.withState(ConnectionState.TIME_WAIT).withRetransmission(Tcb.OFF, 0).withTimeWaitTimer(timeWait);
    }
}
