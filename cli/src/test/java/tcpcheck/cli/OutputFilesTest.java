package tcpcheck.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tcpcheck.properties.AtomicFiles;
import tcpcheck.properties.OutputFolder;

/**
 * The files tcpcheck writes (issue 15, items 1, 2, 3, 20, 23 and 24; issue 19's outputs): never over a file it did
 * not write, with the usual mode, checked before the search and named as the user wrote them, whole under concurrent
 * writers, and through symbolic links.
 */
class OutputFilesTest {
    /** The small check that violates no-stale-accept (10 actions, 6,034 states): a second of work. */
    static final String[] SMALL_VIOLATION = {"check", "--variant", "two-way-handshake", "--D", "0", "--L", "0",
        "--property", "no-stale-accept"};
    static final Path STORED = Path.of("..", "counterexamples", "two-way-handshake.no-stale-accept.json");

    @TempDir
    Path dir;

    static String[] with(String[] base, String... more) {
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    static Set<String> names(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return new HashSet<>(s.map(p -> p.getFileName().toString()).toList());
        }
    }

    /** Item 1: justify --out refuses, before any search, a folder whose README.md tcpcheck did not write. */
    @Test
    void justifyNeverOverwritesAReadmeItDidNotWrite() throws Exception {
        Path project = dir.resolve("project");
        Files.createDirectories(project);
        Files.writeString(project.resolve("README.md"), "# My project\n");
        Cli.Run r = Cli.run("justify", "--out", project.toString(), "--max-states", "1000");
        assertEquals(ExitCode.USAGE, r.exit(), r.err());
        assertEquals("tcpcheck: cannot write " + project.resolve("README.md") + ": it exists and tcpcheck did not "
                + "write it (its first line is not \"# Counterexamples\", the heading of the index justify writes); "
                + "tcpcheck never replaces such a file: move it or choose another folder\n", r.err().lines()
                .findFirst().orElseThrow() + "\n");
        assertEquals("", r.out(), "refused before the search");
        assertEquals("# My project\n", Files.readString(project.resolve("README.md")));
        assertEquals(Set.of("README.md"), names(project));
    }

