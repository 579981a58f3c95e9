package tcpcheck.model;

import java.util.List;

/**
 * One endpoint of the model on its own, for comparing it with a real TCP stack (the conformance module): its TCB,
 * the application's calls, and the arrival of a segment, each answered by the segments the endpoint sends and the
 * TCB it goes to. It runs the model's own definitions: {@link SegmentArrives} for an arrival, {@link TcpModel}'s OPEN,
 * SEND and CLOSE, and {@link Settled} to finish every event as the model does (an endpoint whose connection ends rests
 * again, CLOSED or LISTEN by its {@link Opening}; then the replies of the arrival, what the window allows, else a pure
 * ACK when one is due).
 *
 * <p>There are no timers here (a real stack's run in real time): the retransmission and TIME-WAIT timers are set in
 * the TCB as the model sets them, and never fire. Sequence numbers are taken modulo {@code seqSpace}, which may be
 * far larger than the model checker's S, so that a test can tell numbers apart that S would wrap together.
 *
 * <p>Where the model's applications never call CLOSE (the model's A closes only in ESTABLISHED, its B only in
 * ESTABLISHED or CLOSE-WAIT), {@link #close} follows RFC 9293 section 3.10.4: CLOSE in LISTEN or SYN-SENT deletes
 * the TCB (CLOSED); in SYN-RECEIVED it queues the FIN and enters FIN-WAIT-1; in the states after a CLOSE it changes
 * nothing ("error: connection closing"); in CLOSED it is an error and changes nothing.
 */
public final class OneEndpoint {
    private final Variant variant;
    private final SequenceSpace seq;
    private final Opening opening;
    private final SegmentArrives arrives;
    private final Output output;

    /** What one event did: the TCB the endpoint is in afterwards and the segments it sent, in order. */
    public record Step(Tcb tcb, List<Segment> sent) {
        public ConnectionState state() {
            return tcb.state();
        }
    }

    /**
     * @param seqSpace the modulus of sequence numbers (at least 2)
     * @param opening how the endpoint opens: {@link Opening#ACTIVE} (the model's A by default: it rests in CLOSED) or
     *        {@link Opening#PASSIVE} (the model's B: it rests in LISTEN, and its connections come from LISTEN). Not
     *        {@link Opening#BOTH}: an endpoint on its own does not remember whether its connection in SYN-RECEIVED came
     *        from LISTEN, which decides what an RST or a SYN does there (the model knows it from its application).
     * @throws IllegalArgumentException for {@link Opening#BOTH}
     */
    public OneEndpoint(Variant variant, int seqSpace, Opening opening) {
        if (opening == Opening.BOTH) {
            throw new IllegalArgumentException("one endpoint on its own opens either actively or passively, not both");
        }
        this.variant = variant;
        this.seq = new SequenceSpace(seqSpace);
        this.opening = opening;
        Parameters p = Parameters.defaults();
        this.arrives = new SegmentArrives(variant, seq, p.rto(), variant.timeWait(p));
        this.output = new Output(seq, p.rto());
    }

    public Variant variant() {
        return variant;
    }

    public Opening opening() {
        return opening;
    }

    public SequenceSpace sequenceSpace() {
        return seq;
    }

    /** The TCB the endpoint starts from: LISTEN when it opens passively, else CLOSED. */
    public Tcb initial() {
        return opening.restingTcb();
    }

    /** Passive OPEN (RFC 9293 3.10.1) from CLOSED: LISTEN, nothing sent. Elsewhere nothing changes. */
    public Step listen(Tcb t) {
        return t.state() == ConnectionState.CLOSED ? new Step(Tcb.listen(), List.of()) : new Step(t, List.of());
    }

    /** Active OPEN (RFC 9293 3.10.1) from CLOSED: choose the ISS, send the SYN, enter SYN-SENT. */
    public Step open(Tcb t, int iss) {
        if (t.state() != ConnectionState.CLOSED && t.state() != ConnectionState.LISTEN) {
            return new Step(t, List.of());
        }
        return new Step(TcpModel.activeOpen(seq, iss, Parameters.defaults().rto()), List.of(Segment.syn(iss)));
    }

    /** SEND (RFC 9293 3.10.2) of one data unit in ESTABLISHED or CLOSE-WAIT; sent when the window allows. */
    public Step write(Tcb t) {
        if (t.state() != ConnectionState.ESTABLISHED && t.state() != ConnectionState.CLOSE_WAIT) {
            return new Step(t, List.of());
        }
        return finish(t, Arrival.drop(TcpModel.queueUnit(t)));
    }

    /** CLOSE (RFC 9293 3.10.4): see the class comment for the states the model's applications never close in. */
    public Step close(Tcb t) {
        switch (t.state()) {
            case LISTEN:
            case SYN_SENT:
                return new Step(Tcb.closed(), List.of());
            case SYN_RECEIVED:
                return finish(t, Arrival.drop(t.withQueue(t.queued(), t.dataSent(), true, false)
                        .withState(ConnectionState.FIN_WAIT_1)));
            case ESTABLISHED:
            case CLOSE_WAIT:
                return finish(t, Arrival.drop(TcpModel.queueFin(t)));
            default:
                return new Step(t, List.of());
        }
    }

    /**
     * SEGMENT ARRIVES (RFC 9293 3.10.7) and the output that follows it.
     *
     * @param iss the ISS this endpoint chooses if the segment is a SYN that reaches it in LISTEN
     */
    public Step arrive(Tcb t, Segment s, int iss) {
        return finish(t, arrives.process(t, s, opening == Opening.PASSIVE, iss));
    }

    /** Finishes an event as the model does ({@link Settled}). */
    private Step finish(Tcb before, Arrival arr) {
        Settled end = Settled.of(output, opening, before.state(), arr);
        return new Step(end.tcb(), end.segments());
    }
}
