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
     * The shared visited-state table. The keys 1–4 share their top 32 bits (one segment, one home slot), so
     * they collide and probe; key 5 lives in another segment. {@code addMany} adds 16 states to the segment of keys
     * 1-4, which makes it grow (from 16 slots) while other threads insert and look up.
     */
    @Param(name = "key", gen = IntGen.class, conf = "1:5")
    public static class VisitedSet {
        private final FingerprintTable table = new FingerprintTable(true, 16);

        static long fp(int key) {
            return key == 5 ? 0x7777_0000_0000_0000L : (0x1234_5678L << 32) | ((long) key << 1);
        }

        /** NEW, SAME_LEVEL (found again before its level was settled) or OLD. */
        @Operation
        public long insert(@Param(name = "key") int key) {
            return table.insert(fp(key)) & 3;
        }

        @Operation
        public boolean contains(@Param(name = "key") int key) {
            return table.contains(fp(key));
        }

        @Operation
        public void settle(@Param(name = "key") int key) {
            table.settle(fp(key));
        }

        /**
         * Not atomic (16 inserts), so it returns nothing, and no other operation can observe its states (they have
         * other fingerprints): its part is to make the segment grow under the other operations.
         */
        @Operation
        public void addMany() {
            for (int i = 1; i <= 16; i++) {
                // Same segment as keys 1-4, home slots spread over the segment.
                table.add((0x1234_5678L + i * 0x0010_0000L) << 32);
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
