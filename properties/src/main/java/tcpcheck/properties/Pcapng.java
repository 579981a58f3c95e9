package tcpcheck.properties;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tcpcheck.model.TcpModel;

/**
 * A counterexample as a pcapng capture with two capture points, one at each endpoint: interface 0 is A (192.0.2.1,
 * port 49152), interface 1 is B (192.0.2.2, port 80). A capture point records the segments that reach its endpoint,
 * at the step they arrive, and the segments its endpoint sent that the network lost, at the step they were sent: a
 * lost segment appears where it was sent and nowhere else, an old duplicate where it arrives. (Recording every
 * segment at both ends would show each one twice, and Wireshark's TCP analysis, which follows one connection across
 * interfaces, would flag every second copy as a retransmission.) Decisive packets carry a comment: lost in the
 * network, retransmission, duplicate made by the network, old segment of connection n.
 *
 * <p>Time: the capture starts at 2022-08-18 00:00:00 UTC (RFC 9293's date; a fixed date keeps captures
 * reproducible); one tick is one second, and each step adds one millisecond, so packets keep the order of the steps.
 * Headers are as in {@link Pcap}: Ethernet, IPv4 and TCP with the model's flags, SEQ and ACK as 32-bit values, one
 * byte of payload per data unit, correct checksums. The IPv4 identification is the segment's number (s3 is 3).
 */
public final class Pcapng {
    /** 2022-08-18 00:00:00 UTC in seconds since 1970. */
    static final long START = 1_660_780_800L;

    /** How to read a capture, for the counterexamples' README. */
    public static final String README = "Each counterexample's `.pcapng` capture has two capture points, one at each"
            + " endpoint: interface 0 is A (192.0.2.1, port 49152), interface 1 is B (192.0.2.2, port 80). A capture"
            + " point records the segments that reach its endpoint, when they arrive, and the segments its endpoint"
            + " sent that the network lost, when they were sent: a lost segment appears only where it was sent, an"
            + " old duplicate where it arrives. Decisive packets carry a comment (\"lost in the network\","
            + " \"retransmission\", \"duplicate of s1 made by the network\", \"old segment of connection 1, age"
            + " 1\"); the IPv4 identification is the segment's number in the charts (s3 has id 3).\n\n"
            + "Time: the capture starts at 2022-08-18 00:00:00 UTC, a fixed date (RFC 9293's) that keeps captures"
            + " reproducible; one tick of the model is one second, and each step adds one millisecond, so packets"
            + " keep the order of the steps (00:00:02.014 is step 14, after 2 ticks).\n\n"
            + "In Wireshark: show the sequence numbers as the model has them (Edit → Preferences → Protocols → TCP:"
            + " untick \"Relative sequence numbers\"; with tshark, `-o tcp.relative_sequence_numbers:FALSE`), add"
            + " the capture point as a column (`frame.interface_name`: A or B) and the comments (`frame.comment`, also"
            + " under \"Packet comments\" in the packet details). Wireshark's TCP analysis does not know the model: an"
            + " old SYN that arrives again is flagged \"TCP Retransmission\" or \"TCP Port numbers reused\", a late"
            + " ACK whose SEQ is one below what it expects \"TCP Keep-Alive\", a repeated ACK \"TCP Dup ACK\"; the"
            + " comments say what each decisive packet is. `./tcpcheck show FILE.json --format pcap --output F.pcap`"
            + " writes the older libpcap format (the deliveries only, no comments) for tools that do not read"
            + " pcapng.\n";

    private Pcapng() {
    }

    /** One packet of the capture. */
    private record Packet(long micros, int step, int iface, byte[] frame, String comment) {
    }