    /**
     * Item 1, the other side: tcpcheck's own index is replaced, a file of the user's beside it is left alone, and an
     * incomplete run removes no counterexample an earlier run wrote.
     */
    @Test
    void justifyReplacesItsOwnIndexAndKeepsEverythingElse() throws Exception {
        Path folder = dir.resolve("cx");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("README.md"), "# Counterexamples\n\nan older index\n");
        Files.writeString(folder.resolve("notes.md"), "mine\n");
        Files.copy(STORED, folder.resolve("old-run.no-stale-accept.json"));
        Files.writeString(folder.resolve("old-run.no-stale-accept.md"), "an earlier chart\n");
        Cli.Run r = Cli.run("justify", "--out", folder.toString(), "--max-states", "2000");
        assertEquals(ExitCode.INCOMPLETE, r.exit(), r.err());
        assertTrue(Files.readString(folder.resolve("README.md")).startsWith("# Counterexamples\n\nThe shortest"));
        assertEquals("mine\n", Files.readString(folder.resolve("notes.md")));
        assertEquals("an earlier chart\n", Files.readString(folder.resolve("old-run.no-stale-accept.md")),
                "an incomplete run removes nothing");
        assertTrue(Files.exists(folder.resolve("old-run.no-stale-accept.json")));
    }

    /** Item 1 for check --out: a chart of the user's under a name tcpcheck would write is refused up front. */
    @Test
    void checkRefusesAFileOfTheUsersUnderACounterexampleName() throws Exception {
        Path folder = dir.resolve("out");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("two-way-handshake.no-stale-accept.md"), "my notes\n");
        Cli.Run r = Cli.run(with(SMALL_VIOLATION, "--out", folder.toString()));
        assertEquals(ExitCode.USAGE, r.exit(), r.err());
        assertTrue(r.err().startsWith("tcpcheck: cannot write " + folder.resolve(
                "two-way-handshake.no-stale-accept.md") + ": it exists and tcpcheck did not write it (no tcpcheck "
                + "counterexample two-way-handshake.no-stale-accept.json beside it)"), r.err());
        assertEquals("", r.out());
        assertEquals("my notes\n", Files.readString(folder.resolve("two-way-handshake.no-stale-accept.md")));
    }

    /** Item 2: every output file gets 0666 less the umask (0644 under the usual 022), not 0600. */
    @Test
    void outputFilesGetTheUsualMode() throws Exception {
        Process p = new ProcessBuilder("sh", "-c", "umask").start();
        int umask = Integer.parseInt(new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim(),
                8);
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        Set<PosixFilePermission> expected = permissions(0666 & ~umask);
        Cli.Run r = Cli.run(with(SMALL_VIOLATION, "--out", dir.resolve("out").toString(), "--junit",
                dir.resolve("report.xml").toString()));
        assertEquals(ExitCode.VIOLATED, r.exit(), r.err());
        Cli.Run svg = Cli.run("show", STORED.toString(), "--format", "svg", "--output",
                dir.resolve("chart.svg").toString());
        assertEquals(0, svg.exit(), svg.err());
        List<Path> files = new ArrayList<>(List.of(dir.resolve("report.xml"), dir.resolve("chart.svg")));
        try (Stream<Path> s = Files.list(dir.resolve("out"))) {
            s.forEach(files::add);
        }
        assertEquals(6, files.size(), files.toString());
        for (Path f : files) {
            assertEquals(PosixFilePermissions.toString(expected),
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), f.toString());
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        StringBuilder b = new StringBuilder();
        String rwx = "rwx";
        for (int i = 8; i >= 0; i--) {
            b.append((mode >> i & 1) == 1 ? rwx.charAt((8 - i) % 3) : '-');
        }
        return PosixFilePermissions.fromString(b.toString());
    }

    /**
     * Item 3 and issue 19: an unwritable --junit or --out is refused before the search (nothing printed on standard
     * output), named as the user wrote it with the reason, and no temporary file is named.
     */
    @Test
    void unwritableDestinationsAreRefusedBeforeTheSearch() throws Exception {
        Cli.Run junit = Cli.run("check", "--variant", "rfc9293-rfc1337", "--junit", "/proc/tcpcheck-test/r.xml");
        assertEquals(ExitCode.USAGE, junit.exit(), junit.err());
        assertTrue(junit.err().startsWith("tcpcheck: cannot write /proc/tcpcheck-test/r.xml: "), junit.err());
        assertFalse(junit.err().contains(".tmp"), junit.err());
        assertEquals("", junit.out(), "no search started");
        Cli.Run out = Cli.run("check", "--variant", "rfc9293-rfc1337", "--out", "/proc/tcpcheck-test");
        assertEquals(ExitCode.USAGE, out.exit(), out.err());
        assertTrue(out.err().startsWith("tcpcheck: cannot write /proc/tcpcheck-test: "), out.err());
        assertEquals("", out.out());
        assertEquals(1, junit.err().lines().count(), junit.err());
    }

    /** Item 20: check --out naming an existing regular file is a usage error, before the search. */
    @Test
    void outNamingAFileIsAUsageError() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Cli.Run r = Cli.run("check", "--variant", "rfc9293-rfc1337", "--out", file.toString());
        assertEquals(ExitCode.USAGE, r.exit(), r.err());
        assertTrue(r.err().startsWith("tcpcheck: cannot write " + file + ": it is a file, not a folder"), r.err());
        assertEquals("", r.out());
        assertEquals("x", Files.readString(file));
    }

    /** Issue 19: show --output '' names the empty name, not a temporary file, and writes nothing. */
    @Test
    void anEmptyOutputNameIsRefused() throws Exception {
        Set<String> before = names(Path.of("."));
        Cli.Run r = Cli.run("show", STORED.toString(), "--output", "");
        assertEquals(ExitCode.USAGE, r.exit(), r.err());
        assertTrue(r.err().startsWith("tcpcheck: cannot write '': no file name given"), r.err());
        assertEquals(before, names(Path.of(".")));
    }

    /**
     * Item 23: concurrent writers of one file leave one writer's whole content and no temporary file; ten concurrent
     * {@code show --output SAME.svg} all succeed and leave the drawing.
     */
    @Test
    void concurrentWritersLeaveOneWholeFile() throws Exception {
        Path target = dir.resolve("same.bin");
        List<byte[]> contents = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            byte[] b = new byte[1 << 20];
            java.util.Arrays.fill(b, (byte) i);
            contents.add(b);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 5; round++) {
                List<Future<?>> fs = new ArrayList<>();
                for (byte[] c : contents) {
                    fs.add(pool.submit(() -> {
                        AtomicFiles.write(target, c);
                        return null;
                    }));
                }
                for (Future<?> f : fs) {
                    f.get();
                }
                byte[] got = Files.readAllBytes(target);
                assertTrue(contents.stream().anyMatch(c -> java.util.Arrays.equals(c, got)), "one writer's whole file");
            }
            Path svg = dir.resolve("SAME.svg");
            List<Future<Cli.Run>> runs = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                runs.add(pool.submit(() -> Cli.run("show", STORED.toString(), "--format", "svg", "--output",
                        svg.toString())));
            }
            for (Future<Cli.Run> f : runs) {
                assertEquals(0, f.get().exit(), f.get().err());
            }
            assertArrayEquals(Cli.run("show", STORED.toString(), "--format", "svg").bytes(), Files.readAllBytes(svg));
        } finally {
            pool.shutdownNow();
        }
        assertEquals(Set.of("same.bin", "SAME.svg"), names(dir), "no temporary file left");
    }

    /**
     * Item 23 for folders: while another tcpcheck holds --out DIR, a second one is refused at once (before its search),
     * and succeeds once the first is done.
     */
    @Test
    void aSecondWriterOfOneFolderIsRefused() throws Exception {
        Path folder = dir.resolve("shared");
        try (OutputFolder held = OutputFolder.open(folder)) {
            Cli.Run r = Cli.run(with(SMALL_VIOLATION, "--out", folder.toString()));
            assertEquals(ExitCode.USAGE, r.exit(), r.err());
            assertTrue(r.err().startsWith("tcpcheck: cannot write " + folder + ": another tcpcheck (process "
                    + ProcessHandle.current().pid() + ") is writing this folder; wait for it to end or choose another "
                    + "folder"), r.err());
            assertEquals("", r.out());
            assertEquals(Set.of(), names(folder));
        }
        Cli.Run after = Cli.run(with(SMALL_VIOLATION, "--out", folder.toString()));
        assertEquals(ExitCode.VIOLATED, after.exit(), after.err());
        assertEquals(Set.of("two-way-handshake.no-stale-accept.json", "two-way-handshake.no-stale-accept.md",
                "two-way-handshake.no-stale-accept.svg", "two-way-handshake.no-stale-accept.pcapng"), names(folder));
    }

    /**
     * Item 24 and issue 19: --output through a symbolic link writes the link's target and leaves the link; a dangling
     * link makes its target; a link to a folder is refused; a pipe is written to as it is, not replaced.
     */
    @Test
    void outputsAreWrittenThroughSymbolicLinks() throws Exception {
        byte[] svg = Cli.run("show", STORED.toString(), "--format", "svg").bytes();
        Path target = Files.writeString(dir.resolve("target.svg"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.svg"), Path.of("target.svg"));
        assertEquals(0, Cli.run("show", STORED.toString(), "--format", "svg", "--output", link.toString()).exit());
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertArrayEquals(svg, Files.readAllBytes(target));

        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.svg"), dir.resolve("sub/made.svg"));
        assertEquals(0, Cli.run("show", STORED.toString(), "--format", "svg", "--output", dangling.toString()).exit());
        assertTrue(Files.isSymbolicLink(dangling));
        assertArrayEquals(svg, Files.readAllBytes(dir.resolve("sub/made.svg")));

        Path toFolder = Files.createSymbolicLink(dir.resolve("folder.svg"), dir.resolve("sub"));
        Cli.Run r = Cli.run("show", STORED.toString(), "--output", toFolder.toString());
        assertEquals(ExitCode.USAGE, r.exit());
        assertTrue(r.err().startsWith("tcpcheck: cannot write " + toFolder + ": it links to the folder "
                + dir.resolve("sub")), r.err());

        Path fifo = dir.resolve("pipe");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Path toFifo = Files.createSymbolicLink(dir.resolve("piped.svg"), fifo);
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            Future<byte[]> read = reader.submit(() -> Files.readAllBytes(fifo));
            Cli.Run piped = Cli.run("show", STORED.toString(), "--format", "svg", "--output", toFifo.toString());
            assertEquals(0, piped.exit(), piped.err());
            assertArrayEquals(svg, read.get(30, TimeUnit.SECONDS));
        } finally {
            reader.shutdownNow();
        }
        assertTrue(Files.isSymbolicLink(toFifo));
        assertFalse(Files.isRegularFile(fifo), "the pipe is still a pipe");
    }
}
