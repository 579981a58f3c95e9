package tcpcheck.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tcpcheck.checker.models.AlternatingBit;
import tcpcheck.checker.models.DiningPhilosophers;

/** The same model gives the same counts and the same counterexample on every run, with one thread or several. */
class DeterminismTest {

    @Test
    void diningPhilosophersSameWithAnyThreads() {
        // 12 philosophers: trace(M^12) = 39,202 states (a(N) = 2a(N-1) + a(N-2) from 14, 34), thousands per level,
        // and 12! shortest deadlock paths to choose one from.
        CheckResult<DiningPhilosophers.State, Integer> one = run(new DiningPhilosophers(12), 1);
        assertEquals(39_202, one.statistics().states());
        for (int threads : new int[] {2, 4}) {
            for (int round = 0; round < 3; round++) {
                CheckResult<DiningPhilosophers.State, Integer> many = run(new DiningPhilosophers(12), threads);
                assertSame(one, many);
            }
        }
    }

    @Test
    void alternatingBitSameWithAnyThreads() {
        AlternatingBit model = new AlternatingBit(4, 3, true);
        CheckResult<AlternatingBit.State, AlternatingBit.Action> one = Checker.of(model)
                .property(Property.always("in order, once", AlternatingBit::inOrder))
                .property(Property.sometimes("all delivered", s -> s.delivered() == 4)).run();
        for (int threads : new int[] {2, 3}) {
            CheckResult<AlternatingBit.State, AlternatingBit.Action> many = Checker.of(model)
                    .property(Property.always("in order, once", AlternatingBit::inOrder))
                    .property(Property.sometimes("all delivered", s -> s.delivered() == 4))
                    .threads(threads).run();
            assertSame(one, many);
        }
    }

    /**
     * The state graph that the search records for liveness is the same with 1, 2 or 3 threads, and numbers the states
     * as a one-thread first-in first-out search does (computed here independently, with a hash map); so is the
     * liveness counterexample. Dining philosophers N = 10 (6,726 states by the recurrence above), each philosopher its
     * own fairness class; "philosopher 0 eats" fails by the deadlock.
     */
    @Test
    void recordedGraphSameWithAnyThreads(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        DiningPhilosophers base = new DiningPhilosophers(10);
        Model<DiningPhilosophers.State, Integer> fair = fairPhilosophers(base, null);
        java.util.function.Predicate<DiningPhilosophers.State> zeroEats = s -> s.pc()[0] == 2;
        java.util.Map<DiningPhilosophers.State, Integer> fifo = new java.util.HashMap<>();
        java.util.List<DiningPhilosophers.State> queue = new java.util.ArrayList<>(base.initialStates());
        fifo.put(queue.get(0), 0);
        java.util.List<int[]> expectedEdges = new java.util.ArrayList<>();
        for (int head = 0; head < queue.size(); head++) {
            java.util.List<Integer> as = new java.util.ArrayList<>();
            base.actions(queue.get(head), as);
            for (int a = 0; a < as.size(); a++) {
                DiningPhilosophers.State t = base.nextState(queue.get(head), as.get(a));
                if (t != null) {
                    if (!fifo.containsKey(t)) {
                        fifo.put(t, queue.size());
                        queue.add(t);
                    }
                    expectedEdges.add(new int[] {head, fifo.get(t), a});
                }
            }
        }
        assertEquals(6_726, queue.size());
        StateGraph<DiningPhilosophers.State, Integer> first = null;
        PropertyResult<DiningPhilosophers.State, Integer> firstResult = null;
        for (int threads = 1; threads <= 3; threads++) {
            Scratch scratch = Scratch.in(dir);
            GraphRecorder<DiningPhilosophers.State, Integer> recorder =
                    new GraphRecorder<>(fair, List.of(zeroEats, s -> false), scratch);
            BreadthFirstSearch<DiningPhilosophers.State, Integer> bfs = new BreadthFirstSearch<>(fair, List.of(),
                    List.of(), Limits.none(), threads, null, false, false, 16, recorder, scratch, Long.MAX_VALUE);
            bfs.run();
            StateGraph<DiningPhilosophers.State, Integer> g = bfs.graph();
            assertEquals(queue.size(), g.size);
            assertEquals(expectedEdges.size(), g.edges);
            for (int e = 0; e < expectedEdges.size(); e++) {
                int[] x = expectedEdges.get(e);
                assertEquals(x[1], g.target(e), "edge " + e);
                assertEquals(x[2], g.action(e), "edge " + e);
                assertEquals(x[2], g.fairnessClass(e), "edge " + e);
                assertTrue(g.edgeStart(x[0]) <= e && e < g.edgeStart(x[0] + 1), "edge " + e);
            }
            for (int v = 0; v < queue.size(); v++) {
                assertEquals(zeroEats.test(queue.get(v)), g.goal(0, v), "state " + v);
            }
            PropertyResult<DiningPhilosophers.State, Integer> r =
                    Liveness.check(g, new Liveness.Goals<>(Property.eventually("0 eats", zeroEats), 0, -1, 1),
                            Stuttering.FORBIDDEN);
            assertEquals(Verdict.VIOLATED, r.verdict());
            if (first == null) {
                first = g;
                firstResult = r;
            } else {
                assertEquals(firstResult.trace().steps(), r.trace().steps());
            }
            g.close();
            scratch.close();
        }
    }

