package tcpcheck.properties;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import tcpcheck.checker.Trace;
import tcpcheck.model.Action;
import tcpcheck.model.Segment;
import tcpcheck.model.TcpModel;
import tcpcheck.model.TcpState;

/**
 * A counterexample as a capture file (libpcap format, Ethernet, IPv4, TCP), so that Wireshark opens it. One packet
 * per delivery, at the moment it arrives; a lost segment never arrives and is left out (so are the copies the
 * network drops, for the same reason). Addresses are the documentation network 192.0.2.0/24: A is 192.0.2.1 port
 * 49152, B is 192.0.2.2 port 80. SEQ and ACK are the model's own numbers (from its ISNs, modulo S) as 32-bit
 * values; a data unit is one byte of payload, so the sequence space adds up in Wireshark too. The window is
 * RCV.WND = 2. The timestamp is the tick count in seconds, plus one millisecond per step, so packets keep their
 * order. Checksums (IPv4 header, TCP with its pseudo-header) are correct.
 */
public final class Pcap {
    static final int PORT_A = 49152;
    static final int PORT_B = 80;
    private static final byte[] IP_A = {(byte) 192, 0, 2, 1};
    private static final byte[] IP_B = {(byte) 192, 0, 2, 2};
    private static final byte[] MAC_A = {2, 0, 0, 0, 0, 1};
    private static final byte[] MAC_B = {2, 0, 0, 0, 0, 2};

    private Pcap() {
    }

    public static byte[] write(Trace<TcpState, Action> t) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535)
                .putInt(1);
        out.writeBytes(header.array());
        int ticks = 0;
        for (int i = 1; i < t.steps().size(); i++) {
            Action a = t.steps().get(i).action();
            if (a.kind() == Action.Kind.TICK) {
                ticks++;
            }
            if (a.kind() != Action.Kind.DELIVER) {
                continue;
            }
            byte[] frame = frame(a.segment(), a.endpoint() == TcpModel.B, a.stamp().dataIndex(), i);
            ByteBuffer rec = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            rec.putInt(ticks).putInt(i * 1000).putInt(frame.length).putInt(frame.length);
            out.writeBytes(rec.array());
            out.writeBytes(frame);
        }
        return out.toByteArray();
    }

    /** An Ethernet frame carrying the segment; {@code toB} says which way it travels. */
    static byte[] frame(Segment s, boolean toB, int dataIndex, int id) {
        byte[] payload = s.data() ? new byte[] {(byte) ((toB ? 'a' : 'A') + dataIndex)} : new byte[0];
        byte[] srcIp = toB ? IP_A : IP_B;
        byte[] dstIp = toB ? IP_B : IP_A;
        ByteBuffer tcp = ByteBuffer.allocate(20 + payload.length).order(ByteOrder.BIG_ENDIAN);
        tcp.putShort((short) (toB ? PORT_A : PORT_B)).putShort((short) (toB ? PORT_B : PORT_A));
        tcp.putInt(s.seq()).putInt(s.ack() ? s.ackNo() : 0);
        int flags = (s.fin() ? 0x01 : 0) | (s.syn() ? 0x02 : 0) | (s.rst() ? 0x04 : 0) | (s.data() ? 0x08 : 0)
                | (s.ack() ? 0x10 : 0);
        tcp.put((byte) (5 << 4)).put((byte) flags).putShort((short) 2).putShort((short) 0).putShort((short) 0);
        tcp.put(payload);
        byte[] tcpBytes = tcp.array();
        int sum = checksum(pseudoHeader(srcIp, dstIp, tcpBytes.length), tcpBytes);
        tcpBytes[16] = (byte) (sum >>> 8);
        tcpBytes[17] = (byte) sum;

        ByteBuffer ip = ByteBuffer.allocate(20).order(ByteOrder.BIG_ENDIAN);
        ip.put((byte) 0x45).put((byte) 0).putShort((short) (20 + tcpBytes.length)).putShort((short) id)
                .putShort((short) 0x4000).put((byte) 64).put((byte) 6).putShort((short) 0).put(srcIp).put(dstIp);
        byte[] ipBytes = ip.array();
        int ipSum = checksum(new byte[0], ipBytes);
        ipBytes[10] = (byte) (ipSum >>> 8);
        ipBytes[11] = (byte) ipSum;

        ByteBuffer eth = ByteBuffer.allocate(14 + ipBytes.length + tcpBytes.length);
        eth.put(toB ? MAC_B : MAC_A).put(toB ? MAC_A : MAC_B).putShort((short) 0x0800).put(ipBytes).put(tcpBytes);
        return eth.array();
    }

    private static byte[] pseudoHeader(byte[] src, byte[] dst, int tcpLength) {
        ByteBuffer b = ByteBuffer.allocate(12);
        b.put(src).put(dst).put((byte) 0).put((byte) 6).putShort((short) tcpLength);
        return b.array();
    }

    /** The Internet checksum (RFC 1071) over two byte ranges taken as one (also used by the conformance module). */
    public static int checksum(byte[] first, byte[] second) {
        long sum = 0;
        byte[] all = new byte[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        for (int i = 0; i < all.length; i += 2) {
            int hi = all[i] & 0xFF;
            int lo = i + 1 < all.length ? all[i + 1] & 0xFF : 0;
            sum += (hi << 8) | lo;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return (int) (~sum & 0xFFFF);
    }
}
