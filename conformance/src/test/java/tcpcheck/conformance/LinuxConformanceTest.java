package tcpcheck.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tcpcheck.model.ConnectionState;

/**
 * The running kernel against the model, in namespaces of the test's own (the tests need root, network namespaces
 * and TUN, as CI has). One run of the whole matrix and the replays of the shipped files serves the assertions: about
 * 64 s, most of it waiting, while the matrix runs, for the kernel's TIME-WAIT of 60 s in the replays that need it.
 */
class LinuxConformanceTest {
    private static LinuxReport report;

    @BeforeAll
    static void run() throws Exception {
        report = LinuxConformance.run(LinuxConformance.Options.defaults());
    }

    @Test
    void everyCellAgreesOrItsDifferenceIsExplained() {
        assertEquals(906, report.cells().size());
        assertEquals(List.of(), report.unexplained().stream().map(r -> r.cell().label() + ": model " + r.model()
                + ", kernel " + r.kernel()).toList());
        assertEquals(List.of(), report.alternativeUnexplained().stream().map(r -> r.cell().label() + ": "
                + r.alternative() + ", kernel " + r.kernel()).toList());
        assertEquals(List.of(), report.staleExplanations());
        for (CellResult r : report.cells()) {
            if (!r.agrees()) {
                assertNotNull(report.explanation(r), r.cell().label());
            }
        }
        assertTrue(report.agreeing() > 700, "agreeing cells: " + report.agreeing());
        assertEquals(0, report.exitCode(), report.text());
    }

    @Test
    void cellsWithoutControversyAgreeExactly() {
        // The three-way handshake from LISTEN and the RSTs a closed port sends, cell by cell.
        assertEquals("<SEQ=ISS'><ACK=SEG.SEQ+SEG.LEN><CTL=SYN,ACK> → SYN-RECEIVED",
                cell(Role.SERVER, ConnectionState.LISTEN, "SYN").kernel());
        assertEquals("<SEQ=SEG.ACK><CTL=RST> → CLOSED", cell(Role.CLIENT, ConnectionState.CLOSED, "ACK").kernel());
        assertEquals("<SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK> → CLOSED",
                cell(Role.CLIENT, ConnectionState.CLOSED, "SYN").kernel());
        assertTrue(cell(Role.SERVER, ConnectionState.LISTEN, "SYN").agrees());
    }

    private static CellResult cell(Role role, ConnectionState s, String kind) {
        return report.cells().stream().filter(r -> r.cell().role() == role && r.cell().state() == s
                && r.cell().probe().kind().equals(kind)).findFirst().orElseThrow();
    }

    /** tcp_rfc1337 = 0 ends TIME-WAIT on an RST at RCV.NXT (rfc9293-text); 1 keeps it (rfc9293-rfc1337). */
    @Test
    void theTimeWaitAssassinationFollowsTcpRfc1337() {
        List<CellResult> vc = report.variantCells();
        assertEquals(16, vc.size());
        for (CellResult r : vc) {
            assertEquals(ConnectionState.TIME_WAIT, r.cell().state());
            String kind = r.cell().probe().kind();
            assertTrue(kind.equals("RST") || kind.equals("RST-ACK"), kind);
            boolean atRcvNxt = r.cell().probe().seq() == Step.SeqRef.AT_RCV_NXT;
            assertEquals(atRcvNxt, r.alternativeAgrees() && !r.agrees(), r.cell().label());
        }
        assertEquals(16, report.rerun().size());
        for (CellResult r : report.rerun()) {
            assertTrue(r.agrees(), "with tcp_rfc1337 = 1: " + r.cell().label() + " " + r.kernel());
            assertEquals(ConnectionState.TIME_WAIT, r.kernelState());
        }
    }

    /**
     * Every shipped scenario and witness file is replayed with the kernel as each endpoint; every replay follows the
     * model or departs from it only where kernel-differences.json explains the difference.
     */
    @Test
    void everyShippedFileIsReplayedAndEveryDifferenceExplained() {
        List<ReplayFiles.ReplayFile> files = ReplayFiles.shipped();
        assertEquals(27, files.size());
        for (ReplayFiles.ReplayFile f : files) {
            for (String e : List.of("A", "B")) {
                assertEquals(1, report.replays().stream().filter(r -> r.plan().file().name().equals(f.name())
                        && r.plan().endpointName().equals(e) && r.plan().rfc1337() == 0).count(), f.name() + " " + e);
            }
        }
        for (KernelReplay.Result r : report.replays()) {
            assertNotEquals(KernelReplay.Outcome.NOT_REPLAYED, r.outcome(), r.plan().file().name());
            assertEquals(List.of(), r.unexplained(), r.plan().file().name() + " as " + r.plan().endpointName());
            assertNull(r.problem(), r.plan().file().name() + " as " + r.plan().endpointName());
        }
        assertTrue(report.replaysExplained());
        // RFC 9293's handshake, both ways, step by step.
        assertEquals(KernelReplay.Outcome.FOLLOWS, replay("scenarios/rfc9293-fig6-three-way-handshake.json", "A", 0)
                .outcome());
        assertEquals(KernelReplay.Outcome.FOLLOWS, replay("scenarios/rfc9293-fig6-three-way-handshake.json", "B", 0)
                .outcome());
        // Figure 8: the RST for the old SYN-ACK, then (Linux's timer) its SYN again at once; then ESTABLISHED.
        KernelReplay.Result fig8 = replay("scenarios/rfc9293-fig8-recovery-from-old-duplicate-syn.json", "A", 0);
        assertEquals("syn-sent-early-retransmission", fig8.departure().explanation());
        assertEquals("<SEQ=SEG.ACK><CTL=RST> → SYN-SENT", fig8.departure().model());
        assertEquals(ConnectionState.ESTABLISHED, last(fig8).kernelState());
        assertEquals(KernelReplay.Outcome.FOLLOWS,
                replay("scenarios/rfc9293-fig8-recovery-from-old-duplicate-syn.json", "B", 0).outcome());
    }

