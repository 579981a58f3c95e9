package tcpcheck.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tcpcheck.checker.Checker;
import tcpcheck.checker.Limits;
import tcpcheck.checker.Property;
import tcpcheck.checker.Simulation;
import tcpcheck.checker.Trace;
import tcpcheck.checker.Verdict;
import tcpcheck.model.Action;
import tcpcheck.model.Parameter;
import tcpcheck.model.Parameters;
import tcpcheck.model.TcpModel;
import tcpcheck.model.TcpState;
import tcpcheck.model.Variant;

/**
 * The property-based layer: seeded adversarial walks with shrinking (issue 5). Every walk is drawn from a fixed seed,
 * so a failure here is reproducible; its message gives the seed, the run and the shrunk counterexample as a chart.
 */
class AdversarialWalksTest {
    private static final long SEED = 1;
    /** The walks each ✗ cell gets to find its violation. */
    private static final int BUDGET = 300_000;

    /**
     * The ✗ cells that the walks do not find within {@link #BUDGET}: each needs three segments held back across a
     * whole connection that takes at most one tick, with the loss budget kept for the end (model/README.md,
     * "Simulation"). They are asserted not found, so that this list stays true: an adversary that finds them must
     * move them out.
     */
    private static final Set<String> BEYOND_THE_BUDGET = Set.of("no-time-wait no-deadlock",
            "no-time-wait eventually-closed", "rfc9293-text no-stale-accept", "rfc9293-text no-deadlock",
            "rfc9293-text eventually-closed", "rfc9293-text no-data-loss");

    static Stream<Arguments> violatedCells() {
        List<Arguments> cells = new ArrayList<>();
        for (Variant v : Variant.values()) {
            for (PropertyVerdict p : Reports.defaults(v).results()) {
                if (p.verdict() == Verdict.VIOLATED) {
                    cells.add(Arguments.of(v, p.property(), p.length()));
                }
            }
        }
        return cells.stream();
    }

    /**
     * Each ✗ cell of the verdict matrix (those docs/specification.md fixes, Verdicts, and the "·" cells the model computes ✗): found from seed 1
     * within the budget, shrunk to no fewer actions than the breadth-first shortest (fewer would be a bug in one of
     * the two) and at most 1.5 times as many, and replayable from its counterexample file.
     */
    @ParameterizedTest(name = "{0} {1} (shortest {2})")
    @MethodSource("violatedCells")
    void walksFindEveryViolatedCell(Variant v, String property, int shortest) throws Exception {
        RandomWalks.Report r = new RandomWalks().runs(BUDGET).seed(SEED).threads(2)
                .run(v, Parameters.defaults(), List.of(property));
        RandomWalks.Hit h = r.hit(property);
        if (BEYOND_THE_BUDGET.contains(v.id() + " " + property)) {
            assertNull(h, () -> "now found: move the cell out of BEYOND_THE_BUDGET\n" + chart(r, h));
            assertEquals(BUDGET, r.result().runs());
            return;
        }
        assertNotNull(h, "not found in " + BUDGET + " walks from seed " + SEED);
        assertTrue(h.shrunk().length() >= shortest, () -> "shorter than the breadth-first shortest " + shortest
                + "\n" + chart(r, h));
        assertTrue(h.shrunk().length() <= 1.5 * shortest, () -> "longer than 1.5 x " + shortest + "\n" + chart(r, h));
        assertTrue(h.shrunk().length() <= h.walkLength());
        CounterexampleFile.Counterexample cx = CounterexampleFile.read(CounterexampleFile.write(v,
                Parameters.defaults(), property, h.part(), h.shrunk()));
        Replay.Outcome o = Replay.replay(cx);
        assertTrue(o.reproduces(), () -> o.reason() + "\n" + chart(r, h));
        assertEquals(h.shrunk().steps(), o.trace().steps());
        System.out.printf("%s %s: first hit in run %d, walk %d, shrunk %d, shortest %d%n", v.id(), property, h.run(),
                h.walkLength(), h.shrunk().length(), shortest);
    }

