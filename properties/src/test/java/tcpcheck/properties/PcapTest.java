package tcpcheck.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tcpcheck.checker.Trace;
import tcpcheck.model.Action;
import tcpcheck.model.Segment;
import tcpcheck.model.TcpModel;
import tcpcheck.model.TcpState;
import tcpcheck.model.Variant;

/**
 * A counterexample's capture, read back by Wireshark's tshark (a Debian package; .ci/run installs it): every
 * delivery is a packet with the model's flags, SEQ and ACK, the right ports and length, and good checksums.
 */
class PcapTest {
    @TempDir
    Path dir;

    @Test
    void tsharkReadsTheStaleSynStory() throws Exception {
        Trace<TcpState, Action> t = Reports.defaults(Variant.TWO_WAY_HANDSHAKE).result(TcpProperties.NO_STALE_ACCEPT)
                .trace();
        Path file = dir.resolve("stale-syn.pcap");
        Files.write(file, Pcap.write(t));
        List<String> expected = new ArrayList<>();
        for (Trace.Step<TcpState, Action> s : t.steps()) {
            Action a = s.action();
            if (a == null || a.kind() != Action.Kind.DELIVER) {
                continue;
            }
            Segment g = a.segment();
            boolean toB = a.endpoint() == TcpModel.B;
            expected.add(String.join(",", String.valueOf(toB ? Pcap.PORT_A : Pcap.PORT_B),
                    String.valueOf(toB ? Pcap.PORT_B : Pcap.PORT_A), bit(g.syn()), bit(g.ack()), bit(g.fin()),
                    bit(g.rst()), String.valueOf(g.seq()), String.valueOf(g.ack() ? g.ackNo() : 0),
                    g.data() ? "1" : "0", "1", "1"));
        }
        // Of the 14 steps, 6 are not deliveries: the open, the duplication, two writes and two closes.
        assertEquals(8, expected.size(), "8 of the 14 steps are deliveries");
        List<String> got = tshark(file, "tcp.srcport", "tcp.dstport", "tcp.flags.syn", "tcp.flags.ack",
                "tcp.flags.fin", "tcp.flags.reset", "tcp.seq_raw", "tcp.ack_raw", "tcp.len", "ip.checksum.status",
                "tcp.checksum.status");
        assertEquals(expected, got);

        // Control: the check can fail. A wrong TCP checksum in the first packet reads as status 0 (bad).
        byte[] bytes = Files.readAllBytes(file);
        bytes[24 + 16 + 14 + 20 + 16] ^= 0x5A;
        Path bad = dir.resolve("bad.pcap");
        Files.write(bad, bytes);
        assertEquals("0", tshark(bad, "tcp.checksum.status").get(0));
    }

    private static String bit(boolean b) {
        return b ? "1" : "0";
    }

    /** The fields tshark dissects, one line per packet, with checksum validation on (status 1 good, 0 bad). */
    static List<String> tshark(Path file, String... fields) throws Exception {
        return fields(file, ",", fields).stream().map(l -> l.replace("True", "1").replace("False", "0")).toList();
    }

    /** The same with another separator between the fields. */
    static List<String> fields(Path file, String separator, String... fields) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("tshark", "-r", file.toString(), "-o", "tcp.check_checksum:TRUE",
                "-o", "ip.check_checksum:TRUE", "-o", "tcp.relative_sequence_numbers:FALSE", "-T", "fields", "-E",
                "separator=" + separator));
        for (String f : fields) {
            cmd.add("-e");
            cmd.add(f);
        }
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        } catch (java.io.IOException e) {
            throw new AssertionError("tshark is needed to read captures back and was not found: apt-get install"
                    + " tshark (.ci/run installs it)");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), err);
        return out.lines().toList();
    }
}
