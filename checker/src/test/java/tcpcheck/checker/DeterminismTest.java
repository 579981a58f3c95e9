package tcpcheck.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
