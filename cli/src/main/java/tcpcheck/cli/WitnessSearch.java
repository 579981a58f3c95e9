package tcpcheck.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import tcpcheck.checker.CheckResult;
import tcpcheck.checker.Checker;
import tcpcheck.checker.PropertyResult;
import tcpcheck.checker.Verdict;
import tcpcheck.model.Action;
import tcpcheck.model.Parameters;
import tcpcheck.model.TcpModel;
import tcpcheck.model.TcpState;
import tcpcheck.model.Variant;
import tcpcheck.properties.AtomicFiles;
import tcpcheck.properties.CounterexampleFolder;
import tcpcheck.properties.SequenceChart;
import tcpcheck.properties.Witness;
import tcpcheck.properties.Witnesses;

/**
 * {@code check --witness NAME}: the shortest path to a witness on each variant (by default the standard one), with
 * the parameters given plus what the witness needs, printed as a sequence chart or JSON and, with {@code --out},
 * written like a counterexample (JSON, Markdown, SVG, pcap). Exit 0: reached on every variant; 1: unreachable on one
 * (the search was complete); 3: a search was cut short.
 */
final class WitnessSearch {
    private static final ObjectMapper JSON = new ObjectMapper();

    private WitnessSearch() {
    }

    static int run(CommandSpec spec, String name, List<String> variantNames, List<String> properties,
                   SearchOptions search, String format, Path out) throws IOException {
        Witness w;
        try {
            w = Witnesses.named(name);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (!properties.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--witness looks for a witness, not for --property");
        }
        List<Variant> vs = variantNames.isEmpty() ? List.of(Variant.RFC9293_RFC1337)
                : CheckCommand.variants(spec, variantNames);
        Parameters given = ParameterOptions.parameters(spec, vs);
        Parameters p;
        try {
            p = w.configure().apply(given);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "witness " + w.id() + " sets " + w.needs() + ": "
                    + e.getMessage());
        }
        PrintWriter pw = spec.commandLine().getOut();
        int exit = ExitCode.HOLDS;
        for (Variant v : vs) {
            TcpModel m = new TcpModel(v, p);
            CheckResult<TcpState, Action> r = Checker.of(m).property(w.property(m)).threads(search.threads())
                    .limits(search.limits()).progress(Main.progress()).stopWhenAllFound(true).run();
            PropertyResult<TcpState, Action> found = r.result(w.id());
            String title = v.id() + ": witness " + w.id() + " reached in " + found.traceLength() + " actions";
            if (format.equals("json")) {
                ObjectNode o = JSON.createObjectNode();
                o.put("variant", v.id());
                o.put("witness", w.id());
                ObjectNode params = o.putObject("parameters");
                for (Map.Entry<String, Object> e : p.describe(v).entrySet()) {
                    params.set(e.getKey(), JSON.valueToTree(e.getValue()));
                }
                o.put("verdict", found.verdict() == Verdict.VIOLATED ? "REACHED"
                        : found.verdict() == Verdict.HOLDS ? "UNREACHABLE" : "INCOMPLETE");
                if (found.verdict() == Verdict.VIOLATED) {
                    o.put("length", found.traceLength());
                } else {
                    o.putNull("length");
                }
                o.put("states", r.statistics().states());
                pw.println(JSON.writeValueAsString(o));
            } else if (found.verdict() == Verdict.VIOLATED) {
                pw.print(SequenceChart.text(title, found.trace()));
            } else {
                pw.printf(Locale.ROOT, "%s: witness %s %s (%,d states)%n", v.id(), w.id(),
                        found.verdict() == Verdict.HOLDS ? "is unreachable with these parameters"
                                : "was not reached before the search was cut short: " + r.incompleteReason(),
                        r.statistics().states());
            }
            pw.flush();
            if (found.verdict() == Verdict.VIOLATED && out != null) {
                for (Map.Entry<String, byte[]> f : CounterexampleFolder.traceFiles(v.id() + "." + w.id(), title,
                        w.description() + (w.needs().isEmpty() ? "" : " (with " + w.needs() + ")"), v, p, w.id(),
                        w.id(), found.trace()).entrySet()) {
                    AtomicFiles.write(out.resolve(f.getKey()), f.getValue());
                }
            }
            if (found.verdict() == Verdict.HOLDS) {
                exit = ExitCode.VIOLATED;
            } else if (found.verdict() == Verdict.INCOMPLETE && exit == ExitCode.HOLDS) {
                exit = ExitCode.INCOMPLETE;
            }
        }
        return exit;
    }
}
