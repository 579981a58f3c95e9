package tcpcheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import tcpcheck.checker.Engine;
import tcpcheck.checker.Verdict;
import tcpcheck.model.Parameters;
import tcpcheck.model.Variant;
import tcpcheck.properties.CounterexampleFolder;
import tcpcheck.properties.OutputFolder;
import tcpcheck.properties.PropertyVerdict;
import tcpcheck.properties.TcpProperties;
import tcpcheck.properties.VariantReport;
import tcpcheck.properties.Verification;

@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        modelTransformer = ParameterOptions.class,
        description = {"Check variants against properties by exhaustive search, and show the chart and the story of "
                + "every counterexample found.",
            "Writes: with --out DIR, for each counterexample VARIANT.PROPERTY.json (for replay and show), "
                + "VARIANT.PROPERTY.md (the story, Mermaid and text charts), VARIANT.PROPERTY.svg (a drawing) and "
                + "VARIANT.PROPERTY.pcapng (a capture Wireshark opens); with --junit FILE, a JUnit XML report. "
                + "Never replaces a file tcpcheck did not write.",
            "Exit 0: every property holds; 1: a property is violated; 2: usage error; 3: a limit cut the search "
                + "short (INCOMPLETE); 4: the model or a property threw (ERROR); 5: internal error."})
final class CheckCommand implements Callable<Integer> {
    /** What to do to write a counterexample shown. */
    static final String OUT_HINT = "add --out DIR";

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Option(names = "--variant", paramLabel = "V", completionCandidates = VariantNames.class,
            description = "a variant to check (repeatable; default: all): ${COMPLETION-CANDIDATES}")
    List<String> variants = new ArrayList<>();

    @Option(names = "--property", paramLabel = "P", completionCandidates = PropertyNames.class,
            description = "a property to check (repeatable; default: all): ${COMPLETION-CANDIDATES}")
    List<String> properties = new ArrayList<>();