    /**
     * rfc9293-rfc1337 at K = 3, D = 3, L = 3, Dup = 2, far beyond exhaustive reach: 10,000 adversarial walks find no
     * violation of agreement, no-stale-accept, no-deadlock, eventually-closed and no-data-loss, and every walk ends
     * (so the terminal and liveness checks judged every one). graceful-close is violated, and rightly: with two
     * losses (the final ACK, then the retransmitted FIN), the peer's second retransmission comes 2 RTO + MSL - 1
     * ticks after its first FIN, later than a TIME-WAIT of 2 MSL = 4 ticks (see {@link #gracefulCloseNeeds}).
     */
    @Test
    void rfc9293BeyondExhaustiveBounds() {
        Parameters p = Parameters.defaults().with(Parameter.CONNECTIONS, 3).with(Parameter.DATA, 3)
                .with(Parameter.LOSSES, 3).with(Parameter.DUPLICATES, 2);
        List<String> holding = List.of(TcpProperties.AGREEMENT, TcpProperties.NO_STALE_ACCEPT,
                TcpProperties.NO_DEADLOCK, TcpProperties.EVENTUALLY_CLOSED, TcpProperties.NO_DATA_LOSS);
        RandomWalks.Report r = new RandomWalks().runs(10_000).depth(2_000).seed(SEED).threads(2)
                .run(Variant.RFC9293_RFC1337, p, holding);
        for (String name : holding) {
            RandomWalks.Hit h = r.hit(name);
            assertNull(h, () -> chart(r, h));
        }
        assertEquals(10_000, r.result().runs());
        assertEquals(0, r.result().ended(Simulation.End.DEPTH), "every walk ends within 2,000 steps");
        assertTrue(r.result().ended(Simulation.End.TERMINAL) > 9_000, "most walks end with no enabled action");

        RandomWalks.Report g = new RandomWalks().runs(10_000).depth(2_000).seed(SEED).threads(2)
                .run(Variant.RFC9293_RFC1337, p, List.of(TcpProperties.GRACEFUL_CLOSE));
        RandomWalks.Hit h = g.hit(TcpProperties.GRACEFUL_CLOSE);
        assertNotNull(h);
        assertFalse(gracefulCloseNeeds(p) <= Variant.RFC9293_RFC1337.timeWait(p));
        long losses = h.shrunk().actions().stream().filter(a -> a.kind() == Action.Kind.LOSE).count();
        assertTrue(losses >= 2, () -> "the story needs two losses\n" + chart(g, h));
    }

    /**
     * The TIME-WAIT graceful-close needs: T ≥ min(L, R) · RTO + MSL. Each loss of the final ACK or of a
     * retransmitted FIN costs the peer one more retransmission, RTO ticks later; after R it gives up (an abort,
     * judged apart). With L = 1 this is the sweep's T ≥ RTO + MSL.
     */
    static int gracefulCloseNeeds(Parameters p) {
        return Math.min(p.losses(), p.retries()) * p.rto() + p.msl();
    }

    /**
     * Random valid configurations of rfc9293-rfc1337 (K ≤ 3, D ≤ 2, L ≤ 2, MSL from 2 to 4, RTO ≤ MSL, T = 2 · MSL), drawn by
     * QuickTheories from a fixed seed: exhaustively when the space has at most 400,000 states, by 2,000 adversarial
     * walks otherwise. Every property but graceful-close holds; graceful-close holds exactly when
     * T ≥ min(L, R) · RTO + MSL (a walk that finds nothing cannot show a predicted violation, so then only the
     * exhaustive check must find it).
     */
    /** The (MSL, RTO) pairs with MSL from 2 to 4 and RTO ≤ MSL. */
    private static final int[][] TIMERS = {{2, 1}, {2, 2}, {3, 1}, {3, 2}, {3, 3}, {4, 1}, {4, 2}, {4, 3}, {4, 4}};

