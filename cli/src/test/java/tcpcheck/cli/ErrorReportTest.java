package tcpcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tcpcheck.checker.Statistics;
import tcpcheck.checker.Trace;
import tcpcheck.checker.Verdict;
import tcpcheck.model.Action;
import tcpcheck.model.Parameters;
import tcpcheck.model.TcpModel;
import tcpcheck.model.TcpState;
import tcpcheck.model.Variant;
import tcpcheck.properties.PropertyVerdict;
import tcpcheck.properties.VariantReport;

/**
 * An ERROR verdict (the model or a property threw) as `check` prints it: exit code 4 before any other, the message
 * and the trace's length in the text and the closing line, an {@code error} field in JSON, an {@code <error>} in
 * JUnit; and the figures that compare with TLC's.
 */
class ErrorReportTest {

    private static VariantReport report(Verdict first, Verdict second) {
        TcpModel m = new TcpModel(Variant.RFC9293_RFC1337, Parameters.defaults());
        Trace<TcpState, Action> t = Trace.of(m.initialStates().get(0));
        List<PropertyVerdict> vs = List.of(
                new PropertyVerdict("agreement", first, first == Verdict.HOLDS ? null : t,
                        first == Verdict.ERROR ? "the predicate threw IllegalStateException: boom" : null,
                        "agreement", Verdict.HOLDS, null),
                new PropertyVerdict("no-deadlock", second, second == Verdict.HOLDS ? null : t, null, "no-deadlock",
                        Verdict.HOLDS, null));
        Statistics s = new Statistics(100, 250, 9, 0, 1_000_000, 1600, 0, 0, 1, Map.of(), 1, 251);
        return new VariantReport(Variant.RFC9293_RFC1337, Parameters.defaults(), s, 2, vs, null);
    }

    @Test
    void errorIsExitCodeFourBeforeAViolation() {
        assertEquals(ExitCode.ERROR, ExitCode.of(List.of(report(Verdict.ERROR, Verdict.VIOLATED))));
        assertEquals(4, ExitCode.ERROR);
        assertEquals(ExitCode.VIOLATED, ExitCode.of(List.of(report(Verdict.HOLDS, Verdict.VIOLATED))));
        assertEquals(ExitCode.INCOMPLETE, ExitCode.of(List.of(report(Verdict.HOLDS, Verdict.INCOMPLETE))));
        assertEquals(ExitCode.HOLDS, ExitCode.of(List.of(report(Verdict.HOLDS, Verdict.HOLDS))));
    }

    @Test
    void errorIsPrintedWithWhatThrew() throws Exception {
        VariantReport r = report(Verdict.ERROR, Verdict.HOLDS);
        String text = Report.text(r);
        assertTrue(text.contains("agreement          ! ERROR      the predicate threw IllegalStateException: boom "
                + "(in the state reached after 0 actions)"), text);
        assertTrue(text.contains("as TLC counts: 251 states generated, 1 distinct initial, depth 10 (in states)"),
                text);
        assertEquals("ERROR: 1 of 2 verdicts could not be reached (the predicate threw IllegalStateException: boom)",
                Report.conclusion(List.of(r)));
        JsonNode json = Json.MAPPER.readTree(Json.line(Json.variant("check", r, true, Map.of(), null)));
        JsonNode result = json.get("results").get(0);
        assertEquals("ERROR", result.get("verdict").asText());
        assertEquals("the predicate threw IllegalStateException: boom", result.get("error").asText());
        assertEquals(0, result.get("counterexampleLength").asInt());
        assertEquals(251, json.get("generatedStates").asLong());
        assertEquals(1, json.get("initialStates").asLong());
        assertEquals(10, json.get("depthInStates").asInt());
        assertEquals(9, json.get("depth").asInt());
        JUnitReport xml = new JUnitReport("tcpcheck check", Instant.EPOCH);
        xml.add(Report.suite(r, Map.of(), null));
        String junit = new String(xml.xml(), StandardCharsets.UTF_8);
        assertTrue(junit.contains("errors=\"1\" failures=\"0\""), junit);
        assertTrue(junit.contains("<error message=\"the predicate threw IllegalStateException: boom\" type=\"ERROR\">"),
                junit);
    }

    /** The TCP model, except that it throws where B would enter ESTABLISHED: a model with a bug. */
    private record Throwing(TcpModel m) implements tcpcheck.checker.Model<TcpState, Action> {
        @Override
        public List<TcpState> initialStates() {
            return m.initialStates();
        }

