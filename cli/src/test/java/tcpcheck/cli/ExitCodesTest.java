package tcpcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine.Command;

/** Exit codes and the messages that go with them (issue 15, items 4 to 8, 20 and 21). */
class ExitCodesTest {

    /** Items 4, 20 and 21: each is a usage error, exit 2, one line saying why, and nothing searched. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sweep --msl 2 --rto 3|no cell to check for --rto 3: the sweep takes RTO <= MSL, and --msl gives 2",
        "sweep --msl 1 --rto 2|no cell to check for --rto 2: the sweep takes RTO <= MSL, and --msl gives 1",
        "sweep --rto 0|--rto values must be between 1 and 6, not 0",
        "sweep --rto 16|--rto values must be between 1 and 6, not 16",
        "sweep --msl 2,2|--msl 2 is given twice",
        "check --T -1|time-wait (T) must be between 0 and 31, not -1 (leave --time-wait out for the variant's own)",
        "check --property agreement --property agreement|--property agreement is given twice",
        "check --variant rfc9293 --variant rfc9293-rfc1337|--variant rfc9293-rfc1337 is given twice",
        "check --max-seconds 10000000000|--max-seconds must be between 1 and 1000000000 (about 31 years), not "
            + "10000000000",
        "check --max-seconds 9223372036854775807|--max-seconds must be between 1 and 1000000000",
        "check --max-seconds 0|--max-seconds must be between 1 and 1000000000",
        "simulate --max-seconds 10000000000|--max-seconds must be between 1 and 1000000000",
        "sweep --max-seconds 10000000000|--max-seconds must be between 1 and 1000000000",
        "justify --max-seconds 10000000000|--max-seconds must be between 1 and 1000000000",
        "list --format xml|--format must be text or json, not 'xml'"})
    void usageErrors(String args, String message) {
        Cli.Run r = Cli.run(args.split(" "));
        assertEquals(ExitCode.USAGE, r.exit(), r.err());
        assertTrue(r.err().startsWith("tcpcheck: " + message), r.err());
        assertEquals(2, r.err().lines().count(), "the line and where to look: " + r.err());
        assertEquals("", r.out(), "nothing searched, nothing printed");
    }

    /** Item 7: no command, an unknown option and an unknown command each say so on stderr and exit 2. */
    @Test
    void noCommandAndUnknownNames() {
        Cli.Run none = Cli.run();
        assertEquals(ExitCode.USAGE, none.exit());
        assertEquals("", none.out());
        assertTrue(none.err().startsWith("Usage: tcpcheck [-hV] [COMMAND]"), none.err());
        assertTrue(none.err().contains("tcpcheck: a command is needed; the commands are: justify, check, replay, "
                + "show, sweep, simulate, report, list, conform, explore\n"), none.err());

        // conform has commands of its own: alone, it is the same usage error.
        Cli.Run conform = Cli.run("conform");
        assertEquals(ExitCode.USAGE, conform.exit());
        assertEquals("", conform.out());
        assertTrue(conform.err().startsWith("Usage: tcpcheck conform [-hV] [COMMAND]"), conform.err());
        assertTrue(conform.err().endsWith("tcpcheck: a command is needed; the commands are: linux, learned\n"
                + "Try 'tcpcheck conform --help' for the commands.\n"), conform.err());

        Cli.Run option = Cli.run("--bogus");
        assertEquals(ExitCode.USAGE, option.exit());
        assertEquals("tcpcheck: Unknown option: '--bogus'\nTry 'tcpcheck --help' for the commands.\n", option.err());

        Cli.Run command = Cli.run("bogus");
        assertEquals(ExitCode.USAGE, command.exit());
        assertEquals("tcpcheck: unknown command 'bogus'; the commands are: justify, check, replay, show, sweep, "
                + "simulate, report, list, conform, explore\nTry 'tcpcheck --help' for the commands.\n", command.err());

        Cli.Run typo = Cli.run("chek");
        assertTrue(typo.err().startsWith("tcpcheck: unknown command 'chek'; the commands are: justify, check, replay, "
                + "show, sweep, simulate, report, list, conform, explore (did you mean check?)\n"), typo.err());

        Cli.Run sub = Cli.run("check", "--bogus");
        assertEquals("tcpcheck: Unknown option: '--bogus'\nTry 'tcpcheck check --help' for the options.\n", sub.err());
    }

    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("the model broke its contract");
        }
    }

    @Command(name = "out-of-memory")
    static final class Exhaust implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    /** Item 6: an internal error is exit 5 and one line naming a log file that holds the stack trace. */
    @Test
    void anInternalErrorIsExit5WithALog() throws Exception {
        Cli.Run r = Cli.run(Terminal.none(), new Boom(), "boom");
        assertEquals(ExitCode.INTERNAL, r.exit());
        assertEquals(1, r.err().lines().count(), r.err());
        String prefix = "tcpcheck: internal error (IllegalStateException: the model broke its contract); this is a bug "
                + "in tcpcheck, not in your input; the stack trace is in ";
        assertTrue(r.err().startsWith(prefix), r.err());
        Path log = Path.of(r.err().substring(prefix.length()).trim());
        String trace = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        assertTrue(trace.contains("arguments: boom"), trace);
        assertTrue(trace.contains("java.lang.IllegalStateException: the model broke its contract"), trace);
        assertTrue(trace.contains("\tat tcpcheck.cli.ExitCodesTest$Boom.call"), trace);
    }

    /** Item 8: the heap running out anywhere is exit 3 and one line naming JAVA_OPTS. */
    @Test
    void runningOutOfMemoryNamesJavaOpts() {
        Cli.Run r = Cli.run(Terminal.none(), new Exhaust(), "out-of-memory");
        assertEquals(ExitCode.INCOMPLETE, r.exit());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("give Java more with JAVA_OPTS, for instance JAVA_OPTS=\"-Xmx16g"), r.err());
    }

    /** Item 8, for real: a search that runs out of a 32 MiB heap ends INCOMPLETE and says how to give more. */
    @Test
    void aSearchOutOfMemoryNamesJavaOpts() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx32m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "check", "--variant",
                "rfc9293-rfc1337", "--property", "agreement", "--K", "2").start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(ExitCode.INCOMPLETE, p.exitValue(), err);
        assertTrue(out.contains("? INCOMPLETE"), out);
        // Before it, a log gets a progress line a minute (StatusLine) if the search runs that long on a slow machine.
        java.util.List<String> said = err.lines().filter(l -> !l.startsWith("tcpcheck: check rfc9293-rfc1337 (1/1): "))
                .toList();
        assertEquals(1, said.size(), err);
        assertTrue(said.get(0).startsWith("tcpcheck: the Java heap (32 MiB) is too small for these bounds: give Java "
                + "more with JAVA_OPTS"), err);
        assertTrue(err.endsWith(said.get(0) + "\n"), "the last line: " + err);
    }

    /** Item 5: an incomplete justify says what it could not decide and never that the cells agree. */
    @Test
    void anIncompleteJustifySaysWhatItCouldNotDecide() {
        Cli.Run r = Cli.run("justify", "--max-states", "100");
        assertEquals(ExitCode.INCOMPLETE, r.exit(), r.err());
        assertTrue(r.out().contains("undecided (state limit of 100 reached): rfc9293-rfc1337 agreement, "
                + "rfc9293-rfc1337 no-stale-accept,"), r.out());
        assertTrue(r.out().contains("INCOMPLETE: 42 of the 42 cells could not be decided, so the matrix justifies "
                + "nothing yet; of the 22 cells with an expected verdict, 0 are decided\n"), r.out());
        assertFalse(r.out().contains("agrees"), r.out());
    }

    /**
     * Item 21: --max-seconds bounds the whole command. Over every variant, the first search (ten seconds or more
     * alone) is cut at the limit and the others are not started; the reason names the command's limit.
     */
    @Test
    void maxSecondsBoundsTheWholeCheck() throws Exception {
        Cli.Run r = Cli.run("check", "--max-seconds", "1", "--format", "json");
        assertEquals(ExitCode.INCOMPLETE, r.exit(), r.err());
        List<JsonNode> records = new ArrayList<>();
        for (String line : r.out().split("\n")) {
            records.add(Json.MAPPER.readTree(line));
        }
        assertEquals(8, records.size(), "seven variants and the summary");
        assertEquals("max-seconds", records.get(0).get("incomplete").get("limit").asText());
        assertEquals("time limit of 1 s reached (--max-seconds, for the whole command)",
                records.get(0).get("incomplete").get("reason").asText());
        for (JsonNode v : records.subList(1, 7)) {
            assertEquals("time limit of 1 s reached (--max-seconds, for the whole command) before this check started",
                    v.get("incomplete").get("reason").asText(), v.toString());
            assertEquals(0, v.get("states").asLong());
        }
    }

    /** Item 21 for the sweep: the cells after the limit are not started. */
    @Test
    void maxSecondsBoundsTheWholeSweep() {
        Cli.Run r = Cli.run("sweep", "--msl", "3", "--max-seconds", "1");
        assertEquals(ExitCode.INCOMPLETE, r.exit(), r.err());
        String last = r.out().lines().filter(l -> l.startsWith("  3   3  8")).findFirst().orElseThrow();
        assertTrue(last.matches("  3   3  8  \\? incomplete +yes +0"), last);
        assertTrue(r.out().contains("cells undecided (time limit of 1 s reached (--max-seconds, for the whole "
                + "command)"), r.out());
    }

    /**
     * Issue 19 and item 21: simulate's --max-seconds bounds shrinking too. The command reads its time on a clock
     * that advances 10 ms at each reading, so the limit of one second is 100 readings, whatever the machine's speed:
     * a few go to the walks (seed 1 finds a stale accept in run 8 of its first 256 walks, which are always taken)
     * and the rest to shrinking, which replays a candidate per reading at most and needs more than that to finish
     * (counted here by a run without the limit). Shrinking stops with the shortest violation found by then, and the
     * text and the JSON say so.
     */
    @Test
    void maxSecondsBoundsShrinking() throws Exception {
        String[] walks = {"simulate", "--variant", "two-way-handshake", "--property", "no-stale-accept", "--runs",
            "300", "--seed", "1"};
        JsonNode full = Json.MAPPER.readTree(Cli.run(concat(walks, "--format", "json")).out().lines().findFirst()
                .orElseThrow()).get("results").get(0);
        int fullReplays = full.get("shrinkReplays").asInt();
        assertTrue(fullReplays > 100, "shrinking to the end replays " + fullReplays + " candidates");

        Cli.Run r = Cli.runOn(tenMillisecondsAReading(), concat(walks, "--max-seconds", "1", "--format", "json"));
        assertEquals(ExitCode.VIOLATED, r.exit(), r.err());
        JsonNode v = Json.MAPPER.readTree(r.out().lines().findFirst().orElseThrow());
        assertFalse(v.get("complete").asBoolean());
        assertEquals("max-seconds", v.get("incomplete").get("limit").asText());
        assertEquals("time limit of 1 s reached (--max-seconds, for the whole command) while shrinking",
                v.get("incomplete").get("reason").asText());
        JsonNode hit = v.get("results").get(0);
        assertEquals("VIOLATED", hit.get("verdict").asText());
        assertEquals(8, hit.get("run").asInt());
        assertEquals(full.get("walkLength").asInt(), hit.get("walkLength").asInt(), "the same walk");
        assertTrue(hit.get("shrinkReplays").asInt() > 0 && hit.get("shrinkReplays").asInt() < fullReplays,
                hit.get("shrinkReplays") + " of " + fullReplays + " replays");
        assertTrue(hit.get("counterexampleLength").asInt() <= hit.get("walkLength").asInt(), hit.toString());
        assertTrue(hit.get("counterexampleLength").asInt() >= full.get("counterexampleLength").asInt(),
                hit.toString());

        Cli.Run text = Cli.runOn(tenMillisecondsAReading(), concat(walks, "--max-seconds", "1"));
        assertEquals(ExitCode.VIOLATED, text.exit(), text.err());
        assertTrue(text.out().contains("  STOPPED EARLY: time limit of 1 s reached (--max-seconds, for the whole "
                + "command) while shrinking after 9 of 300 walks\n"), text.out());
        assertTrue(text.out().contains("  no-stale-accept    ✗ violated in run 8 (a walk of "
                + full.get("walkLength").asInt() + " steps), shrunk to " + hit.get("counterexampleLength").asInt()
                + " steps (" + hit.get("shrinkReplays").asInt() + " replays"), text.out());
    }

    /** A clock that advances 10 ms each time it is read. */
    private static java.util.function.LongSupplier tenMillisecondsAReading() {
        java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong();
        return () -> nanos.addAndGet(10_000_000L);
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
