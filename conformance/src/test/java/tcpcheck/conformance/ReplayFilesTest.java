package tcpcheck.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tcpcheck.model.TcpModel;
import tcpcheck.properties.Replay;
import tcpcheck.properties.Witness;
import tcpcheck.properties.Witnesses;

/**
 * The files {@code conform linux} replays by default: every RFC scenario of scenarios/ (copied at build time), and one
 * witness file per witness, each still a witness of the model as it is; and the files a user gives.
 */
class ReplayFilesTest {

    @Test
    void theShippedFilesAreEveryScenarioAndOneFilePerWitness() throws IOException {
        List<ReplayFiles.ReplayFile> shipped = ReplayFiles.shipped();
        Set<String> scenarios;
        try (Stream<Path> s = Files.list(Path.of("..", "scenarios"))) {
            scenarios = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> "scenarios/" + n).collect(Collectors.toSet());
        }
        assertEquals(18, scenarios.size());
        assertEquals(scenarios, shipped.stream().map(ReplayFiles.ReplayFile::name).filter(n -> n.startsWith("scenarios/"))
                .collect(Collectors.toSet()));
        List<ReplayFiles.ReplayFile> witnesses = shipped.stream().filter(f -> f.name().startsWith("witnesses/"))
                .toList();
        assertEquals(Witnesses.all().stream().map(Witness::id).collect(Collectors.toSet()),
                witnesses.stream().map(f -> f.file().property()).collect(Collectors.toSet()));
        assertEquals(Witnesses.all().size(), witnesses.size());
        for (ReplayFiles.ReplayFile f : shipped) {
            // Each replays on the model as it is now (a witness file reaches its witness), so the kernel can follow it.
            Replay.Outcome o = Replay.replay(f.file());
            assertTrue(o.reproduces(), f.name() + ": " + o.reason());
            assertNull(KernelReplay.unreplayable(f), f.name());
        }
    }

    /** The files on which the tcp_rfc1337 runs are decided: an RST reaches the kernel's endpoint in TIME-WAIT. */
    @Test
    void theFilesWithAnRstInTimeWaitAreRfc1337sHazards() {
        List<String> both = ReplayFiles.shipped().stream()
                .filter(f -> KernelReplay.rstInTimeWait(f, TcpModel.A) || KernelReplay.rstInTimeWait(f, TcpModel.B))
                .map(ReplayFiles.ReplayFile::name).toList();
        assertEquals(List.of("scenarios/rfc1337-twa1-old-data-accepted-blocked.json",
                "scenarios/rfc1337-twa1-old-data-accepted.json",
                "scenarios/rfc1337-twa2-desynchronized-blocked.json", "scenarios/rfc1337-twa2-desynchronized.json",
                "scenarios/rfc1337-twa3-rst-ends-time-wait-blocked.json",
                "scenarios/rfc1337-twa3-rst-ends-time-wait.json"), both);
        for (ReplayFiles.ReplayFile f : ReplayFiles.shipped()) {
            assertFalse(KernelReplay.rstInTimeWait(f, TcpModel.B), f.name());
        }
    }
}