        @Override
        public void actions(TcpState s, List<Action> actions) {
            m.actions(s, actions);
        }

        @Override
        public TcpState nextState(TcpState s, Action a) {
            TcpState t = m.nextState(s, a);
            if (t != null && t.b().state() == tcpcheck.model.ConnectionState.ESTABLISHED
                    && s.b().state() != tcpcheck.model.ConnectionState.ESTABLISHED) {
                throw new IllegalStateException("boom");
            }
            return t;
        }

        @Override
        public long fingerprint(TcpState s) {
            return m.fingerprint(s);
        }

        @Override
        public boolean withinBoundary(TcpState s) {
            return m.withinBoundary(s);
        }

        @Override
        public String describe(Action a) {
            return m.describe(a);
        }
    }

    /**
     * simulate says an ERROR as check does: a walk in which the model threw is no violation (the engine's
     * Finding.error, carried through RandomWalks.Hit) but the verdict ERROR, with what threw and the length of the
     * walk to the state where it threw, in the text and in JSON (the schema's "error"), no chart and no file, and exit
     * code 4 before a violation's 1.
     */
    @Test
    void simulateReportsAnErrorAsCheckDoes() throws Exception {
        Parameters p = Parameters.defaults();
        TcpModel m = new TcpModel(Variant.RFC9293_RFC1337, p);
        List<String> names = List.of("agreement", "no-stale-accept");
        tcpcheck.checker.Simulation<TcpState, Action> sim = tcpcheck.checker.Simulation.of(new Throwing(m))
                .runs(20).depth(400).seed(1);
        for (String n : names) {
            sim.properties(tcpcheck.properties.TcpProperties.named(n, m).verdict());
        }
        tcpcheck.properties.RandomWalks walks = new tcpcheck.properties.RandomWalks().runs(20).seed(1);
        tcpcheck.properties.RandomWalks.Report r = walks.report(Variant.RFC9293_RFC1337, p, names, sim.run());
        assertTrue(r.error());
        assertTrue(!r.violated(), "an ERROR is not a violation");
        tcpcheck.properties.RandomWalks.Hit h = r.hit("agreement");
        assertEquals(Verdict.ERROR, h.verdict());
        // It threw while the walk listed the successors of a state, before choosing one.
        assertEquals("the model threw IllegalStateException: boom", h.error());
        assertEquals(tcpcheck.model.ConnectionState.SYN_RECEIVED, h.shrunk().last().b().state(),
                "the walk ends in the state where the model threw");

        String text = SimulateCommand.text(r, Map.of(), Deadline.start(null));
        assertTrue(text.contains("  agreement          ! ERROR      " + h.error() + " (in the state reached after "
                + h.shrunk().length() + " actions of run " + h.run() + ")\n"), text);
        assertTrue(text.contains("  no-stale-accept    ! ERROR      "), text);
        assertTrue(!text.contains("step A"), "no chart: an ERROR is no counterexample: " + text);
        JsonNode json = Json.MAPPER.readTree(Json.line(SimulateCommand.json(r, Map.of(), Deadline.start(null))));
        assertEquals(List.of(), JsonOutputTest.schema.validate(json));
        JsonNode result = json.get("results").get(0);
        assertEquals("ERROR", result.get("verdict").asText());
        assertEquals(h.error(), result.get("error").asText());
        assertEquals(h.shrunk().length(), result.get("counterexampleLength").asInt());
        assertEquals(h.run(), result.get("run").asInt());

        assertEquals(ExitCode.ERROR, SimulateCommand.exitCode(List.of(r), false));
        tcpcheck.properties.RandomWalks.Report violation = new tcpcheck.properties.RandomWalks().runs(300).run(
                Variant.TWO_WAY_HANDSHAKE, p, List.of("no-stale-accept"));
        assertEquals(ExitCode.VIOLATED, SimulateCommand.exitCode(List.of(violation), false));
        assertEquals(ExitCode.ERROR, SimulateCommand.exitCode(List.of(violation, r), false), "4 before 1");
        assertEquals("ERROR: 2 of 3 verdicts could not be reached (" + h.error() + ")",
                SimulateCommand.conclusion(List.of(violation, r), ExitCode.ERROR, Deadline.start(null)));
    }
}
