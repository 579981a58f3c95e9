package tcpcheck.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import tcpcheck.checker.CheckResult;
import tcpcheck.checker.Checker;
import tcpcheck.checker.Property;
import tcpcheck.checker.Trace;
import tcpcheck.checker.Verdict;
import tcpcheck.model.Action;
import tcpcheck.model.ConnectionState;
import tcpcheck.model.Parameters;
import tcpcheck.model.TcpModel;
import tcpcheck.model.TcpState;
import tcpcheck.model.Variant;
import tcpcheck.properties.Explanation;
import tcpcheck.properties.PropertyVerdict;
import tcpcheck.properties.TcpProperties;
import tcpcheck.properties.TextbookStories;
import tcpcheck.properties.Timeline;
import tcpcheck.properties.TimeWaitSweep;
import tcpcheck.properties.VariantReport;
import tcpcheck.properties.Verification;
import tcpcheck.properties.Witnesses;

/**
 * Everything the report shows that a check produced in this run: the default check of the variants the plan names,
 * the counterexamples of the textbook's stories, the old SYN against the standard variant, the segments each
 * handshake and close spends, and the TIME-WAIT sweep cells the plan runs. Nothing here is recorded from an earlier
 * run; {@link Recorded} holds what is.
 */
public final class Evidence {

    /** What to check: the variants checked in full, and the sweep rows run (MSL, RTO and the values of T). */
    public record Plan(List<Variant> variants, List<Row> graceful, List<Row> stale) {

        /** One sweep row. */
        public record Row(int msl, int rto, List<Integer> timeWaits) {
        }

        private static List<Integer> upTo(int n) {
            return IntStream.rangeClosed(0, n).boxed().toList();
        }

        /**
         * What fits in minutes on two cores: every variant at the defaults; graceful-close for MSL = 1 and for
         * MSL = 2, RTO = 2 (the default row, T = 0 … 6); no-stale-accept with two connections for MSL = 1 and for
         * MSL = 2, RTO = 2 up to T = 2, the cell one tick short of the boundary.
         */
        public static Plan full() {
            return new Plan(List.of(Variant.values()), List.of(new Row(1, 1, upTo(4)), new Row(2, 2, upTo(6))),
                    List.of(new Row(1, 1, upTo(4)), new Row(2, 2, upTo(2))));
        }

        /** A smaller plan (one variant in full, the MSL = 1 rows), for tests of the rendering. */
        public static Plan quick() {
            return new Plan(List.of(Variant.TWO_WAY_HANDSHAKE),
                    List.of(new Row(1, 1, upTo(4))), List.of(new Row(1, 1, upTo(2))));
        }
    }

    /** A story the report tells: its counterexample (or behaviour), and the command that finds it again. */
    public record Told(Explanation explanation, String command) {
    }

    private final Plan plan;
    private final Map<Variant, VariantReport> checked = new EnumMap<>(Variant.class);
    private final Map<String, Told> stories = new LinkedHashMap<>();
    private final Map<Variant, int[]> segments = new EnumMap<>(Variant.class);
    private final List<SweepCell> graceful = new ArrayList<>();
    private final List<SweepCell> stale = new ArrayList<>();
    private double seconds;

    /** Story keys. */
    public static final String STALE_SYN = "stale-syn";
    public static final String STALE_SYN_DEADLOCK = "stale-syn-deadlock";
    public static final String STANDARD_OLD_SYN = "standard-old-syn";
    public static final String NO_HALF_CLOSE = "no-half-close";
    public static final String LOST_LAST_ACK = "lost-last-ack";
    public static final String SHORT_TIME_WAIT_SHORTEST = "short-time-wait-shortest";
    public static final String NO_TIME_WAIT = "no-time-wait";
    public static final String ASSASSINATION = "assassination";
    public static final String NEXT_CONNECTION = "next-connection";

    private Evidence(Plan plan) {
        this.plan = plan;
    }

    public Plan plan() {
        return plan;
    }

    /** The default checks of this run, by variant (only the variants the plan names). */
    public Map<Variant, VariantReport> checked() {
        return checked;
    }

    public Told story(String key) {
        return stories.get(key);
    }

    /** Segments sent in the shortest fault-free behaviour: until both are ESTABLISHED, and from the first FIN on. */
    public int[] segments(Variant v) {
        return segments.get(v);
    }

    public List<SweepCell> graceful() {
        return graceful;
    }

    public List<SweepCell> stale() {
        return stale;
    }

    /** Wall-clock seconds the checks took. */
    public double seconds() {
        return seconds;
    }

