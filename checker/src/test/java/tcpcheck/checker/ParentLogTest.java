package tcpcheck.checker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tcpcheck.checker.models.DiningPhilosophers;

/** The parent links on disk and the directory that holds them. */
class ParentLogTest {

    /**
     * Two levels: 0x30 has parents 0x20 and 0x10 in level 1 (recorded in that order, by two writers), 0x20 and
     * 0x10 come from the initial state 0x08; the chain to 0x30 takes the smaller parent, 0x10, whichever thread wrote
     * it and whatever the order of the records, and the level keeps one record per state.
     */
    @Test
    void chainsFollowTheSmallestParent(@TempDir Path dir) {
        long init = 0x0800_0000_0000L;
        long a = 0x1000_0000_0000L;
        long b = 0x2000_0000_0000L;
        long c = 0x3000_0000_0000L;
        long d = 0xF000_0000_0000_0000L;
        try (Scratch s = Scratch.in(dir); ParentLog log = new ParentLog(s)) {
            ParentLog.Writer w1 = log.writer();
            ParentLog.Writer w2 = log.writer();
            log.startLevel(1);
            w1.add(b, init);
            w2.add(a, init);
            w1.flush();
            w2.flush();
            log.startLevel(2);
            w1.add(c, b);
            w2.add(c, a);
            w2.add(d, b);
            w2.add(d, 0xE000_0000_0000_0000L);
            w1.flush();
            w2.flush();
            log.endLevel();
            long[][] chains = log.chains(new long[] {c, a, d}, new int[] {2, 1, 2});
            assertArrayEquals(new long[] {init, a, c}, chains[0]);
            assertArrayEquals(new long[] {init, a}, chains[1]);
            assertArrayEquals(new long[] {init, b, d}, chains[2], "unsigned order: 0x2000… < 0xE000…");
            assertNull(log.chains(new long[] {0x4000_0000_0000L}, new int[] {2}), "no record, no chain");
            assertEquals(16 * 4, log.bytes(), "one record per state once its level is over");
        }
    }

    /** A check leaves nothing behind in its temporary directory, and finds the same traces as always. */
    @Test
    void aCheckRemovesItsTemporaryFiles(@TempDir Path dir) throws Exception {
        CheckResult<DiningPhilosophers.State, Integer> r = Checker.of(new DiningPhilosophers(5))
                .property(Property.terminal("no deadlock", st -> false))
                .property(Property.eventually("0 eats", st -> st.pc()[0] == 2))
                .temporaryDirectory(dir).threads(2).run();
        assertEquals(82, r.statistics().states());
        assertEquals(Verdict.VIOLATED, r.verdict("no deadlock"));
        assertEquals(5, r.result("no deadlock").traceLength());
        assertTrue(r.statistics().diskBytes() > 0, "the parent links and the graph were in files");
        try (var left = Files.list(dir)) {
            assertEquals(List.of(), left.toList());
        }
    }

    /** A directory of a process that no longer runs is removed by the next check in the same root. */
    @Test
    void aStaleDirectoryIsRemoved(@TempDir Path dir) throws Exception {
        Path stale = Files.createDirectories(dir.resolve("tcpcheck-check-999999999-1"));
        Files.writeString(stale.resolve("parents-1-1"), "left by a killed check");
        try (Scratch s = Scratch.in(dir)) {
            assertFalse(Files.exists(stale));
            assertTrue(Files.isDirectory(s.directory()));
        }
    }
}
