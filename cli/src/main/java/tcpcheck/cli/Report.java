package tcpcheck.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import tcpcheck.checker.Statistics;
import tcpcheck.checker.Verdict;
import tcpcheck.properties.PropertyVerdict;
import tcpcheck.properties.TcpProperties;
import tcpcheck.properties.VariantReport;

/**
 * How an exhaustive check is shown to a person (the text report, the verdict matrix, the closing line, the memory
 * hint) and as a JUnit test suite. The JSON records are {@link Json}'s.
 */
final class Report {
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
            } else if (p.verdict() == Verdict.ERROR) {
                b.append(" ").append(p.detail());
                if (p.trace() != null) {
                    b.append(" (in the state reached after ").append(p.length()).append(" actions)");
                }
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
        b.append(String.format(Locale.ROOT, "  as TLC counts: %,d states generated, %,d distinct initial, depth %d "
                + "(in states)%n", s.generated(), s.initialStates(), s.depthInStates()));
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

    /**
     * The closing line of {@code check}: what threw (ERROR), what holds, what is violated, what is undecided and
     * why.
     */
    static String conclusion(List<VariantReport> reports) {
        int holds = 0;
        int violated = 0;
        int undecided = 0;
        int errors = 0;
        String why = null;
        String error = null;
        for (VariantReport r : reports) {
            for (PropertyVerdict p : r.results()) {
                switch (p.verdict()) {
                    case HOLDS:
                        holds++;
                        break;
                    case VIOLATED:
                        violated++;
                        break;
                    case ERROR:
                        errors++;
                        error = error == null ? p.detail() : error;
                        break;
                    default:
                        undecided++;
                        why = why == null ? r.incompleteReason() : why;
                }
            }
        }
        int all = holds + violated + undecided + errors;
        if (errors > 0) {
            return "ERROR: " + errors + " of " + all + " verdicts could not be reached (" + error + ")";
        }
        if (violated > 0) {
            return violated + " of " + all + " verdicts VIOLATED" + (undecided > 0 ? ", " + undecided
                    + " undecided (" + why + ")" : "");
        }
        if (undecided > 0) {
            return "INCOMPLETE: " + undecided + " of " + all + " verdicts undecided (" + why + ")"
                    + (holds > 0 ? "; the other " + holds + " hold" : "");
        }
        return "every property holds (" + all + " verdicts)";
    }

    /**
     * The end of a command's output: the summary record (JSON), or the closing line and where the JUnit report is
     * (text).
     */
    static void close(PrintWriter w, boolean json, String command, int code, String message, long startNanos,
                      Outputs outputs, Path junit) {
        if (json) {
            w.println(Json.line(Json.summary(command, code, message, (System.nanoTime() - startNanos) / 1e9,
                    outputs.written())));
        } else {
            w.println(message);
            if (junit != null) {
                w.println("JUnit report: " + junit);
            }
        }
    }

    /**
     * When a search ran out of memory, one line on how to give Java more: the heap is set by {@code -Xmx} in
     * {@code JAVA_OPTS}, which the launcher passes to the JVM.
     */
    static void memoryHint(List<VariantReport> reports, PrintWriter err) {
        for (VariantReport r : reports) {
            if (r.incompleteReason() != null && Json.limit(r.incompleteReason()).equals("memory")) {
                err.println(memoryHint());
                err.flush();
                return;
            }
        }
    }

    /** How to give the JVM more heap. */
    static String memoryHint() {
        return String.format(Locale.ROOT, "tcpcheck: the Java heap (%,d MiB) is too small for these bounds: give "
                + "Java more with JAVA_OPTS, for instance JAVA_OPTS=\"-Xmx16g -XX:+UseParallelGC "
                + "-XX:MaxNewSize=1g\" ./tcpcheck ..., or lower the bounds", Runtime.getRuntime().maxMemory() >> 20);
    }

    /**
     * One variant as a JUnit test suite: a test case per property. Without {@code expected} (check), a violated or
     * undecided verdict fails its case; with it (justify), a case fails when the verdict differs from the expected one
     * or is undecided. The failure's body, and the output of a case whose counterexample is expected, is the
     * counterexample as {@link CounterexampleView} shows it.
     */
    static JUnitReport.Suite suite(VariantReport r, Map<String, List<Path>> files,
                                   Function<String, Verdict> expected) {
        List<JUnitReport.Case> cases = new ArrayList<>();
        for (PropertyVerdict p : r.results()) {
            String view = p.verdict() == Verdict.VIOLATED
                    ? CounterexampleView.describe(CounterexampleView.title(r.variant(), r.parameters(), p.property(),
                    p.length()), CounterexampleView.explanation(r.variant(), r.parameters(), p),
                    files.getOrDefault(p.property(), List.of()), CheckCommand.OUT_HINT)
                    : null;
            StringBuilder out = new StringBuilder("verdict: " + p.verdict());
            out.append("\nafter an abort: ").append(p.afterAbort());
            if (p.afterAbortTrace() != null) {
                out.append(" (a counterexample of ").append(p.afterAbortTrace().length()).append(" actions)");
            }
            out.append('\n');
            Verdict e = expected == null ? null : expected.apply(p.property());
            JUnitReport.Failure failure = null;
            if (p.verdict() == Verdict.INCOMPLETE) {
                failure = new JUnitReport.Failure("INCOMPLETE", "undecided: " + p.detail(), out.toString());
            } else if (p.verdict() == Verdict.ERROR) {
                failure = new JUnitReport.Failure("ERROR", String.valueOf(p.detail()),
                        p.trace() == null ? out.toString() : out + p.trace().toString());
            } else if (expected == null && p.verdict() == Verdict.VIOLATED) {
                List<Path> mine = files.getOrDefault(p.property(), List.of());
                failure = new JUnitReport.Failure("VIOLATED", "counterexample of " + p.length() + " actions"
                        + mine.stream().filter(f -> f.toString().endsWith(".json")).map(f -> ": " + f).findFirst()
                        .orElse(""), view);
            } else if (e != null && e != p.verdict()) {
                failure = new JUnitReport.Failure("DIFFERS", "expected " + e + ", found " + p.verdict()
                        + (p.verdict() == Verdict.VIOLATED ? " (a counterexample of " + p.length() + " actions)" : ""),
                        view != null ? view : out.toString());
            } else if (view != null) {
                out.append(view);
            }
            cases.add(new JUnitReport.Case(p.property(), failure, out.toString()));
        }
        return new JUnitReport.Suite(suiteName(r), r.statistics().elapsedNanos() / 1_000_000L, cases);
    }

    static String suiteName(VariantReport r) {
        return r.variant().id() + (r.parameters().connections() > 1 ? "-K" + r.parameters().connections() : "");
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
