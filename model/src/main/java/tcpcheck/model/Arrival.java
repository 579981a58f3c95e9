package tcpcheck.model;

import java.util.List;

/**
 * What processing one arriving segment did (RFC 9293 section 3.10.7): the new TCB, the control segments it sends in
 * reply (RST, SYN-ACK), whether it must acknowledge now ({@code <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>}, unless the
 * output that follows sends a segment that carries the acknowledgement), and what the application sees.
 *
 * @param ackNow an acknowledgement is due
 * @param delivered a data unit was delivered to the application (in order, RCV.NXT advanced over it)
 * @param endOfStream the peer's FIN was accepted (RCV.NXT advanced over it): the application reads end of stream
 * @param reset the connection was reset by this segment (an RST)
 * @param timeWaitRestarted a retransmitted FIN restarted the TIME-WAIT timer
 * @param challengeAck a challenge ACK was sent (RFC 5961)
 */
public record Arrival(Tcb tcb, List<Segment> replies, boolean ackNow, boolean delivered, boolean endOfStream,
                      boolean reset, boolean timeWaitRestarted, boolean challengeAck) {

    static Arrival of(Tcb tcb, List<Segment> replies) {
        return new Arrival(tcb, replies, false, false, false, false, false, false);
    }

    static Arrival drop(Tcb tcb) {
        return of(tcb, List.of());
    }

    static Arrival acknowledge(Tcb tcb) {
        return new Arrival(tcb, List.of(), true, false, false, false, false, false);
    }

    static Arrival challenge(Tcb tcb) {
        return new Arrival(tcb, List.of(), true, false, false, false, false, true);
    }

    static Arrival resetTo(Tcb tcb) {
        return new Arrival(tcb, List.of(), false, false, false, true, false, false);
    }
}
