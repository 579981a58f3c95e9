package tcpcheck.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tcpcheck.checker.Simulation;
import tcpcheck.checker.SimulationResult;
import tcpcheck.model.Parameters;
import tcpcheck.model.Variant;
import tcpcheck.properties.AtomicFiles;
import tcpcheck.properties.CounterexampleFile;
import tcpcheck.properties.RandomWalks;
import tcpcheck.properties.SequenceChart;

@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Check variants by seeded random walks rather than exhaustively, for bounds too large to "
                + "enumerate. Every property is checked along each walk; a violation found is shrunk and shown. "
                + "Finding nothing proves nothing. Exit 0: no violation found; 1: a violation was found; 2: usage "
                + "error; 3: the time limit stopped the walks early and nothing was found.")
final class SimulateCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--variant", paramLabel = "V", completionCandidates = VariantNames.class,
            description = "a variant (repeatable; default: all): ${COMPLETION-CANDIDATES}")
    List<String> variants = new ArrayList<>();

    @Option(names = "--property", paramLabel = "P", description = "a property (repeatable; default: all)")
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

    @Option(names = "--max-seconds", paramLabel = "S", description = "stop taking walks after S seconds")
    Long maxSeconds;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text or json (one object per variant per line)")
    String format = "text";

    @Option(names = "--out", paramLabel = "DIR",
            description = "write each shrunk counterexample there (JSON for replay, Markdown with its chart)")
    Path out;

    @Mixin
    ParameterOptions params;

    @Override
    public Integer call() throws IOException {
        List<Variant> vs = CheckCommand.variants(spec, variants);
        List<String> ps = CheckCommand.properties(spec, properties);
        check(runs >= 1 && runs <= 1_000_000_000, "--runs must be between 1 and 1000000000, not " + runs);
        check(depth >= 1 && depth <= 100_000, "--depth must be between 1 and 100000, not " + depth);
        check(format.equals("text") || format.equals("json"), "--format must be text or json, not '" + format + "'");
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
        check(maxSeconds == null || maxSeconds >= 1, "--max-seconds must be at least 1, not " + maxSeconds);
        Parameters p = params.parameters();
        RandomWalks walks = new RandomWalks().runs(runs).depth(depth).seed(seed).choice(choice).threads(n)
                .maxNanos(maxSeconds == null ? Long.MAX_VALUE : maxSeconds * 1_000_000_000L);
        if (System.console() != null) {
            walks.progress(st -> System.err.println("  ... " + st));
        }
        PrintWriter w = spec.commandLine().getOut();
        boolean violated = false;
        boolean cut = false;
        for (Variant v : vs) {
            RandomWalks.Report r = walks.run(v, p, ps);
            violated |= r.violated();
            cut |= r.result().stopped() != null;
            w.print(format.equals("json") ? json(r) + "\n" : text(r));
            w.flush();
            if (out != null) {
                write(out, r);
            }
        }
        return violated ? ExitCode.VIOLATED : cut ? ExitCode.INCOMPLETE : ExitCode.HOLDS;
    }

    private void check(boolean ok, String message) {
        if (!ok) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }

    static String text(RandomWalks.Report r) {
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
            b.append("  STOPPED EARLY: ").append(s.stopped()).append(String.format(Locale.ROOT,
                    " after %,d of %,d walks%n", s.runs(), s.runsAsked()));
        }
        for (RandomWalks.Hit h : r.hits()) {
            if (h != null) {
                b.append('\n').append(SequenceChart.text(title(r, h), h.shrunk(), h.part()));
            }
        }
        return b.toString();
    }

    private static String title(RandomWalks.Report r, RandomWalks.Hit h) {
        return r.variant().id() + ": " + h.property() + " violated in " + h.shrunk().length()
                + " actions (run " + h.run() + " of seed " + r.result().seed() + ", shrunk)";
    }

    static String json(RandomWalks.Report r) {
        SimulationResult<?, ?> s = r.result();
        ObjectNode o = JSON.createObjectNode();
        o.put("variant", r.variant().id());
        ObjectNode params = o.putObject("parameters");
        r.parameters().describe(r.variant()).forEach((k, v) -> params.put(k, String.valueOf(v)));
        o.put("bias", r.choice().name().toLowerCase(Locale.ROOT));
        o.put("seed", s.seed());
        o.put("depth", r.depth());
        o.put("runsAsked", s.runsAsked());
        o.put("runs", s.runs());
        o.put("steps", s.steps());
        o.put("seconds", s.nanos() / 1e9);
        o.put("walksPerSecond", Math.round(s.walksPerSecond()));
        o.put("stepsPerSecond", Math.round(s.stepsPerSecond()));
        ObjectNode ends = o.putObject("ended");
        ends.put("terminal", s.ended(Simulation.End.TERMINAL));
        ends.put("boundary", s.ended(Simulation.End.BOUNDARY));
        ends.put("depth", s.ended(Simulation.End.DEPTH));
        if (s.stopped() != null) {
            o.put("stopped", s.stopped());
        }
        ObjectNode props = o.putObject("properties");
        for (int i = 0; i < r.properties().size(); i++) {
            ObjectNode p = props.putObject(r.properties().get(i));
            RandomWalks.Hit h = r.hits().get(i);
            p.put("verdict", h == null ? "NOT_FOUND" : "VIOLATED");
            if (h != null) {
                p.put("part", h.part());
                p.put("run", h.run());
                p.put("walkLength", h.walkLength());
                p.put("length", h.shrunk().length());
                p.put("shrinkReplays", h.shrinkTests());
            }
        }
        return o.toString();
    }

    /** Writes each shrunk counterexample as {@code <variant>.<property>.simulated.json} and {@code .md}. */
    static void write(Path dir, RandomWalks.Report r) throws IOException {
        Files.createDirectories(dir);
        for (RandomWalks.Hit h : r.hits()) {
            if (h == null) {
                continue;
            }
            String base = r.variant().id() + "." + h.property() + ".simulated";
            AtomicFiles.write(dir.resolve(base + ".json"), CounterexampleFile.write(r.variant(), r.parameters(),
                    h.property(), h.part(), h.shrunk()).getBytes(StandardCharsets.UTF_8));
            tcpcheck.properties.Explanation x = new tcpcheck.properties.Explanation(
                    new tcpcheck.model.TcpModel(r.variant(), r.parameters()), h.property(), h.part(), h.shrunk(),
                    "Found by `tcpcheck simulate` in run " + h.run() + " of seed " + r.result().seed()
                            + " and shrunk; not necessarily the shortest.");
            AtomicFiles.write(dir.resolve(base + ".md"), x.markdown(null).getBytes(StandardCharsets.UTF_8));
        }
    }
}
