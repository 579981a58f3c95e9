package tcpcheck.properties;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import tcpcheck.checker.CheckResult;
import tcpcheck.checker.Checker;
import tcpcheck.checker.Engine;
import tcpcheck.checker.Limits;
import tcpcheck.checker.Progress;
import tcpcheck.checker.Property;
import tcpcheck.checker.PropertyResult;
import tcpcheck.checker.Verdict;
import tcpcheck.model.Action;
import tcpcheck.model.Parameters;
import tcpcheck.model.TcpModel;
import tcpcheck.model.TcpState;
import tcpcheck.model.Variant;

/** Checks a variant against the specification's properties in one search and combines the engine's verdicts per property. */
public final class Verification {
    private int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
    private Limits limits = Limits.none();
    private Consumer<Progress> progress;
    private boolean firstCounterexample;
    private boolean verdictOnly;
    private Engine engine;
    private String master;

    public Verification threads(int n) {
        this.threads = n;
        return this;
    }

    public Verification limits(Limits l) {
        this.limits = l;
        return this;
    }

    public Verification progress(Consumer<Progress> p) {
        this.progress = p;
        return this;
    }

    /** Stop at the first counterexample (the remaining verdicts are then INCOMPLETE); checks no after-abort part. */
    public Verification firstCounterexample(boolean b) {
        this.firstCounterexample = b;
        this.verdictOnly = b;
        return this;
    }

    /**
     * Checks with another engine than the checker's own (found by {@link Engine#named}), on {@code master} (null for
     * the engine's default).
     */
    public Verification engine(Engine e, String master) {
        this.engine = e;
        this.master = master;
        return this;
    }

    public VariantReport check(Variant variant, Parameters params, List<String> propertyNames) {
        TcpModelSource source = new TcpModelSource(variant, params, propertyNames, verdictOnly);
        TcpModel model = (TcpModel) source.model();
        List<TcpProperty> props = source.tcpProperties(model);
        CheckResult<TcpState, Action> r;
        if (engine != null) {
            r = engine.check(source, new Engine.Options(master, threads, limits, progress, firstCounterexample));
        } else {
            Checker<TcpState, Action> checker = Checker.of(model).threads(threads).limits(limits).progress(progress)
                    .stopAtFirstFinding(firstCounterexample).properties(source.properties(model));
            source.metrics(model).forEach(checker::trackMaximum);
            r = checker.run();
        }
        List<PropertyVerdict> verdicts = new ArrayList<>();
        for (TcpProperty p : props) {
            PropertyResult<TcpState, Action> main = combine(r, p.verdict());
            PropertyResult<TcpState, Action> later = verdictOnly
                    ? new PropertyResult<>(p.afterAbort().get(0), Verdict.INCOMPLETE, null, "not checked")
                    : combine(r, p.afterAbort());
            verdicts.add(new PropertyVerdict(p.name(), main.verdict(), main.trace(), main.detail(),
                    main.property().name(), later.verdict(), later.trace()));
        }
        long maxInFlight = r.statistics().maxima().getOrDefault(TcpModelSource.MAX_IN_FLIGHT, 0L);
        return new VariantReport(variant, params, r.statistics(), maxInFlight, verdicts, r.incompleteReason());
    }

    /**
     * ERROR if any part is (the model or a property threw: nothing else can be trusted), else VIOLATED if any part
     * is (its shortest counterexample), else INCOMPLETE if any part is, else HOLDS.
     */
    static PropertyResult<TcpState, Action> combine(CheckResult<TcpState, Action> r,
                                                    List<Property<TcpState, Action>> parts) {
        List<PropertyResult<TcpState, Action>> rs = new ArrayList<>();
        for (Property<TcpState, Action> p : parts) {
            rs.add(r.result(p.name()));
        }
        return rs.stream().filter(x -> x.verdict() == Verdict.ERROR).findFirst()
                .or(() -> rs.stream().filter(x -> x.verdict() == Verdict.VIOLATED)
                .min(Comparator.comparingInt(PropertyResult::traceLength)))
                .or(() -> rs.stream().filter(x -> x.verdict() == Verdict.INCOMPLETE).findFirst())
                .orElse(rs.get(0));
    }
}
