package tcpcheck.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import tcpcheck.properties.CounterexampleFolder;
import tcpcheck.properties.OutputFolder;
import tcpcheck.properties.Witness;
import tcpcheck.properties.Witnesses;

/**
 * {@code check --witness NAME}: the shortest path to a witness on each variant (by default the standard one), with
 * the parameters given plus what the witness needs, shown as a sequence chart (or a JSON record {@code "witness"})
 * and, with {@code --out}, written like a counterexample (JSON, Markdown, SVG, pcapng). Exit 0: reached on every
 * variant; 1: unreachable on one (the search was complete); 3: a search was cut short; 4: the model threw.
 */
final class WitnessSearch {
    private WitnessSearch() {
    }

    static int run(CheckCommand c, boolean json) throws IOException {
        long t0 = System.nanoTime();
        Witness w;
        try {
            w = Witnesses.named(c.witness);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(c.spec.commandLine(), e.getMessage());
        }
        if (!c.properties.isEmpty()) {
            throw new ParameterException(c.spec.commandLine(), "--witness looks for a witness, not for --property");
        }
        if (c.junit != null) {
            throw new ParameterException(c.spec.commandLine(), "--junit reports properties; a witness search has "
                    + "none (leave out --junit, or check properties without --witness)");
        }
        List<Variant> vs = c.variants.isEmpty() ? List.of(Variant.RFC9293_RFC1337)
                : CheckCommand.variants(c.spec, c.variants);
        Parameters given = ParameterOptions.parameters(c.spec, vs);
        Parameters p;
        try {
            p = w.configure().apply(given);
            for (Variant v : vs) {
                v.timeWait(p);
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(c.spec.commandLine(), "witness " + w.id() + " sets " + w.needs() + ": "
                    + e.getMessage());
        }
        Deadline deadline = c.search.deadline();
        Io io = c.main.io();
        StatusLine status = io.status();
        try (Outputs outputs = new Outputs(status, "check")) {
            OutputFolder folder = null;
            if (c.out != null) {
                List<String> names = new ArrayList<>();
                for (Variant v : vs) {
                    names.addAll(OutputFolder.names(baseName(v, w)));
                }
                folder = outputs.folder(c.out, names);
            }
            int exit = ExitCode.HOLDS;
            List<String> outcomes = new ArrayList<>();
            for (int i = 0; i < vs.size(); i++) {
                Variant v = vs.get(i);
                status.task("witness " + w.id() + " on " + v.id() + " (" + (i + 1) + "/" + vs.size() + ")", "search");
                TcpModel m = new TcpModel(v, p);
                CheckResult<TcpState, Action> r = Checker.of(m).property(w.property(m)).threads(c.search.threads())
                        .limits(deadline.limits(c.search.limits())).progress(status.search(c.search.maxStates, deadline))
                        .stopWhenAllFound(true).run();
                status.done();
                PropertyResult<TcpState, Action> found = r.result(w.id());
                String title = v.id() + ": witness " + w.id() + " reached in " + found.traceLength() + " actions";
                List<Path> files = List.of();
                if (found.verdict() == Verdict.VIOLATED && folder != null) {
                    files = outputs.write(folder, CounterexampleFolder.witnessFiles(baseName(v, w), m, w,
                            found.trace()), false);
                }
                String outcome = outcome(found.verdict());
                outcomes.add(v.id() + " " + outcome.toLowerCase(Locale.ROOT));
                PrintWriter pw = io.out();
                if (json) {
                    pw.println(Json.line(record(v, p, w, found, r, files)));
                } else if (found.verdict() == Verdict.VIOLATED) {
                    pw.print(CounterexampleView.describe(title, found.trace(), files, CheckCommand.OUT_HINT));
                } else {
                    pw.printf(Locale.ROOT, "%s: witness %s %s (%,d states)%n", v.id(), w.id(),
                            found.verdict() == Verdict.HOLDS ? "is unreachable with these parameters"
                                    : found.verdict() == Verdict.ERROR ? "could not be decided: " + found.detail()
                                    : "was not reached before the search was cut short: " + r.incompleteReason(),
                            r.statistics().states());
                }
                pw.flush();
                exit = worse(exit, found.verdict());
            }
            String message = "witness " + w.id() + ": " + String.join(", ", outcomes);
            Report.close(io.out(), json, "check", exit, message, t0, outputs, null);
            io.out().flush();
            return exit;
        }
    }

    /** The files' base name: {@code VARIANT.WITNESS}. */
    static String baseName(Variant v, Witness w) {
        return v.id() + "." + w.id();
    }

    private static String outcome(Verdict found) {
        switch (found) {
            case VIOLATED:
                return "REACHED";
            case HOLDS:
                return "UNREACHABLE";
            case ERROR:
                return "ERROR";
            default:
                return "INCOMPLETE";
        }
    }

    /** The exit code after one more variant: ERROR (4) over unreachable (1) over incomplete (3) over reached (0). */
    private static int worse(int exit, Verdict found) {
        int now = found == Verdict.ERROR ? ExitCode.ERROR : found == Verdict.HOLDS ? ExitCode.VIOLATED
                : found == Verdict.INCOMPLETE ? ExitCode.INCOMPLETE : ExitCode.HOLDS;
        return rank(now) > rank(exit) ? now : exit;
    }

    private static int rank(int exit) {
        return List.of(ExitCode.HOLDS, ExitCode.INCOMPLETE, ExitCode.VIOLATED, ExitCode.ERROR).indexOf(exit);
    }

    /** The JSON record {@code "witness"}: the variant, the witness, its outcome, the path's length and the files. */
    private static ObjectNode record(Variant v, Parameters p, Witness w, PropertyResult<TcpState, Action> found,
                                     CheckResult<TcpState, Action> r, List<Path> files) {
        ObjectNode o = Json.record("check", "witness");
        o.put("variant", v.id());
        o.set("parameters", Json.parameters(v, p));
        o.put("witness", w.id());
        o.put("outcome", outcome(found.verdict()));
        if (found.verdict() == Verdict.VIOLATED) {
            o.put("length", found.traceLength());
        } else {
            o.putNull("length");
        }
        Json.incomplete(o, found.verdict() == Verdict.INCOMPLETE ? r.incompleteReason() : null);
        o.put("states", r.statistics().states());
        o.put("seconds", Math.round(r.statistics().seconds() * 1000) / 1000.0);
        var f = o.putArray("files");
        files.forEach(x -> f.add(x.toString()));
        return o;
    }
}
