package tcpcheck.model;

/**
 * Sequence-number arithmetic modulo S (RFC 9293 section 3.4): comparisons are made on the circle, a number being
 * "before" another when it lies less than half the space behind it.
 */
public record SequenceSpace(int size) {

    public int add(int a, int n) {
        return Math.floorMod(a + n, size);
    }

    /** The distance from a forward to b, in [0, S). */
    public int distance(int a, int b) {
        return Math.floorMod(b - a, size);
    }

    /** a ≤ b on the circle: b is at most half the space ahead of a. */
    public boolean lessOrEqual(int a, int b) {
        return distance(a, b) < (size + 1) / 2;
    }

    /** start ≤ x < start + length. */
    public boolean inWindow(int x, int start, int length) {
        return distance(start, x) < length;
    }

    /** The initial sequence number of clock value v: v · S / I. */
    public int isn(int v, int choices) {
        return v * (size / choices);
    }
}
