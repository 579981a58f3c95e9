package tcpcheck.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tcpcheck.model.Variant;
import tcpcheck.properties.TcpProperties;

/** What a person sees (issue 15, items 9, 11 and 12): progress, charts, paths, help texts, captures. */
class HumanOutputTest {
    @TempDir
    Path dir;

    /**
     * Item 9: with standard error a terminal (and standard output not: {@code --format json > f.json}), one line is
     * updated in place naming the variant and each phase (search, liveness, writing), and erased at the end.
     */
    @Test
    void progressIsOneUpdatingLineWhenStderrIsATerminal() {
        Cli.Run r = Cli.run(new Terminal(false, true, 200), OutputFilesTest.with(OutputFilesTest.SMALL_VIOLATION,
                "--property", "eventually-closed", "--format", "json", "--out", dir.resolve("out").toString()));
        assertEquals(ExitCode.VIOLATED, r.exit(), r.err());
        String err = r.err();
        assertFalse(err.contains("\n"), "one line, redrawn: " + err);
        assertTrue(err.contains("\rcheck two-way-handshake (1/1): search 0 s\033[K"), err);
        assertTrue(err.contains("\rcheck two-way-handshake (1/1): liveness 0 s, "), err);
        assertTrue(err.contains("\rcheck two-way-handshake (1/1): writing 0 s, 8 files into " + dir.resolve("out")),
                err);
        assertTrue(err.indexOf(": search ") < err.indexOf(": liveness ")
                && err.indexOf(": liveness ") < err.indexOf(": writing "), err);
        assertTrue(err.endsWith("\r\033[K"), "erased at the end");
        assertFalse(r.out().contains("\r"), "standard output is clean");
    }

    /** Item 9: when standard error is not a terminal, nothing is printed there at all. */
    @Test
    void noProgressWhenStderrIsNotATerminal() {
        Cli.Run r = Cli.run(new Terminal(true, false, 200), OutputFilesTest.SMALL_VIOLATION);
        assertEquals(ExitCode.VIOLATED, r.exit());
        assertEquals("", r.err());
    }

