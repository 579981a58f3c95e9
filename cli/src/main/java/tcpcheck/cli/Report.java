package tcpcheck.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tcpcheck.checker.Statistics;
import tcpcheck.checker.Verdict;
import tcpcheck.properties.PropertyVerdict;
import tcpcheck.properties.TcpProperties;
import tcpcheck.properties.VariantReport;

/**
 * How a check is printed: a text table for people, one JSON object per variant for scripts. The JSON field names
 * are a stable interface (documented in README.md): variant, parameters, states, transitions, depth, seconds,
 * boundaryStates, maxInFlight, complete, results[{property, verdict, counterexampleLength, afterAbort,
 * afterAbortLength}].
 */
final class Report {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Report() {
    }

    static String text(VariantReport r) {
        StringBuilder b = new StringBuilder();
        b.append("variant ").append(r.variant().id()).append("  ").append(parameters(r)).append('\n');
        for (PropertyVerdict p : r.results()) {
            b.append(String.format(Locale.ROOT, "  %-18s %s %-10s", p.property(), p.symbol(), p.verdict()));
            if (p.verdict() == Verdict.VIOLATED) {
                b.append(" counterexample of ").append(p.length()).append(" actions");
                if (p.detail() != null) {
                    b.append(" (").append(p.detail()).append(')');
                }
            } else if (p.verdict() == Verdict.INCOMPLETE && p.detail() != null) {
                b.append(" ").append(p.detail());
            }
            if (p.afterAbort() == Verdict.VIOLATED) {
                b.append("; after an abort: violated in ").append(p.afterAbortTrace().length()).append(" actions");
            }
            b.append('\n');
        }
        Statistics s = r.statistics();
        b.append(String.format(Locale.ROOT, "  %,d states, %,d transitions, depth %d, %,d at the capacity bound, "
                        + "at most %d in flight per direction, %.1f s%n", s.states(), s.transitions(), s.depth(),
                s.boundaryStates(), r.maxInFlight(), s.seconds()));
        b.append(String.format(Locale.ROOT, "  %,.0f states/s, %.1f bytes/state in memory (%.1f in temporary files), "
                + "fingerprint collision probability %.1e (optimistic, as TLC estimates it)%n", s.statesPerSecond(),
                s.bytesPerState(), s.diskBytesPerState(),
                s.collisionProbability()));
        if (r.incompleteReason() != null) {
            b.append("  INCOMPLETE: ").append(r.incompleteReason()).append('\n');
        }
        return b.toString();
    }

    static String parameters(VariantReport r) {
        return parameters(r.variant(), r.parameters());
    }

    static String parameters(tcpcheck.model.Variant v, tcpcheck.model.Parameters p) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Object> e : p.describe(v).entrySet()) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(e.getKey()).append('=').append(e.getValue());
        }
        return b.toString();
    }

    static String json(VariantReport r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("variant", r.variant().id());
        ObjectNode params = o.putObject("parameters");
        for (Map.Entry<String, Object> e : r.parameters().describe(r.variant()).entrySet()) {
            if (e.getValue() instanceof Boolean bool) {
                params.put(e.getKey(), bool);
            } else {
                params.put(e.getKey(), (Integer) e.getValue());
            }
        }
        Statistics s = r.statistics();
        o.put("states", s.states());
        o.put("transitions", s.transitions());
        o.put("depth", s.depth());
        o.put("seconds", Math.round(s.seconds() * 1000) / 1000.0);
        o.put("boundaryStates", s.boundaryStates());
        o.put("maxInFlight", r.maxInFlight());
        o.put("statesPerSecond", Math.round(s.statesPerSecond()));
        o.put("bytesPerState", Math.round(s.bytesPerState() * 10) / 10.0);
        o.put("diskBytesPerState", Math.round(s.diskBytesPerState() * 10) / 10.0);
        o.put("collisionProbability", s.collisionProbability());
        o.put("complete", r.incompleteReason() == null);
        ArrayNode results = o.putArray("results");
        for (PropertyVerdict p : r.results()) {
            ObjectNode x = results.addObject();
            x.put("property", p.property());
            x.put("verdict", p.verdict().name());
            if (p.trace() != null) {
                x.put("counterexampleLength", p.length());
            } else {
                x.putNull("counterexampleLength");
            }
            x.put("afterAbort", p.afterAbort().name());
            if (p.afterAbortTrace() != null) {
                x.put("afterAbortLength", p.afterAbortTrace().length());
            }
        }
        try {
            return JSON.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** JUnit XML: one test case per variant × property, so CI servers show the matrix. */
    static String junit(List<VariantReport> reports) {
        StringBuilder cases = new StringBuilder();
        int tests = 0;
        int failures = 0;
        for (VariantReport r : reports) {
            for (PropertyVerdict p : r.results()) {
                tests++;
                cases.append("  <testcase classname=\"tcpcheck.").append(xml(r.variant().id())).append("\" name=\"")
                        .append(xml(p.property())).append("\" time=\"")
                        .append(String.format(Locale.ROOT, "%.3f", r.statistics().seconds())).append("\">");
                if (p.verdict() == Verdict.VIOLATED) {
                    failures++;
                    cases.append("<failure type=\"VIOLATED\" message=\"counterexample of ").append(p.length())
                            .append(" actions\">").append(xml(p.trace().toString())).append("</failure>");
                } else if (p.verdict() == Verdict.INCOMPLETE) {
                    failures++;
                    cases.append("<failure type=\"INCOMPLETE\" message=\"").append(xml(String.valueOf(p.detail())))
                            .append("\"/>");
                }
                cases.append("</testcase>\n");
            }
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"tcpcheck\" tests=\"" + tests
                + "\" failures=\"" + failures + "\" errors=\"0\" skipped=\"0\">\n" + cases + "</testsuite>\n";
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The verdict matrix: variant × property, with the counterexample's length in each ✗ cell. */
    static String matrix(List<VariantReport> reports) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-19s", "variant"));
        for (String n : TcpProperties.NAMES) {
            b.append(String.format(Locale.ROOT, " %-17s", n));
        }
        b.append('\n');
        for (VariantReport r : reports) {
            String label = r.variant().id() + (r.parameters().connections() > 1
                    ? " (K=" + r.parameters().connections() + ")" : "");
            b.append(String.format(Locale.ROOT, "%-19s", label));
            for (String n : TcpProperties.NAMES) {
                PropertyVerdict p = r.result(n);
                String cell = p.symbol() + (p.verdict() == Verdict.VIOLATED ? " " + p.length() : "");
                b.append(String.format(Locale.ROOT, " %-17s", cell));
            }
            b.append('\n');
        }
        return b.toString();
    }
}
