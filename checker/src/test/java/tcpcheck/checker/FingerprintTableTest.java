package tcpcheck.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FingerprintTableTest {

    @ParameterizedTest
    @ValueSource(ints = {10_000, 200_000, 1_000_000})
    void storesEveryStateAndItsParentInAtMost16BytesPerState(int n) {
        FingerprintTable t = new FingerprintTable(false, 16);
        SplittableRandom rnd = new SplittableRandom(n);
        long[] fps = new long[n];
        for (int i = 0; i < n; i++) {
            fps[i] = FingerprintTable.normalize(rnd.nextLong());
            int tag = i == 0 ? FingerprintTable.ROOT : FingerprintTable.tagOf(fps[i - 1]);
            assertTrue(t.add(fps[i], tag));
        }
        assertEquals(n, t.size());
        t.settleAll(0, 1);
        for (int i = 0; i < n; i++) {
            assertFalse(t.add(fps[i], 7), "a second add is not new");
            long expected = i == 0 ? 0 : Integer.toUnsignedLong(FingerprintTable.tagOf(fps[i - 1]));
            assertEquals(expected, t.parentTag(fps[i]));
        }
        // The load stays between 0.75 and 0.9 once the table has grown past its initial size: 12 / 0.75 = 16.
        assertTrue(t.bytes() <= 16L * n, "bytes per state " + (double) t.bytes() / n);
    }

    @Test
    void parentTagIsTheSmallestWithinALevelOnly() {
        FingerprintTable t = new FingerprintTable(true, 16);
        long fp = FingerprintTable.normalize(0xABCD_EF01_2345_6789L);
        assertTrue(t.add(fp, 50));
        assertFalse(t.add(fp, 40));
        assertFalse(t.add(fp, 60));
        assertEquals(40, t.parentTag(fp));
        t.settle(fp);
        assertFalse(t.add(fp, 10));
        assertEquals(40, t.parentTag(fp), "a later level does not change the parent");
        assertEquals(-1, t.parentTag(FingerprintTable.normalize(12345L)));
    }

    @Test
    void settleAllClearsEveryFlag() {
        FingerprintTable t = new FingerprintTable(false, 16);
        long a = FingerprintTable.normalize(0x1111_2222_3333_4444L);
        long b = FingerprintTable.normalize(0x9999_8888_7777_6666L);
        t.add(a, 5);
        t.add(b, 5);
        for (int part = 0; part < 3; part++) {
            t.settleAll(part, 3);
        }
        t.add(a, 1);
        t.add(b, 1);
        assertEquals(5, t.parentTag(a));
        assertEquals(5, t.parentTag(b));
    }

    @Test
    void findsEveryStateWithATag() {
        FingerprintTable t = new FingerprintTable(false, 16);
        List<Long> same = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            long fp = (0x0BAD_CAFEL << 32) | ((long) i << 1);
            same.add(fp);
            t.add(fp, 1);
            t.add(FingerprintTable.normalize(Fingerprint.of(i)), 1);
        }
        List<Long> found = new ArrayList<>();
        t.withTag(0x0BAD_CAFE, found::add);
        found.sort(Long::compareUnsigned);
        assertEquals(same, found);
    }

    @Test
    void normalizationKeepsTagsNonZeroAndBitZeroFree() {
        assertEquals(1L << 32, FingerprintTable.normalize(0));
        assertEquals(1L << 32 | 2, FingerprintTable.normalize(3));
        assertEquals(0xFFFF_FFFF_FFFF_FFFEL, FingerprintTable.normalize(-1));
    }
}
