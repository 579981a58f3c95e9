package tcpcheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tcpcheck.checker.Verdict;
import tcpcheck.model.Parameters;
import tcpcheck.model.Variant;
import tcpcheck.properties.CounterexampleFolder;
import tcpcheck.properties.TextbookStories;
import tcpcheck.properties.OutputFolder;
import tcpcheck.properties.PropertyVerdict;
import tcpcheck.properties.SpecTable;
import tcpcheck.properties.TcpProperties;
import tcpcheck.properties.VariantReport;

@Command(name = "justify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Check every variant against every property at the default bounds, print the verdict matrix, "
                + "and compare it with the expected verdicts (the ✓ and ✗ the justification argues for; the other "
                + "cells are left to the model).",
            "Writes: with --out DIR, for each ✗ cell VARIANT.PROPERTY.json (for replay and show), VARIANT.PROPERTY.md "
                + "(Mermaid and text charts, the story), VARIANT.PROPERTY.svg (a drawing) and VARIANT.PROPERTY.pcapng "
                + "(a capture Wireshark opens), and the index README.md; when every cell was decided, removes the "
                + "counterexamples an earlier run wrote there that this run does not; never replaces a file tcpcheck did not write (a README.md of "
                + "your own is refused before the search). With --junit FILE, a JUnit XML report.",
            "Exit 0: every cell with an expected verdict agrees; 1: a cell differs; 2: usage error; 3: a limit "
                + "left a cell undecided; 5: internal error."})
