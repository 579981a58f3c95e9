package tcpcheck.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import tcpcheck.checker.models.TwoPhase;

/**
 * A packed model ({@link PackedModel}) is fingerprinted and packed in one call, and its states read as their named
 * fields ({@link PackedFields}) in traces, without a hand-written {@code toString}.
 */
class PackedModelTest {

    /** Ten bits, any of which may flip: 1,024 states, 10 steps each; counts how often states are packed. */
    static final class Bits extends PackedModel<Long, Integer> {
        final AtomicLong packs = new AtomicLong();
        private final PackedFields fields = PackedFields.builder().flags("on", 10).build();

        @Override
        public List<Long> initialStates() {
            return List.of(0L);
        }

        @Override
        public void actions(Long s, List<Integer> actions) {
            for (int i = 0; i < 10; i++) {
                actions.add(i);
            }
        }

        @Override
        public Long nextState(Long s, Integer bit) {
            return s ^ 1L << bit;
        }

        @Override
        public int words() {
            return 1;
        }

        @Override
        public void pack(Long s, long[] to, int at) {
            packs.incrementAndGet();
            to[at] = s;
        }

        @Override
        public Long unpack(long[] from, int at) {
            return from[at];
        }

        @Override
        public String describe(long[] from, int at) {
            return fields.describe(from, at);
        }
    }

    /**
     * The search packs each state it generates once, to fingerprint it, and keeps those words for a new state: 1 +
     * 10,240 packs for the 1 + 10,240 states generated (packing a new state again for the frontier, as a model that
     * fingerprints and packs apart needs, would add 1,024), on one thread or two.
     */
    @Test
    void eachGeneratedStateIsPackedOnce() {
        for (int threads = 1; threads <= 2; threads++) {
            Bits bits = new Bits();
            Statistics s = Checker.of(bits).threads(threads).run().statistics();
            assertEquals(1024, s.states());
            assertEquals(1 + 10_240, s.generated());
            assertEquals(s.generated(), bits.packs.get(), threads + " threads");
        }
    }

    @Test
    void packedStatesReadAsTheirFieldsInTraces() {
        TwoPhase m = new TwoPhase(3);
        assertEquals("rmState=[working, working, working] tmState=init tmPrepared={} msgs.Prepared={} "
                + "msgs.Commit=false msgs.Abort=false", m.describeState(m.initialStates().get(0)));
        PropertyResult<TwoPhase.State, TwoPhase.Action> r = Checker.of(m)
                .property(Property.always("nobody commits", s -> !m.describeState(s).contains("committed"))).run()
                .result("nobody commits");
        assertEquals(Verdict.VIOLATED, r.verdict());
        // Every RM prepares (3), the TM hears each (3) and commits: 7 actions.
        assertEquals(7, r.traceLength());
        String text = r.trace().format(m);
        assertTrue(text.contains("7: TM_COMMIT -> rmState=[prepared, prepared, prepared] tmState=committed "
                + "tmPrepared={0, 1, 2} msgs.Prepared={0, 1, 2} msgs.Commit=true msgs.Abort=false"), text);
        assertEquals(new Bits().describeState(0b101L), "on={0, 2}");
    }

    @Test
    void fieldsAreLaidOutAndCheckedByName() {
        PackedFields f = PackedFields.builder().number("n", 60).values("v", 3, "a", "b", "c").flag("f").build();
        assertEquals(2, f.words(), "60 + 3 × 2 bits do not fit in one word: v starts the second, f follows it");
        assertEquals((1L << 60) - 1, f.mask(0));
        assertEquals(0b1111111, f.mask(1));
        long[] w = new long[3];
        PackedFields.set(w, 1, f.field("v"), 2, 2);
        PackedFields.set(w, 1, f.field("n"), 0, (1L << 60) - 1);
        assertEquals(2, PackedFields.get(w, 1, f.field("v"), 2));
        assertEquals(0b100000, w[2]);
        assertEquals("n=1152921504606846975 v=[a, a, c] f=false", f.describe(w, 1));
        assertThrows(IllegalArgumentException.class, () -> PackedFields.set(w, 0, f.field("v"), 0, 4));
        assertThrows(IllegalArgumentException.class, () -> f.field("nope"));
    }
}
