package tcpcheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tcpcheck.model.Parameters;
import tcpcheck.model.Variant;
import tcpcheck.properties.PropertyVerdict;
import tcpcheck.properties.TcpProperties;
import tcpcheck.properties.VariantReport;
import tcpcheck.properties.Verification;

@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Check variants against properties. Exit 0: every property holds; 1: a property is violated; "
                + "2: usage error; 3: the search was cut short (INCOMPLETE).")
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--variant", paramLabel = "V", completionCandidates = VariantNames.class,
            description = "a variant to check (repeatable; default: all): ${COMPLETION-CANDIDATES}")
    List<String> variants = new ArrayList<>();

    @Option(names = "--property", paramLabel = "P", description = "a property to check (repeatable; default: all)")
    List<String> properties = new ArrayList<>();

    @Mixin
    ParameterOptions params;

    @Mixin
    SearchOptions search;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text or json (one object per variant per line)")
    String format = "text";

    @Option(names = "--out", paramLabel = "DIR",
            description = "write each counterexample there (JSON for replay, Markdown with a Mermaid chart, pcap)")
    Path out;

    @Option(names = "--junit", paramLabel = "FILE", description = "write a JUnit XML report (variant x property)")
    Path junit;

    @Option(names = "--engine", paramLabel = "E", description = "local (default: this JVM) or spark (Apache Spark: "
            + "local mode embedded, or the cluster of --master; eventually-closed is not checked there)")
    String engine = "local";

    @Option(names = "--master", paramLabel = "URL", description = "with --engine spark: local[N] (default: "
            + "local[threads]), spark://HOST:PORT, yarn, k8s://...")
    String master;

    @Override
    public Integer call() throws IOException {
        List<Variant> vs = variants(spec, variants);
        List<String> ps = properties(spec, properties);
        if (!format.equals("text") && !format.equals("json")) {
            throw new ParameterException(spec.commandLine(), "--format must be text or json, not '" + format + "'");
        }
        if (!engine.equals("local") && !engine.equals("spark")) {
            throw new ParameterException(spec.commandLine(), "--engine must be local or spark, not '" + engine + "'");
        }
        if (master != null && !engine.equals("spark")) {
            throw new ParameterException(spec.commandLine(), "--master needs --engine spark");
        }
        Parameters p = params.parameters();
        Verification verification = new Verification().threads(search.threads()).limits(search.limits())
                .progress(Main.progress());
        if (engine.equals("spark")) {
            try {
                verification.engine(tcpcheck.checker.Engine.named(engine), master);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("tcpcheck: " + e.getMessage());
                return ExitCode.USAGE;
            }
        }
        PrintWriter w = spec.commandLine().getOut();
        List<VariantReport> reports = new ArrayList<>();
        for (Variant v : vs) {
            VariantReport r = verification.check(v, p, ps);
            reports.add(r);
            w.print(format.equals("json") ? Report.json(r) + "\n" : Report.text(r));
            w.flush();
            if (out != null) {
                writeCounterexamples(out, r);
            }
        }
        if (junit != null) {
            tcpcheck.properties.AtomicFiles.write(junit, Report.junit(reports));
        }
        return ExitCode.of(reports);
    }

    static List<Variant> variants(CommandSpec spec, List<String> names) {
        List<Variant> vs = new ArrayList<>();
        try {
            for (String n : names) {
                vs.add(Variant.named(n));
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        return vs.isEmpty() ? List.of(Variant.values()) : vs;
    }

    static List<String> properties(CommandSpec spec, List<String> names) {
        for (String n : names) {
            if (!TcpProperties.NAMES.contains(n)) {
                throw new ParameterException(spec.commandLine(), "unknown property '" + n
                        + "'; the properties are: " + String.join(", ", TcpProperties.NAMES));
            }
        }
        return names.isEmpty() ? TcpProperties.NAMES : names;
    }

    static void writeCounterexamples(Path dir, VariantReport r) throws IOException {
        for (java.util.Map.Entry<String, byte[]> f
                : tcpcheck.properties.CounterexampleFolder.files(List.of(r)).entrySet()) {
            if (!f.getKey().equals("README.md")) {
                tcpcheck.properties.AtomicFiles.write(dir.resolve(f.getKey()), f.getValue());
            }
        }
    }
}
