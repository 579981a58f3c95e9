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

    /**
     * Part 7's first rule, RFC 9293 3.10.7.4 fourth step: an in-window SYN in SYN-RECEIVED of a passive OPEN returns the
     * connection to LISTEN without a reply; of an active OPEN (a simultaneous open) it draws a challenge ACK.
     */
    @Test
    void synInSynReceivedReturnsAPassiveConnectionToListen() {
        Tcb t = Tcb.closed().withState(ConnectionState.SYN_RECEIVED).withSendVariables(0, 0, 1).withReceive(4, 5);
        Arrival passive = rfc.process(t, Segment.syn(6), true, 0);
        assertEquals(ConnectionState.LISTEN, passive.tcb().state());
        assertFalse(passive.ackNow());
        assertTrue(passive.replies().isEmpty());
        Arrival active = rfc.process(t, Segment.syn(6), false, 0);
        assertEquals(ConnectionState.SYN_RECEIVED, active.tcb().state());
        assertTrue(active.challengeAck());
        // Outside the window (the peer's SYN again, at RCV.NXT - 1) it is only acknowledged, passive or not.
        Arrival old = rfc.process(t, Segment.syn(4), true, 0);
        assertEquals(ConnectionState.SYN_RECEIVED, old.tcb().state());
        assertTrue(old.ackNow());
        assertFalse(old.challengeAck());
    }

    /**
     * Part 7's second rule: in TIME-WAIT, RFC 9293's text applies RFC 5961's checks (SEG.SEQ = RCV.NXT enters CLOSED,
     * elsewhere in the window a challenge ACK); RFC 1337's first fix ignores every RST.
     */
    @Test
    void rstInTimeWaitFollowsRfc5961InTheTextAndIsIgnoredWithRfc1337() {
        Tcb t = established(0, 4).withState(ConnectionState.TIME_WAIT).withRcvNxt(6).withTimeWaitTimer(3);
        SegmentArrives text = new SegmentArrives(Variant.RFC9293_TEXT, seq, 2, 4);
        assertEquals(ConnectionState.CLOSED, text.process(t, Segment.rst(6), false, 0).tcb().state());
        Arrival inWindow = text.process(t, Segment.rst(7), false, 0);
        assertEquals(t, inWindow.tcb());
        assertTrue(inWindow.challengeAck());
        assertFalse(inWindow.reset());
        for (int s = 0; s < 8; s++) {
            Arrival ignored = rfc.process(t, Segment.rst(s), false, 0);
            assertEquals(t, ignored.tcb());
            assertTrue(ignored.effects().isEmpty(), "RST " + s);
        }
    }

    /**
     * Part 7's third rule, RFC 9293 3.10.7.4 seventh step: in CLOSE-WAIT, CLOSING, LAST-ACK and TIME-WAIT the text of
     * an acceptable segment is ignored, at RCV.NXT or not, without an acknowledgement (the ACK field is processed).
     */
    @Test
    void textAfterThePeersFinIsIgnoredWithoutAnAcknowledgement() {
        for (ConnectionState st : new ConnectionState[] {ConnectionState.CLOSE_WAIT, ConnectionState.CLOSING,
            ConnectionState.LAST_ACK}) {
            Tcb t = st == ConnectionState.CLOSE_WAIT ? established(0, 4).withState(st).withRcvNxt(6)
                    : established(0, 4).withState(st).withRcvNxt(6).withQueue(0, 0, true, true)
                            .withSendVariables(0, 1, 2);
            for (int s : new int[] {6, 7}) {
                Arrival a = rfc.process(t, Segment.data(s, 1), false, 0);
                assertEquals(t, a.tcb(), st + " " + s);
                assertTrue(a.effects().isEmpty(), st + " " + s);
            }
        }
        Tcb tw = established(0, 4).withState(ConnectionState.TIME_WAIT).withRcvNxt(6).withTimeWaitTimer(3);
        for (int s : new int[] {6, 7}) {
            Arrival a = rfc.process(tw, Segment.data(s, 1), false, 0);
            assertEquals(tw, a.tcb());
            assertTrue(a.effects().isEmpty());
        }
    }
}
