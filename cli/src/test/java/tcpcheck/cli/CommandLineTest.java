package tcpcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandLineTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        int code = Main.execute(out, new PrintWriter(err, true), args);
        return new Run(code, out.toString(java.nio.charset.StandardCharsets.UTF_8), err.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "check --variant tcp-reno|unknown variant 'tcp-reno'; the variants are: rfc9293-rfc1337 (or rfc9293),",
        "check --property liveness|unknown property 'liveness'; the properties are: agreement,",
        "check --rto 0|rto (RTO) must be between 1 and 15, not 0",
        "check --K 9|connections (K) must be between 1 and 7, not 9",
        "check --isn-choices 3|isn-choices (I) must divide seq-space (S)",
        "check --profile fast|unknown profile 'fast'; the profiles are: incarnations",
        "check --frobnicate|Unknown option: '--frobnicate'",
        "check --format xml|--format must be text or json, not 'xml'",
        "check --threads 0|--threads must be between 1 and 64, not 0",
        "check --max-states 0|--max-states must be at least 1, not 0",
        "check --engine sparky|--engine must be local or spark, not 'sparky'",
        "check --master local[2]|--master needs --engine spark",
        "check --witness simultaneous-open --engine spark|--witness runs on the local engine only, not with --engine spark",
        "simulate --bias lazy|--bias must be adversarial or uniform, not 'lazy'",
        "simulate --runs 0|--runs must be between 1 and 1000000000, not 0",
        "simulate --depth 0|--depth must be between 1 and 100000, not 0",
        "simulate --seed x|Invalid value for option '--seed'",
        "simulate --threads 0|--threads must be between 1 and 64, not 0",
        "sweep --property agreement|the TIME-WAIT sweep checks graceful-close or no-stale-accept, not 'agreement'",
        "sweep --msl 7|--msl values must be between 1 and 6, not 7",
        "sweep --time-wait 32|--time-wait values must be between 0 and 31, not 32"})
    void badInputIsOneLineAndExit2(String args, String message) {
        Run r = run(args.split(" "));
        assertEquals(ExitCode.USAGE, r.exit());
        assertTrue(r.err().startsWith("tcpcheck: " + message), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
        assertEquals("", r.out());
    }

    /** Without the Spark engine's jar on the class path (as here), --engine spark is one line and exit 2. */
    @Test
    void theSparkEngineMissingIsOneLineAndExit2() {
        Run r = run("check", "--variant", "two-way-handshake", "--engine", "spark");
        assertEquals(ExitCode.USAGE, r.exit());
        assertEquals("tcpcheck: the spark engine is not available: its jar is not on the class path (build it with "
                + "mvn package and run ./tcpcheck, which adds it)" + System.lineSeparator(), r.err());
        assertEquals("", r.out());
    }

    /**
     * The TIME-WAIT sweep at MSL = 1 (RTO = 1, T = 0 to 4, each cell at most 1.4 million states): graceful-close holds
     * from T = RTO + MSL = 2, no-stale-accept with two connections from T = 2 MSL - 1 = 1; both agree, exit 0.
     */
    @Test
    void sweepAtMsl1AgreesWithBothBoundaries() {
        Run g = run("sweep", "--msl", "1");
        assertEquals(ExitCode.HOLDS, g.exit(), g.err());
        assertTrue(g.out().contains("  1   1  1  ✗ 21"), g.out());
        assertTrue(g.out().contains("  1   1  2  ✓"), g.out());
        assertTrue(g.out().contains("the sweep confirms: graceful-close holds exactly when T >= RTO + MSL"), g.out());
        Run n = run("sweep", "--msl", "1", "--property", "no-stale-accept", "--time-wait", "0,1");
        assertEquals(ExitCode.HOLDS, n.exit(), n.err());
        assertTrue(n.out().contains("  1   1  0  ✗ 22"), n.out());
        assertTrue(n.out().contains("  1   1  1  ✓"), n.out());
        assertFalse(n.out().contains("  1   1  2 "), "only the T values asked for");
        assertTrue(n.out().contains("no-stale-accept holds exactly when T >= 2 MSL - 1"), n.out());
    }

    @Test
    void aViolationExits1WithStableJson() throws Exception {
        Run r = run("check", "--variant", "two-way-handshake", "--property", "no-stale-accept", "--format", "json");
        assertEquals(ExitCode.VIOLATED, r.exit());
        JsonNode o = new ObjectMapper().readTree(r.out().lines().findFirst().orElseThrow());
        assertEquals("two-way-handshake", o.get("variant").asText());
        assertEquals(2, o.get("parameters").get("MSL").asInt());
        assertEquals(4, o.get("parameters").get("T").asInt());
        for (String f : new String[] {"states", "transitions", "depth", "seconds", "boundaryStates", "maxInFlight",
            "statesPerSecond", "bytesPerState", "diskBytesPerState", "collisionProbability"}) {
            assertTrue(o.has(f), f);
        }
        assertEquals(759_472, o.get("states").asLong());
        JsonNode res = o.get("results").get(0);
        assertEquals("no-stale-accept", res.get("property").asText());
        assertEquals("VIOLATED", res.get("verdict").asText());
        assertEquals(14, res.get("counterexampleLength").asInt());
    }

    /**
     * simulate finds the stale SYN of two-way-handshake from seed 1 (its first hit is run 8, AdversarialWalksTest),
     * shrinks it to no fewer actions than the breadth-first 14, writes it, and replay accepts the file.
     */
    @Test
    void simulateFindsShrinksAndWritesAReplayableCounterexample() throws Exception {
        Run r = run("simulate", "--variant", "two-way-handshake", "--property", "no-stale-accept", "--runs", "300",
                "--seed", "1", "--format", "json", "--out", dir.toString());
        assertEquals(ExitCode.VIOLATED, r.exit(), r.err());
        JsonNode o = new ObjectMapper().readTree(r.out().lines().findFirst().orElseThrow());
        JsonNode p = o.get("results").get(0);
        assertEquals("no-stale-accept", p.get("property").asText());
        assertEquals("VIOLATED", p.get("verdict").asText());
        assertEquals(8, p.get("run").asInt());
        int length = p.get("counterexampleLength").asInt();
        assertTrue(length >= 14 && length <= p.get("walkLength").asInt(), o.toString());
        Path file = dir.resolve("two-way-handshake.no-stale-accept.simulated.json");
        assertTrue(Files.exists(dir.resolve("two-way-handshake.no-stale-accept.simulated.md")));
        Run replay = run("replay", file.toString());
        assertEquals(ExitCode.HOLDS, replay.exit(), replay.out());
        assertTrue(replay.out().contains("reproduces: no-stale-accept"), replay.out());
    }

    /** Nothing found is exit 0 and says that it proves nothing; the same seed gives the same figures. */
    @Test
    void simulateWithoutAHitExits0AndIsReproducible() {
        Run r = run("simulate", "--variant", "rfc9293", "--runs", "500", "--seed", "7", "--threads", "1");
        assertEquals(ExitCode.HOLDS, r.exit(), r.out());
        assertTrue(r.out().contains("agreement          ✓ not violated in 500 walks (not a proof)"), r.out());
        Run again = run("simulate", "--variant", "rfc9293", "--runs", "500", "--seed", "7", "--threads", "2");
        String steps = r.out().lines().filter(l -> l.contains("walks from seed")).findFirst().orElseThrow();
        String stepsAgain = again.out().lines().filter(l -> l.contains("walks from seed")).findFirst().orElseThrow();
        assertEquals(steps.substring(0, steps.indexOf(" in ")), stepsAgain.substring(0, stepsAgain.indexOf(" in ")));
    }

    @Test
    void aLimitExits3AndSaysIncomplete() {
        Run r = run("check", "--variant", "rfc9293", "--property", "agreement", "--max-states", "5000");
        assertEquals(ExitCode.INCOMPLETE, r.exit());
        assertTrue(r.out().contains("? INCOMPLETE"), r.out());
        assertTrue(r.out().contains("state limit of 5000 reached"), r.out());
        assertTrue(r.out().contains("fingerprint collision probability"), r.out());
    }

    @Test
    void junitReportHasOneCasePerVariantAndProperty() throws Exception {
        Path xml = dir.resolve("reports/tcpcheck.xml");
        Run r = run("check", "--variant", "two-way-handshake", "--property", "agreement", "--property",
                "no-stale-accept", "--junit", xml.toString(), "--out", dir.resolve("cx").toString());
        assertEquals(ExitCode.VIOLATED, r.exit());
        org.w3c.dom.Element suites = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(xml.toFile()).getDocumentElement();
        assertEquals("2", suites.getAttribute("tests"));
        assertEquals("1", suites.getAttribute("failures"));
        assertEquals("no-stale-accept", ((org.w3c.dom.Element) suites.getElementsByTagName("failure").item(0)
                .getParentNode()).getAttribute("name"));
        Path json = dir.resolve("cx/two-way-handshake.no-stale-accept.json");
        assertTrue(Files.readString(json).contains("\"length\" : 14"));
        assertTrue(Files.readString(dir.resolve("cx/two-way-handshake.no-stale-accept.md"))
                .contains("sequenceDiagram"));

        Run replay = run("replay", json.toString());
        assertEquals(ExitCode.HOLDS, replay.exit(), replay.err());
        assertTrue(replay.out().contains("(old, from connection 1, age 0)"), replay.out());
        assertTrue(replay.out().endsWith("reproduces: no-stale-accept (no-stale-accept) is violated\n"));
        Run mermaid = run("show", json.toString(), "--format", "mermaid");
        assertEquals(0, mermaid.exit());
        assertTrue(mermaid.out().startsWith("sequenceDiagram\n") && mermaid.out().contains("A->>B: 3. s1 #lt;SEQ=0#gt;#lt;CTL=SYN#gt;"), mermaid.out());

        // A counterexample that no longer violates (the model "changed": here, the property) exits 1.
        Path changed = dir.resolve("changed.json");
        Files.writeString(changed, Files.readString(json).replace("\"property\" : \"no-stale-accept\"",
                "\"property\" : \"agreement\"").replace("\"part\" : \"no-stale-accept\"",
                "\"part\" : \"agreement\""));
        Run gone = run("replay", changed.toString());
        assertEquals(ExitCode.VIOLATED, gone.exit());
        assertTrue(gone.out().contains("does not reproduce"), gone.out());
        try (var files = Files.list(dir.resolve("reports"))) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void anUnwritableReportIsOneLineAndExit2() throws Exception {
        Path file = dir.resolve("a-file");
        Files.writeString(file, "x");
        Run r = run("check", "--variant", "two-way-handshake", "--property", "agreement", "--junit",
                file.resolve("under-a-file.xml").toString());
        assertEquals(ExitCode.USAGE, r.exit());
        assertTrue(r.err().startsWith("tcpcheck: cannot write"), r.err());
        assertFalse(r.err().contains("\tat "));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "missing|cannot read",
        "|is not a valid counterexample: the file is empty",
        "{\"schema\": \"tcpcheck-counterexample\", \"vers|is not a valid counterexample: not JSON (or truncated)",
        "[1, 2]|is not a valid counterexample: not a JSON object",
        "{\"schema\": \"pcap\"}|is not a valid counterexample: not a tcpcheck counterexample",
        "{\"schema\": \"tcpcheck-counterexample\", \"version\": 9}|format version 9 is newer than this tcpcheck",
        "{\"schema\": \"tcpcheck-counterexample\", \"version\": 1}|is not a valid counterexample: missing field"})
    void badCounterexampleFilesAreOneLineAndExit2(String content, String message) throws Exception {
        Path f = dir.resolve("cx.json");
        if (content != null && !content.equals("missing")) {
            Files.writeString(f, content);
        } else if (content == null) {
            Files.writeString(f, "");
        }
        for (String cmd : new String[] {"replay", "show"}) {
            Run r = run(cmd, f.toString());
            assertEquals(ExitCode.USAGE, r.exit(), r.err());
            assertTrue(r.err().contains(message), r.err());
            assertFalse(r.err().contains("\tat "));
        }
    }

    /**
     * What {@code list} says each variant is, word for word: the standard variant is RFC 9293 with RFC 1337's first
     * fix, and the variant that ends TIME-WAIT on an RST is RFC 9293's own text (3.10.7.4) and Linux's default.
     */
    @Test
    void listDescribesTheVariantsExactly() {
        Run r = run("list");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("  rfc9293-rfc1337     the standard variant: RFC 9293 (three-way handshake, "
                + "four-way close with half-close, TIME-WAIT of 2 x MSL) with RFC 1337's first fix, an RST in "
                + "TIME-WAIT is ignored; RFC 9293's own text (3.10.7.4, second step) does not adopt that fix (old "
                + "name, still accepted: rfc9293)\n"), r.out());
        assertTrue(r.out().contains("  rfc9293-text        RFC 9293's text as written (3.10.7.4, second step): an "
                + "RST in TIME-WAIT enters CLOSED, as in RFC 793 and in Linux by default (net.ipv4.tcp_rfc1337 = 0);"
                + " the TIME-WAIT assassination of RFC 1337 (old name, still accepted: rfc793-time-wait)\n"), r.out());
        for (String line : r.out().split("\n")) {
            assertFalse(line.contains("rfc9293") && line.contains("ignore") && !line.contains("RFC 1337"),
                    "a line that says RFC 9293 ignores an RST without naming RFC 1337: " + line);
        }
    }

    @Test
    void oldVariantNamesStillWork() {
        Run old = run("check", "--variant", "rfc793-time-wait", "--property", "agreement", "--max-states", "2000",
                "--format", "json");
        assertEquals(3, old.exit(), old.err());
        assertTrue(old.out().contains("\"variant\":\"rfc9293-text\""), old.out());
        Run help = run("check", "--help");
        assertTrue(help.out().contains("rfc793-time-wait (old name of rfc9293-text)"), help.out());
        assertTrue(help.out().contains("rfc9293 (old name of rfc9293-rfc1337)"), help.out());
    }

    @Test
    void listNamesEverything() {
        Run r = run("list");
        assertEquals(0, r.exit());
        for (String s : new String[] {"rfc9293-text", "eventually-closed", "--time-wait", "--Crash"}) {
            assertTrue(r.out().contains(s), s);
        }
    }
}
