package tcpcheck.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The output routine and the segment rebuilt for retransmission (S = 8, RTO = 2). */
class OutputTest {
    private final Output output = new Output(new SequenceSpace(8), 2);

    @Test
    void theOutstandingSegmentIsRebuiltFromTheTcb() {
        Tcb synSent = Tcb.closed().withState(ConnectionState.SYN_SENT).withSendVariables(4, 4, 5);
        assertEquals(Segment.syn(4), Output.outstanding(synSent, Variant.RFC9293_RFC1337).segment());
        Tcb synReceived = synSent.withState(ConnectionState.SYN_RECEIVED).withReceive(0, 1);
        assertEquals(Segment.synAck(4, 1), Output.outstanding(synReceived, Variant.RFC9293_RFC1337).segment());
        assertEquals(Segment.syn(4), Output.outstanding(synReceived, Variant.FOUR_WAY_HANDSHAKE).segment());
        Tcb fin = synReceived.withState(ConnectionState.FIN_WAIT_1).withSendVariables(4, 6, 7).withRcvNxt(2)
                .withQueue(0, 1, true, true);
        assertEquals(Segment.fin(6, 2), Output.outstanding(fin, Variant.RFC9293_RFC1337).segment());
        Tcb data = fin.withState(ConnectionState.ESTABLISHED).withQueue(0, 2, false, false);
        Output.Sent d = Output.outstanding(data, Variant.RFC9293_RFC1337);
        assertEquals(Segment.data(6, 2), d.segment());
        assertEquals(1, d.dataIndex(), "the last unit sent");
    }

    /** Data before the FIN, one segment outstanding at a time, and nothing from a state that does not send. */
    @Test
    void sendsWhatTheWindowAllows() {
        Tcb t = Tcb.closed().withState(ConnectionState.ESTABLISHED).withSendVariables(0, 1, 1).withReceive(4, 5)
                .withQueue(1, 0, true, false);
        Output.Sent first = output.send(t);
        assertEquals(Segment.data(1, 5), first.segment());
        assertEquals(2, first.tcb().retransmitTimer());
        assertNull(output.send(first.tcb()).segment(), "one segment outstanding");
        Output.Sent fin = output.send(first.tcb().withSndUna(2));
        assertEquals(Segment.fin(2, 5), fin.segment());
        assertNull(output.send(t.withState(ConnectionState.SYN_RECEIVED).withSendVariables(0, 1, 1)).segment());
        assertNull(output.send(t.withState(ConnectionState.FIN_WAIT_2)).segment());
    }
}