    /**
     * Runs the plan.
     *
     * @param threads threads per search
     * @param progress told what is being checked (may be null)
     */
    public static Evidence gather(Plan plan, int threads, Consumer<String> progress) {
        return gather(plan, threads, progress, v -> null);
    }

    /**
     * Runs the plan, taking the default check of a variant from {@code known} where it gives one (a check already made
     * in this process) instead of checking it again.
     */
    public static Evidence gather(Plan plan, int threads, Consumer<String> progress,
                                  java.util.function.Function<Variant, VariantReport> known) {
        long t0 = System.nanoTime();
        Evidence e = new Evidence(plan);
        Consumer<String> say = progress == null ? s -> { } : s -> progress.accept(String.format(
                java.util.Locale.ROOT, "%5.1f s  %s", (System.nanoTime() - t0) / 1e9, s));
        Verification verification = new Verification().threads(threads);
        Parameters d = Parameters.defaults();
        for (Variant v : plan.variants()) {
            say.accept("checking " + v.id() + " (all six properties)");
            VariantReport r = known.apply(v);
            e.checked.put(v, r != null ? r : verification.check(v, d, TcpProperties.NAMES));
        }
        say.accept("finding the stories");
        e.cell(STALE_SYN, Variant.TWO_WAY_HANDSHAKE, TcpProperties.NO_STALE_ACCEPT, threads);
        e.cell(STALE_SYN_DEADLOCK, Variant.TWO_WAY_HANDSHAKE, TcpProperties.NO_DEADLOCK, threads);
        e.cell(NO_HALF_CLOSE, Variant.THREE_WAY_CLOSE, TcpProperties.NO_DATA_LOSS, threads);
        e.cell(SHORT_TIME_WAIT_SHORTEST, Variant.SHORT_TIME_WAIT, TcpProperties.GRACEFUL_CLOSE, threads);
        e.cell(NO_TIME_WAIT, Variant.NO_TIME_WAIT, TcpProperties.GRACEFUL_CLOSE, threads);
        e.cell(ASSASSINATION, Variant.RFC9293_TEXT, TcpProperties.GRACEFUL_CLOSE, threads);
        say.accept("the textbook's lost last ACK");
        TextbookStories.Found f = TextbookStories.find(TextbookStories.LOST_LAST_ACK, threads);
        e.stories.put(LOST_LAST_ACK, new Told(f.explanation(), "./tcpcheck justify --out counterexamples"
                + " (counterexamples/short-time-wait.graceful-close.lost-last-ack.md)"));
        say.accept("the old SYN against the standard variant");
        e.standardOldSyn(threads);
        say.accept("counting the segments of each handshake and close");
        for (Variant v : List.of(Variant.RFC9293_RFC1337, Variant.FOUR_WAY_HANDSHAKE, Variant.TWO_WAY_HANDSHAKE,
                Variant.THREE_WAY_CLOSE)) {
            e.segments.put(v, segments(v, threads));
        }
        for (String property : TimeWaitSweep.PROPERTIES) {
            TimeWaitSweep sweep = new TimeWaitSweep(new Verification().threads(threads), property);
            boolean isGraceful = property.equals(TcpProperties.GRACEFUL_CLOSE);
            for (Plan.Row row : isGraceful ? plan.graceful() : plan.stale()) {
                for (int t : row.timeWaits()) {
                    say.accept("sweep " + property + ": MSL " + row.msl() + ", RTO " + row.rto() + ", T " + t);
                    VariantReport r = sweep.check(row.msl(), row.rto(), t);
                    PropertyVerdict v = r.result(property);
                    SweepCell c = new SweepCell(property, row.msl(), row.rto(), 1, t, v.verdict(), Math.max(0,
                            v.length()), r.statistics().states(), false);
                    (isGraceful ? e.graceful : e.stale).add(c);
                    if (!isGraceful && v.verdict() == Verdict.VIOLATED && t == 2 * row.msl() - 2) {
                        // One tick short of the boundary: the old segment and the answer it draws.
                        e.stories.put(NEXT_CONNECTION, new Told(new Explanation(new TcpModel(Variant.RFC9293_RFC1337,
                                sweep.parameters(row.msl(), row.rto(), t)), property, v.part(), v.trace()),
                                c.command()));
                    }
                }
            }
        }
        e.seconds = (System.nanoTime() - t0) / 1e9;
        say.accept("done");
        return e;
    }

