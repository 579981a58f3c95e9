package tcpcheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tcpcheck.checker.Verdict;
import tcpcheck.model.Parameters;
import tcpcheck.model.Variant;
import tcpcheck.properties.CounterexampleFolder;
import tcpcheck.properties.PropertyVerdict;
import tcpcheck.properties.SpecTable;
import tcpcheck.properties.TcpProperties;
import tcpcheck.properties.VariantReport;
import tcpcheck.properties.Verification;

@Command(name = "justify", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Check every variant against every property at the default bounds, print the verdict "
                + "matrix, and compare it with the specification's verdict table (docs/specification.md). Exit 0: "
                + "every cell the specification fixes agrees; 1: a cell "
                + "disagrees; 3: a search was cut short.")
final class JustifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SearchOptions search;

    @Option(names = "--incarnations", description = "also check the rows the specification marks (K=2) with K = 2 (long)")
    boolean incarnations;

    @Option(names = "--out", paramLabel = "DIR", description = "write the counterexamples there (JSON, Markdown "
            + "with Mermaid, an index README.md), removing those of earlier runs; the project keeps them in "
            + "counterexamples/")
    Path out;

    @Override
    public Integer call() throws IOException {
        PrintWriter w = spec.commandLine().getOut();
        Verification verification = new Verification().threads(search.threads()).limits(search.limits())
                .progress(Main.progress());
        List<VariantReport> reports = new ArrayList<>();
        for (Variant v : Variant.values()) {
            reports.add(verification.check(v, Parameters.defaults(), TcpProperties.NAMES));
            w.print(Report.text(reports.get(reports.size() - 1)));
            w.flush();
        }
        if (incarnations) {
            for (Variant v : SpecTable.INCARNATION_ROWS) {
                reports.add(verification.check(v, Parameters.defaults().incarnations(), TcpProperties.NAMES));
                w.print(Report.text(reports.get(reports.size() - 1)));
                w.flush();
            }
        }
        w.println();
        w.print(Report.matrix(reports));
        int disagreements = 0;
        boolean incomplete = false;
        for (VariantReport r : reports) {
            for (PropertyVerdict p : r.results()) {
                Optional<Verdict> expected = SpecTable.expected(r.variant(), p.property());
                incomplete |= p.verdict() == Verdict.INCOMPLETE;
                if (expected.isPresent() && p.verdict() != Verdict.INCOMPLETE && expected.get() != p.verdict()) {
                    disagreements++;
                    w.println("differs from the specification (docs/specification.md, Verdicts): " + r.variant().id()
                            + " " + p.property() + " is " + p.verdict() + ", the specification says " + expected.get());
                }
            }
        }
        if (out != null) {
            CounterexampleFolder.write(out, CounterexampleFolder.files(reports,
                    tcpcheck.properties.TextbookStories.findAll(search.threads())));
        }
        w.println(disagreements == 0 ? "every cell that the specification fixes agrees with the model"
                : disagreements + " cell(s) differ from the specification (docs/specification.md, Verdicts)");
        w.flush();
        return disagreements > 0 ? ExitCode.VIOLATED : incomplete ? ExitCode.INCOMPLETE : ExitCode.HOLDS;
    }
}
