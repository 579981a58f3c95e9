package tcpcheck.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tcpcheck.checker.Simulation;
import tcpcheck.checker.SimulationResult;
import tcpcheck.model.Parameters;
import tcpcheck.model.TcpModel;
import tcpcheck.model.Variant;
import tcpcheck.properties.CounterexampleFile;
import tcpcheck.properties.CounterexampleFolder;
import tcpcheck.properties.Explanation;
import tcpcheck.properties.OutputFolder;
import tcpcheck.properties.RandomWalks;

@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        modelTransformer = ParameterOptions.class,
        description = {"Check variants by seeded random walks rather than exhaustively, for bounds too large to "
                + "enumerate. Every property is checked along each walk; a violation found is shrunk and its chart "
                + "shown. Finding nothing proves nothing.",
            "Writes: with --out DIR, for each violation found VARIANT.PROPERTY.simulated.json (for replay and show) "
                + "and VARIANT.PROPERTY.simulated.md (Mermaid and text charts); nothing else. Never replaces a file "
                + "tcpcheck did not write.",
            "Exit 0: no violation found; 1: a violation was found; 2: usage error; 3: the time limit stopped the "
                + "walks early and nothing was found; 5: internal error."})
final class SimulateCommand implements Callable<Integer> {
    private static final String SIMULATED = ".simulated";

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Option(names = "--variant", paramLabel = "V", completionCandidates = VariantNames.class,
            description = "a variant (repeatable; default: all): ${COMPLETION-CANDIDATES}")
    List<String> variants = new ArrayList<>();

    @Option(names = "--property", paramLabel = "P", completionCandidates = PropertyNames.class,
            description = "a property (repeatable; default: all): ${COMPLETION-CANDIDATES}")
    List<String> properties = new ArrayList<>();

    @Option(names = "--runs", paramLabel = "N", description = "walks per variant, 1-1000000000 (default 10000)")
    int runs = 10_000;

    @Option(names = "--depth", paramLabel = "STEPS", description = "the most steps per walk, 1-100000 (default 400)")
    int depth = 400;

    @Option(names = "--seed", paramLabel = "S", description = "the seed the walks are drawn from (default 1)")
    long seed = 1;

    @Option(names = "--bias", paramLabel = "B",
            description = "adversarial (prefer losses, duplications, delays and timeouts; see model/README.md) or "
                    + "uniform (default adversarial)")
    String bias = "adversarial";

    @Option(names = "--threads", paramLabel = "N", description = "threads, 1-64 (default: 2, or the cores)")
    Integer threads;

