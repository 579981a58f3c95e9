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

    /** 3.10.7.2 LISTEN: an RST is ignored; a segment with neither ACK nor SYN (a bare FIN) is dropped. */
    @Test
    void listenIgnoresAnRstAndDropsWhatIsNeitherAckNorSyn() {
        for (Segment s : List.of(Segment.rst(3), new Segment(false, false, true, false, 3, 0, false))) {
            Arrival a = rfc.process(Tcb.listen(), s, true, 4);
            assertEquals(Tcb.listen(), a.tcb());
            assertTrue(a.replies().isEmpty());
            assertTrue(a.effects().isEmpty());
        }
    }

    /** The variants' LISTEN: two-way-handshake establishes at once, four-way-handshake answers ACK and SYN apart. */
    @Test
    void handshakeVariantsInListen() {
        Arrival two = new SegmentArrives(Variant.TWO_WAY_HANDSHAKE, seq, 2, 4).process(Tcb.listen(), Segment.syn(4),
                true, 0);
        assertEquals(ConnectionState.ESTABLISHED, two.tcb().state());
        assertEquals(List.of(Segment.synAck(0, 5)), two.replies());
        assertEquals(Tcb.OFF, two.tcb().retransmitTimer(), "never retransmitted");
        assertFalse(two.ackNow());
        Arrival four = new SegmentArrives(Variant.FOUR_WAY_HANDSHAKE, seq, 2, 4).process(Tcb.listen(),
                Segment.syn(4), true, 4);
        assertEquals(ConnectionState.SYN_RECEIVED, four.tcb().state());
        assertEquals(List.of(Segment.ack(4, 5), Segment.syn(4)), four.replies());
        assertEquals(2, four.tcb().retransmitTimer());
        assertEquals(5, four.tcb().sndNxt());
    }

    /**
     * SYN-SENT's fifth step: an acceptable ACK without SYN or RST is dropped with the TCB unchanged; only the four-way
     * handshake keeps it (SND.UNA advances, the retransmission timer stops). The two-way handshake's A establishes on
     * the SYN-ACK without acknowledging it.
     */
    @Test
    void synSentDropsABareAcceptableAckExceptInTheFourWayHandshake() {
        Tcb t = Tcb.closed().withState(ConnectionState.SYN_SENT).withSendVariables(0, 0, 1).withRetransmission(2, 0);
        Arrival rfcAck = rfc.process(t, Segment.ack(4, 1), false, 0);
        assertEquals(t, rfcAck.tcb());
        assertTrue(rfcAck.replies().isEmpty());
        assertTrue(rfcAck.effects().isEmpty());
        Arrival four = new SegmentArrives(Variant.FOUR_WAY_HANDSHAKE, seq, 2, 4).process(t, Segment.ack(4, 1), false,
                0);
        assertEquals(ConnectionState.SYN_SENT, four.tcb().state());
        assertEquals(1, four.tcb().sndUna());
        assertEquals(Tcb.OFF, four.tcb().retransmitTimer());
        Arrival two = new SegmentArrives(Variant.TWO_WAY_HANDSHAKE, seq, 2, 4).process(t, Segment.synAck(4, 1), false,
                0);
        assertEquals(ConnectionState.ESTABLISHED, two.tcb().state());
        assertFalse(two.ackNow());
        assertFalse(two.timeWaitRestarted());
        // An RST with an acceptable ACK resets; without an ACK it is dropped.
        assertTrue(rfc.process(t, Segment.rstAck(1, 1), false, 0).reset());
        Arrival bare = rfc.process(t, Segment.rst(1), false, 0);
        assertEquals(t, bare.tcb());
        assertFalse(bare.reset());
    }

    /** 3.10.7.4 SYN-RECEIVED, fifth step: an unacceptable ACK is answered with {@code <SEQ=SEG.ACK><CTL=RST>}. */
    @Test
    void synReceivedAnswersAnUnacceptableAckWithReset() {
        Tcb t = Tcb.closed().withState(ConnectionState.SYN_RECEIVED).withSendVariables(0, 0, 1).withReceive(4, 5);
        Arrival a = rfc.process(t, Segment.ack(5, 3), true, 0);
        assertEquals(List.of(Segment.rst(3)), a.replies());
        assertEquals(t, a.tcb());
        Arrival ok = rfc.process(t, Segment.ack(5, 1), true, 0);
        assertEquals(ConnectionState.ESTABLISHED, ok.tcb().state());
        assertEquals(1, ok.tcb().sndUna());
        // With the ACK bit off (a bare FIN, which the model never sends) the segment is dropped.
        Arrival noAck = rfc.process(established(0, 4), new Segment(false, false, true, false, 5, 0, false), false, 0);
        assertEquals(established(0, 4), noAck.tcb());
        assertTrue(noAck.effects().isEmpty());
    }

    /**
     * The window of RCV.WND = 2 and the half-space comparison: an RST just past the window is dropped silently; an ACK
     * half the space (4) ahead of SND.UNA acknowledges something not yet sent and is answered, one less is an old
     * duplicate and changes nothing.
     */
    @Test
    void windowAndSequenceComparisonBoundaries() {
        Tcb t = established(0, 4);
        assertTrue(rfc.process(t, Segment.rst(7), false, 0).effects().isEmpty(), "RCV.NXT + 2 is outside");
        assertTrue(rfc.process(t, Segment.rst(6), false, 0).challengeAck(), "RCV.NXT + 1 is inside");
        Arrival ahead = rfc.process(t, Segment.ack(5, 5), false, 0);
        assertEquals(t, ahead.tcb());
        assertTrue(ahead.ackNow(), "SEG.ACK = SND.UNA + 4 acknowledges something not yet sent");
        Arrival old = rfc.process(t, Segment.ack(5, 6), false, 0);
        assertEquals(t, old.tcb());
        assertTrue(old.effects().isEmpty(), "SEG.ACK = SND.UNA - 3 is an old duplicate");
        assertEquals(2, new Segment(false, true, true, false, 0, 0, true).length(), "a data unit and a FIN");
        assertEquals(2, new Segment(true, false, true, false, 0, 0, false).length(), "a SYN and a FIN");
    }

    /**
     * The closing states: CLOSING and LAST-ACK end on the acknowledgement of our FIN; three-way-close answers a FIN in
     * ESTABLISHED with LAST-ACK and a queued FIN; no-time-wait leaves FIN-WAIT-2 for CLOSED, keeping the variables the
     * acknowledgement of the peer's FIN is sent with.
     */
    @Test
    void closingStatesAndVariants() {
        Tcb closing = established(0, 4).withState(ConnectionState.CLOSING).withQueue(0, 0, true, true)
                .withSendVariables(0, 1, 2).withRcvNxt(6).withRetransmission(1, 0);
        Arrival tw = rfc.process(closing, Segment.ack(6, 2), false, 0);
        assertEquals(ConnectionState.TIME_WAIT, tw.tcb().state());
        assertEquals(4, tw.tcb().timeWaitTimer());
        assertEquals(Tcb.OFF, tw.tcb().retransmitTimer());
        assertTrue(tw.effects().isEmpty());
        Tcb lastAck = closing.withState(ConnectionState.LAST_ACK);
        assertEquals(Tcb.closed(), rfc.process(lastAck, Segment.ack(6, 2), false, 0).tcb());
        assertEquals(ConnectionState.LAST_ACK, rfc.process(lastAck, Segment.ack(6, 1), false, 0).tcb().state());

        Tcb est = established(0, 4).withQueue(1, 0, false, false);
        Arrival three = new SegmentArrives(Variant.THREE_WAY_CLOSE, seq, 2, 4).process(est, Segment.fin(5, 1), false,
                0);
        assertEquals(ConnectionState.LAST_ACK, three.tcb().state());
        assertEquals(0, three.tcb().queued(), "the unsent data is discarded");
        assertTrue(three.tcb().finQueued());
        assertTrue(three.endOfStream());

        Tcb fw2 = established(0, 4).withState(ConnectionState.FIN_WAIT_2).withQueue(0, 0, true, true)
                .withSendVariables(0, 2, 2);
        Arrival none = new SegmentArrives(Variant.NO_TIME_WAIT, seq, 2, 0).process(fw2, Segment.fin(5, 2), false, 0);
        assertEquals(ConnectionState.CLOSED, none.tcb().state());
        assertEquals(0, none.tcb().iss());
        assertEquals(2, none.tcb().sndNxt());
        assertEquals(2, none.tcb().sndUna());
        assertEquals(4, none.tcb().irs());
        assertEquals(6, none.tcb().rcvNxt());
        assertTrue(none.ackNow());
        assertEquals(Tcb.OFF, none.tcb().timeWaitTimer());
    }

    /** An RST at RCV.NXT in SYN-RECEIVED returns a passive connection to LISTEN and refuses an active one (CLOSED). */
    @Test
    void rstInSynReceivedDependsOnHowTheConnectionOpened() {
        Tcb t = Tcb.closed().withState(ConnectionState.SYN_RECEIVED).withSendVariables(0, 0, 1).withReceive(4, 5);
        Arrival passive = rfc.process(t, Segment.rst(5), true, 0);
        assertEquals(Tcb.listen(), passive.tcb());
        assertTrue(passive.reset());
        Arrival active = rfc.process(t, Segment.rst(5), false, 0);
        assertEquals(Tcb.closed(), active.tcb());
        assertTrue(active.reset());
    }

    /**
     * SND.UNA < SEG.ACK: a duplicate acknowledgement (SEG.ACK = SND.UNA) is not acceptable. It leaves an outstanding
     * segment's retransmission timer running, and in SYN-RECEIVED it draws an RST instead of establishing.
     */
    @Test
    void aDuplicateAckIsNotAcceptable() {
        Tcb t = established(0, 4).withSendVariables(0, 1, 2).withRetransmission(2, 0);
        Arrival dup = rfc.process(t, Segment.ack(5, 1), false, 0);
        assertEquals(t, dup.tcb());
        assertEquals(2, dup.tcb().retransmitTimer());
        Arrival acked = rfc.process(t, Segment.ack(5, 2), false, 0);
        assertEquals(Tcb.OFF, acked.tcb().retransmitTimer());
        Tcb synReceived = Tcb.closed().withState(ConnectionState.SYN_RECEIVED).withSendVariables(0, 0, 1)
                .withReceive(4, 5);
        assertEquals(List.of(Segment.rst(0)), rfc.process(synReceived, Segment.ack(5, 0), true, 0).replies());
    }
}
