package tcpcheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tcpcheck.checker.Verdict;
import tcpcheck.model.Variant;
import tcpcheck.properties.PropertyVerdict;
import tcpcheck.properties.TcpProperties;
import tcpcheck.properties.TimeWaitSweep;
import tcpcheck.properties.VariantReport;
import tcpcheck.properties.Verification;

@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Sweep T against RTO and MSL on the standard variant rfc9293-rfc1337 (the other bounds at "
                + "their defaults) and report where a property stops holding: graceful-close (one connection) "
                + "against T >= RTO + MSL, or no-stale-accept (two connections, the incarnations profile) against "
                + "T >= 2 MSL - 1. A cell is one MSL, one RTO (at most MSL) and one T; each stops at its first "
                + "counterexample.",
            "Writes: with --junit FILE, a JUnit XML report (one test suite per MSL and RTO, one test case per T); "
                + "nothing else.",
            "Exit 0: every cell agrees with the boundary; 1: a cell does not; 2: usage error (also when the values "
                + "given leave no cell); 3: a cell is undecided; 5: internal error."})
final class SweepCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Option(names = "--property", paramLabel = "P",
            description = "graceful-close (default) or no-stale-accept (checked with K = 2)")
    String property = TcpProperties.GRACEFUL_CLOSE;

    @Option(names = "--msl", paramLabel = "TICKS", split = ",", description = "the MSL values, 1-6 (default 2,3)")
    List<Integer> msls = new ArrayList<>(List.of(2, 3));

    @Option(names = "--rto", paramLabel = "TICKS", split = ",",
            description = "the RTO values, 1-6, each at most some MSL (default: every value from 1 to MSL)")
    List<Integer> rtos;

    @Option(names = {"--time-wait", "--T"}, paramLabel = "TICKS", split = ",",
            description = "the T values, 0-31 (default: every value from 0 to 2 x MSL + 2)")
    List<Integer> timeWaits;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "text (default) or json (JSON Lines: one record per cell, then a summary)")
    String format = "text";

    @Option(names = "--junit", paramLabel = "FILE", description = "write a JUnit XML report (a test case per cell, "
            + "failing where the cell differs from the boundary or is undecided)")
    Path junit;

    @Mixin
    SearchOptions search;

    /** One cell to check. */
    record Cell(int msl, int rto, int timeWait) {
    }

    @Override
    public Integer call() throws IOException {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        boolean json = CheckCommand.format(spec, format);
        if (!TimeWaitSweep.PROPERTIES.contains(property)) {
            throw new ParameterException(spec.commandLine(), "the TIME-WAIT sweep checks "
                    + String.join(" or ", TimeWaitSweep.PROPERTIES) + ", not '" + property + "'");
        }
        List<Integer> ms = values("--msl", msls, 1, 6);
        List<Integer> rs = rtos == null ? null : values("--rto", rtos, 1, 6);
        List<Integer> ts = timeWaits == null ? null : values("--time-wait", timeWaits, 0, 31);
        List<Cell> cells = new ArrayList<>();
        for (int m : ms) {
            for (int r = 1; r <= m; r++) {
                if (rs == null || rs.contains(r)) {
                    for (int t : ts != null ? ts : TimeWaitSweep.timeWaits(m)) {
                        cells.add(new Cell(m, r, t));
                    }
                }
            }
        }
        if (rs != null) {
            for (int r : rs) {
                if (cells.stream().noneMatch(c -> c.rto() == r)) {
                    throw new ParameterException(spec.commandLine(), "no cell to check for --rto " + r + ": the "
                            + "sweep takes RTO <= MSL, and --msl gives " + join(ms));
                }
            }
        }
        Deadline deadline = search.deadline();
        Io io = main.io();
        StatusLine status = io.status();
        TimeWaitSweep shape = new TimeWaitSweep(new Verification(), property);
        try (Outputs outputs = new Outputs(status, "sweep")) {
            if (junit != null) {
                outputs.file(junit);
            }
            String column = property + (property.equals(TcpProperties.NO_STALE_ACCEPT) ? " (K=2)" : "");
            PrintWriter w = io.out();
            if (!json) {
                w.printf("MSL RTO  T  %-22s  %-14s  states%n", column, shape.boundary());
                w.flush();
            }
            int disagree = 0;
            int undecided = 0;
            int errors = 0;
            String error = null;
            String why = null;
            JUnitReport xml = new JUnitReport("tcpcheck sweep", started);
            List<JUnitReport.Case> row = new ArrayList<>();
            long rowNanos = 0;
            for (int i = 0; i < cells.size(); i++) {
                Cell c = cells.get(i);
                status.task("sweep MSL=" + c.msl() + " RTO=" + c.rto() + " T=" + c.timeWait() + " (" + (i + 1)
                        + "/" + cells.size() + ")", "search");
                VariantReport r;
                if (deadline.expired()) {
                    r = deadline.notStarted(Variant.RFC9293_RFC1337, shape.parameters(c.msl(), c.rto(), c.timeWait()),
                            List.of(property));
                } else {
                    Verification v = new Verification().threads(search.threads())
                            .limits(deadline.limits(search.limits()))
                            .progress(status.search(search.maxStates, deadline));
                    r = deadline.explain(new TimeWaitSweep(v, property).check(c.msl(), c.rto(), c.timeWait()));
                }
                status.done();
                PropertyVerdict p = r.result(property);
                Verdict predicted = shape.predicted(c.msl(), c.rto(), c.timeWait()) ? Verdict.HOLDS : Verdict.VIOLATED;
                boolean agrees = p.verdict() == predicted;
                boolean undecidedHere = p.verdict() == Verdict.INCOMPLETE || p.verdict() == Verdict.ERROR;
                if (p.verdict() == Verdict.INCOMPLETE) {
                    undecided++;
                    why = why == null ? p.detail() : why;
                } else if (p.verdict() == Verdict.ERROR) {
                    errors++;
                    error = error == null ? p.detail() : error;
                } else if (!agrees) {
                    disagree++;
                }
                if (json) {
                    w.println(Json.line(Json.variant("sweep", r, false, Map.of(), Map.of(property, predicted))
                            .put("boundary", shape.boundary())));
                } else {
                    w.printf("%3d %3d %2d  %-22s  %-14s  %,d%s%n", c.msl(), c.rto(), c.timeWait(),
                            p.verdict() == Verdict.VIOLATED ? "✗ " + p.length() : p.verdict() == Verdict.HOLDS
                                    ? "✓" : p.verdict() == Verdict.ERROR ? "! error" : "? incomplete",
                            predicted == Verdict.HOLDS ? "yes" : "no", r.statistics().states(),
                            agrees || undecidedHere ? "" : "  <- differs");
                }
                w.flush();
                JUnitReport.Failure failure = p.verdict() == Verdict.INCOMPLETE
                        ? new JUnitReport.Failure("INCOMPLETE", "undecided: " + p.detail(), "")
                        : p.verdict() == Verdict.ERROR ? new JUnitReport.Failure("ERROR", p.detail(), "")
                        : agrees ? null : new JUnitReport.Failure("DIFFERS", "the boundary " + shape.boundary()
                        + " predicts " + predicted + ", found " + p.verdict(), p.trace() == null ? "" : CounterexampleView
                        .describe(CounterexampleView.title(r.variant(), r.parameters(), property, p.length()),
                                p.trace(), List.of(), "tcpcheck check with these bounds and --out DIR"));
                row.add(new JUnitReport.Case("T=" + c.timeWait(), failure, "verdict: " + p.verdict()
                        + (p.verdict() == Verdict.VIOLATED ? " (a counterexample of " + p.length() + " actions)" : "")
                        + "; " + shape.boundary() + " predicts " + predicted + "; " + r.statistics().states()
                        + " states\n"));
                rowNanos += r.statistics().elapsedNanos();
                boolean rowEnds = i + 1 == cells.size() || cells.get(i + 1).msl() != c.msl()
                        || cells.get(i + 1).rto() != c.rto();
                if (rowEnds) {
                    xml.add(new JUnitReport.Suite("sweep." + property + ".MSL" + c.msl() + ".RTO" + c.rto(),
                            rowNanos / 1_000_000L, row));
                    row = new ArrayList<>();
                    rowNanos = 0;
                }
            }
            if (junit != null) {
                outputs.write(junit, xml.xml());
                status.done();
            }
            String message;
            int code;
            if (errors > 0) {
                code = ExitCode.ERROR;
                message = "ERROR: " + errors + " of " + cells.size() + " cells could not be decided: the model or a "
                        + "property threw (" + error + ")";
            } else if (disagree > 0) {
                code = ExitCode.VIOLATED;
                message = disagree + " of " + cells.size() + " cells differ from " + shape.boundary()
                        + (undecided > 0 ? "; " + undecided + " undecided (" + why + ")" : "");
            } else if (undecided > 0) {
                code = ExitCode.INCOMPLETE;
                message = "INCOMPLETE: " + undecided + " of " + cells.size() + " cells undecided (" + why + "); the "
                        + (cells.size() - undecided) + " decided agree with " + shape.boundary();
            } else {
                code = ExitCode.HOLDS;
                message = "the sweep confirms: " + property + " holds exactly when " + shape.boundary() + " ("
                        + (cells.size() == 1 ? "1 cell" : cells.size() + " cells") + ")";
            }
            Report.close(w, json, "sweep", code, message, t0, outputs, junit);
            w.flush();
            return code;
        }
    }

    /** The values of a list option: each within its range, none twice. */
    private List<Integer> values(String option, List<Integer> given, int min, int max) {
        Set<Integer> seen = new LinkedHashSet<>();
        for (int v : given) {
            if (v < min || v > max) {
                throw new ParameterException(spec.commandLine(), option + " values must be between " + min + " and "
                        + max + ", not " + v);
            }
            if (!seen.add(v)) {
                throw new ParameterException(spec.commandLine(), option + " " + v + " is given twice");
            }
        }
        if (seen.isEmpty()) {
            throw new ParameterException(spec.commandLine(), option + " needs at least one value");
        }
        return List.copyOf(seen);
    }

    private static String join(List<Integer> xs) {
        return String.join(",", xs.stream().map(String::valueOf).toList());
    }
}
