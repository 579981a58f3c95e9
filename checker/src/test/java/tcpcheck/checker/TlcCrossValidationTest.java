package tcpcheck.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tcpcheck.checker.models.AlternatingBit;
import tcpcheck.checker.models.DiningPhilosophers;
import tcpcheck.checker.models.Peterson;

/**
 * Cross-validates the engine against TLC, the reference explicit-state checker: for each model, a TLA+ spec of the
 * same system (under src/test/resources/tla) is checked by TLC in a forked JVM, and TLC's distinct-state count must
 * equal the engine's.
 */
class TlcCrossValidationTest {
    private static final Pattern DISTINCT = Pattern.compile("([\\d,]+) distinct states found");

    @TempDir
    Path work;

    @Test
    void petersonAgreesWithTlc() throws Exception {
        long engine = Checker.of(new Peterson()).run().statistics().states();
        assertEquals(SafetyTest.PETERSON_STATES, engine);
        assertEquals(engine, tlcDistinctStates("Peterson", "Peterson.cfg"));
    }

    @Test
    void diningPhilosophersAgreeWithTlc() throws Exception {
        for (int n : new int[] {4, 5}) {
            long engine = Checker.of(new DiningPhilosophers(n)).run().statistics().states();
            assertEquals(engine, tlcDistinctStates("DiningPhilosophers", "DiningPhilosophers" + n + ".cfg"),
                    "N = " + n);
        }
    }

    @Test
    void alternatingBitAgreesWithTlc() throws Exception {
        long engine = Checker.of(new AlternatingBit(3, 2, false)).run().statistics().states();
        assertEquals(SafetyTest.ABP_STATES, engine);
        assertEquals(engine, tlcDistinctStates("AlternatingBit", "AlternatingBit.cfg"));
    }

    private long tlcDistinctStates(String module, String config) throws IOException, InterruptedException {
        copy(module + ".tla");
        copy(config);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "tlc2.TLC", "-workers", "1", "-deadlock", "-nowarning", "-cleanup",
                "-metadir", work.resolve("states").toString(), "-config", config, module + ".tla"));
        Process p = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "TLC finished");
        Matcher m = DISTINCT.matcher(out);
        assertTrue(m.find(), "TLC printed a distinct-state count:\n" + out);
        assertTrue(out.contains("No error has been found"), "TLC found no error:\n" + out);
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    private void copy(String resource) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/tla/" + resource)) {
            Files.copy(in, work.resolve(resource), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