final class JustifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Mixin
    SearchOptions search;

    @Option(names = "--incarnations", description = "also check the rows of rfc9293-rfc1337 and rfc9293-text with "
            + "K = 2 (long, and larger than an 8 GB heap)")
    boolean incarnations;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "text (default) or json (JSON Lines: one record per variant, then a summary)")
    String format = "text";

    @Option(names = "--out", paramLabel = "DIR", description = "write the counterexamples and their index there; "
            + "the project keeps them in counterexamples/")
    Path out;

    @Option(names = "--junit", paramLabel = "FILE", description = "write a JUnit XML report: one test suite per "
            + "variant, one test case per cell, failing where the cell differs from its expected verdict or is "
            + "undecided")
    Path junit;

    @Override
    public Integer call() throws IOException {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        boolean json = CheckCommand.format(spec, format);
        Deadline deadline = search.deadline();
        Io io = main.io();
        StatusLine status = io.status();
        List<Variant> rows = new ArrayList<>(List.of(Variant.values()));
        List<Parameters> bounds = new ArrayList<>();
        rows.forEach(v -> bounds.add(Parameters.defaults()));
        if (incarnations) {
            for (Variant v : SpecTable.INCARNATION_ROWS) {
                rows.add(v);
                bounds.add(Parameters.defaults().incarnations());
            }
        }
        try (Outputs outputs = new Outputs(status, "justify")) {
            OutputFolder folder = null;
            if (out != null) {
                List<String> names = new ArrayList<>(List.of(OutputFolder.INDEX));
                for (int i = 0; i < rows.size(); i++) {
                    for (String prop : TcpProperties.NAMES) {
                        names.addAll(OutputFolder.names(CounterexampleFolder.baseName(rows.get(i), bounds.get(i),
                                prop)));
                    }
                }
                for (TextbookStories.Story t : TextbookStories.ALL) {
                    names.addAll(OutputFolder.names(CounterexampleFolder.baseName(t.variant(), Parameters.defaults(),
                            t.property()) + "." + t.id()));
                }
                folder = outputs.folder(out, names);
            }
            if (junit != null) {
                outputs.file(junit);
            }
            List<VariantReport> reports = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                Variant v = rows.get(i);
                status.task("justify " + v.id() + (bounds.get(i).connections() > 1 ? " (K=2)" : "") + " (" + (i + 1)
                        + "/" + rows.size() + ")", "search");
                VariantReport r = CheckCommand.check(v, bounds.get(i), TcpProperties.NAMES, search, deadline, status);
                status.done();
                reports.add(r);
                if (!json) {
                    io.out().print(Report.text(r));
                    io.out().flush();
                }
            }
            Judgement j = judge(reports);
            Map<String, List<Path>> files = new LinkedHashMap<>();
            if (folder != null) {
                // An earlier run's counterexamples are removed only when this run decided every cell.
                boolean complete = j.exit() != ExitCode.INCOMPLETE && reports.stream().allMatch(r -> r.results()
                        .stream().allMatch(p -> p.verdict() != Verdict.INCOMPLETE));
                // The textbook's stories beside the shortest counterexamples, when every cell was decided.
                List<TextbookStories.Found> textbook = List.of();
                if (complete) {
                    status.task("justify: the textbook's stories", "search");
                    textbook = TextbookStories.findAll(search.threads());
                    status.done();
                }
                for (Path f : outputs.write(folder, CounterexampleFolder.files(reports, textbook), complete)) {
                    String name = f.getFileName().toString();
                    int dot = name.lastIndexOf('.');
                    files.computeIfAbsent(dot > 0 ? name.substring(0, dot) : name, k -> new ArrayList<>()).add(f);
                }
                status.done();
            }
            JUnitReport xml = new JUnitReport("tcpcheck justify", started);
            PrintWriter w = io.out();
            for (VariantReport r : reports) {
                Map<String, List<Path>> mine = new LinkedHashMap<>();
                for (PropertyVerdict p : r.results()) {
                    String base = CounterexampleFolder.baseName(r.variant(), r.parameters(), p.property());
                    if (files.containsKey(base)) {
                        mine.put(p.property(), files.get(base));
                    }
                }
                xml.add(Report.suite(r, mine, prop -> SpecTable.expected(r.variant(), prop).orElse(null)));
                if (json) {
                    Map<String, Verdict> expected = new LinkedHashMap<>();
                    for (String prop : TcpProperties.NAMES) {
                        expected.put(prop, SpecTable.expected(r.variant(), prop).orElse(null));
                    }
                    w.println(Json.line(Json.variant("justify", r, true, mine, expected)));
                }
            }
            if (junit != null) {
                outputs.write(junit, xml.xml());
                status.done();
            }
            if (!json) {
                w.println();
                w.print(Report.matrix(reports));
                j.lines().forEach(w::println);
                if (out != null) {
                    w.println("counterexamples written to " + out + " (" + outputs.written().stream()
                            .filter(f -> f.toString().endsWith(".json")).count() + ", with the index "
                            + out.resolve(OutputFolder.INDEX) + ")");
                } else if (j.violations() > 0) {
                    w.println("to write the counterexamples as files (JSON for replay and show, Markdown, SVG, "
                            + "pcapng, an index), add --out DIR");
                }
            }
            Report.close(w, json, "justify", j.exit(), j.message(), t0, outputs, junit);
            w.flush();
            Report.memoryHint(reports, io.err());
            return j.exit();
        }
    }

    /**
     * The comparison with the expected verdicts: the cells that differ, the cells with an expected verdict left
     * undecided, the closing line, and the exit code.
     */
    record Judgement(int exit, String message, List<String> lines, int violations) {
    }

    static Judgement judge(List<VariantReport> reports) {
        List<String> lines = new ArrayList<>();
        List<String> undecided = new ArrayList<>();
        int cells = 0;
        int expectedCells = 0;
        int expectedDecided = 0;
        int differ = 0;
        int violations = 0;
        String why = null;
        List<String> errors = new ArrayList<>();
        String error = null;
        for (VariantReport r : reports) {
            String row = r.variant().id() + (r.parameters().connections() > 1 ? " (K=" + r.parameters().connections()
                    + ")" : "");
            for (PropertyVerdict p : r.results()) {
                Verdict expected = SpecTable.expected(r.variant(), p.property()).orElse(null);
                cells++;
                violations += p.verdict() == Verdict.VIOLATED ? 1 : 0;
                expectedCells += expected != null ? 1 : 0;
                if (p.verdict() == Verdict.INCOMPLETE) {
                    undecided.add(row + " " + p.property());
                    why = why == null ? p.detail() : why;
                    continue;
                }
                if (p.verdict() == Verdict.ERROR) {
                    errors.add(row + " " + p.property());
                    error = error == null ? p.detail() : error;
                    continue;
                }
                if (expected == null) {
                    continue;
                }
                expectedDecided++;
                if (p.verdict() != expected) {
                    differ++;
                    lines.add("differs from the expected verdict: " + row + " " + p.property() + " is " + p.verdict()
                            + ", expected " + expected);
                }
            }
        }
        if (!undecided.isEmpty()) {
            lines.add("undecided (" + why + "): " + String.join(", ", undecided));
        }
        if (!errors.isEmpty()) {
            lines.add("ERROR (" + error + "): " + String.join(", ", errors));
            return new Judgement(ExitCode.ERROR, "ERROR: " + errors.size() + " of the " + cells + " cells could "
                    + "not be decided: the model or a property threw (" + error + ")", lines, violations);
        }
        if (differ > 0) {
            return new Judgement(ExitCode.VIOLATED, differ + " of the " + expectedCells + " cells with an expected "
                    + "verdict differ (see model/README.md)" + (undecided.isEmpty() ? "" : "; " + undecided.size()
                    + " of the " + cells + " cells could not be decided"), lines, violations);
        }
        if (!undecided.isEmpty()) {
            return new Judgement(ExitCode.INCOMPLETE, "INCOMPLETE: " + undecided.size() + " of the " + cells
                    + " cells could not be decided, so the matrix justifies nothing yet; of the " + expectedCells
                    + " cells with an expected verdict, " + expectedDecided + " are decided"
                    + (expectedDecided > 0 ? ", and they agree" : ""), lines, violations);
        }
        return new Judgement(ExitCode.HOLDS, "every cell with an expected verdict agrees with the model ("
                + expectedCells + " of the " + cells + " cells have one)", lines, violations);
    }
}
