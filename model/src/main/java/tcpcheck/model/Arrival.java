package tcpcheck.model;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What processing one arriving segment did (RFC 9293 section 3.10.7): the new TCB, the control segments it sends in
 * reply (RST, SYN-ACK), and its {@link Effect}s: whether an acknowledgement is due and what the application sees.
 *
 * @param replies control segments sent in reply, in order
 * @param effects what else the arrival did
 */
public record Arrival(Tcb tcb, List<Segment> replies, Set<Effect> effects) {

    /** What an arrival may do besides changing the TCB and sending replies. */
    public enum Effect {
        /**
         * An acknowledgement is due: {@code <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>}, unless the output that follows sends
         * a segment that carries it.
         */
        ACK_NOW,
        /** A data unit was delivered to the application (in order: RCV.NXT advanced over it). */
        DELIVERED,
        /** The peer's FIN was accepted (RCV.NXT advanced over it): the application reads end of stream. */
        END_OF_STREAM,
        /** The connection was reset by this segment (an RST). */
        RESET,
        /** A retransmitted FIN restarted the TIME-WAIT timer. */
        TIME_WAIT_RESTARTED,
        /** The acknowledgement due is a challenge ACK (RFC 5961). */
        CHALLENGE_ACK
    }

    private static final Set<Effect> NONE = Collections.unmodifiableSet(EnumSet.noneOf(Effect.class));

    static Arrival of(Tcb tcb, List<Segment> replies) {
        return new Arrival(tcb, replies, NONE);
    }

    static Arrival of(Tcb tcb, Set<Effect> effects) {
        return new Arrival(tcb, List.of(), effects.isEmpty() ? NONE : Collections.unmodifiableSet(effects));
    }

    static Arrival of(Tcb tcb, Effect first, Effect... rest) {
        return of(tcb, EnumSet.of(first, rest));
    }

    /** Nothing but the new TCB: the segment is dropped (or fully processed) without a reply. */
    static Arrival drop(Tcb tcb) {
        return of(tcb, List.of());
    }

    /** Drop the segment and acknowledge: {@code <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>}. */
    static Arrival acknowledge(Tcb tcb) {
        return of(tcb, Effect.ACK_NOW);
    }

    /** Drop the segment and send a challenge ACK (RFC 5961). */
    static Arrival challenge(Tcb tcb) {
        return of(tcb, Effect.ACK_NOW, Effect.CHALLENGE_ACK);
    }

    /** The connection is reset; the endpoint goes on with this TCB (CLOSED, or LISTEN). */
    static Arrival resetTo(Tcb tcb) {
        return of(tcb, Effect.RESET);
    }

    public boolean has(Effect e) {
        return effects.contains(e);
    }

    public boolean ackNow() {
        return has(Effect.ACK_NOW);
    }

    public boolean delivered() {
        return has(Effect.DELIVERED);
    }

    public boolean endOfStream() {
        return has(Effect.END_OF_STREAM);
    }

    public boolean reset() {
        return has(Effect.RESET);
    }

    public boolean timeWaitRestarted() {
        return has(Effect.TIME_WAIT_RESTARTED);
    }

    public boolean challengeAck() {
        return has(Effect.CHALLENGE_ACK);
    }
}