    /** The counterexample of one cell at the defaults: from this run's full check, or by a search for it alone. */
    private void cell(String key, Variant v, String property, int threads) {
        VariantReport r = checked.get(v);
        if (r == null) {
            r = new Verification().threads(threads).firstCounterexample(true).check(v, Parameters.defaults(),
                    List.of(property));
        }
        PropertyVerdict p = r.result(property);
        if (p.trace() != null) {
            stories.put(key, new Told(new Explanation(new TcpModel(v, Parameters.defaults()), property, p.part(),
                    p.trace()), "./tcpcheck check --variant " + v.id() + " --property " + property + " --out DIR"));
        }
    }

    /**
     * The old SYN against the standard variant: the shortest behaviour in which an old duplicate SYN reaches B, B
     * reaches SYN-RECEIVED, and A's RST sends it back to LISTEN.
     */
    private void standardOldSyn(int threads) {
        TcpModel m = new TcpModel(Variant.RFC9293_RFC1337, Parameters.defaults());
        Property<TcpState, Action> witness = Witnesses.all(m).stream()
                .filter(p -> p.name().equals(Witnesses.OLD_DUPLICATE_SYN)).findFirst().orElseThrow();
        CheckResult<TcpState, Action> r = Checker.of(m).threads(threads).stopAtFirstFinding(true).property(witness)
                .run();
        Trace<TcpState, Action> t = r.result(witness.name()).trace();
        if (t != null) {
            stories.put(STANDARD_OLD_SYN, new Told(new Explanation(m, null, null, t), "the witness \""
                    + Witnesses.OLD_DUPLICATE_SYN + "\" of the standard variant (WitnessTest)"));
        }
    }

    /**
     * Segments sent in the shortest behaviour without loss or duplication: until both endpoints are ESTABLISHED, and
     * from the first FIN until the end (A CLOSED, B in LISTEN, nothing in flight).
     */
    static int[] segments(Variant v, int threads) {
        TcpModel m = new TcpModel(v, Parameters.defaults().with(tcpcheck.model.Parameter.LOSSES, 0).with(tcpcheck.model.Parameter.DUPLICATES, 0));
        Predicate<TcpState> faultless = s -> s.lossesUsed() == 0 && s.duplicatesUsed() == 0;
        Predicate<TcpState> established = s -> s.state(TcpModel.A) == ConnectionState.ESTABLISHED
                && s.state(TcpModel.B) == ConnectionState.ESTABLISHED && faultless.test(s);
        Predicate<TcpState> done = s -> s.state(TcpModel.A) == ConnectionState.CLOSED
                && s.state(TcpModel.B) == ConnectionState.LISTEN && s.network().isEmpty()
                && s.a().app().opens() == 1 && faultless.test(s);
        int handshake = -1;
        Trace<TcpState, Action> open = first(m, established, threads);
        if (open != null) {
            handshake = Timeline.of(open).copies().size();
        }
        int close = -1;
        Trace<TcpState, Action> whole = first(m, done, threads);
        if (whole != null) {
            close = 0;
            boolean closing = false;
            for (Timeline.Copy c : Timeline.of(whole).copies()) {
                closing |= c.segment().fin();
                close += closing ? 1 : 0;
            }
        }
        return new int[] {handshake, close};
    }

    private static Trace<TcpState, Action> first(TcpModel m, Predicate<TcpState> goal, int threads) {
        Property<TcpState, Action> p = Property.transition("not yet", (s, a, t) -> !goal.test(t));
        return Checker.of(m).threads(threads).stopAtFirstFinding(true).property(p).run().result(p.name()).trace();
    }

    /** Whether every cell of this run that the specification fixes agrees, and every sweep cell with its boundary. */
    public boolean agrees() {
        for (VariantReport r : checked.values()) {
            for (PropertyVerdict p : r.results()) {
                var expected = tcpcheck.properties.SpecTable.expected(r.variant(), p.property());
                if (expected.isPresent() && p.verdict() != Verdict.INCOMPLETE && expected.get() != p.verdict()) {
                    return false;
                }
            }
        }
        int retries = Parameters.defaults().retries();
        return graceful.stream().allMatch(c -> c.verdict() == Verdict.INCOMPLETE || c.agrees(retries))
                && stale.stream().allMatch(c -> c.verdict() == Verdict.INCOMPLETE || c.agrees(retries));
    }

    /** Whether a check of this run was cut short. */
    public boolean incomplete() {
        return checked.values().stream().anyMatch(r -> r.incompleteReason() != null)
                || graceful.stream().anyMatch(c -> c.verdict() == Verdict.INCOMPLETE)
                || stale.stream().anyMatch(c -> c.verdict() == Verdict.INCOMPLETE);
    }
}
