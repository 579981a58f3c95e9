package tcpcheck.properties;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import tcpcheck.checker.Bias;
import tcpcheck.checker.Property;
import tcpcheck.checker.Simulation;
import tcpcheck.checker.SimulationResult;
import tcpcheck.checker.Trace;
import tcpcheck.model.Action;
import tcpcheck.model.Adversary;
import tcpcheck.model.Parameters;
import tcpcheck.model.TcpModel;
import tcpcheck.model.TcpState;
import tcpcheck.model.Variant;

/**
 * The properties checked by seeded random walks rather than by exhaustive search (the engine's
 * {@link Simulation}), for bounds too large to enumerate. Each property is judged on the engine properties that
 * decide its verdict (not the after-an-abort ones); a hit is shrunk, and can be written as a counterexample file
 * that {@link Replay} accepts. Finding nothing proves nothing: the report says "not found in N walks".
 */
public final class RandomWalks {

    /** How a walk chooses its next step. */
    public enum Choice {
        /** The {@link Adversary}'s preference for losses, duplications, delays and timeouts. */
        ADVERSARIAL,
        /** Every enabled step equally likely. */
        UNIFORM
    }

    /**
     * The first hit of one property.
     *
     * @param run the first run that violated it
     * @param part the engine property that run violated
     * @param walkLength the length of the walk's violating part before shrinking
     * @param shrunk the shrunk counterexample
     */
    public record Hit(String property, String part, int run, int walkLength, Trace<TcpState, Action> shrunk,
                      int shrinkTests, long shrinkNanos) {
    }

    /** The outcome for one variant: the engine's figures, and per property its hit or null. */
    public record Report(Variant variant, Parameters parameters, Choice choice, int depth,
                         SimulationResult<TcpState, Action> result, List<String> properties, List<Hit> hits) {

        public Hit hit(String property) {
            return hits.get(properties.indexOf(property));
        }

        public boolean violated() {
            return hits.stream().anyMatch(h -> h != null);
        }
    }

    private int runs = 10_000;
    private int depth = 400;
    private long seed = 1;
    private Choice choice = Choice.ADVERSARIAL;
    private int threads = 1;
    private long maxNanos = Long.MAX_VALUE;
    private boolean stopWhenAllFound = true;
    private Consumer<Simulation.Status> progress;

    public RandomWalks runs(int n) {
        this.runs = n;
        return this;
    }

    public RandomWalks depth(int d) {
        this.depth = d;
        return this;
    }

    public RandomWalks seed(long s) {
        this.seed = s;
        return this;
    }

    public RandomWalks choice(Choice c) {
        this.choice = c;
        return this;
    }

    public RandomWalks threads(int n) {
        this.threads = n;
        return this;
    }

    public RandomWalks maxNanos(long n) {
        this.maxNanos = n;
        return this;
    }

    /** Stop once every property has a hit (default true); false takes every run, for throughput figures. */
    public RandomWalks stopWhenAllFound(boolean b) {
        this.stopWhenAllFound = b;
        return this;
    }

    public RandomWalks progress(Consumer<Simulation.Status> p) {
        this.progress = p;
        return this;
    }

    /** The simulation these settings make for a variant, over the parts that decide the named properties' verdicts. */
    public Simulation<TcpState, Action> simulation(Variant variant, Parameters params, List<String> propertyNames) {
        TcpModel model = new TcpModel(variant, params);
        Adversary adversary = new Adversary(model);
        Simulation<TcpState, Action> sim = Simulation.of(model).runs(runs).depth(depth).seed(seed).threads(threads)
                .maxNanos(maxNanos).stopWhenAllFound(stopWhenAllFound).hints(adversary).progress(progress)
                .bias(choice == Choice.ADVERSARIAL ? adversary : Bias.uniform());
        List<List<String>> parts = new ArrayList<>();
        for (String n : propertyNames) {
            List<Property<TcpState, Action>> verdict = TcpProperties.named(n, model).verdict();
            sim.properties(verdict);
            parts.add(verdict.stream().map(Property::name).toList());
        }
        if (stopWhenAllFound) {
            sim.stopWhen(hit -> parts.stream().allMatch(ps -> ps.stream().anyMatch(hit::contains)));
        }
        return sim;
    }

    public Report run(Variant variant, Parameters params, List<String> propertyNames) {
        TcpModel model = new TcpModel(variant, params);
        SimulationResult<TcpState, Action> r = simulation(variant, params, propertyNames).run();
        List<Hit> hits = new ArrayList<>();
        for (String n : propertyNames) {
            Hit best = null;
            for (Property<TcpState, Action> part : TcpProperties.named(n, model).verdict()) {
                SimulationResult.Finding<TcpState, Action> f = r.finding(part.name());
                if (f.found() && (best == null || f.run() < best.run()
                        || f.run() == best.run() && f.shrunk().length() < best.shrunk().length())) {
                    best = new Hit(n, part.name(), f.run(), f.walk().length(), f.shrunk(), f.shrinkTests(),
                            f.shrinkNanos());
                }
            }
            hits.add(best);
        }
        return new Report(variant, params, choice, depth, r, List.copyOf(propertyNames), hits);
    }
}
