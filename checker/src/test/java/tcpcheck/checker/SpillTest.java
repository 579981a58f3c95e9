package tcpcheck.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The visited-state table past its heap budget: states of earlier levels in sorted runs on disk. */
class SpillTest {

    /**
     * 20,000 states in 100 levels of 200, with a budget of 64 KiB (128 slots a segment, the least there is): most of
     * them end on disk; each is found again as an old state with its number, and a second insert in its own level is still
     * "same level".
     */
    @Test
    void statesSpilledToDiskAreFoundWithTheirNumbers(@TempDir Path dir) {
        try (Scratch s = Scratch.in(dir);
             FingerprintTable t = new FingerprintTable(true, 16, s, true, 64 << 10)) {
            SplittableRandom rnd = new SplittableRandom(11);
            int n = 20_000;
            long[] fps = new long[n];
            for (int i = 0; i < n; i++) {
                fps[i] = FingerprintTable.normalize(rnd.nextLong());
                long r = t.insert(fps[i]);
                assertEquals(FingerprintTable.NEW, r & 3);
                assertEquals(i, r >>> 2);
                if (i % 200 == 199) {
                    assertEquals(FingerprintTable.SAME_LEVEL, t.insert(fps[i]) & 3);
                    t.settleAll(0, 1);
                }
            }
            assertEquals(n, t.size());
            assertTrue(t.spilled() > n * 0.7, "spilled " + t.spilled());
            assertTrue(t.bytes() < 80 << 10, "the heap holds the budget and the index: " + t.bytes());
            for (int i = 0; i < n; i++) {
                assertTrue(t.contains(fps[i]));
                assertEquals(i, t.number(fps[i]));
                t.renumber(fps[i], n - i);
            }
            for (int i = 0; i < n; i++) {
                long r = t.insert(fps[i]);
                assertEquals(FingerprintTable.OLD, r & 3);
                assertEquals(n - i, r >>> 2);
            }
            assertEquals(n, t.size(), "nothing inserted twice");
        }
    }

    /**
     * A torus of N × N cells, a step right or down (wrapping around): N² states in 2N − 1 levels of at most N, so a
     * table of 64 KiB holds a few levels and the rest spill. The same counts, verdicts and counterexamples as in
     * memory, with one thread or two: the far corner in 2(N − 1) steps through spilled states, and liveness (which
     * numbers states through the runs) finds the cycle that never reaches it.
     */
    @Test
    void aCheckLargerThanItsTableGivesTheSameResults() {
        int n = 150;
        CheckResult<Long, Integer> memory = torus(n, Long.MAX_VALUE, 1);
        assertEquals(n * n, memory.statistics().states());
        assertEquals(2 * (n - 1), memory.result("the far corner is never reached").traceLength());
        for (int threads = 1; threads <= 2; threads++) {
            CheckResult<Long, Integer> disk = torus(n, 64 << 10, threads);
            assertEquals(memory.statistics().states(), disk.statistics().states());
            assertEquals(memory.statistics().transitions(), disk.statistics().transitions());
            assertEquals(memory.statistics().depth(), disk.statistics().depth());
            assertTrue(disk.statistics().storageBytes() < memory.statistics().storageBytes() * 0.6,
                    disk.statistics().storageBytes() + " bytes of heap against " + memory.statistics().storageBytes());
            for (int i = 0; i < memory.results().size(); i++) {
                PropertyResult<Long, Integer> x = memory.results().get(i);
                PropertyResult<Long, Integer> y = disk.results().get(i);
                assertEquals(x.verdict(), y.verdict(), x.name());
                assertEquals(x.trace().steps(), y.trace().steps(), x.name());
            }
        }
    }

    private static CheckResult<Long, Integer> torus(int n, long visitedMemory, int threads) {
        long corner = (long) (n - 1) * n + (n - 1);
        return Checker.of(new Torus(n))
                .property(Property.always("the far corner is never reached", s -> s != corner))
                .property(Property.sometimes("the middle", s -> s == (long) (n / 2) * n + n / 2))
                .property(Property.eventually("the far corner", s -> s == corner))
                .visitedMemory(visitedMemory).expectedStates(16).threads(threads).run();
    }

    /** Cell (x, y) is the state x · n + y; action 0 steps right, action 1 down. */
    private record Torus(int n) implements Model<Long, Integer> {
        public List<Long> initialStates() {
            return List.of(0L);
        }

        public void actions(Long s, List<Integer> out) {
            out.add(0);
            out.add(1);
        }

        public Long nextState(Long s, Integer a) {
            long x = s / n;
            long y = s % n;
            return a == 0 ? (x + 1) % n * n + y : x * n + (y + 1) % n;
        }

        public long fingerprint(Long s) {
            return Fingerprint.of(s);
        }
    }
}
