package tcpcheck.model;

import java.util.Arrays;

/**
 * The segments in flight (docs/specification.md, The adversary): each direction an unordered multiset of at most C segments, kept as a
 * sorted array of packed segments so that equal multisets are equal arrays.
 *
 * <h2>Packing of a segment in flight (one int)</h2>
 * <pre>
 * bits 0-3   control bits: SYN 1, ACK 2, FIN 4, RST 8
 * bit  4     a data unit
 * bits 5-12  SEG.SEQ (mod S, S ≤ 256)
 * bits 13-20 SEG.ACK
 * bits 21-23 ghost: the sender's connection number (K ≤ 7)
 * bits 24-26 ghost: the data unit's index in the sender's stream (D ≤ 7), 0 for no data
 * bits 27-30 age in ticks (MSL ≤ 15)
 * </pre>
 */
public final class Network {
    /** Direction index: segments travelling to A, and to B. */
    public static final int TO_A = 0;
    public static final int TO_B = 1;
    private static final int[] EMPTY = new int[0];

    private final int[] toA;
    private final int[] toB;

    private Network(int[] toA, int[] toB) {
        this.toA = toA;
        this.toB = toB;
    }

    public static Network empty() {
        return new Network(EMPTY, EMPTY);
    }

    /** The network with these segments in flight (sorted arrays, as {@link #toward} gives them; not copied). */
    static Network of(int[] toA, int[] toB) {
        return new Network(toA.length == 0 ? EMPTY : toA, toB.length == 0 ? EMPTY : toB);
    }

    /** The segments in flight toward A or B, in increasing order of their packing (do not modify). */
    public int[] toward(int direction) {
        return direction == TO_A ? toA : toB;
    }

    public int size(int direction) {
        return toward(direction).length;
    }

    public boolean isEmpty() {
        return toA.length == 0 && toB.length == 0;
    }

    /** One more segment in flight: inserted in order, so that equal multisets stay equal arrays. */
    Network add(int direction, int packet) {
        int[] d = toward(direction);
        int at = Arrays.binarySearch(d, packet);
        if (at < 0) {
            at = -at - 1;
        }
        int[] n = new int[d.length + 1];
        System.arraycopy(d, 0, n, 0, at);
        n[at] = packet;
        System.arraycopy(d, at, n, at + 1, d.length - at);
        return with(direction, n);
    }

    Network remove(int direction, int packet) {
        int[] d = toward(direction);
        int i = Arrays.binarySearch(d, packet);
        int[] n = new int[d.length - 1];
        System.arraycopy(d, 0, n, 0, i);
        System.arraycopy(d, i + 1, n, i, d.length - i - 1);
        return with(direction, n);
    }

    /** Every segment one tick older. */
    Network aged() {
        return new Network(age(toA), age(toB));
    }

    private static int[] age(int[] d) {
        int[] n = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            n[i] = d[i] + (1 << 27);
        }
        return n;
    }

    private Network with(int direction, int[] n) {
        return direction == TO_A ? new Network(n, toB) : new Network(toA, n);
    }

    /** The oldest age of a segment in flight, or -1. */
    int oldest() {
        int max = -1;
        for (int p : toA) {
            max = Math.max(max, age(p));
        }
        for (int p : toB) {
            max = Math.max(max, age(p));
        }
        return max;
    }

    public static int pack(Segment s, Stamp stamp) {
        int flags = (s.syn() ? 1 : 0) | (s.ack() ? 2 : 0) | (s.fin() ? 4 : 0) | (s.rst() ? 8 : 0);
        return flags | (s.data() ? 1 << 4 : 0) | (s.seq() << 5) | (s.ackNo() << 13) | (stamp.connection() << 21)
                | (Math.max(0, stamp.dataIndex()) << 24);
    }

    public static Segment segment(int p) {
        return new Segment((p & 1) != 0, (p & 2) != 0, (p & 4) != 0, (p & 8) != 0, (p >>> 5) & 0xFF,
                (p >>> 13) & 0xFF, (p & (1 << 4)) != 0);
    }

    public static Stamp stamp(int p) {
        return new Stamp((p >>> 21) & 7, (p >>> 24) & 7);
    }

    public static int age(int p) {
        return (p >>> 27) & 0xF;
    }

    void fingerprint(tcpcheck.checker.Fingerprint f) {
        f.add(toA).add(toB);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Network n && Arrays.equals(toA, n.toA) && Arrays.equals(toB, n.toB);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(toA) + Arrays.hashCode(toB);
    }

    public static String describe(int p) {
        Stamp st = stamp(p);
        return segment(p) + " [conn " + st.connection() + (segment(p).data() ? ", unit " + st.dataIndex() : "")
                + ", age " + age(p) + "]";
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("to B {");
        for (int p : toB) {
            b.append(' ').append(describe(p));
        }
        b.append(" } to A {");
        for (int p : toA) {
            b.append(' ').append(describe(p));
        }
        return b.append(" }").toString();
    }
}
