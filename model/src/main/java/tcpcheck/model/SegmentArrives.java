package tcpcheck.model;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import tcpcheck.model.Arrival.Effect;

/**
 * The SEGMENT ARRIVES event of RFC 9293 section 3.10.7: one method per group of states, and for the synchronized
 * states one method per step, in the RFC's order (first: check the sequence number; second: the RST bit; fourth:
 * the SYN bit; fifth: the ACK field; seventh: the segment text; eighth: the FIN bit). The third (security) and sixth
 * (URG) steps do not apply to the model.
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
     * @param passiveOpen whether the connection came from LISTEN (a passive OPEN) rather than from SYN-SENT: RFC 9293
     *        (MUST-11) keeps track of it, since an RST in SYN-RECEIVED returns a passive connection to LISTEN
     * @param iss the initial sequence number this endpoint's clock gives, if a SYN makes it choose one
     */
    Arrival process(Tcb tcb, Segment seg, boolean passiveOpen, int iss) {
        switch (tcb.state()) {
            case CLOSED:
                return closed(tcb, seg);
            case LISTEN:
                return listen(tcb, seg, iss);
            case SYN_SENT:
                return synSent(tcb, seg);
            default:
                return synchronizedState(tcb, seg, passiveOpen);
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
                    return Arrival.of(t.withState(ConnectionState.ESTABLISHED), List.of(Segment.synAck(iss, rcvNxt)));
                case FOUR_WAY_HANDSHAKE:
                    // Variant: the ACK of the peer's SYN and our SYN travel as two segments.
                    return Arrival.of(t.withState(ConnectionState.SYN_RECEIVED).withRetransmission(rto, 0),
                            List.of(Segment.ack(iss, rcvNxt), Segment.syn(iss)));
                default:
                    return Arrival.of(t.withState(ConnectionState.SYN_RECEIVED).withRetransmission(rto, 0),
                            List.of(Segment.synAck(iss, rcvNxt)));
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
                return variant == Variant.TWO_WAY_HANDSHAKE ? Arrival.drop(t) : Arrival.acknowledge(t);
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

    /**
     * 3.10.7.4 Other states: SYN-RECEIVED, ESTABLISHED, FIN-WAIT-1, FIN-WAIT-2, CLOSE-WAIT, CLOSING, LAST-ACK,
     * TIME-WAIT. Each step is a method; the first, second and fourth end the processing when they apply, the fifth
     * may, and the seventh and eighth work on what the fifth left ({@link Processing}).
     */
    private Arrival synchronizedState(Tcb tcb, Segment seg, boolean passiveOpen) {
        if (retransmittedFinInTimeWait(tcb, seg)) {
            return Arrival.of(tcb.withTimeWaitTimer(timeWait), Effect.ACK_NOW, Effect.TIME_WAIT_RESTARTED);
        }
        if (!acceptable(tcb, seg)) {
            // First, check the sequence number: an unacceptable segment is acknowledged (unless it is an RST) and
            // dropped.
            return seg.rst() ? Arrival.drop(tcb) : Arrival.acknowledge(tcb);
        }
        if (seg.rst()) {
            return checkRst(tcb, seg, passiveOpen);
        }
        if (seg.syn()) {
            return checkSyn(tcb, passiveOpen);
        }
        if (!seg.ack()) {
            // Fifth, check the ACK field: if the ACK bit is off, drop the segment.
            return Arrival.drop(tcb);
        }
        Processing p = new Processing(tcb);
        Arrival ended = checkAck(p, seg);
        if (ended != null) {
            return ended;
        }
        processText(p, seg);
        checkFin(p, seg);
        return Arrival.of(p.tcb, p.effects);
    }

    /** The TCB and effects of a segment that the fifth step let through to the text and the FIN. */
    private static final class Processing {
        Tcb tcb;
        /** "Our FIN is acknowledged", as the fifth step left it (the FIN step reads the same fact). */
        boolean finAcknowledged;
        final Set<Effect> effects = EnumSet.noneOf(Effect.class);

        Processing(Tcb tcb) {
            this.tcb = tcb;
        }
    }

    /**
     * TIME-WAIT: a retransmission of the peer's FIN (SEG.SEQ + 1 = RCV.NXT, which the acceptability test would only
     * acknowledge) is acknowledged and restarts the 2 MSL timeout (RFC 9293 3.10.7.4, fifth step, TIME-WAIT: "The
     * only thing that can arrive in this state is a retransmission of the remote FIN. Acknowledge it, and restart the
     * 2 MSL timeout"; docs/specification.md, "The system").
     */
    private boolean retransmittedFinInTimeWait(Tcb tcb, Segment seg) {
        int finSeq = seq.add(seg.seq(), seg.data() ? 1 : 0);
        return tcb.state() == ConnectionState.TIME_WAIT && seg.fin() && !seg.rst()
                && seq.add(finSeq, 1) == tcb.rcvNxt();
    }

    /** First, check the sequence number: the acceptability test of RFC 9293 Table 6 with RCV.WND = 2. */
    private boolean acceptable(Tcb tcb, Segment seg) {
        boolean firstInWindow = seq.inWindow(seg.seq(), tcb.rcvNxt(), Tcb.RECEIVE_WINDOW);
        if (seg.length() == 0) {
            return firstInWindow;
        }
        return firstInWindow
                || seq.inWindow(seq.add(seg.seq(), seg.length() - 1), tcb.rcvNxt(), Tcb.RECEIVE_WINDOW);
    }

    /**
     * Second, check the RST bit, with RFC 5961 section 3's checks, which RFC 9293 3.10.7.4 gives for the stacks that
     * implement it (the model does): an RST outside the window was dropped by the first step; SEG.SEQ = RCV.NXT resets
     * the connection in the manner of its state; elsewhere in the window it draws a challenge ACK. The manner of the
     * state: SYN-RECEIVED of a passive OPEN returns to LISTEN, of an active OPEN (refused) enters CLOSED; every other
     * state enters CLOSED, TIME-WAIT included in RFC 9293's text (the variant rfc9293-text). The standard variant
     * ignores every RST in TIME-WAIT instead (RFC 1337's first fix, "Ignore RST segments in TIME-WAIT state").
     */
    private Arrival checkRst(Tcb tcb, Segment seg, boolean passiveOpen) {
        if (tcb.state() == ConnectionState.TIME_WAIT && variant != Variant.RFC9293_TEXT) {
            return Arrival.drop(tcb);
        }
        if (seg.seq() != tcb.rcvNxt()) {
            return Arrival.challenge(tcb);
        }
        if (tcb.state() == ConnectionState.SYN_RECEIVED && passiveOpen) {
            return Arrival.resetTo(Tcb.listen());
        }
        return Arrival.resetTo(Tcb.closed());
    }

    /**
     * Fourth, check the SYN bit (RFC 9293 3.10.7.4): in SYN-RECEIVED of a passive OPEN, return to LISTEN (no reply);
     * in the other synchronized states, and in SYN-RECEIVED of an active OPEN, a challenge ACK (RFC 5961 section 4).
     */
    private Arrival checkSyn(Tcb tcb, boolean passiveOpen) {
        if (tcb.state() == ConnectionState.SYN_RECEIVED && passiveOpen) {
            return Arrival.drop(Tcb.listen());
        }
        return Arrival.challenge(tcb);
    }

    /**
     * Fifth, check the ACK field (the ACK bit is on). Returns the arrival when this step ends the processing (an
     * unacceptable ACK in SYN-RECEIVED, an ACK of something not yet sent, our FIN acknowledged in CLOSING or
     * LAST-ACK), null when the segment goes on to its text and FIN.
     */
    private Arrival checkAck(Processing p, Segment seg) {
        Tcb t = p.tcb;
        if (t.state() == ConnectionState.SYN_RECEIVED) {
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
        p.finAcknowledged = t.finAcknowledged();
        switch (t.state()) {
            case FIN_WAIT_1:
                // Our FIN is now acknowledged: FIN-WAIT-2, and go on processing in that state.
                if (p.finAcknowledged) {
                    t = t.withState(ConnectionState.FIN_WAIT_2);
                }
                break;
            case CLOSING:
                if (p.finAcknowledged) {
                    return Arrival.drop(enterTimeWait(t));
                }
                break;
            case LAST_ACK:
                if (p.finAcknowledged) {
                    return Arrival.drop(Tcb.closed());
                }
                break;
            default:
                break;
        }
        p.tcb = t;
        return null;
    }

    /**
     * Seventh, process the segment text. Model: data that is acceptable but not at RCV.NXT is dropped and
     * acknowledged, not queued (docs/specification.md, "The system"). In CLOSE-WAIT, CLOSING, LAST-ACK and TIME-WAIT the peer has sent its
     * FIN, and the text is ignored.
     */
    private void processText(Processing p, Segment seg) {
        if (!seg.data()) {
            return;
        }
        switch (p.tcb.state()) {
            case ESTABLISHED:
            case FIN_WAIT_1:
            case FIN_WAIT_2:
                if (seg.seq() == p.tcb.rcvNxt()) {
                    p.tcb = p.tcb.withRcvNxt(seq.add(p.tcb.rcvNxt(), 1));
                    p.effects.add(Effect.DELIVERED);
                }
                p.effects.add(Effect.ACK_NOW);
                break;
            default:
                break;
        }
    }

    /**
     * Eighth, check the FIN bit. A FIN that is not at RCV.NXT is acknowledged and dropped; at RCV.NXT it is accepted:
     * RCV.NXT advances over it, the application reads end of stream, the FIN is acknowledged, and the state follows.
     */
    private void checkFin(Processing p, Segment seg) {
        if (!seg.fin()) {
            return;
        }
        p.effects.add(Effect.ACK_NOW);
        int finSeq = seq.add(seg.seq(), seg.data() ? 1 : 0);
        if (finSeq != p.tcb.rcvNxt()) {
            return;
        }
        Tcb t = p.tcb.withRcvNxt(seq.add(p.tcb.rcvNxt(), 1));
        p.effects.add(Effect.END_OF_STREAM);
        switch (t.state()) {
            case ESTABLISHED:
                // (SYN-RECEIVED enters CLOSE-WAIT too, but the fifth step has already taken it to ESTABLISHED.)
                if (variant == Variant.THREE_WAY_CLOSE) {
                    // Variant: no half-close. Answer FIN+ACK at once; the data the application had not yet sent is
                    // discarded (the output that follows sends the FIN).
                    t = t.withState(ConnectionState.LAST_ACK).withQueue(0, t.dataSent(), true, t.finSent());
                } else {
                    t = t.withState(ConnectionState.CLOSE_WAIT);
                }
                break;
            case FIN_WAIT_1:
                // If our FIN has been acknowledged (perhaps in this segment), TIME-WAIT; otherwise CLOSING. The fifth
                // step has already taken an endpoint whose FIN is acknowledged to FIN-WAIT-2, so only CLOSING is left.
                if (p.finAcknowledged) {
                    throw new IllegalStateException("FIN-WAIT-1 with our FIN acknowledged after the fifth step");
                }
                t = t.withState(ConnectionState.CLOSING);
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
        p.tcb = t;
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
