package tcpcheck.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tcpcheck.model.ConnectionState;
import tcpcheck.model.Variant;

/**
 * The running kernel against the model, in a namespace of the test's own (the tests need root, network namespaces
 * and TUN, as CI has). One run of the whole matrix and the stories (about 15 s) serves the assertions.
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

    @Test
    void everyStoryReproduces() {
        assertEquals(Stories.all().size(), report.stories().size());
        for (StoryRun.Result s : report.stories()) {
            assertTrue(s.reproduces(), s.story().id() + ": " + s.beats());
            assertEquals(s.story().beats().size(), s.beats().size(), s.story().id());
        }
        StoryRun.Result fig8 = story("figure-8-client");
        assertEquals("<SEQ=SEG.ACK><CTL=RST> → SYN-SENT", fig8.beats().get(1).model());
        assertTrue(fig8.beats().get(1).kernel().startsWith("<SEQ=SEG.ACK><CTL=RST>"));
        assertTrue(fig8.beats().get(2).kernel().endsWith("→ ESTABLISHED") && fig8.beats().get(2).agrees());
        assertEquals("nothing → CLOSED", last(story("rst-in-time-wait-text")).kernel());
        assertEquals(Variant.RFC9293_TEXT, story("rst-in-time-wait-text").story().variant());
        assertEquals("nothing → TIME-WAIT", last(story("rst-in-time-wait-rfc1337")).kernel());
    }

    private static StoryRun.Result story(String id) {
        return report.stories().stream().filter(s -> s.story().id().equals(id)).findFirst().orElseThrow();
    }

    private static StoryRun.BeatResult last(StoryRun.Result s) {
        return s.beats().get(s.beats().size() - 1);
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
        assertEquals(Stories.all().size(), j.path("stories").size());
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
    }
}
