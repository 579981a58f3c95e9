package tcpcheck.model;

import java.util.ArrayList;
import java.util.List;

/**
 * How an endpoint finishes an event (the arrival of a segment, a SEND, a CLOSE), defined once for the model
 * ({@link TcpModel}) and for one endpoint on its own ({@link OneEndpoint}): an endpoint whose connection the event ended
 * rests again (CLOSED, or LISTEN for an endpoint that listens: {@link Opening#restingTcb}); then it sends the arrival's
 * replies, then what its window allows ({@link Output}: the next queued data unit, else a queued FIN), else a pure ACK
 * when one is due ({@code <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>} of the TCB the arrival left, before resting). A segment
 * the window allows carries the acknowledgement itself (piggybacking). What the application sees is the model's own
 * business ({@link TcpModel}).
 *
 * @param tcb the endpoint's TCB after the event
 * @param ended whether the event ended the connection (the endpoint left a state that is not CLOSED or LISTEN for one
 *        that is)
 * @param sent the segments the endpoint sends, in order
 */
record Settled(Tcb tcb, boolean ended, List<Sending> sent) {

    /** A segment sent, and the index of the data unit it carries in the sender's stream (-1: none). */
    record Sending(Segment segment, int dataIndex) {
    }

    /**
     * @param output the output routine of the endpoint's model
     * @param opening how the endpoint opens: where it rests when a connection ends
     * @param was the endpoint's state before the event
     * @param arrival what the event did to the TCB, and the replies and effects of an arrival
     */
    static Settled of(Output output, Opening opening, ConnectionState was, Arrival arrival) {
        Tcb t = arrival.tcb();
        Tcb acking = t;
        boolean ended = t.state().idle() && !was.idle();
        if (ended) {
            t = opening.restingTcb();
        }
        List<Sending> sent = new ArrayList<>(arrival.replies().size() + 1);
        for (Segment r : arrival.replies()) {
            sent.add(new Sending(r, -1));
        }
        Output.Sent out = output.send(t);
        if (out.segment() != null) {
            sent.add(new Sending(out.segment(), out.dataIndex()));
        } else if (arrival.ackNow()) {
            sent.add(new Sending(Segment.ack(acking.sndNxt(), acking.rcvNxt()), -1));
        }
        return new Settled(out.tcb(), ended, List.copyOf(sent));
    }

    /** The segments sent, without their data units' indices. */
    List<Segment> segments() {
        List<Segment> out = new ArrayList<>(sent.size());
        for (Sending s : sent) {
            out.add(s.segment());
        }
        return out;
    }
}