    /**
     * The kernel's default (tcp_rfc1337 = 0) is rfc9293-text where an RST meets TIME-WAIT, and 1 is rfc9293-rfc1337:
     * RFC 1337's TWA-3 (the assassination, on rfc9293-text) and its blocked twin (on rfc9293-rfc1337), each replayed
     * with the kernel as A with both values.
     */
    @Test
    void theTimeWaitAssassinationFilesFollowTcpRfc1337() {
        String twa3 = "scenarios/rfc1337-twa3-rst-ends-time-wait.json";
        String blocked = "scenarios/rfc1337-twa3-rst-ends-time-wait-blocked.json";
        assertEquals(KernelReplay.Outcome.FOLLOWS, replay(twa3, "A", 0).outcome());
        assertEquals("nothing → CLOSED", last(replay(twa3, "A", 0)).kernel());
        KernelReplay.Result twa3With1 = replay(twa3, "A", 1);
        assertEquals(KernelReplay.Outcome.STOPS, twa3With1.outcome());
        assertEquals(20, twa3With1.departure().step());
        assertEquals("nothing → TIME-WAIT", twa3With1.departure().kernel());
        assertEquals("time-wait-rfc1337", twa3With1.departure().explanation());
        KernelReplay.Result blockedWith0 = replay(blocked, "A", 0);
        assertEquals(KernelReplay.Outcome.STOPS, blockedWith0.outcome());
        assertEquals(20, blockedWith0.departure().step());
        assertEquals("nothing → CLOSED", blockedWith0.departure().kernel());
        assertEquals("time-wait-assassination", blockedWith0.departure().explanation());
        KernelReplay.Result blockedWith1 = replay(blocked, "A", 1);
        assertEquals(KernelReplay.Outcome.FOLLOWS, blockedWith1.outcome());
        // It waits for the kernel's TIME-WAIT (60 s) to end, as the file's last step says.
        KernelReplay.StepResult end = last(blockedWith1);
        assertEquals("TIME_WAIT_TIMEOUT of A", end.action());
        assertTrue(end.waited() > 50, "waited " + end.waited());
        assertEquals(ConnectionState.CLOSED, end.kernelState());
    }

    private static KernelReplay.Result replay(String file, String endpoint, int rfc1337) {
        return report.replays().stream().filter(r -> r.plan().file().name().equals(file)
                && r.plan().endpointName().equals(endpoint) && r.plan().rfc1337() == rfc1337).findFirst()
                .orElseThrow(() -> new AssertionError("no replay of " + file + " as " + endpoint + " with "
                        + rfc1337));
    }

    private static KernelReplay.StepResult last(KernelReplay.Result r) {
        return r.kernelSteps().get(r.kernelSteps().size() - 1);
    }

    @Test
    void theJsonReportHasEveryCell() throws Exception {
        JsonNode j = new ObjectMapper().readTree(report.json());
        assertEquals(906, j.path("matrix").size());
        assertEquals(report.agreeing(), j.path("agreeing").asInt());
        assertEquals(0, j.path("unexplained").asInt());
        assertEquals(0, j.path("tcpRfc1337Default").asInt());
        assertEquals(System.getProperty("os.version"), j.path("kernel").asText());
        assertEquals(16, j.path("rerun").path("cells").size());
        assertEquals(report.replays().size(), j.path("replays").size());
        assertEquals(0, j.path("againstAlternative").path("unexplained").asInt());
        assertEquals(0, j.path("exitCode").asInt());
    }

    /** The namespace is gone after the run, and after a run that fails half-way. */
    @Test
    void theNamespaceIsRemovedEvenWhenARunFails() throws Exception {
        String[] name = new String[1];
        assertThrows(IllegalStateException.class, () -> {
            try (KernelHarness h = KernelHarness.start(2)) {
                name[0] = h.namespace().name();
                assertTrue(NetworkNamespace.exists(name[0]));
                throw new IllegalStateException("a failing run");
            }
        });
        assertFalse(NetworkNamespace.exists(name[0]), name[0]);
        assertTrue(report.text().contains("in the network namespace tcpcheck-"));
        String ran = report.text().replaceAll("(?s).*in the network namespace (tcpcheck-[0-9]+-[0-9]+).*", "$1");
        assertFalse(NetworkNamespace.exists(ran), ran);
        // Both namespaces of the run (the second, with tcp_rfc1337 = 1, is named next to the first) are gone: no
        // namespace of this process is left.
        String mine = "tcpcheck-" + ProcessHandle.current().pid() + "-";
        try (java.util.stream.Stream<java.nio.file.Path> all = java.nio.file.Files.list(java.nio.file.Path.of(
                "/run/netns"))) {
            assertEquals(List.of(), all.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(mine)).toList());
        }
    }
}