    /**
     * When standard error is not a terminal (a CI job's log), a long run still says how far it is: the status line's
     * content as plain lines, prefixed "tcpcheck: ", no escape codes, at most one a minute (here at every change),
     * and standard output untouched.
     */
    @Test
    void aLogGetsPlainProgressLines() {
        Cli.Run r = Cli.logging(1, OutputFilesTest.SMALL_VIOLATION);
        assertEquals(ExitCode.VIOLATED, r.exit(), r.err());
        assertFalse(r.out().contains("tcpcheck: check"), "standard output is the report's alone: " + r.out());
        List<String> lines = r.err().lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("tcpcheck: check two-way-handshake (1/1): search ")),
                r.err());
        for (String l : lines) {
            assertTrue(l.startsWith("tcpcheck: check two-way-handshake (1/1): "), l);
            assertFalse(l.contains("\r") || l.contains("\033"), l);
        }
        assertEquals(60L * 1_000_000_000L, withProperty(null, StatusLine::logEveryNanos), "once a minute by default");
        assertEquals(0L, withProperty("0", StatusLine::logEveryNanos), "0: never");
        assertEquals(5L * 1_000_000_000L, withProperty("5", StatusLine::logEveryNanos));
    }

    private static long withProperty(String value, java.util.function.LongSupplier read) {
        String before = System.getProperty(StatusLine.LOG_EVERY_PROPERTY);
        try {
            if (value == null) {
                System.clearProperty(StatusLine.LOG_EVERY_PROPERTY);
            } else {
                System.setProperty(StatusLine.LOG_EVERY_PROPERTY, value);
            }
            return read.getAsLong();
        } finally {
            if (before == null) {
                System.clearProperty(StatusLine.LOG_EVERY_PROPERTY);
            } else {
                System.setProperty(StatusLine.LOG_EVERY_PROPERTY, before);
            }
        }
    }

    /** Item 9: the launcher's word on whether a stream is a terminal is taken over anything else. */
    @Test
    void theLaunchersWordOnTerminalsIsTaken() {
        String before = System.getProperty("tcpcheck.stderr.tty");
        try {
            System.setProperty("tcpcheck.stderr.tty", "true");
            assertTrue(Terminal.detect().stderr());
            System.setProperty("tcpcheck.stderr.tty", "false");
            assertFalse(Terminal.detect().stderr());
        } finally {
            if (before == null) {
                System.clearProperty("tcpcheck.stderr.tty");
            } else {
                System.setProperty("tcpcheck.stderr.tty", before);
            }
        }
    }

    /** Item 11: check shows each counterexample's chart and the path of every file --out wrote. */
    @Test
    void checkShowsTheChartAndEveryFileWritten() throws Exception {
        Path out = dir.resolve("out");
        Cli.Run r = Cli.run(OutputFilesTest.with(OutputFilesTest.SMALL_VIOLATION, "--out", out.toString()));
        assertEquals(ExitCode.VIOLATED, r.exit(), r.err());
        assertTrue(r.out().contains("two-way-handshake: no-stale-accept violated in 10 actions\n\nstep A    "), r.out());
        assertTrue(r.out().contains("  10                         --- s2 (old, from connection 1, age 0) -->      gets s2\n"),
                r.out());
        Path json = out.resolve("two-way-handshake.no-stale-accept.json");
        assertTrue(r.out().contains("written: " + json + " (tcpcheck replay " + json + ")\n"), r.out());
        // The story after the chart: the Narrator's, as the Markdown page and show tell it, in English.
        assertTrue(r.out().contains(" end TIME-WAIT                                                               "
                + "ESTABLISHED\n✗ no-stale-accept breaks at step 10\n\n" + storyOf(json) + "\nwritten: "), r.out());
        assertTrue(r.out().contains("\n 10  This breaks no-stale-accept at step 10: B enters ESTABLISHED in "
                + "connection 1, which has been over since step 8.\n"), r.out());
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                assertTrue(r.out().contains("written: " + f + "\n") || r.out().contains("written: " + f + " "),
                        "says where " + f + " is: " + r.out());
            }
        }
        assertFalse(r.out().contains("add --out DIR"), r.out());
    }

    /** The English story the Narrator tells of a counterexample file, one line per sentence. */
    static String storyOf(Path json) throws Exception {
        tcpcheck.properties.CounterexampleFile.Counterexample cx = tcpcheck.properties.CounterexampleFile.read(
                Files.readString(json));
        tcpcheck.properties.Replay.Outcome o = tcpcheck.properties.Replay.replay(cx);
        assertTrue(o.reproduces(), o.reason());
        String story = new tcpcheck.properties.Explanation(new tcpcheck.model.TcpModel(cx.variant(), cx.parameters()),
                cx.property(), cx.part(), o.trace()).story().text(tcpcheck.properties.Lang.EN);
        assertTrue(story.lines().count() >= 3, story);
        return story;
    }

    /** simulate tells the shrunk violation's story after its chart, as check does. */
    @Test
    void simulateTellsTheStoryOfTheShrunkViolation() throws Exception {
        Cli.Run r = Cli.run("simulate", "--variant", "two-way-handshake", "--property", "no-stale-accept", "--runs",
                "300", "--seed", "1", "--out", dir.toString());
        assertEquals(ExitCode.VIOLATED, r.exit(), r.err());
        Path json = dir.resolve("two-way-handshake.no-stale-accept.simulated.json");
        String story = storyOf(json);
        assertTrue(r.out().contains("✗ no-stale-accept breaks at step 18\n\n" + story + "\nwritten: " + json), r.out());
        assertTrue(story.endsWith(" 18  This breaks no-stale-accept at step 18: B enters ESTABLISHED in connection 1, "
                + "which has been over since step 16.\n"), story);
    }

    /** Item 11: without --out, check says how to write the counterexamples. */
    @Test
    void checkSuggestsOutWhenItWasNotGiven() {
        Cli.Run r = Cli.run(OutputFilesTest.SMALL_VIOLATION);
        assertTrue(r.out().contains("not written to a file: add --out DIR\n"), r.out());
        assertTrue(r.out().endsWith("to write the counterexamples as files (JSON for replay and show, Markdown with the "
                + "story, SVG, pcapng), add --out DIR\n"), r.out());
    }

    /** Item 12: the help texts list the variant and property names. */
    @Test
    void helpListsTheVariantsAndProperties() {
        for (String command : new String[] {"check", "simulate"}) {
            String help = Cli.run(command, "--help").out();
            for (Variant v : Variant.values()) {
                assertTrue(help.contains(v.id()), command + " --help names " + v.id() + ":\n" + help);
            }
            for (String p : TcpProperties.NAMES) {
                assertTrue(help.contains(p), command + " --help names " + p + ":\n" + help);
            }
        }
        String sweep = Cli.run("sweep", "--help").out();
        assertTrue(sweep.contains("graceful-close") && sweep.contains("no-stale-accept"), sweep);
    }

    /** Item 12: each help text says what the command writes, and it is what the command writes. */
    @Test
    void helpSaysExactlyWhatIsWritten() throws Exception {
        Path out = dir.resolve("check");
        Cli.run(OutputFilesTest.with(OutputFilesTest.SMALL_VIOLATION, "--out", out.toString()));
        String check = help("check");
        Set<String> kinds = kinds(out, "two-way-handshake.no-stale-accept");
        assertEquals(Set.of(".json", ".md", ".svg", ".pcapng"), kinds);
        for (String k : kinds) {
            assertTrue(check.contains("VARIANT.PROPERTY" + k), "check --help names " + k + ": " + check);
        }
        String justify = help("justify");
        for (String k : kinds) {
            assertTrue(justify.contains("VARIANT.PROPERTY" + k), "justify --help names " + k + ": " + justify);
        }
        assertTrue(justify.contains("the index README.md"), justify);

        Path sim = dir.resolve("simulate");
        Cli.Run s = Cli.run("simulate", "--variant", "two-way-handshake", "--property", "no-stale-accept", "--runs",
                "300", "--out", sim.toString());
        assertEquals(ExitCode.VIOLATED, s.exit(), s.err());
        Set<String> simKinds = kinds(sim, "two-way-handshake.no-stale-accept");
        assertEquals(Set.of(".simulated.json", ".simulated.md"), simKinds);
        String simulate = help("simulate");
        assertTrue(simulate.contains("VARIANT.PROPERTY.simulated.json (for replay and show) and "
                + "VARIANT.PROPERTY.simulated.md (Mermaid and text charts); nothing else"), simulate);
    }

    /** The command's description and options as --help prints them, before picocli wraps the lines. */
    private static String help(String command) {
        var spec = Main.commandLine(new Io(new java.io.ByteArrayOutputStream(), new java.io.PrintWriter(
                new java.io.StringWriter()), Terminal.none())).getSubcommands().get(command).getCommandSpec();
        StringBuilder b = new StringBuilder(String.join(" ", spec.usageMessage().description()));
        spec.options().forEach(o -> b.append(' ').append(String.join(" ", o.description())));
        return b.toString();
    }

    private static Set<String> kinds(Path folder, String base) throws Exception {
        Set<String> kinds = new TreeSet<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.forEach(f -> kinds.add(f.getFileName().toString().substring(base.length())));
        }
        return kinds;
    }

    /** Item 12: show --format pcap writes the capture to a pipe, and refuses only a terminal. */
    @Test
    void aCaptureGoesToAPipeButNotToATerminal() throws Exception {
        Cli.Run piped = Cli.run("show", OutputFilesTest.STORED.toString(), "--format", "pcap");
        assertEquals(0, piped.exit(), piped.err());
        Path file = dir.resolve("c.pcap");
        assertEquals(0, Cli.run("show", OutputFilesTest.STORED.toString(), "--format", "pcap", "--output",
                file.toString()).exit());
        assertArrayEquals(Files.readAllBytes(file), piped.bytes());
        assertEquals(0xd4, piped.bytes()[0] & 0xff, "the capture's magic number, little-endian");
        Cli.Run terminal = Cli.run(new Terminal(true, true, 100), "show", OutputFilesTest.STORED.toString(),
                "--format", "pcap");
        assertEquals(ExitCode.USAGE, terminal.exit());
        assertTrue(terminal.err().startsWith("tcpcheck: a capture is binary and standard output is a terminal: give "
                + "--output FILE.pcap, or pipe it"), terminal.err());
        assertEquals(0, terminal.bytes().length);
    }
}
