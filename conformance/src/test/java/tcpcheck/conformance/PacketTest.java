package tcpcheck.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tcpcheck.properties.Pcap;

class PacketTest {
    private static final int A = Packet.documentationAddress(1);
    private static final int B = Packet.documentationAddress(2);

    @Test
    void aSegmentSurvivesEncodingAndDecoding() {
        Packet p = new Packet(A, B, 40001, 20001, 0xFFFFFFF0L, 0x80000001L, Packet.ACK | Packet.PSH, 65535,
                new byte[] {'x'});
        byte[] d = p.encode();
        assertEquals(41, d.length);
        Packet q = Packet.decode(d, d.length);
        assertEquals(A, q.srcIp());
        assertEquals(B, q.dstIp());
        assertEquals(40001, q.srcPort());
        assertEquals(20001, q.dstPort());
        assertEquals(0xFFFFFFF0L, q.seq());
        assertEquals(0x80000001L, q.ack());
        assertEquals(Packet.ACK | Packet.PSH, q.flags());
        assertEquals(65535, q.window());
        assertArrayEquals(new byte[] {'x'}, q.payload());
        assertEquals(1, q.length());
        assertEquals("192.0.2.1:40001 > 192.0.2.2:20001 <SEQ=4294967280><ACK=2147483649><CTL=ACK><DATA 1>",
                q.toString());
    }

    @Test
    void bothChecksumsAreThoseOfRfc1071() {
        byte[] d = new Packet(A, B, 80, 20000, 1, 0, Packet.SYN, 512, new byte[0]).encode();
        // A header and a segment with a correct checksum sum to 0 (RFC 1071).
        byte[] ip = java.util.Arrays.copyOfRange(d, 0, 20);
        assertEquals(0, Pcap.checksum(new byte[0], ip));
        assertEquals(0x45, d[0]);
        assertEquals(6, d[9]);
        assertEquals(40, ((d[2] & 0xFF) << 8) | (d[3] & 0xFF));
        assertEquals(SEG_LEN_SYN, new Packet(A, B, 80, 20000, 1, 0, Packet.SYN | Packet.FIN, 0, null).length());
    }

    private static final int SEG_LEN_SYN = 2;

    @Test
    void aCorruptedSegmentIsRefused() {
        byte[] d = new Packet(A, B, 80, 20000, 7, 9, Packet.RST | Packet.ACK, 0, new byte[0]).encode();
        d[30] ^= 1;
        assertNull(Packet.decode(d, d.length));
    }

    @Test
    void otherDatagramsAreIgnored() {
        byte[] d = new Packet(A, B, 80, 20000, 7, 9, Packet.ACK, 0, new byte[0]).encode();
        assertNull(Packet.decode(d, 19), "truncated");
        byte[] udp = d.clone();
        udp[9] = 17;
        assertNull(Packet.decode(udp, udp.length), "not TCP");
        byte[] v6 = d.clone();
        v6[0] = 0x60;
        assertNull(Packet.decode(v6, v6.length), "IPv6");
        assertTrue(Packet.decode(d, d.length).has(Packet.ACK));
    }

    @Test
    void flagsAreNamedAsRfc9293WritesThem() {
        assertEquals("SYN,ACK", Packet.flagNames(Packet.SYN | Packet.ACK));
        assertEquals("FIN,RST,ACK", Packet.flagNames(Packet.FIN | Packet.RST | Packet.ACK | Packet.PSH));
    }
}