    @Option(names = "--max-seconds", paramLabel = "S", description = "stop the whole command after S seconds, "
            + "shrinking included, 1-" + Deadline.MAX_SECONDS + " (a violation found is shown as far as it was "
            + "shrunk)")
    Long maxSeconds;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "text (default) or json (JSON Lines: one record per variant, then a summary)")
    String format = "text";

    @Option(names = "--out", paramLabel = "DIR", description = "write each shrunk counterexample into DIR (made if "
            + "missing): VARIANT.PROPERTY.simulated.json and .simulated.md")
    Path out;

    @Override
    public Integer call() throws IOException {
        long t0 = System.nanoTime();
        List<Variant> vs = CheckCommand.variants(spec, variants);
        List<String> ps = CheckCommand.properties(spec, properties);
        check(runs >= 1 && runs <= 1_000_000_000, "--runs must be between 1 and 1000000000, not " + runs);
        check(depth >= 1 && depth <= 100_000, "--depth must be between 1 and 100000, not " + depth);
        boolean json = CheckCommand.format(spec, format);
        RandomWalks.Choice choice;
        switch (bias) {
            case "adversarial":
                choice = RandomWalks.Choice.ADVERSARIAL;
                break;
            case "uniform":
                choice = RandomWalks.Choice.UNIFORM;
                break;
            default:
                throw new ParameterException(spec.commandLine(), "--bias must be adversarial or uniform, not '"
                        + bias + "'");
        }
        int n = SearchOptions.threads(spec, threads);
        Parameters p = ParameterOptions.parameters(spec, vs);
        Deadline deadline = SearchOptions.deadline(spec, maxSeconds);
        Io io = main.io();
        StatusLine status = io.status();
        try (Outputs outputs = new Outputs(status, "simulate")) {
            OutputFolder folder = null;
            if (out != null) {
                List<String> names = new ArrayList<>();
                for (Variant v : vs) {
                    for (String prop : ps) {
                        String base = CounterexampleFolder.baseName(v, p, prop) + SIMULATED;
                        names.add(base + ".json");
                        names.add(base + ".md");
                    }
                }
                folder = outputs.folder(out, names);
            }
            PrintWriter w = io.out();
            boolean violated = false;
            boolean cut = false;
            for (int i = 0; i < vs.size(); i++) {
                Variant v = vs.get(i);
                if (deadline.expired()) {
                    cut = true;
                    if (json) {
                        w.println(Json.line(notStarted(v, p, ps, deadline)));
                    } else {
                        w.println("variant " + v.id() + "  " + Report.parameters(v, p) + "\n  not started: "
                                + deadline.reason() + "\n");
                    }
                    w.flush();
                    continue;
                }
                status.task("simulate " + v.id() + " (" + (i + 1) + "/" + vs.size() + ")", "walks");
                RandomWalks walks = new RandomWalks().runs(runs).depth(depth).seed(seed).choice(choice).threads(n)
                        .maxNanos(deadline.remainingNanos()).progress(status.walks(runs, deadline));
                RandomWalks.Report r = walks.run(v, p, ps);
                Map<String, List<Path>> files = folder != null ? write(outputs, folder, r) : Map.of();
                status.done();
                violated |= r.violated();
                cut |= r.result().stopped() != null;
                w.print(json ? Json.line(json(r, files, deadline)) + "\n" : text(r, files, deadline));
                w.flush();
            }
            int code = violated ? ExitCode.VIOLATED : cut ? ExitCode.INCOMPLETE : ExitCode.HOLDS;
            String message = violated ? "a violation was found" : cut ? "INCOMPLETE: " + deadline.reason()
                    + " before every walk was taken; no violation found in the walks taken (not a proof)"
                    : "no violation found (not a proof)";
            Report.close(w, json, "simulate", code, message, t0, outputs, null);
            if (!json) {
                if (violated && out == null) {
                    w.println("to write the counterexamples as files (JSON for replay and show, Markdown), add "
                            + "--out DIR");
                }
            }
            w.flush();
            return code;
        }
    }

    private void check(boolean ok, String message) {
        if (!ok) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }

    /** Why the walks stopped early, as the user should read it: the command's time limit. */
    private static String stopped(SimulationResult<?, ?> s, Deadline deadline) {
        if (s.stopped() == null) {
            return null;
        }
        return s.stopped().contains("time limit") ? deadline.reason()
                + (s.stopped().contains("shrinking") ? " while shrinking" : "") : s.stopped();
    }

    static String text(RandomWalks.Report r, Map<String, List<Path>> files, Deadline deadline) {
        SimulationResult<?, ?> s = r.result();
        StringBuilder b = new StringBuilder();
        b.append("variant ").append(r.variant().id()).append("  ").append(Report.parameters(r.variant(),
                r.parameters())).append('\n');
        b.append(String.format(Locale.ROOT, "  %,d %s walks from seed %d (at most %d steps): %,d steps in %.1f s, "
                        + "%,.0f walks/s, %,.0f steps/s%n", s.runs(), r.choice().name().toLowerCase(Locale.ROOT),
                s.seed(), r.depth(), s.steps(), s.nanos() / 1e9, s.walksPerSecond(), s.stepsPerSecond()));
        b.append(String.format(Locale.ROOT, "  walks ended: %,d with no enabled action, %,d at the capacity bound, "
                        + "%,d at the step limit%n", s.ended(Simulation.End.TERMINAL), s.ended(Simulation.End.BOUNDARY),
                s.ended(Simulation.End.DEPTH)));
        for (int i = 0; i < r.properties().size(); i++) {
            RandomWalks.Hit h = r.hits().get(i);
            String name = r.properties().get(i);
            if (h == null) {
                b.append(String.format(Locale.ROOT, "  %-18s ✓ not violated in %,d walks (not a proof)%n", name,
                        s.runs()));
            } else {
                b.append(String.format(Locale.ROOT, "  %-18s ✗ violated in run %d (a walk of %d steps), shrunk to %d "
                                + "steps (%d replays, %.2f s)%n", name, h.run(), h.walkLength(), h.shrunk().length(),
                        h.shrinkTests(), h.shrinkNanos() / 1e9));
            }
        }
        if (s.stopped() != null) {
            b.append("  STOPPED EARLY: ").append(stopped(s, deadline)).append(String.format(Locale.ROOT,
                    " after %,d of %,d walks%n", s.runs(), s.runsAsked()));
        }
        for (RandomWalks.Hit h : r.hits()) {
            if (h != null) {
                b.append('\n').append(CounterexampleView.describe(title(r, h), h.shrunk(),
                        files.getOrDefault(h.property(), List.of()), CheckCommand.OUT_HINT));
            }
        }
        b.append('\n');
        return b.toString();
    }

    private static String title(RandomWalks.Report r, RandomWalks.Hit h) {
        return CounterexampleView.title(r.variant(), r.parameters(), h.property(), h.shrunk().length())
                + " (run " + h.run() + " of seed " + r.result().seed() + ", shrunk)";
    }

    static ObjectNode json(RandomWalks.Report r, Map<String, List<Path>> files, Deadline deadline) {
        SimulationResult<?, ?> s = r.result();
        ObjectNode o = Json.record("simulate", "variant");
        o.put("variant", r.variant().id());
        o.set("parameters", Json.parameters(r.variant(), r.parameters()));
        Json.incomplete(o, stopped(s, deadline));
        ArrayNode results = o.putArray("results");
        for (int i = 0; i < r.properties().size(); i++) {
            String name = r.properties().get(i);
            RandomWalks.Hit h = r.hits().get(i);
            ObjectNode x = Json.result(results, name, h == null ? "NOT_FOUND" : "VIOLATED",
                    h == null ? null : h.shrunk().length(), files.getOrDefault(name, List.of()));
            if (h != null) {
                x.put("part", h.part());
                x.put("run", h.run());
                x.put("walkLength", h.walkLength());
                x.put("shrinkReplays", h.shrinkTests());
            }
        }
        o.put("bias", r.choice().name().toLowerCase(Locale.ROOT));
        o.put("seed", s.seed());
        o.put("depthLimit", r.depth());
        o.put("runsAsked", s.runsAsked());
        o.put("runs", s.runs());
        o.put("steps", s.steps());
        o.put("seconds", Math.round(s.nanos() / 1e6) / 1000.0);
        o.put("walksPerSecond", Math.round(s.walksPerSecond()));
        o.put("stepsPerSecond", Math.round(s.stepsPerSecond()));
        ObjectNode ends = o.putObject("ended");
        ends.put("terminal", s.ended(Simulation.End.TERMINAL));
        ends.put("boundary", s.ended(Simulation.End.BOUNDARY));
        ends.put("depth", s.ended(Simulation.End.DEPTH));
        return o;
    }

    private ObjectNode notStarted(Variant v, Parameters p, List<String> ps, Deadline deadline) {
        ObjectNode o = Json.record("simulate", "variant");
        o.put("variant", v.id());
        o.set("parameters", Json.parameters(v, p));
        Json.incomplete(o, deadline.reason() + " before this variant started");
        ArrayNode results = o.putArray("results");
        for (String name : ps) {
            Json.result(results, name, "NOT_FOUND", null, List.of());
        }
        o.put("bias", bias);
        o.put("seed", seed);
        o.put("depthLimit", depth);
        o.put("runsAsked", runs);
        o.put("runs", 0);
        o.put("steps", 0);
        o.put("seconds", 0.0);
        o.put("walksPerSecond", 0);
        o.put("stepsPerSecond", 0);
        ObjectNode ends = o.putObject("ended");
        ends.put("terminal", 0);
        ends.put("boundary", 0);
        ends.put("depth", 0);
        return o;
    }

    /** Writes each shrunk counterexample as {@code VARIANT.PROPERTY.simulated.json} and {@code .md}. */
    static Map<String, List<Path>> write(Outputs outputs, OutputFolder folder, RandomWalks.Report r)
            throws IOException {
        Map<String, List<Path>> byProperty = new LinkedHashMap<>();
        for (RandomWalks.Hit h : r.hits()) {
            if (h == null) {
                continue;
            }
            String base = CounterexampleFolder.baseName(r.variant(), r.parameters(), h.property()) + SIMULATED;
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put(base + ".json", CounterexampleFile.write(r.variant(), r.parameters(), h.property(), h.part(),
                    h.shrunk()).getBytes(StandardCharsets.UTF_8));
            Explanation x = new Explanation(new TcpModel(r.variant(), r.parameters()), h.property(), h.part(),
                    h.shrunk(), "Found by `tcpcheck simulate` in run " + h.run() + " of seed " + r.result().seed()
                            + " and shrunk; not necessarily the shortest.");
            files.put(base + ".md", x.markdown(null).getBytes(StandardCharsets.UTF_8));
            byProperty.put(h.property(), outputs.write(folder, files, false));
        }
        return byProperty;
    }
}
