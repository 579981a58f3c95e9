package tcpcheck.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tcpcheck.checker.CheckResult;
import tcpcheck.checker.Checker;
import tcpcheck.checker.Engine;
import tcpcheck.checker.Limits;
import tcpcheck.checker.Model;
import tcpcheck.checker.ModelSource;
import tcpcheck.checker.Property;
import tcpcheck.checker.PropertyResult;
import tcpcheck.checker.Verdict;
import tcpcheck.checker.models.AlternatingBit;
import tcpcheck.checker.models.BrokenMutex;
import tcpcheck.checker.DelegatingModel;
import tcpcheck.checker.models.DiningPhilosophers;
import tcpcheck.checker.models.GridWalk;
import tcpcheck.checker.models.Peterson;
import tcpcheck.model.Parameter;
import tcpcheck.model.Parameters;
import tcpcheck.model.Variant;
import tcpcheck.properties.PropertyVerdict;
import tcpcheck.properties.TcpProperties;
import tcpcheck.properties.VariantReport;
import tcpcheck.properties.Verification;

/**
 * The Spark engine in local mode against the single-machine engine: the same states, transitions, depth, verdicts
 * and counterexamples (the very same traces, since both follow the smallest parent and replay the same way), on the
 * engine's test models and on TCP variants at small bounds.
 */
class SparkEngineTest {
    private static final Engine SPARK = Engine.named("spark");

    private static <S, A> CheckResult<S, A> spark(ModelSource<S, A> source) {
        return SPARK.check(source, new Engine.Options("local[2]", 2, Limits.none(), null, false));
    }

    private static <S, A> CheckResult<S, A> single(ModelSource<S, A> source) {
        Model<S, A> m = source.model();
        return Checker.of(m).properties(source.properties(m)).threads(2).run();
    }

    private static <S, A> void assertSameResults(CheckResult<S, A> expected, CheckResult<S, A> actual) {
        assertEquals(expected.statistics().states(), actual.statistics().states(), "states");
        assertEquals(expected.statistics().transitions(), actual.statistics().transitions(), "transitions");
        assertEquals(expected.statistics().depth(), actual.statistics().depth(), "depth");
        assertEquals(expected.statistics().boundaryStates(), actual.statistics().boundaryStates(), "boundary");
        assertEquals(expected.statistics().initialStates(), actual.statistics().initialStates(), "initial states");
        assertEquals(expected.statistics().generated(), actual.statistics().generated(), "generated");
        for (int i = 0; i < expected.results().size(); i++) {
            PropertyResult<S, A> x = expected.results().get(i);
            PropertyResult<S, A> y = actual.results().get(i);
            if (x.property().liveness() && y.verdict() != Verdict.ERROR) {
                assertEquals(Verdict.INCOMPLETE, y.verdict(), x.name());
                assertEquals("not checked by the spark engine", y.detail(), x.name());
                continue;
            }
            assertEquals(x.verdict(), y.verdict(), x.name());
            if (x.verdict() == Verdict.ERROR) {
                assertEquals(x.detail(), y.detail(), x.name());
            }
            assertEquals(x.traceLength(), y.traceLength(), x.name());
            assertEquals(x.trace() == null ? null : x.trace().steps(), y.trace() == null ? null : y.trace().steps(),
                    x.name());
        }
    }

    /** Dining philosophers N = 5 (82 states): deadlock in 5, three never eat at once (a witness of 2 does not). */
    record Philosophers(int n) implements ModelSource<DiningPhilosophers.State, Integer> {
        public Model<DiningPhilosophers.State, Integer> model() {
            return new Enumerated<>(new DiningPhilosophers(n));
        }

        public List<Property<DiningPhilosophers.State, Integer>> properties(
                Model<DiningPhilosophers.State, Integer> m) {
            return List.of(Property.terminal("no deadlock", s -> false),
                    Property.sometimes("two eat", s -> DiningPhilosophers.eating(s).size() == 2),
                    Property.always("not all hold their left fork", s -> !DiningPhilosophers.allHoldLeft(s)),
                    Property.eventually("0 eats", s -> s.pc()[0] == 2));
        }
    }

    /** Peterson (20 states, mutual exclusion holds) and the broken mutex (violated in 4). */
    record Mutexes(boolean broken) implements ModelSource<Object, Integer> {
        @SuppressWarnings("unchecked")
        public Model<Object, Integer> model() {
            return (Model<Object, Integer>) (Model<?, Integer>) (broken ? new Enumerated<>(new BrokenMutex())
                    : new Enumerated<>(new Peterson()));
        }

