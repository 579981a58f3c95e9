package tcpcheck.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FingerprintTableTest {

    @ParameterizedTest
    @ValueSource(ints = {10_000, 200_000, 1_000_000})
    void storesEveryStateInAtMost9Point6BytesPerState(int n) {
        FingerprintTable t = new FingerprintTable(false, 16);
        SplittableRandom rnd = new SplittableRandom(n);
        long[] fps = new long[n];
        for (int i = 0; i < n; i++) {
            fps[i] = FingerprintTable.normalize(rnd.nextLong());
            assertTrue(t.add(fps[i]));
        }
        assertEquals(n, t.size());
        t.settleAll(0, 1);
        for (int i = 0; i < n; i++) {
            assertEquals(FingerprintTable.OLD, t.insert(fps[i]) & 3, "a second insert finds it");
        }
        // The load stays between 0.836 and 0.92 once the table has grown past its initial size: 8 / 0.836 = 9.57.
        assertTrue(t.bytes() <= 9.6 * n, "bytes per state " + (double) t.bytes() / n);
    }

    @Test
    void aStateFoundAgainInItsLevelIsReportedAsSuch() {
        FingerprintTable t = new FingerprintTable(true, 16);
        long fp = FingerprintTable.normalize(0xABCD_EF01_2345_6789L);
        assertEquals(FingerprintTable.NEW, t.insert(fp) & 3);
        assertEquals(FingerprintTable.SAME_LEVEL, t.insert(fp) & 3);
        t.settle(fp);
        assertEquals(FingerprintTable.OLD, t.insert(fp) & 3, "a later level finds an old state");
        assertFalse(t.contains(FingerprintTable.normalize(12345L)));
    }

    @Test
    void settleAllClearsEveryFlag() {
        FingerprintTable t = new FingerprintTable(false, 16);
        long a = FingerprintTable.normalize(0x1111_2222_3333_4444L);
        long b = FingerprintTable.normalize(0x9999_8888_7777_6666L);
        t.add(a);
        t.add(b);
        for (int part = 0; part < 3; part++) {
            t.settleAll(part, 3);
        }
        assertEquals(FingerprintTable.OLD, t.insert(a) & 3);
        assertEquals(FingerprintTable.OLD, t.insert(b) & 3);
    }

    /** A numbered table numbers states in order of insertion, keeps the numbers through growth, and renumbers. */
    @Test
    void numbersSurviveGrowthAndRenumbering(@TempDir Path dir) {
        try (Scratch s = Scratch.in(dir); FingerprintTable t = new FingerprintTable(false, 16, s, true, Long.MAX_VALUE)) {
            int n = 50_000;
            SplittableRandom rnd = new SplittableRandom(7);
            long[] fps = new long[n];
            for (int i = 0; i < n; i++) {
                fps[i] = FingerprintTable.normalize(rnd.nextLong());
                long r = t.insert(fps[i]);
                assertEquals(FingerprintTable.NEW, r & 3);
                assertEquals(i, r >>> 2);
            }
            for (int i = 0; i < n; i++) {
                assertEquals(i, t.number(fps[i]));
                t.renumber(fps[i], n - 1 - i);
            }
            t.settleAll(0, 1);
            for (int i = 0; i < n; i++) {
                assertEquals(n - 1 - i, t.insert(fps[i]) >>> 2);
            }
            assertEquals(n, t.numbersGiven());
            assertTrue(s.peakBytes() >= 4L * n, "the numbers are in a mapped file");
        }
    }

    @Test
    void normalizationKeepsTheTopHalfNonZeroAndBitZeroFree() {
        assertEquals(1L << 32, FingerprintTable.normalize(0));
        assertEquals(1L << 32 | 2, FingerprintTable.normalize(3));
        assertEquals(0xFFFF_FFFF_FFFF_FFFEL, FingerprintTable.normalize(-1));
    }
}