    @Mixin
    SearchOptions search;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "text (default) or json (JSON Lines: one record per variant, then a summary)")
    String format = "text";

    @Option(names = "--out", paramLabel = "DIR", description = "write each counterexample into DIR (made if "
            + "missing): VARIANT.PROPERTY.json, .md, .svg and .pcapng")
    Path out;

    @Option(names = "--junit", paramLabel = "FILE",
            description = "write a JUnit XML report: one test suite per variant, one test case per property")
    Path junit;

    @Option(names = "--witness", paramLabel = "NAME", description = "instead of the properties, find the shortest "
            + "path to this witness (tcpcheck list) on the variants (default: rfc9293-rfc1337), with what it needs; "
            + "--out writes it like a counterexample. Exit 0: reached; 1: unreachable; 3: cut short")
    String witness;

    @Option(names = "--engine", paramLabel = "E", description = "local (default: this JVM) or spark (Apache Spark: "
            + "local mode embedded, or the cluster of --master; eventually-closed is not checked there)")
    String engine = "local";

    @Option(names = "--master", paramLabel = "URL", description = "with --engine spark: local[N] (default: "
            + "local[threads]), spark://HOST:PORT, yarn, k8s://...")
    String master;

    @Override
    public Integer call() throws IOException {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        List<Variant> vs = variants(spec, variants);
        List<String> ps = properties(spec, properties);
        boolean json = format(spec, format);
        if (!engine.equals("local") && !engine.equals("spark")) {
            throw new ParameterException(spec.commandLine(), "--engine must be local or spark, not '" + engine + "'");
        }
        if (master != null && !engine.equals("spark")) {
            throw new ParameterException(spec.commandLine(), "--master needs --engine spark");
        }
        if (witness != null) {
            if (!engine.equals("local")) {
                throw new ParameterException(spec.commandLine(), "--witness runs on the local engine only, not with "
                        + "--engine " + engine);
            }
            return WitnessSearch.run(this, json);
        }
        Parameters p = ParameterOptions.parameters(spec, vs);
        Engine searchEngine = null;
        if (engine.equals("spark")) {
            try {
                searchEngine = Engine.named(engine);
            } catch (IllegalArgumentException e) {
                main.io().err().println("tcpcheck: " + e.getMessage());
                main.io().err().flush();
                return ExitCode.USAGE;
            }
        }
        Deadline deadline = search.deadline();
        Io io = main.io();
        StatusLine status = io.status();
        try (Outputs outputs = new Outputs(status, "check")) {
            OutputFolder folder = null;
            if (out != null) {
                List<String> names = new ArrayList<>();
                for (Variant v : vs) {
                    for (String prop : ps) {
                        names.addAll(OutputFolder.names(CounterexampleFolder.baseName(v, p, prop)));
                    }
                }
                folder = outputs.folder(out, names);
            }
            if (junit != null) {
                outputs.file(junit);
            }
            List<VariantReport> reports = new ArrayList<>();
            JUnitReport xml = new JUnitReport("tcpcheck check", started);
            boolean violated = false;
            for (int i = 0; i < vs.size(); i++) {
                Variant v = vs.get(i);
                status.task("check " + v.id() + " (" + (i + 1) + "/" + vs.size() + ")", "search");
                VariantReport r = check(v, p, ps, search, deadline, status, searchEngine, master);
                Map<String, List<Path>> files = folder != null ? write(outputs, folder, r) : Map.of();
                status.done();
                reports.add(r);
                xml.add(Report.suite(r, files, null));
                PrintWriter w = io.out();
                if (json) {
                    w.println(Json.line(Json.variant("check", r, true, files, null)));
                } else {
                    w.print(Report.text(r));
                    for (PropertyVerdict pv : r.results()) {
                        if (pv.verdict() == Verdict.VIOLATED) {
                            violated = true;
                            w.println();
                            w.print(CounterexampleView.describe(CounterexampleView.title(v, r.parameters(),
                                    pv.property(), pv.length()), CounterexampleView.explanation(v, r.parameters(),
                                    pv), files.getOrDefault(pv.property(), List.of()), OUT_HINT));
                        }
                    }
                    w.println();
                }
                w.flush();
            }
            if (junit != null) {
                outputs.write(junit, xml.xml());
                status.done();
            }
            int code = ExitCode.of(reports);
            String message = Report.conclusion(reports);
            PrintWriter w = io.out();
            Report.close(w, json, "check", code, message, t0, outputs, junit);
            if (!json) {
                if (violated && out == null) {
                    w.println("to write the counterexamples as files (JSON for replay and show, Markdown with the story, SVG, pcapng),"
                            + " add --out DIR");
                }
            }
            w.flush();
            Report.memoryHint(reports, io.err());
            return code;
        }
    }

    /** One variant's check with the time left, the report saying the command's time limit where it cut it short. */
    static VariantReport check(Variant v, Parameters p, List<String> ps, SearchOptions search, Deadline deadline,
                               StatusLine status) {
        return check(v, p, ps, search, deadline, status, null, null);
    }

    /** The same on another engine than the local one ({@code --engine}; null for the local one) and its master. */
    static VariantReport check(Variant v, Parameters p, List<String> ps, SearchOptions search, Deadline deadline,
                               StatusLine status, Engine engine, String master) {
        if (deadline.expired()) {
            return deadline.notStarted(v, p, ps);
        }
        Verification verification = new Verification().threads(search.threads())
                .limits(deadline.limits(search.limits())).progress(status.search(search.maxStates, deadline));
        if (engine != null) {
            verification.engine(engine, master);
        }
        return deadline.explain(verification.check(v, p, ps));
    }

    /** Writes a variant's counterexamples into the folder; the paths written, per property. */
    static Map<String, List<Path>> write(Outputs outputs, OutputFolder folder, VariantReport r) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>(CounterexampleFolder.files(List.of(r)));
        files.remove(OutputFolder.INDEX);
        Map<String, List<Path>> byProperty = new LinkedHashMap<>();
        if (files.isEmpty()) {
            return byProperty;
        }
        List<Path> written = outputs.write(folder, files, false);
        for (PropertyVerdict pv : r.results()) {
            String base = CounterexampleFolder.baseName(r.variant(), r.parameters(), pv.property()) + ".";
            List<Path> mine = written.stream().filter(f -> f.getFileName().toString().startsWith(base)).toList();
            if (!mine.isEmpty()) {
                byProperty.put(pv.property(), mine);
            }
        }
        return byProperty;
    }

    static boolean format(CommandSpec spec, String format) {
        if (!format.equals("text") && !format.equals("json")) {
            throw new ParameterException(spec.commandLine(), "--format must be text or json, not '" + format + "'");
        }
        return format.equals("json");
    }

    static List<Variant> variants(CommandSpec spec, List<String> names) {
        Set<Variant> vs = new LinkedHashSet<>();
        for (String n : names) {
            Variant v;
            try {
                v = Variant.named(n);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            if (!vs.add(v)) {
                throw new ParameterException(spec.commandLine(), "--variant " + v.id() + " is given twice");
            }
        }
        return vs.isEmpty() ? List.of(Variant.values()) : List.copyOf(vs);
    }

    static List<String> properties(CommandSpec spec, List<String> names) {
        Set<String> ps = new LinkedHashSet<>();
        for (String n : names) {
            if (!TcpProperties.NAMES.contains(n)) {
                throw new ParameterException(spec.commandLine(), "unknown property '" + n
                        + "'; the properties are: " + String.join(", ", TcpProperties.NAMES));
            }
            if (!ps.add(n)) {
                throw new ParameterException(spec.commandLine(), "--property " + n + " is given twice");
            }
        }
        return ps.isEmpty() ? TcpProperties.NAMES : List.copyOf(ps);
    }
}
