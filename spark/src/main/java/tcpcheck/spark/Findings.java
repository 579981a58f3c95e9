package tcpcheck.spark;

/**
 * The order in which counterexamples are chosen, the engine's own: the lowest depth first, then the smallest
 * fingerprint (unsigned), then the smallest action index. A finding is {property, depth, fingerprint, action}.
 */
final class Findings {
    private Findings() {
    }

    static boolean before(long[] a, long[] b) {
        if (a[1] != b[1]) {
            return a[1] < b[1];
        }
        int c = Long.compareUnsigned(a[2], b[2]);
        return c != 0 ? c < 0 : a[3] < b[3];
    }
}
