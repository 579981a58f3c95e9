package tcpcheck.checker;

import java.util.ArrayList;
import java.util.List;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The engine's concurrent parts checked for linearizability by Lincheck's model-checking mode, which explores the
 * thread interleavings systematically (Java PathFinder would be the classic tool; it is not on Maven Central and
 * needs JDK ≤ 11).
 */
class LincheckTest {

    /**
     * The shared visited-state table. The keys 1–4 share their top 32 bits (one segment, one home slot, one tag), so
     * they collide and probe; key 5 lives in another segment. {@code addMany} adds 16 states to the segment of keys
     * 1-4, which makes it grow (from 16 slots) while other threads insert and look up.
     */
    @Param(name = "key", gen = IntGen.class, conf = "1:5")
    @Param(name = "tag", gen = IntGen.class, conf = "1:3")
    public static class VisitedSet {
        private final FingerprintTable table = new FingerprintTable(true, 16);

        static long fp(int key) {
            return key == 5 ? 0x7777_0000_0000_0000L : (0x1234_5678L << 32) | ((long) key << 1);
        }

        @Operation
        public boolean add(@Param(name = "key") int key, @Param(name = "tag") int tag) {
            return table.add(fp(key), tag);
        }

        @Operation
        public boolean contains(@Param(name = "key") int key) {
            return table.contains(fp(key));
        }

        @Operation
        public long parentTag(@Param(name = "key") int key) {
            return table.parentTag(fp(key));
        }

        @Operation
        public void settle(@Param(name = "key") int key) {
            table.settle(fp(key));
        }

        @Operation
        public List<Long> withTag() {
            List<Long> out = new ArrayList<>();
            table.withTag(0x1234_5678, out::add);
            out.sort(Long::compareUnsigned);
            return out;
        }

        /**
         * Not atomic (16 inserts), so it returns nothing, and no other operation can observe its states (they have
         * other tags): its part is to make the segment grow under the other operations.
         */
        @Operation
        public void addMany(@Param(name = "tag") int base) {
            for (int i = 1; i <= 16; i++) {
                // Same segment as keys 1-4, home slots spread over the segment.
                table.add((0x1234_5678L + (base * 16L + i) * 0x0010_0000L) << 32, 1);
            }
        }
    }

    /** The chunk dispenser of a breadth-first level: 5 items in chunks of 2, so chunks 0, 1, 2, then -1. */
    public static class Chunks {
        private final WorkQueue queue = new WorkQueue(5, 2);

        @Operation
        public int take() {
            return queue.take();
        }
    }

    @Nested
    class ModelChecking {
        @Test
        void visitedSetIsLinearizable() {
            new ModelCheckingOptions().iterations(30).invocationsPerIteration(1_000).threads(2)
                    .actorsPerThread(3).check(VisitedSet.class);
        }

        @Test
        void workQueueIsLinearizable() {
            new ModelCheckingOptions().iterations(20).invocationsPerIteration(1_000).threads(3)
                    .actorsPerThread(2).check(Chunks.class);
        }
    }
}