        public List<Property<Object, Integer>> properties(Model<Object, Integer> m) {
            return List.of(Property.always("mutual exclusion", s -> broken
                    ? !((BrokenMutex.State) s).bothCritical() : !((Peterson.State) s).bothCritical()),
                    Property.transition("never two steps of process 1 in a row", (s, a, t) -> true));
        }
    }

    /**
     * The alternating-bit protocol, 3 messages over channels of 2 (93 states, holds), and with the bit ignored: a
     * duplicate delivery in 4.
     */
    record Abp(boolean buggy) implements ModelSource<AlternatingBit.State, AlternatingBit.Action> {
        public Model<AlternatingBit.State, AlternatingBit.Action> model() {
            return new Enumerated<>(new AlternatingBit(3, 2, buggy));
        }

        public List<Property<AlternatingBit.State, AlternatingBit.Action>> properties(
                Model<AlternatingBit.State, AlternatingBit.Action> m) {
            return List.of(Property.always("in order, once", AlternatingBit::inOrder),
                    Property.sometimes("all delivered", s -> s.delivered() == 3),
                    Property.transition("delivers at most one more", (s, a, t) -> t.delivered() <= s.delivered() + 1));
        }
    }

    /**
     * The grid walk 0..4 × 0..4 of the engine's tests: with TLC's state and action constraints (x + y ≤ 5, no step
     * right on an odd row; 19 states) or none (25); or broken, its step up from (1, 1) throwing. Its properties: a
     * predicate that throws at (2, 1), an invariant violated only beyond the state constraint (x + y = 6, checked
     * where generated), a transition and a terminal property (deadlock before the constraints) and a liveness one.
     */
    record Grid(boolean constrained, boolean broken) implements ModelSource<GridWalk.State, String> {
        public Model<GridWalk.State, String> model() {
            GridWalk grid = new GridWalk(constrained, constrained);
            return new Enumerated<>(!broken ? grid : new DelegatingModel<>(grid) {
                @Override
                public GridWalk.State nextState(GridWalk.State s, String a) {
                    if (s.x() == 1 && s.y() == 1 && a.equals("up")) {
                        throw new IllegalStateException("no way up from (1, 1)");
                    }
                    return base.nextState(s, a);
                }
            });
        }

        public List<Property<GridWalk.State, String>> properties(Model<GridWalk.State, String> m) {
            return List.of(Property.always("judges every state", s -> {
                if (s.x() == 2 && s.y() == 1) {
                    throw new IllegalArgumentException("cannot judge (2, 1)");
                }
                return true;
            }), Property.always("x + y stays below 6", s -> s.x() + s.y() < 6),
                    Property.transition("steps by one", (s, a, t) -> t.x() + t.y() == s.x() + s.y() + 1),
                    Property.terminal("ends in the corner", s -> s.x() == 4 && s.y() == 4),
                    Property.eventually("reaches the corner", s -> s.x() == 4 && s.y() == 4));
        }
    }

    /**
     * Constraints and errors as the single-machine engine has them: the constrained grid counts TLC's 19 states and
     * 35 generated, and its invariant beyond the constraint is violated in 6 actions (the step out of it); the
     * predicate that throws is ERROR with its message and a trace of 3; the model that throws ends the search with
     * ERROR for every property not decided, liveness included, with its message and the trace to (1, 1).
     */
    @Test
    void constraintsAndErrorsAsInTheSingleMachineEngine() {
        CheckResult<GridWalk.State, String> constrained = spark(new Grid(true, false));
        assertEquals(19, constrained.statistics().states());
        assertEquals(35, constrained.statistics().generated());
        assertEquals(Verdict.VIOLATED, constrained.verdict("x + y stays below 6"));
        assertEquals(6, constrained.result("x + y stays below 6").traceLength());
        assertEquals(Verdict.ERROR, constrained.verdict("judges every state"));
        assertEquals("the predicate threw IllegalArgumentException: cannot judge (2, 1)",
                constrained.result("judges every state").detail());
        assertEquals(3, constrained.result("judges every state").traceLength());
        assertSameResults(single(new Grid(true, false)), constrained);
        assertSameResults(single(new Grid(false, false)), spark(new Grid(false, false)));
        CheckResult<GridWalk.State, String> broken = spark(new Grid(false, true));
        for (String p : List.of("x + y stays below 6", "reaches the corner")) {
            assertEquals(Verdict.ERROR, broken.verdict(p), p);
            assertEquals("the model, taking the action up, threw IllegalStateException: no way up from (1, 1)",
                    broken.result(p).detail());
            assertEquals(new GridWalk.State(1, 1), broken.result(p).trace().last());
        }
        assertEquals(Verdict.ERROR, broken.verdict("judges every state"));
        assertSameResults(single(new Grid(false, true)), broken);
    }

