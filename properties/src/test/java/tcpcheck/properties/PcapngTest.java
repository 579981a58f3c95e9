package tcpcheck.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tcpcheck.model.TcpModel;
import tcpcheck.model.Variant;

/**
 * The pcapng captures as Wireshark reads them (tshark): two capture points named A and B, each packet at the
 * endpoint that received it, or at its sender when it was lost; the model's SEQ and ACK; the documented times; and a
 * comment on each decisive packet.
 */
class PcapngTest {
    @TempDir
    Path dir;

    @Test
    void theOldDuplicateSynArrivesAtBWithItsComment() throws Exception {
        PropertyVerdict p = Reports.defaults(Variant.TWO_WAY_HANDSHAKE).result(TcpProperties.NO_STALE_ACCEPT);
        Explanation x = new Explanation(new TcpModel(Variant.TWO_WAY_HANDSHAKE,
                Reports.defaults(Variant.TWO_WAY_HANDSHAKE).parameters()), p.property(), p.part(), p.trace());
        Path f = dir.resolve("stale-syn.pcapng");
        Files.write(f, x.pcapng());
        List<String> got = read(f);
        assertEquals(List.of("A", "B"), got.stream().map(l -> l.split("\\|")[0]).distinct().sorted().toList(),
                "two capture points");
        assertEquals(expected(x), got.stream().map(PcapngTest::starred).toList());
        String last = got.get(got.size() - 1);
        assertTrue(last.startsWith("B|2|1|0|0|0|"), last);
        assertTrue(last.endsWith("s2 arrives at B at step 14: old duplicate of connection 1, age 0 (sent at step 1);"
                + " duplicate of s1 made by the network at step 2"), last);
    }

    @Test
    void theLostLastAckAppearsOnlyWhereItWasSent() throws Exception {
        Explanation x = Textbook.lostLastAck().explanation();
        Path f = dir.resolve("lost-last-ack.pcapng");
        Files.write(f, x.pcapng());
        List<String> got = read(f);
        assertEquals(expected(x), got.stream().map(PcapngTest::starred).toList());
        Timeline tl = Timeline.of(x.trace());
        Timeline.Copy lost = tl.copies().stream().filter(c -> c.fate() == Timeline.Fate.LOST).findFirst().orElseThrow();
        List<String> seen = got.stream().filter(l -> l.split("\\|")[1].equals(String.valueOf(lost.id()))).toList();
        assertEquals(1, seen.size(), "the lost ACK is captured once");
        assertTrue(seen.get(0).startsWith("A|"), "at A, which sent it: " + seen.get(0));
        assertTrue(seen.get(0).contains("lost in the network (at step " + lost.left() + ")"), seen.get(0));
        assertTrue(got.stream().anyMatch(l -> l.contains("retransmission (sent at step")), "B's FIN retransmitted");
    }

    /** Capture point, IPv4 id (decimal), SYN, ACK, SEQ, ACK number, time and comment, one line per packet. */
    private static List<String> read(Path f) throws Exception {
        return PcapTest.fields(f, "|", "frame.interface_name", "ip.id", "tcp.flags.syn", "tcp.flags.ack",
                "tcp.seq_raw", "tcp.ack_raw", "frame.time_epoch", "frame.comment").stream()
                .map(l -> l.replace("True", "1").replace("False", "0")).map(PcapngTest::decimalId).toList();
    }

    private static String decimalId(String l) {
        String[] f = l.split("\\|", -1);
        f[1] = String.valueOf(Integer.decode(f[1]));
        return String.join("|", f);
    }

    /** The line with its comment replaced by "*" (a comment) or "" (none). */
    private static String starred(String l) {
        int i = l.lastIndexOf('|');
        return l.substring(0, i + 1) + (l.substring(i + 1).isEmpty() ? "" : "*");
    }

    /** What the capture must hold: per packet the capture point, id, flags, numbers, time and comment. */
    private static List<String> expected(Explanation x) {
        Timeline tl = Timeline.of(x.trace());
        List<String[]> rows = new ArrayList<>();
        List<Integer> steps = new ArrayList<>();
        for (Timeline.Copy c : tl.copies()) {
            boolean lostHere = c.fate() == Timeline.Fate.LOST && c.origin() != Timeline.Origin.DUPLICATED;
            if (!lostHere && c.fate() != Timeline.Fate.DELIVERED) {
                continue;
            }
            int step = lostHere ? c.entered() : c.left();
            int at = lostHere ? c.from() : c.to();
            boolean decisive = lostHere || c.old() || c.origin() != Timeline.Origin.SENT;
            long micros = (Pcapng.START + tl.ticks(step)) * 1_000_000L + step * 1000L;
            String time = String.format("%d.%06d000", micros / 1_000_000, micros % 1_000_000);
            rows.add(new String[] {Timeline.name(at), String.valueOf(c.id()), c.segment().syn() ? "1" : "0",
                c.segment().ack() ? "1" : "0", String.valueOf(c.segment().seq()),
                String.valueOf(c.segment().ack() ? c.segment().ackNo() : 0), time, decisive ? "*" : ""});
            steps.add(step);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Integer.compare(steps.get(a), steps.get(b)));
        List<String> out = new ArrayList<>();
        for (int i : order) {
            out.add(String.join("|", rows.get(i)));
        }
        return out;
    }
}
