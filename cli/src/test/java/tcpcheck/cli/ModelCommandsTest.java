package tcpcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tcpcheck.model.Opening;
import tcpcheck.model.Parameter;
import tcpcheck.properties.Witness;
import tcpcheck.properties.Witnesses;

/**
 * The command line of the model's parameters, scenarios and witnesses: options and {@code list} built from the table of
 * parameters, a variant's own TIME-WAIT, {@code replay} of scenarios with its exit codes, {@code check --witness}.
 */
class ModelCommandsTest {
    @TempDir
    Path dir;

    private static CommandLineTest.Run run(String... args) {
        return CommandLineTest.run(args);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "check --variant no-time-wait --T 4|no-time-wait is defined by its TIME-WAIT of T = 0 (at MSL = 2); with "
                + "time-wait (T) 4 it would be rfc9293-rfc1337 with T = 4",
        "check --time-wait 5|no-time-wait is defined by its TIME-WAIT of T = 0",
        "simulate --variant short-time-wait --T 4|short-time-wait is defined by its TIME-WAIT of T = 2",
        "check --a-opens sometimes|aOpens: unknown opening 'sometimes'; the openings are: active, passive, both",
        "check --a-opens active --b-opens active --K 4|with A and B both opening actively, connections (K) must be at"
                + " most 3, not 4",
        "check --witness figure-99|unknown witness 'figure-99'; the witnesses are: simultaneous-close,",
        "check --witness give-up --property agreement|--witness looks for a witness, not for --property",
        "check --Dup x|Invalid value for option '--duplicates': 'x' is not an int"})
    void badParametersAreOneLineAndExit2(String args, String message) {
        CommandLineTest.Run r = run(args.split(" "));
        assertEquals(ExitCode.USAGE, r.exit(), r.err());
        assertTrue(r.err().startsWith("tcpcheck: " + message), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
    }

    /** A variant's own T may be given explicitly (as the counterexample files record it). */
    @Test
    void aVariantsOwnTimeWaitIsAccepted() {
        CommandLineTest.Run r = run("check", "--variant", "no-time-wait", "--T", "0", "--property", "agreement",
                "--max-states", "1000", "--format", "json");
        assertEquals(ExitCode.INCOMPLETE, r.exit(), r.err());
    }

    /** Every parameter of the table is an option of check and simulate, with its alias, range and default in the help. */
    @Test
    void everyParameterIsAnOptionWithItsHelp() {
        for (String command : new String[] {"check", "simulate"}) {
            String help = run(command, "--help").out().replaceAll("\\s+", " ");
            for (Parameter p : Parameter.values()) {
                for (String o : p.options()) {
                    assertTrue(help.contains(o + (p.type() == Parameter.Type.FLAG ? " " : "")), command + " " + o);
                }
                assertTrue(help.contains(ParameterOptions.help(p).replaceAll("\\s+", " ")), command + " " + p);
            }
        }
    }

    /** list prints every parameter from the table, every witness with what it sets, and the openings. */
    @Test
    void listShowsTheTableTheWitnessesAndTheOpenings() {
        CommandLineTest.Run r = run("list");
        assertEquals(0, r.exit());
        for (Parameter p : Parameter.values()) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith("  " + p.options().get(0) + " ")
                    && l.contains(p.defaultText()) && l.contains(p.rangeText()) && l.endsWith(p.meaning())),
                    p.toString());
        }
        for (Witness w : Witnesses.all()) {
            assertTrue(r.out().contains("  " + w.id() + " "), w.id());
        }
        assertTrue(r.out().contains("[sets --a-opens active --b-opens active]"), r.out());
        for (Opening o : Opening.values()) {
            assertTrue(r.out().contains("  " + o.id() + " "), o.id());
        }
    }

    /** The JSON parameters come from the table: every key, typed (numbers, booleans, the openings' names). */
    @Test
    void jsonParametersAreTypedFromTheTable() throws Exception {
        CommandLineTest.Run r = run("check", "--variant", "rfc9293-rfc1337", "--property", "agreement",
                "--a-opens", "both", "--max-states", "500", "--format", "json");
        JsonNode p = new ObjectMapper().readTree(r.out()).get("parameters");
        assertEquals(Parameter.values().length, p.size());
        assertTrue(p.get("K").isInt());
        assertTrue(p.get("serverClosesFirst").isBoolean());
        assertEquals("both", p.get("aOpens").asText());
        assertEquals("passive", p.get("bOpens").asText());
        assertEquals(4, p.get("T").asInt());
    }

    @Test
    void replayOfAScenarioChecksItsExpectations() throws Exception {
        Path fig8 = Path.of("..", "scenarios", "rfc9293-fig8-recovery-from-old-duplicate-syn.json");
        CommandLineTest.Run ok = run("replay", fig8.toString());
        assertEquals(ExitCode.HOLDS, ok.exit(), ok.out());
        assertTrue(ok.out().contains("replays: every expectation is met (10 expectations)"), ok.out());
        assertTrue(ok.out().startsWith("Recovery from old duplicate SYN (RFC 9293, section 3.5, Figure 8)"), ok.out());

        Path moved = dir.resolve("moved.json");
        Files.writeString(moved, Files.readString(fig8).replace("\"RCV.NXT\": 5\n", "\"RCV.NXT\": 6\n"));
        CommandLineTest.Run differs = run("replay", moved.toString());
        assertEquals(ExitCode.VIOLATED, differs.exit());
        assertTrue(differs.out().contains("does not reproduce: step 7 (deliver <SEQ=4><CTL=SYN> [conn 2, age 0] to B):"
                + " expected B in SYN-RECEIVED with ISS=4 IRS=4 RCV.NXT=6; found RCV.NXT=5"), differs.out());

        Path disabled = dir.resolve("disabled.json");
        Files.writeString(disabled, Files.readString(fig8).replace("\"seq\": 1,", "\"seq\": 2,"));
        CommandLineTest.Run notEnabled = run("replay", disabled.toString());
        assertEquals(ExitCode.VIOLATED, notEnabled.exit());
        assertTrue(notEnabled.out().contains("does not reproduce: step 6 (deliver <SEQ=2><CTL=RST> [conn 2, age 0] "
                + "to B) is not enabled"), notEnabled.out());

        Path unknown = dir.resolve("unknown.json");
        Files.writeString(unknown, Files.readString(fig8).replace("\"source\"", "\"sauce\""));
        CommandLineTest.Run invalid = run("replay", unknown.toString());
        assertEquals(ExitCode.USAGE, invalid.exit());
        assertTrue(invalid.err().contains("is not a valid counterexample: unknown field 'sauce'"), invalid.err());
    }

    /**
     * check --witness finds the shortest path to a witness with what it needs (here both endpoints opening actively),
     * writes it like a counterexample (version 2, since the openings are not the default), and replay reproduces it.
     */
    @Test
    void checkWitnessWritesAReplayableWitness() throws Exception {
        CommandLineTest.Run r = run("check", "--witness", "simultaneous-open", "--out", dir.toString());
        assertEquals(ExitCode.HOLDS, r.exit(), r.err());
        assertTrue(r.out().startsWith("rfc9293-rfc1337: witness simultaneous-open reached in 6 actions"), r.out());
        for (String ext : new String[] {".json", ".md", ".svg", ".pcap"}) {
            assertTrue(Files.size(dir.resolve("rfc9293-rfc1337.simultaneous-open" + ext)) > 0, ext);
        }
        Path json = dir.resolve("rfc9293-rfc1337.simultaneous-open.json");
        JsonNode o = new ObjectMapper().readTree(Files.readString(json));
        assertEquals(2, o.get("version").asInt());
        assertEquals("active", o.get("parameters").get("bOpens").asText());
        assertEquals("simultaneous-open", o.get("property").asText());
        CommandLineTest.Run replay = run("replay", json.toString());
        assertEquals(ExitCode.HOLDS, replay.exit(), replay.out());
        assertTrue(replay.out().endsWith("reproduces: simultaneous-open (simultaneous-open) is violated\n"),
                replay.out());

        // No loss, no duplication and one segment per direction: no old SYN outlives its connection (253 states).
        CommandLineTest.Run never = run("check", "--witness", "old-duplicate-syn", "--L", "0", "--Dup", "0", "--C", "1",
                "--format", "json");
        assertEquals(ExitCode.VIOLATED, never.exit(), never.err());
        JsonNode n = new ObjectMapper().readTree(never.out());
        assertEquals("UNREACHABLE", n.get("verdict").asText());
        assertEquals(253, n.get("states").asInt());
        assertTrue(n.get("length").isNull());
    }
}
