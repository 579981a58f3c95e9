package tcpcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code tcpcheck conform}: its options, its output and exit codes, and its one line without root. */
class ConformCommandTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "conform learned --stack solaris|unknown stack 'solaris'; the stacks are linux, freebsd, windows8",
        "conform learned --role peer|unknown role 'peer'; the roles are server, client",
        "conform learned --format xml|--format must be text or json, not 'xml'",
        "conform linux --variant tcp-reno|unknown variant 'tcp-reno'; the variants are: rfc9293-rfc1337",
        "conform linux --role peer|unknown role 'peer'; the roles are server, client",
        "conform linux --format xml|--format must be text or json, not 'xml'"})
    void badInputIsOneLineAndExit2(String args, String message) {
        CommandLineTest.Run r = CommandLineTest.run(args.split(" "));
        assertEquals(ExitCode.USAGE, r.exit());
        assertTrue(r.err().startsWith("tcpcheck: " + message), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
        assertEquals("", r.out());
    }

    @Test
    void learnedReportsEveryMachineAndExplainsEveryWord() throws Exception {
        CommandLineTest.Run r = CommandLineTest.run("conform", "learned", "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(6, j.path("machines").size());
        assertEquals(0, j.path("unexplained").asInt());
        CommandLineTest.Run t = CommandLineTest.run("conform", "learned", "--stack", "linux", "--role", "server");
        assertEquals(0, t.exit());
        assertTrue(t.out().contains("  linux     server       57      12             948            79        14"
                + "             190"), t.out());
        assertTrue(t.out().contains("accept-queue-full"), t.out());
    }

    @Test
    void linuxAsServerExplainsEveryDifference() throws Exception {
        CommandLineTest.Run r = CommandLineTest.run("conform", "linux", "--role", "server", "--no-stories",
                "--format", "json");
        assertEquals(0, r.exit(), r.err() + r.out());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(448, j.path("cells").asInt());
        assertEquals(0, j.path("unexplained").asInt());
        assertEquals(0, j.path("stories").size());
        for (JsonNode c : j.path("matrix")) {
            assertEquals("server", c.path("role").asText());
            assertTrue(c.path("agrees").asBoolean() || !c.path("explanation").isNull(), c.toString());
        }
    }

    /** Run as the user nobody (setpriv), the command says in one line that it needs root, and exits 2. */
    @Test
    void withoutRootItSaysSoInOneLineAndExits2(@TempDir Path dir) throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> cp = new ArrayList<>();
        int n = 0;
        for (Path p : classpath()) {
            Path copy = dir.resolve("cp" + n++ + (Files.isDirectory(p) ? "" : ".jar"));
            copyReadable(p, copy);
            cp.add(copy.toString());
        }
        Process p = new ProcessBuilder("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", String.join(":", cp),
                "tcpcheck.cli.Main", "conform", "linux").redirectErrorStream(false).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(ExitCode.USAGE, p.exitValue(), out + err);
        assertEquals("tcpcheck conform linux: needs root: it creates a network namespace and a TUN device\n", err);
        assertEquals("", out);
    }

    /** The directories and jars the command needs: this module's classes and its dependencies. */
    private static Set<Path> classpath() throws Exception {
        Set<Path> out = new LinkedHashSet<>();
        for (Class<?> c : List.of(Main.class, tcpcheck.conformance.LinuxConformance.class,
                tcpcheck.model.TcpModel.class, tcpcheck.properties.Pcap.class, tcpcheck.checker.Model.class,
                tcpcheck.explorer.Explorer.class,
                picocli.CommandLine.class, com.fasterxml.jackson.databind.ObjectMapper.class,
                com.fasterxml.jackson.core.JsonFactory.class, com.fasterxml.jackson.annotation.JsonProperty.class,
                com.sun.jna.Native.class)) {
            out.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()));
        }
        return out;
    }

    private static void copyReadable(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            Files.copy(from, to);
            Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rw-r--r--"));
            return;
        }
        try (Stream<Path> all = Files.walk(from)) {
            for (Path f : (Iterable<Path>) all::iterator) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                    Files.setPosixFilePermissions(t, PosixFilePermissions.fromString("rwxr-xr-x"));
                } else {
                    Files.copy(f, t);
                    Files.setPosixFilePermissions(t, PosixFilePermissions.fromString("rw-r--r--"));
                }
            }
        }
    }
}
