package tcpcheck.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tcpcheck.checker.bench.SyntheticModel;

/** A check stopped by SIGTERM leaves no temporary file behind. */
class ScratchTest {

    /** Runs a check of 200 million states in the directory given, to be stopped. */
    public static void main(String[] args) {
        long n = 200_000_000L;
        Checker.of(new SyntheticModel(n)).property(Property.always("in range", s -> s >= 0 && s < n))
                .temporaryDirectory(Paths.get(args[0])).run();
    }

    @Test
    void sigtermRemovesTheTemporaryDirectory(@TempDir Path dir) throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                ScratchTest.class.getName(), dir.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            boolean files = false;
            while (!files && System.nanoTime() < until && p.isAlive()) {
                try (var s = Files.walk(dir)) {
                    files = s.anyMatch(Files::isRegularFile);
                }
                Thread.sleep(100);
            }
            assertTrue(files, "the check wrote its files");
            p.destroy();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the check stopped");
            assertEquals(143, p.exitValue(), "stopped by SIGTERM");
            try (var left = Files.list(dir)) {
                assertEquals(List.of(), left.toList());
            }
        } finally {
            p.destroyForcibly();
        }
    }
}