    @Test
    void theEnginesTestModelsGiveTheSameResults() {
        CheckResult<DiningPhilosophers.State, Integer> p = spark(new Philosophers(5));
        assertEquals(82, p.statistics().states());
        assertSameResults(single(new Philosophers(5)), p);
        assertEquals(5, p.result("no deadlock").traceLength());
        assertSameResults(single(new Mutexes(false)), spark(new Mutexes(false)));
        CheckResult<Object, Integer> broken = spark(new Mutexes(true));
        assertEquals(4, broken.result("mutual exclusion").traceLength());
        assertSameResults(single(new Mutexes(true)), broken);
        CheckResult<AlternatingBit.State, AlternatingBit.Action> abp = spark(new Abp(false));
        assertEquals(93, abp.statistics().states());
        assertEquals(8, abp.result("all delivered").traceLength());
        assertSameResults(single(new Abp(false)), abp);
        CheckResult<AlternatingBit.State, AlternatingBit.Action> bug = spark(new Abp(true));
        assertEquals(4, bug.result("in order, once").traceLength());
        assertSameResults(single(new Abp(true)), bug);
    }

    @Test
    void aLimitMakesItIncompleteNeverHolds() {
        CheckResult<AlternatingBit.State, AlternatingBit.Action> r = SPARK.check(new Abp(false),
                new Engine.Options("local[2]", 2, Limits.none().withMaxDepth(3), null, false));
        assertEquals(Verdict.INCOMPLETE, r.verdict("in order, once"));
        assertNotNull(r.incompleteReason());
        assertEquals(3, r.statistics().depth());
    }

    /**
     * TCP variants at small bounds (MSL = RTO = 1, T = 1 but no-time-wait's own 0, capacity 2): the verdict table's cells, lengths and counts of
     * the Spark engine are those of the single-machine engine; eventually-closed is INCOMPLETE, not checked.
     */
    @Test
    void tcpVariantsGiveTheSameVerdictsAndLengths() {
        Parameters bounds = Parameters.defaults().with(Parameter.MSL, 1).with(Parameter.RTO, 1)
                .with(Parameter.CAPACITY, 2);
        for (Variant v : List.of(Variant.RFC9293_RFC1337, Variant.TWO_WAY_HANDSHAKE, Variant.NO_TIME_WAIT)) {
            // no-time-wait has its own T (0); the others T = 1.
            Parameters small = v == Variant.NO_TIME_WAIT ? bounds : bounds.with(Parameter.TIME_WAIT, 1);
            VariantReport single = new Verification().threads(2).check(v, small, TcpProperties.NAMES);
            VariantReport spark = new Verification().threads(2).engine(SPARK, "local[2]")
                    .check(v, small, TcpProperties.NAMES);
            assertEquals(single.statistics().states(), spark.statistics().states(), v.id());
            assertEquals(single.statistics().transitions(), spark.statistics().transitions(), v.id());
            assertEquals(single.statistics().depth(), spark.statistics().depth(), v.id());
            assertEquals(single.maxInFlight(), spark.maxInFlight(), v.id());
            for (PropertyVerdict x : single.results()) {
                PropertyVerdict y = spark.result(x.property());
                if (x.property().equals(TcpProperties.EVENTUALLY_CLOSED)) {
                    assertEquals(Verdict.INCOMPLETE, y.verdict(), v.id());
                    continue;
                }
                assertEquals(x.verdict(), y.verdict(), v.id() + " " + x.property());
                assertEquals(x.length(), y.length(), v.id() + " " + x.property());
                assertEquals(x.afterAbort(), y.afterAbort(), v.id() + " " + x.property());
            }
            assertTrue(spark.statistics().states() > 1000, v.id() + ": " + spark.statistics().states());
        }
    }
}
