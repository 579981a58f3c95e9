package tcpcheck.spark;

import java.io.Serializable;

/**
 * What one partition holds after a level: its visited set (sorted), the states it found new in the level (the
 * partition's share of the next frontier and its parent links), and its figures and findings for the driver.
 */
final class LevelPart implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The partition's visited fingerprints, sign bit flipped, sorted (so signed order is unsigned order). */
    long[] visited = new long[0];
    /** Records {fingerprint, parent, packed words …} of the new states within the boundary, in fingerprint order. */
    long[] frontier = new long[0];
    int frontierCount;
    /** Pairs (fingerprint, parent) of every new state. */
    long[] parents = new long[0];
    /** The figures of the level, for the driver. */
    Summary summary = new Summary();

    /** The figures and findings of one partition in one level. */
    static final class Summary implements Serializable {
        private static final long serialVersionUID = 1L;
        long newStates;
        long boundary;
        long transitions;
        /** Four words per finding: property, depth, fingerprint, action index (-1 for a state). */
        long[] findings = new long[0];
        int findingCount;
        long[] maxima = new long[0];

        void finding(long property, long depth, long fp, long action) {
            if (4 * (findingCount + 1) > findings.length) {
                findings = java.util.Arrays.copyOf(findings, Math.max(16, findings.length * 2));
            }
            int at = 4 * findingCount++;
            findings[at] = property;
            findings[at + 1] = depth;
            findings[at + 2] = fp;
            findings[at + 3] = action;
        }
    }
}
