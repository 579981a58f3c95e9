package tcpcheck.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tcpcheck.model.ConnectionState;
import tcpcheck.model.Segment;
import tcpcheck.model.Tcb;

/**
 * The numbers of a replay: a segment to the kernel sits where it sits in the model, relative to the endpoint's
 * RCV.NXT and SND.UNA, also where the model's numbers wrap (S = 8); the kernel's answers map back to the model's
 * numbers exactly, and are named as the matrix names them.
 */
class NumberMapTest {
    private static final long PEER_BASE = 0x300L << 20;
    private static final long KERNEL_ISS = 0xFFFFFFFFL;

    /** B of the model, passive, with S = 8: LISTEN, then SYN-RECEIVED with ISS 4 for the peer's SYN at 6. */
    @Test
    void aHandshakeMapsBothWaysAcrossTheWrapOfBothSpaces() {
        NumberMap map = new NumberMap(8, PEER_BASE);
        Tcb listen = Tcb.listen();
        Segment syn = Segment.syn(6);
        Seg toKernel = map.toKernel(listen, syn);
        assertEquals(new Seg(Packet.SYN, PEER_BASE + 6, 0, 0), toKernel);
        Tcb synReceived = listen.withState(ConnectionState.SYN_RECEIVED).withReceive(6, 7).withSendVariables(4, 4, 5);
        map.arrived(listen, synReceived, syn, toKernel);
        // The kernel's SYN-ACK, with an ISS of its own just below 2^32, is the model's <SEQ=4><ACK=7>.
        Segment synAck = map.toModel(listen, synReceived,
                new Seg(Packet.SYN | Packet.ACK, KERNEL_ISS, PEER_BASE + 7, 0));
        assertEquals(Segment.synAck(4, 7), synAck);
        assertEquals("<SEQ=ISS'><ACK=SEG.SEQ+SEG.LEN><CTL=SYN,ACK>", map.name(listen, syn, synAck));
        // The peer's ACK at RCV.NXT = 7 acknowledging SND.NXT = 5: 7 and 5 in the kernel's numbers, across 2^32.
        Seg ack = map.toKernel(synReceived, Segment.ack(7, 5));
        assertEquals(PEER_BASE + 7, ack.seq());
        assertEquals(Math.floorMod(KERNEL_ISS + 1, 1L << 32), ack.ack());
        // An ACK of SND.NXT + 2 (model 7, which wraps to the peer's 7 modulo 8) is ahead in the kernel too.
        Seg ahead = map.toKernel(synReceived, Segment.ack(7, 7));
        assertEquals(Math.floorMod(KERNEL_ISS + 3, 1L << 32), ahead.ack());
        // An old ACK, one before SND.UNA, is one before it in the kernel.
        assertEquals(Math.floorMod(KERNEL_ISS - 1, 1L << 32), map.toKernel(synReceived, Segment.ack(7, 3)).ack());
    }

    /** A SEQ that the model's window of two does not hold is out of the kernel's window too; an old one is old. */
    @Test
    void segmentsOutsideTheModelsWindowAreOutsideTheKernels() {
        NumberMap map = new NumberMap(8, PEER_BASE);
        Tcb listen = Tcb.listen();
        Segment syn = Segment.syn(0);
        Seg k = map.toKernel(listen, syn);
        Tcb established = listen.withState(ConnectionState.ESTABLISHED).withReceive(0, 1).withSendVariables(4, 5, 5);
        map.arrived(listen, established, syn, k);
        map.toModel(listen, established, new Seg(Packet.SYN | Packet.ACK, KERNEL_ISS, PEER_BASE + 1, 0));
        long rcvNxt = PEER_BASE + 1;
        assertEquals(rcvNxt, map.toKernel(established, Segment.rst(1)).seq());
        assertEquals(rcvNxt + 1, map.toKernel(established, Segment.rst(2)).seq());
        long ahead = map.toKernel(established, Segment.rst(3)).seq() - rcvNxt;
        assertTrue(ahead > 65535, "two past RCV.NXT, beyond the model's window: " + ahead);
        assertEquals(2 + NumberMap.FAR, ahead);
        assertEquals(rcvNxt - 1, map.toKernel(established, Segment.rst(0)).seq());
        assertEquals("SEQ=RCV.NXT", map.seqClass(established, Segment.rst(1)));
        assertEquals("SEQ in window", map.seqClass(established, Segment.rst(2)));
        assertEquals("SEQ outside window", map.seqClass(established, Segment.rst(0)));
    }

    /** What the kernel sends from CLOSED or LISTEN: the RST answering an ACK, and the RST-ACK answering a SYN. */
    @Test
    void answersFromAClosedPortMapBack() {
        NumberMap map = new NumberMap(8, PEER_BASE);
        Tcb closed = Tcb.closed();
        Segment ack = Segment.ack(3, 6);
        Seg k = map.toKernel(closed, ack);
        Segment rst = map.toModel(closed, closed, new Seg(Packet.RST, k.ack(), 0, 0));
        assertEquals(Segment.rst(6), rst);
        assertEquals("<SEQ=SEG.ACK><CTL=RST>", map.name(closed, ack, rst));
        Segment syn = Segment.syn(7);
        Seg s = map.toKernel(closed, syn);
        Segment rstAck = map.toModel(closed, closed, new Seg(Packet.RST | Packet.ACK, 0, s.seq() + 1, 0));
        assertEquals(Segment.rstAck(0, 0), rstAck);
        assertEquals("<SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>", map.name(closed, syn, rstAck));
        // A number far from any the model could mean has no counterpart, and never equals the model's.
        Segment far = map.toModel(closed, closed, new Seg(Packet.RST, 12345, 0, 0));
        assertEquals(NumberMap.NONE, far.seq());
        assertEquals("<SEQ=?><CTL=RST>", map.name(closed, ack, far));
    }
}
