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
        /** {@link Findings#SIZE} words per finding. */
        long[] findings = new long[0];
        int findingCount;
        long[] maxima = new long[0];

        void finding(long[] f) {
            if (Findings.SIZE * (findingCount + 1) > findings.length) {
                findings = java.util.Arrays.copyOf(findings, Math.max(4 * Findings.SIZE, findings.length * 2));
            }
            System.arraycopy(f, 0, findings, Findings.SIZE * findingCount++, Findings.SIZE);
        }

        /** Finding {@code f}. */
        long[] finding(int f) {
            return java.util.Arrays.copyOfRange(findings, Findings.SIZE * f, Findings.SIZE * (f + 1));
        }
    }
}
