package tcpcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Item 10 and item 9: the launcher {@code ./tcpcheck}, run in a copy of the project's root with stand-ins for
 * {@code mvn} and {@code java} that print what a first build on an empty Maven cache prints (escape codes included)
 * and what they were given.
 */
class LauncherTest {
    private static final Path LAUNCHER = Path.of("..", "tcpcheck");

    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
    }

    /** A root with the launcher and a pom, and a folder of stand-ins; {@code mvnExit} is what mvn exits with. */
    private Path root(int mvnExit) throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        Files.copy(LAUNCHER, root.resolve("tcpcheck"));
        Files.writeString(root.resolve("pom.xml"), "<project/>\n");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        script(bin.resolve("mvn"), "printf '\\033[0m\\033[0m[INFO] Scanning for projects...\\n'\n"
                + "printf '[INFO] Downloading from central: https://repo.maven.apache.org/maven2/a/b/1/b-1.pom\\n'\n"
                + "printf '[INFO] Downloaded from central: https://repo.maven.apache.org/maven2/a/b/1/b-1.pom (2 kB)\\n'\n"
                + "printf '[INFO] Downloading from central: https://repo.maven.apache.org/maven2/a/c/1/c-1.jar\\n'\n"
                + "printf '[INFO] Building tcpcheck checker 0.1.0-SNAPSHOT                          [2/5]\\n'\n"
                + "printf '[INFO] --------------------------------[ jar ]---------------------------------\\n'\n"
                + (mvnExit != 0 ? "printf '[ERROR] COMPILATION ERROR : \\n'\n" : "")
                + "printf '\\033[0m\\033[0m\\033[0m\\033[0m'\n"
                + "echo \"$*\" > \"" + dir.resolve("mvn-args") + "\"\n"
                + "mkdir -p cli/target && touch cli/target/tcpcheck.jar\n"
                + "exit " + mvnExit + "\n");
        script(bin.resolve("java"), "echo \"java $*\"\n");
        return root;
    }

    private static void script(Path p, String body) throws Exception {
        Files.writeString(p, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Result run(List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().put("PATH", dir.resolve("bin") + ":" + System.getenv("PATH"));
        pb.environment().remove("JAVA_OPTS");
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Result(p.exitValue(), out, err);
    }

    /**
     * The first build says what it does, one line per step, with no escape code; then the JVM is told that neither
     * stream is a terminal.
     */
    @Test
    void aFirstBuildSaysWhatItDoesWithoutEscapeCodes() throws Exception {
        Path root = root(0);
        Result r = run(List.of("bash", root.resolve("tcpcheck").toString(), "list"));
        assertEquals(0, r.exit(), r.err());
        assertFalse(r.err().contains("\033"), "no escape code: " + r.err());
        assertEquals(List.of(
                "tcpcheck: building the jar with Maven (mvn -B package -DskipTests); the first build also downloads "
                        + "Maven's plugins and tcpcheck's dependencies from Maven Central, a minute or two ...",
                "tcpcheck: downloading plugins and dependencies from Maven Central ...",
                "tcpcheck: building tcpcheck checker 0.1.0-SNAPSHOT ..."), r.err().lines().toList());
        assertEquals("-B -DskipTests -Dstyle.color=never package",
                Files.readString(dir.resolve("mvn-args")).trim());
        assertEquals("java -Xmx8g -XX:+UseParallelGC -XX:MaxNewSize=1g -Dtcpcheck.stdout.tty=false "
                + "-Dtcpcheck.stderr.tty=false -jar " + root.toRealPath().resolve("cli/target/tcpcheck.jar") + " list\n",
                r.out());
    }

    /** A failed build is exit 5: Maven's errors, then one line naming the log that holds its whole output. */
    @Test
    void aFailedBuildNamesItsLog() throws Exception {
        Path root = root(1);
        Result r = run(List.of("bash", root.resolve("tcpcheck").toString(), "list"));
        assertEquals(ExitCode.INTERNAL, r.exit(), r.err());
        assertEquals("", r.out(), "the JVM is not started");
        assertTrue(r.err().contains("\n[ERROR] COMPILATION ERROR : \n"), r.err());
        String last = r.err().lines().reduce((a, b) -> b).orElseThrow();
        String prefix = "tcpcheck: the build failed (mvn exited with 1); Maven's whole output is in ";
        assertTrue(last.startsWith(prefix), last);
        Path log = Path.of(last.substring(prefix.length()));
        assertTrue(Files.readString(log).contains("[INFO] Scanning for projects..."));
        Files.delete(log);
    }

    /** Item 9: run in a terminal, the launcher tells the JVM that both streams are terminals. */
    @Test
    void theLauncherTellsTheJvmAboutATerminal() throws Exception {
        Path root = root(0);
        Result built = run(List.of("bash", root.resolve("tcpcheck").toString(), "list"));
        assertEquals(0, built.exit());
        Result r = run(List.of("script", "-qec", "bash " + root.resolve("tcpcheck") + " list", "/dev/null"));
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("-Dtcpcheck.stdout.tty=true -Dtcpcheck.stderr.tty=true -Dtcpcheck.columns="),
                r.out());
    }
}