    @Test
    void randomValidConfigurations() {
        qt().withFixedSeed(SEED).withExamples(12).withShrinkCycles(0)
                .forAll(integers().between(1, 3), integers().between(0, 2), integers().between(0, 2),
                        integers().between(0, TIMERS.length - 1))
                .checkAssert((k, d, l, timers) -> {
                    int msl = TIMERS[timers][0];
                    int rto = TIMERS[timers][1];
                    Parameters p = Parameters.defaults().with(Parameter.CONNECTIONS, k).with(Parameter.DATA, d)
                            .with(Parameter.LOSSES, l).with(Parameter.MSL, msl).with(Parameter.RTO, rto)
                            .with(Parameter.TIME_WAIT, 2 * msl);
                    boolean graceful = Variant.RFC9293_RFC1337.timeWait(p) >= gracefulCloseNeeds(p);
                    VariantReport exhaustive = new Verification().threads(2)
                            .limits(Limits.none().withMaxStates(400_000))
                            .check(Variant.RFC9293_RFC1337, p, TcpProperties.NAMES);
                    if (exhaustive.incompleteReason() == null) {
                        for (PropertyVerdict v : exhaustive.results()) {
                            Verdict expected = v.property().equals(TcpProperties.GRACEFUL_CLOSE) && !graceful
                                    ? Verdict.VIOLATED : Verdict.HOLDS;
                            assertEquals(expected, v.verdict(), () -> p + " " + v.property() + "\n"
                                    + (v.trace() == null ? "" : SequenceChart.text("exhaustive", v.trace())));
                        }
                        return;
                    }
                    RandomWalks.Report r = new RandomWalks().runs(2_000).depth(2_000).seed(SEED).threads(2)
                            .run(Variant.RFC9293_RFC1337, p, TcpProperties.NAMES);
                    for (String name : TcpProperties.NAMES) {
                        RandomWalks.Hit h = r.hit(name);
                        if (name.equals(TcpProperties.GRACEFUL_CLOSE) && !graceful) {
                            continue;
                        }
                        assertNull(h, () -> p + "\n" + chart(r, h));
                    }
                });
    }

    /**
     * Consistency: every step of 2,000 adversarial walks over two-way-handshake is a transition the explorer took,
     * between states it reached. The explorer records its relation through transition and state predicates that
     * always hold.
     */
    @Test
    void walksTakeOnlyTheExplorersTransitions() {
        TcpModel m = new TcpModel(Variant.TWO_WAY_HANDSHAKE, Parameters.defaults());
        Set<Long> states = ConcurrentHashMap.newKeySet();
        Set<Long> edges = ConcurrentHashMap.newKeySet();
        var result = Checker.of(m).threads(2)
                .property(Property.always("record states", s -> states.add(m.fingerprint(s)) || true))
                .property(Property.transition("record transitions",
                        (s, a, t) -> edges.add(edge(m, s, t)) || true))
                .run();
        assertEquals(Reports.defaults(Variant.TWO_WAY_HANDSHAKE).statistics().states(), states.size());
        assertTrue(result.complete());
        Simulation<TcpState, Action> sim = new RandomWalks().seed(SEED).simulation(Variant.TWO_WAY_HANDSHAKE,
                Parameters.defaults(), List.of(TcpProperties.AGREEMENT));
        long steps = 0;
        for (int run = 0; run < 2_000; run++) {
            Trace<TcpState, Action> t = sim.walk(run).trace();
            List<Trace.Step<TcpState, Action>> s = t.steps();
            assertTrue(states.contains(m.fingerprint(s.get(0).state())));
            for (int i = 1; i < s.size(); i++) {
                int step = i;
                int r = run;
                assertTrue(edges.contains(edge(m, s.get(i - 1).state(), s.get(i).state())),
                        () -> "run " + r + " step " + step + " (" + s.get(step).action() + ") is not a transition of "
                                + "the explorer\n" + SequenceChart.text("seed " + SEED + " run " + r, t));
                steps++;
            }
        }
        assertTrue(steps > 20_000, "the walks went somewhere: " + steps);
    }

    private static long edge(TcpModel m, TcpState s, TcpState t) {
        return m.fingerprint(s) * 0x9E3779B97F4A7C15L + Long.rotateLeft(m.fingerprint(t), 29);
    }

    private static String chart(RandomWalks.Report r, RandomWalks.Hit h) {
        if (h == null) {
            return "";
        }
        return "seed " + r.result().seed() + ", run " + h.run() + ", " + r.variant().id() + " " + h.property() + " ("
                + h.part() + "), shrunk from " + h.walkLength() + " to " + h.shrunk().length() + " actions:\n"
                + SequenceChart.text(r.variant().id() + ": " + h.property(), h.shrunk());
    }
}
