package tcpcheck.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 9293 3.10.7, step by step, on hand-built TCBs (S = 8, RTO = 2, T = 4). */
class SegmentArrivesTest {
    private final SequenceSpace seq = new SequenceSpace(8);
    private final SegmentArrives rfc = new SegmentArrives(Variant.RFC9293_RFC1337, seq, 2, 4);

    private static Tcb established(int iss, int irs) {
        return Tcb.closed().withState(ConnectionState.ESTABLISHED).withSendVariables(iss, iss + 1, iss + 1)
                .withReceive(irs, irs + 1);
    }

    @Test
    void closedAnswersWithReset() {
        assertEquals(List.of(Segment.rst(5)), rfc.process(Tcb.closed(), Segment.ack(3, 5), false, 0).replies());
        assertEquals(List.of(Segment.rstAck(0, 4)), rfc.process(Tcb.closed(), Segment.syn(3), false, 0).replies());
        assertTrue(rfc.process(Tcb.closed(), Segment.rst(3), false, 0).replies().isEmpty());
    }

    @Test
    void listenAnswersSynWithSynAckAndAckWithReset() {
        Arrival a = rfc.process(Tcb.listen(), Segment.syn(4), true, 0);
        assertEquals(ConnectionState.SYN_RECEIVED, a.tcb().state());
        assertEquals(List.of(Segment.synAck(0, 5)), a.replies());
        assertEquals(2, a.tcb().retransmitTimer());
        assertEquals(List.of(Segment.rst(7)), rfc.process(Tcb.listen(), Segment.ack(2, 7), true, 0).replies());
    }

    @Test
    void synSentResetsAnUnacceptableAck() {
        Tcb t = Tcb.closed().withState(ConnectionState.SYN_SENT).withSendVariables(0, 0, 1);
        Arrival a = rfc.process(t, Segment.synAck(4, 3), false, 0);
        assertEquals(List.of(Segment.rst(3)), a.replies());
        assertEquals(ConnectionState.SYN_SENT, a.tcb().state());
        Arrival ok = rfc.process(t, Segment.synAck(4, 1), false, 0);
        assertEquals(ConnectionState.ESTABLISHED, ok.tcb().state());
        assertTrue(ok.ackNow());
        assertEquals(5, ok.tcb().rcvNxt());
    }

    @Test
    void synInASynchronizedStateDrawsAChallengeAck() {
        Arrival a = rfc.process(established(0, 4), Segment.syn(5), false, 0);
        assertTrue(a.challengeAck());
        assertTrue(a.ackNow());
        assertEquals(ConnectionState.ESTABLISHED, a.tcb().state());
    }

    @Test
    void resetOnlyAtRcvNxtElseChallenge() {
        Tcb t = established(0, 4);
        assertTrue(rfc.process(t, Segment.rst(5), false, 0).reset());
        Arrival inWindow = rfc.process(t, Segment.rst(6), false, 0);
        assertFalse(inWindow.reset());
        assertTrue(inWindow.challengeAck());
        assertTrue(rfc.process(t, Segment.rst(1), false, 0).replies().isEmpty());
    }

    @Test
    void finInFinWait1WithoutOurFinAckedGoesToClosing() {
        Tcb t = established(0, 4).withState(ConnectionState.FIN_WAIT_1).withQueue(0, 0, true, true)
                .withSendVariables(0, 1, 2);
        Arrival a = rfc.process(t, Segment.fin(5, 1), false, 0);
        assertEquals(ConnectionState.CLOSING, a.tcb().state());
        assertTrue(a.endOfStream());
        Arrival both = rfc.process(t, Segment.fin(5, 2), false, 0);
        assertEquals(ConnectionState.TIME_WAIT, both.tcb().state());
        assertEquals(4, both.tcb().timeWaitTimer());
    }

    @Test
    void timeWaitRestartsOnARetransmittedFinAndIgnoresResets() {
        Tcb t = established(0, 4).withState(ConnectionState.TIME_WAIT).withRcvNxt(6).withTimeWaitTimer(1);
        Arrival again = rfc.process(t, Segment.fin(5, 2), false, 0);
        assertTrue(again.timeWaitRestarted());
        assertEquals(4, again.tcb().timeWaitTimer());
        assertFalse(rfc.process(t, Segment.rst(6), false, 0).reset());
        SegmentArrives text = new SegmentArrives(Variant.RFC9293_TEXT, seq, 2, 4);
        assertTrue(text.process(t, Segment.rst(6), false, 0).reset());
    }

    @Test
    void dataOutOfOrderIsAcknowledgedNotDelivered() {
        Arrival a = rfc.process(established(0, 4), Segment.data(6, 1), false, 0);
        assertFalse(a.delivered());
        assertTrue(a.ackNow());
        Arrival b = rfc.process(established(0, 4), Segment.data(5, 1), false, 0);
        assertTrue(b.delivered());
        assertEquals(6, b.tcb().rcvNxt());
    }
}