    /**
     * A model that packs its states (so the search keeps its frontier in words) gives the same counts, verdicts and
     * counterexamples as the same model without a packing, on one thread or two; and the {@code eventually}
     * properties, checked one after the other on one thread and side by side on two, agree. Dining philosophers
     * N = 10 with a fairness class per philosopher: "0 eats" fails (the deadlock), "someone holds a fork" holds (weak
     * fairness makes a thinker take a fork), and the terminal property finds the deadlock.
     */
    @Test
    void packedFrontierAndParallelLivenessChangeNothing() {
        DiningPhilosophers base = new DiningPhilosophers(10);
        CheckResult<DiningPhilosophers.State, Integer> reference = philosophers(base, false, 1);
        assertEquals(6_726, reference.statistics().states());
        assertEquals(Verdict.VIOLATED, reference.results().get(1).verdict());
        assertEquals(Verdict.HOLDS, reference.results().get(2).verdict());
        for (boolean packed : new boolean[] {false, true}) {
            for (int threads = 1; threads <= 2; threads++) {
                assertSame(reference, philosophers(base, packed, threads));
            }
        }
    }

    private static CheckResult<DiningPhilosophers.State, Integer> philosophers(DiningPhilosophers base,
                                                                                boolean packed, int threads) {
        Model<DiningPhilosophers.State, Integer> m = fairPhilosophers(base, packed ? PHILOSOPHERS_IN_WORDS : null);
        return Checker.of(m).property(Property.terminal("no deadlock", s -> false))
                .property(Property.eventually("0 eats", s -> s.pc()[0] == 2))
                .property(Property.eventually("someone holds a fork", s -> !DiningPhilosophers.eating(s).isEmpty()
                        || java.util.Arrays.stream(s.pc()).anyMatch(p -> p == 1)))
                .threads(threads).run();
    }

    /** Dining philosophers with each philosopher its own fairness class, and the given packing (or none). */
    private static Model<DiningPhilosophers.State, Integer> fairPhilosophers(
            DiningPhilosophers base, StatePacking<DiningPhilosophers.State> packing) {
        return new Model<>() {
            public List<DiningPhilosophers.State> initialStates() {
                return base.initialStates();
            }

            public void actions(DiningPhilosophers.State s, List<Integer> out) {
                base.actions(s, out);
            }

            public DiningPhilosophers.State nextState(DiningPhilosophers.State s, Integer a) {
                return base.nextState(s, a);
            }

            public long fingerprint(DiningPhilosophers.State s) {
                return base.fingerprint(s);
            }

            public long fairness(DiningPhilosophers.State s, Integer a) {
                return a;
            }

            public StatePacking<DiningPhilosophers.State> packing() {
                return packing;
            }
        };
    }

    /** A philosopher's state in two bits of one word, after a word with the number of philosophers. */
    private static final StatePacking<DiningPhilosophers.State> PHILOSOPHERS_IN_WORDS = new StatePacking<>() {
        public int words() {
            return 2;
        }

        public void pack(DiningPhilosophers.State s, long[] to, int at) {
            long w = 0;
            for (int i = 0; i < s.pc().length; i++) {
                w |= (long) s.pc()[i] << (2 * i);
            }
            to[at] = s.pc().length;
            to[at + 1] = w;
        }

        public DiningPhilosophers.State unpack(long[] from, int at) {
            int[] pc = new int[(int) from[at]];
            for (int i = 0; i < pc.length; i++) {
                pc[i] = (int) (from[at + 1] >>> (2 * i)) & 3;
            }
            return new DiningPhilosophers.State(pc);
        }
    };

    private static CheckResult<DiningPhilosophers.State, Integer> run(DiningPhilosophers m, int threads) {
        return Checker.of(m).property(Property.terminal("no deadlock", s -> false))
                .property(Property.sometimes("three eat", s -> DiningPhilosophers.eating(s).size() == 3))
                .threads(threads).run();
    }

    private static <S, A> void assertSame(CheckResult<S, A> a, CheckResult<S, A> b) {
        assertEquals(a.statistics().states(), b.statistics().states());
        assertEquals(a.statistics().transitions(), b.statistics().transitions());
        assertEquals(a.statistics().depth(), b.statistics().depth());
        for (int i = 0; i < a.results().size(); i++) {
            PropertyResult<S, A> x = a.results().get(i);
            PropertyResult<S, A> y = b.results().get(i);
            assertEquals(x.verdict(), y.verdict(), x.name());
            assertEquals(x.trace() == null ? null : x.trace().steps(), y.trace() == null ? null : y.trace().steps(),
                    x.name());
        }
    }
}
