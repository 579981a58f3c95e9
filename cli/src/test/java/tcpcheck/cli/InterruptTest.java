package tcpcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Item 22: SIGINT or SIGTERM while files are being written leaves no temporary file and no half-written file, and
 * the process exits 130 or 143.
 */
class InterruptTest {
    @TempDir
    Path dir;

    /** A JVM of this test's class path running {@code main}, with SIGINT and SIGTERM at their defaults. */
    static Process start(Path dir, String main, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("env", "--default-signal=INT,TERM",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-cp",
                System.getProperty("java.class.path"), main));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    static void signal(Process p, String signal) throws Exception {
        // The shell's own kill: no package beyond the shell is needed.
        assertEquals(0, new ProcessBuilder("/bin/sh", "-c", "kill -" + signal + " " + p.pid()).start().waitFor());
    }

    @Test
    void aSignalWhileWritingLeavesOnlyWholeFiles() throws Exception {
        String[][] cases = {{"TERM", "143"}, {"INT", "130"}, {"TERM", "143"}, {"INT", "130"}};
        for (int i = 0; i < cases.length; i++) {
            Path out = Files.createDirectories(dir.resolve("run" + i));
            Process p = start(dir, WriteUntilStopped.class.getName(), out.toString());
            BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("writing", r.readLine());
            Thread.sleep(20 + 37L * i);
            signal(p, cases[i][0]);
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(Integer.parseInt(cases[i][1]), p.exitValue(), "SIG" + cases[i][0]);
            try (Stream<Path> files = Files.list(out)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    String name = f.getFileName().toString();
                    assertTrue(name.matches("file[0-3]\\.bin"), "left behind: " + name);
                    assertEquals(WriteUntilStopped.SIZE, Files.size(f), name + " is whole");
                }
            }
        }
    }

    /** The command line itself: SIGINT during a search ends it with 130 and writes nothing into --out. */
    @Test
    void theCommandLineExits130OnSigint() throws Exception {
        Path out = dir.resolve("out");
        Process p = start(dir, Main.class.getName(), "check", "--variant", "rfc9293-rfc1337", "--out",
                out.toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.isDirectory(out) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(Files.isDirectory(out), "--out is made before the search");
        signal(p, "INT");
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(ExitCode.SIGINT, p.exitValue());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of(), files.toList());
        }
    }
}
