package tcpcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Items 14 and 15: the JUnit XML reports of check, justify and sweep. Test case times add up to their suite's, and
 * the suites' to the report's, which is the real time of the searches; a failure carries the chart and the path of
 * the counterexample file; every case carries the after-an-abort verdict; suites and the report have a time and a
 * timestamp.
 */
class JUnitOutputTest {
    @TempDir
    Path dir;

    static Element read(Path xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile()).getDocumentElement();
    }

    static List<Element> children(Element e, String tag) {
        List<Element> out = new ArrayList<>();
        NodeList nl = e.getElementsByTagName(tag);
        for (int i = 0; i < nl.getLength(); i++) {
            out.add((Element) nl.item(i));
        }
        return out;
    }

    static long millis(Element e) {
        String t = e.getAttribute("time");
        assertTrue(t.matches("[0-9]+\\.[0-9]{3}"), t);
        return Long.parseLong(t.replace(".", ""));
    }

    @Test
    void checkReportsTimesFailuresAndAfterAbortVerdicts() throws Exception {
        Path xml = dir.resolve("junit.xml");
        Path out = dir.resolve("out");
        Cli.Run r = Cli.run("check", "--variant", "two-way-handshake", "--variant", "no-time-wait", "--D", "0",
                "--L", "0", "--format", "json", "--junit", xml.toString(), "--out", out.toString());
        assertEquals(ExitCode.VIOLATED, r.exit(), r.err());
        List<JsonNode> records = JsonOutputTest.records(r);
        Element root = read(xml);
        assertEquals("testsuites", root.getTagName());
        LocalDateTime.parse(root.getAttribute("timestamp"));
        List<Element> suites = children(root, "testsuite");
        assertEquals(2, suites.size());
        long total = 0;
        int failures = 0;
        for (int s = 0; s < suites.size(); s++) {
            Element suite = suites.get(s);
            JsonNode v = records.get(s);
            assertEquals(v.get("variant").asText(), suite.getAttribute("name"));
            LocalDateTime.parse(suite.getAttribute("timestamp"));
            long sum = 0;
            List<Element> cases = children(suite, "testcase");
            assertEquals(6, cases.size());
            for (int c = 0; c < cases.size(); c++) {
                Element tc = cases.get(c);
                JsonNode res = v.get("results").get(c);
                assertEquals(res.get("property").asText(), tc.getAttribute("name"));
                sum += millis(tc);
                String out2 = children(tc, "system-out").get(0).getTextContent();
                assertTrue(out2.contains("after an abort: " + res.get("afterAbort").asText()), out2);
                Element failure = children(tc, "failure").isEmpty() ? null : children(tc, "failure").get(0);
                if (res.get("verdict").asText().equals("VIOLATED")) {
                    failures++;
                    assertNotNull(failure);
                    String json = res.get("files").get(0).asText();
                    assertTrue(failure.getAttribute("message").equals("counterexample of "
                            + res.get("counterexampleLength").asInt() + " actions: " + json), failure.getAttribute(
                            "message"));
                    assertTrue(failure.getTextContent().startsWith(v.get("variant").asText() + ": "
                            + res.get("property").asText() + " violated in " + res.get("counterexampleLength").asInt()
                            + " actions\n\nstep A "), failure.getTextContent());
                    assertTrue(failure.getTextContent().contains("written: " + json + " (tcpcheck replay " + json
                            + ")"), failure.getTextContent());
                } else {
                    assertNull(failure, tc.getAttribute("name"));
                }
            }
            assertEquals(millis(suite), sum, "the cases add up to the suite");
            assertEquals(v.get("seconds").asDouble(), millis(suite) / 1000.0, 0.0011, "the suite is the search");
            total += sum;
        }
        assertEquals(millis(root), total, "the suites add up to the report");
        assertEquals(String.valueOf(failures), root.getAttribute("failures"));
        assertEquals("12", root.getAttribute("tests"));
    }

    /** justify --junit: a case per cell, failing where it is undecided (here, every cell). */
    @Test
    void justifyReportsEveryCell() throws Exception {
        Path xml = dir.resolve("justify.xml");
        Cli.Run r = Cli.run("justify", "--max-states", "100", "--junit", xml.toString());
        assertEquals(ExitCode.INCOMPLETE, r.exit(), r.err());
        Element root = read(xml);
        assertEquals(7, children(root, "testsuite").size());
        assertEquals("42", root.getAttribute("tests"));
        assertEquals("42", root.getAttribute("failures"));
        for (Element f : children(root, "failure")) {
            assertEquals("INCOMPLETE", f.getAttribute("type"));
            assertEquals("undecided: state limit of 100 reached", f.getAttribute("message"));
        }
        assertTrue(r.out().endsWith("JUnit report: " + xml + "\n"), r.out());
    }

    /** sweep --junit: a suite per MSL and RTO, a case per T, passing where the cell agrees with the boundary. */
    @Test
    void sweepReportsEveryCell() throws Exception {
        Path xml = dir.resolve("sweep.xml");
        Cli.Run r = Cli.run("sweep", "--msl", "1", "--T", "0,2", "--junit", xml.toString());
        assertEquals(ExitCode.HOLDS, r.exit(), r.err());
        Element root = read(xml);
        List<Element> suites = children(root, "testsuite");
        assertEquals(1, suites.size());
        assertEquals("sweep.graceful-close.MSL1.RTO1", suites.get(0).getAttribute("name"));
        List<Element> cases = children(suites.get(0), "testcase");
        assertEquals(List.of("T=0", "T=2"), cases.stream().map(c -> c.getAttribute("name")).toList());
        assertEquals("0", root.getAttribute("failures"));
        assertTrue(children(cases.get(0), "system-out").get(0).getTextContent().startsWith("verdict: VIOLATED (a "
                + "counterexample of 13 actions); T >= RTO + MSL predicts VIOLATED"));
    }
}
