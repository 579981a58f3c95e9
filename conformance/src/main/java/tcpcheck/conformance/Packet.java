package tcpcheck.conformance;

import java.nio.ByteBuffer;
import tcpcheck.properties.Pcap;

/**
 * An IPv4 packet carrying a TCP segment (RFC 791, RFC 9293 section 3.1), as the harness writes it into the TUN device
 * and reads it back: addresses, ports, SEG.SEQ, SEG.ACK, the control bits, the window and the payload. No IP options,
 * no TCP options (the harness offers none, so the kernel uses none: no timestamps, no window scaling, no SACK).
 * Checksums are the Internet checksum of RFC 1071 ({@link Pcap#checksum}).
 *
 * @param seq SEG.SEQ, unsigned 32 bits
 * @param ack SEG.ACK, unsigned 32 bits (0 when the ACK bit is off, as stacks send it)
 */
public record Packet(int srcIp, int dstIp, int srcPort, int dstPort, long seq, long ack, int flags, int window,
                     byte[] payload) {
    public static final int FIN = 0x01;
    public static final int SYN = 0x02;
    public static final int RST = 0x04;
    public static final int PSH = 0x08;
    public static final int ACK = 0x10;

    private static final int IP_HEADER = 20;
    private static final int TCP_HEADER = 20;
    private static final int PROTOCOL_TCP = 6;

    public Packet {
        seq &= 0xFFFFFFFFL;
        ack &= 0xFFFFFFFFL;
        payload = payload == null ? new byte[0] : payload.clone();
    }

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    /** SEG.LEN: the payload, plus one for SYN and one for FIN. */
    public int length() {
        return payload.length + (has(SYN) ? 1 : 0) + (has(FIN) ? 1 : 0);
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** The IPv4 datagram: header (no options, DF set, TTL 64) and TCP segment, both checksums computed. */
    public byte[] encode() {
        byte[] tcp = new byte[TCP_HEADER + payload.length];
        ByteBuffer t = ByteBuffer.wrap(tcp);
        t.putShort((short) srcPort).putShort((short) dstPort).putInt((int) seq).putInt((int) ack);
        t.put((byte) (TCP_HEADER / 4 << 4)).put((byte) flags).putShort((short) window);
        t.putShort((short) 0).putShort((short) 0).put(payload);
        int sum = Pcap.checksum(pseudoHeader(srcIp, dstIp, tcp.length), tcp);
        tcp[16] = (byte) (sum >>> 8);
        tcp[17] = (byte) sum;
        byte[] ip = new byte[IP_HEADER];
        ByteBuffer h = ByteBuffer.wrap(ip);
        h.put((byte) 0x45).put((byte) 0).putShort((short) (IP_HEADER + tcp.length)).putShort((short) 0)
                .putShort((short) 0x4000).put((byte) 64).put((byte) PROTOCOL_TCP).putShort((short) 0)
                .putInt(srcIp).putInt(dstIp);
        int ipSum = Pcap.checksum(new byte[0], ip);
        ip[10] = (byte) (ipSum >>> 8);
        ip[11] = (byte) ipSum;
        return ByteBuffer.allocate(ip.length + tcp.length).put(ip).put(tcp).array();
    }

    /**
     * Reads an IPv4 datagram carrying TCP; null for anything else (IPv6, another protocol, a fragment, a truncated
     * datagram) and for a TCP segment whose checksum is wrong.
     */
    public static Packet decode(byte[] b, int length) {
        if (length < IP_HEADER || (b[0] & 0xF0) != 0x40) {
            return null;
        }
        ByteBuffer d = ByteBuffer.wrap(b, 0, length);
        int ihl = (b[0] & 0x0F) * 4;
        int total = d.getShort(2) & 0xFFFF;
        int fragment = d.getShort(6) & 0x3FFF;
        if (b[9] != PROTOCOL_TCP || ihl < IP_HEADER || total > length || fragment != 0
                || total < ihl + TCP_HEADER) {
            return null;
        }
        int src = d.getInt(12);
        int dst = d.getInt(16);
        int dataOffset = ((b[ihl + 12] & 0xF0) >>> 4) * 4;
        if (dataOffset < TCP_HEADER || ihl + dataOffset > total) {
            return null;
        }
        byte[] tcp = new byte[total - ihl];
        System.arraycopy(b, ihl, tcp, 0, tcp.length);
        if (Pcap.checksum(pseudoHeader(src, dst, tcp.length), tcp) != 0) {
            return null;
        }
        ByteBuffer t = ByteBuffer.wrap(tcp);
        byte[] payload = new byte[tcp.length - dataOffset];
        System.arraycopy(tcp, dataOffset, payload, 0, payload.length);
        return new Packet(src, dst, t.getShort(0) & 0xFFFF, t.getShort(2) & 0xFFFF, t.getInt(4) & 0xFFFFFFFFL,
                t.getInt(8) & 0xFFFFFFFFL, tcp[13] & 0x3F, t.getShort(14) & 0xFFFF, payload);
    }

    private static byte[] pseudoHeader(int src, int dst, int tcpLength) {
        return ByteBuffer.allocate(12).putInt(src).putInt(dst).put((byte) 0).put((byte) PROTOCOL_TCP)
                .putShort((short) tcpLength).array();
    }

    /** The control bits as RFC 9293 writes them: "SYN,ACK", "RST", "FIN,ACK" (PSH left out). */
    public static String flagNames(int flags) {
        StringBuilder b = new StringBuilder();
        String[] names = {"SYN", "FIN", "RST", "ACK"};
        int[] bits = {SYN, FIN, RST, ACK};
        for (int i = 0; i < bits.length; i++) {
            if ((flags & bits[i]) != 0) {
                b.append(b.length() == 0 ? "" : ",").append(names[i]);
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return ipv4(srcIp) + ":" + srcPort + " > " + ipv4(dstIp) + ":" + dstPort + " <SEQ=" + seq + "><ACK=" + ack
                + "><CTL=" + flagNames(flags) + ">" + (payload.length > 0 ? "<DATA " + payload.length + ">" : "");
    }

    static String ipv4(int a) {
        return (a >>> 24) + "." + (a >>> 16 & 0xFF) + "." + (a >>> 8 & 0xFF) + "." + (a & 0xFF);
    }

    /** 192.0.2.x as an int. */
    static int documentationAddress(int host) {
        return 192 << 24 | 2 << 8 | host;
    }
}
