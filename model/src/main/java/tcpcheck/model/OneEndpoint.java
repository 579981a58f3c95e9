package tcpcheck.model;

import java.util.ArrayList;
import java.util.List;

/**
 * One endpoint of the model on its own, for comparing it with a real TCP stack (the conformance module): its TCB,
 * the application's calls, and the arrival of a segment, each answered by the segments the endpoint sends and the
 * TCB it goes to. It runs the same {@link SegmentArrives} and {@link Output} as {@link TcpModel}, and finishes an
 * event the way {@link TcpModel} does: the replies of the arrival, then what the window allows (the next queued data
 * unit or the FIN), else a pure ACK when one is due; a passive endpoint whose connection ends listens again.
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
    private final boolean passive;
    private final SegmentArrives arrives;
    private final Output output;

    /** What one event did: the TCB the endpoint is in afterwards and the segments it sent, in order. */
    public record Step(Tcb tcb, List<Segment> sent) {
        public ConnectionState state() {
            return tcb.state();
        }
    }

    /**
     * @param passive whether the endpoint opens passively (the model's B): a connection that ends returns it to LISTEN
     * @param seqSpace the modulus of sequence numbers (at least 2)
     */
    public OneEndpoint(Variant variant, int seqSpace, boolean passive) {
        this.variant = variant;
        this.seq = new SequenceSpace(seqSpace);
        this.passive = passive;
        Parameters p = Parameters.defaults();
        this.arrives = new SegmentArrives(variant, seq, p.rto(), variant.timeWait(p));
        this.output = new Output(seq, p.rto());
    }

    public Variant variant() {
        return variant;
    }

    public boolean passive() {
        return passive;
    }

    public SequenceSpace sequenceSpace() {
        return seq;
    }

    /** The TCB the endpoint starts from: LISTEN when passive, else CLOSED. */
    public Tcb initial() {
        return passive ? Tcb.listen() : Tcb.closed();
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
        Tcb n = Tcb.closed().withState(ConnectionState.SYN_SENT).withSendVariables(iss, iss, seq.add(iss, 1))
                .withRetransmission(Parameters.defaults().rto(), 0);
        return new Step(n, List.of(Segment.syn(iss)));
    }

    /** SEND (RFC 9293 3.10.2) of one data unit in ESTABLISHED or CLOSE-WAIT; sent when the window allows. */
    public Step write(Tcb t) {
        if (t.state() != ConnectionState.ESTABLISHED && t.state() != ConnectionState.CLOSE_WAIT) {
            return new Step(t, List.of());
        }
        Tcb q = t.withQueue(t.queued() + 1, t.dataSent(), t.finQueued(), t.finSent());
        return finish(t, Arrival.drop(q));
    }

    /** CLOSE (RFC 9293 3.10.4): see the class comment for the states the model's applications never close in. */
    public Step close(Tcb t) {
        switch (t.state()) {
            case LISTEN:
            case SYN_SENT:
                return new Step(Tcb.closed(), List.of());
            case SYN_RECEIVED:
            case ESTABLISHED: {
                Tcb q = t.withQueue(t.queued(), t.dataSent(), true, false).withState(ConnectionState.FIN_WAIT_1);
                return finish(t, Arrival.drop(q));
            }
            case CLOSE_WAIT: {
                Tcb q = t.withQueue(t.queued(), t.dataSent(), true, false).withState(ConnectionState.LAST_ACK);
                return finish(t, Arrival.drop(q));
            }
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
        return finish(t, arrives.process(t, s, passive, iss));
    }

    /** Finishes an event as {@link TcpModel} does: replies, then the output the window allows, else a due ACK. */
    private Step finish(Tcb before, Arrival arr) {
        Tcb t = arr.tcb();
        Tcb acking = t;
        if (t.state().idle() && !before.state().idle()) {
            t = passive ? Tcb.listen() : Tcb.closed();
        }
        List<Segment> sent = new ArrayList<>(arr.replies());
        Output.Sent out = output.send(t);
        t = out.tcb();
        if (out.segment() != null) {
            sent.add(out.segment());
        } else if (arr.ackNow()) {
            sent.add(Segment.ack(acking.sndNxt(), acking.rcvNxt()));
        }
        return new Step(t, List.copyOf(sent));
    }
}