    public static byte[] write(Explanation x) {
        Timeline tl = Timeline.of(x.trace());
        List<Packet> packets = new ArrayList<>();
        for (Timeline.Copy c : tl.copies()) {
            byte[] frame = Pcap.frame(c.segment(), c.to() == TcpModel.B, c.stamp().dataIndex(), c.id());
            List<String> notes = new ArrayList<>();
            if (c.fate() == Timeline.Fate.LOST) {
                notes.add("lost in the network (at step " + c.left() + ")");
            }
            if (c.old()) {
                notes.add((c.origin() == Timeline.Origin.DUPLICATED ? "old duplicate" : "old segment")
                        + " of connection " + c.stamp().connection() + ", age " + c.age() + " (sent at step " + c.sent()
                        + ")");
            }
            if (c.origin() == Timeline.Origin.DUPLICATED) {
                notes.add("duplicate of " + tl.copy(c.original()).name() + " made by the network at step "
                        + c.entered());
            }
            if (c.origin() == Timeline.Origin.RETRANSMITTED) {
                notes.add("retransmission (sent at step " + c.entered() + ")");
            }
            if (c.fate() == Timeline.Fate.LOST && c.origin() != Timeline.Origin.DUPLICATED) {
                packets.add(new Packet(time(tl, c.entered()), c.entered(), c.from(), frame, c.name() + " sent by "
                        + Timeline.name(c.from()) + " at step " + c.entered() + ": " + String.join("; ", notes)));
            } else if (c.fate() == Timeline.Fate.DELIVERED) {
                packets.add(new Packet(time(tl, c.left()), c.left(), c.to(), frame, notes.isEmpty() ? null
                        : c.name() + " arrives at " + Timeline.name(c.to()) + " at step " + c.left() + ": "
                        + String.join("; ", notes)));
            }
        }
        packets.sort(Comparator.comparingInt(Packet::step));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(sectionHeader(x.title()));
        out.writeBytes(interfaceBlock("A", "capture point at A, 192.0.2.1 port " + Pcap.PORT_A));
        out.writeBytes(interfaceBlock("B", "capture point at B, 192.0.2.2 port " + Pcap.PORT_B));
        for (Packet p : packets) {
            out.writeBytes(enhancedPacket(p));
        }
        return out.toByteArray();
    }

    /** The time of a step in microseconds since 1970: the start, one second per tick, one millisecond per step. */
    static long time(Timeline tl, int step) {
        return (START + tl.ticks(step)) * 1_000_000L + step * 1_000L;
    }

    private static byte[] sectionHeader(String title) {
        ByteBuffer body = le(16);
        body.putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0).putLong(-1L);
        return block(0x0A0D0D0A, body.array(), options(new int[] {1, 4},
                new String[] {title + " (tcpcheck counterexample)", "tcpcheck"}));
    }

    private static byte[] interfaceBlock(String name, String description) {
        ByteBuffer body = le(8);
        body.putShort((short) 1).putShort((short) 0).putInt(65535);
        return block(1, body.array(), options(new int[] {2, 3}, new String[] {name, description}));
    }

    private static byte[] enhancedPacket(Packet p) {
        int padded = (p.frame().length + 3) & ~3;
        ByteBuffer body = le(20 + padded);
        body.putInt(p.iface()).putInt((int) (p.micros() >>> 32)).putInt((int) p.micros()).putInt(p.frame().length)
                .putInt(p.frame().length).put(p.frame());
        return block(6, body.array(), p.comment() == null ? new byte[0]
                : options(new int[] {1}, new String[] {p.comment()}));
    }

    /** Options: each code, length, value padded to 4 bytes, then the end of options. */
    private static byte[] options(int[] codes, String[] values) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (int i = 0; i < codes.length; i++) {
            byte[] v = values[i].getBytes(StandardCharsets.UTF_8);
            ByteBuffer b = le(4 + ((v.length + 3) & ~3));
            b.putShort((short) codes[i]).putShort((short) v.length).put(v);
            o.writeBytes(b.array());
        }
        o.writeBytes(new byte[4]);
        return o.toByteArray();
    }

    private static byte[] block(int type, byte[] body, byte[] options) {
        int total = 12 + body.length + options.length;
        ByteBuffer b = le(total);
        b.putInt(type).putInt(total).put(body).put(options).putInt(total);
        return b.array();
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }
}
