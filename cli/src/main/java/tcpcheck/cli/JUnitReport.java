package tcpcheck.cli;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A JUnit XML report, as CI servers read it: {@code <testsuites>} with one {@code <testsuite>} per variant (or per
 * row of the sweep) and one {@code <testcase>} per property (or cell). One search decides every property of a
 * variant at once, so the variant's time is shared out among its test cases, in whole milliseconds: the cases of a
 * suite add up to the suite's time, and the suites to the report's. A case that fails carries the failure's type
 * (VIOLATED, INCOMPLETE, or DIFFERS where the command compares with an expected verdict; an ERROR, where the model or
 * a property threw, is an {@code <error>} instead of a {@code <failure>}), a one-line message, and a
 * body a person can read (the counterexample's chart, where its file is); {@code system-out} carries what else is
 * known (the verdict after an abort).
 */
final class JUnitReport {
    /** A failed case: its type, one line, and the text under it. */
    record Failure(String type, String message, String body) {
    }

    /** One test case; {@code failure} is null when it passed. */
    record Case(String name, Failure failure, String systemOut) {
    }

    /** One suite: a variant or a row, its cases, and the time they took together. */
    record Suite(String name, long millis, List<Case> cases) {
    }

    private final String name;
    private final Instant started;
    private final List<Suite> suites = new ArrayList<>();

    JUnitReport(String name, Instant started) {
        this.name = name;
        this.started = started;
    }

    void add(Suite s) {
        suites.add(s);
    }

    /** {@code millis} shared among {@code n} cases in whole milliseconds that add up to it. */
    static long[] share(long millis, int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = millis / n + (i < millis % n ? 1 : 0);
        }
        return out;
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%d.%03d", millis / 1000, millis % 1000);
    }

    /** The report as UTF-8 XML. */
    byte[] xml() {
        Document d;
        try {
            d = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        d.setXmlStandalone(true);
        Element root = d.createElement("testsuites");
        d.appendChild(root);
        String timestamp = DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                started.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC).toLocalDateTime());
        int tests = 0;
        int failures = 0;
        int errors = 0;
        long millis = 0;
        for (Suite s : suites) {
            Element suite = d.createElement("testsuite");
            root.appendChild(suite);
            int sf = 0;
            int se = 0;
            long[] times = share(s.millis(), s.cases().size());
            int i = 0;
            for (Case c : s.cases()) {
                Element tc = d.createElement("testcase");
                tc.setAttribute("classname", "tcpcheck." + s.name());
                tc.setAttribute("name", c.name());
                tc.setAttribute("time", seconds(times[i++]));
                if (c.failure() != null) {
                    boolean error = c.failure().type().equals("ERROR");
                    sf += error ? 0 : 1;
                    se += error ? 1 : 0;
                    Element f = d.createElement(error ? "error" : "failure");
                    f.setAttribute("type", c.failure().type());
                    f.setAttribute("message", c.failure().message());
                    f.setTextContent(clean(c.failure().body()));
                    tc.appendChild(f);
                }
                if (c.systemOut() != null && !c.systemOut().isEmpty()) {
                    Element so = d.createElement("system-out");
                    so.setTextContent(clean(c.systemOut()));
                    tc.appendChild(so);
                }
                suite.appendChild(tc);
            }
            suite.setAttribute("name", s.name());
            suite.setAttribute("tests", Integer.toString(s.cases().size()));
            suite.setAttribute("failures", Integer.toString(sf));
            suite.setAttribute("errors", Integer.toString(se));
            suite.setAttribute("skipped", "0");
            suite.setAttribute("time", seconds(s.millis()));
            suite.setAttribute("timestamp", timestamp);
            tests += s.cases().size();
            failures += sf;
            errors += se;
            millis += s.millis();
        }
        root.setAttribute("name", name);
        root.setAttribute("tests", Integer.toString(tests));
        root.setAttribute("failures", Integer.toString(failures));
        root.setAttribute("errors", Integer.toString(errors));
        root.setAttribute("skipped", "0");
        root.setAttribute("time", seconds(millis));
        root.setAttribute("timestamp", timestamp);
        try {
            var t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            t.transform(new DOMSource(d), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Text without the control characters XML 1.0 cannot carry. */
    private static String clean(String s) {
        return s.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", "");
    }
}
