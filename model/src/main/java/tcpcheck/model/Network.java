package tcpcheck.model;

import java.util.Arrays;

/**
 * The segments in flight (SPEC section 3): each direction an unordered multiset of at most C segments, kept as a
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

    private final int[][] directions;

    private Network(int[] toA, int[] toB) {
        this.directions = new int[][] {toA, toB};
    }

    public static Network empty() {
        return new Network(EMPTY, EMPTY);
    }

    public int[] toward(int direction) {
        return directions[direction];
    }

    public int size(int direction) {
        return directions[direction].length;
    }

    public boolean isEmpty() {
        return directions[0].length == 0 && directions[1].length == 0;
    }

    Network add(int direction, int packet) {
        int[] d = directions[direction];
        int[] n = Arrays.copyOf(d, d.length + 1);
        n[d.length] = packet;
        Arrays.sort(n);
        return with(direction, n);
    }

    Network remove(int direction, int packet) {
        int[] d = directions[direction];
        int i = Arrays.binarySearch(d, packet);
        int[] n = new int[d.length - 1];
        System.arraycopy(d, 0, n, 0, i);
        System.arraycopy(d, i + 1, n, i, d.length - i - 1);
        return with(direction, n);
    }

    /** Every segment one tick older. */
    Network aged() {
        return new Network(age(directions[0]), age(directions[1]));
    }

    private static int[] age(int[] d) {
        int[] n = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            n[i] = d[i] + (1 << 27);
        }
        return n;
    }

    private Network with(int direction, int[] n) {
        return direction == TO_A ? new Network(n, directions[1]) : new Network(directions[0], n);
    }

    /** The oldest age of a segment in flight, or -1. */
    int oldest() {
        int max = -1;
        for (int[] d : directions) {
            for (int p : d) {
                max = Math.max(max, age(p));
            }
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
        f.add(directions[0]).add(directions[1]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Network n && Arrays.equals(directions[0], n.directions[0])
                && Arrays.equals(directions[1], n.directions[1]);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(directions[0]) + Arrays.hashCode(directions[1]);
    }

    public static String describe(int p) {
        Stamp st = stamp(p);
        return segment(p) + " [conn " + st.connection() + (segment(p).data() ? ", unit " + st.dataIndex() : "")
                + ", age " + age(p) + "]";
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("to B {");
        for (int p : directions[TO_B]) {
            b.append(' ').append(describe(p));
        }
        b.append(" } to A {");
        for (int p : directions[TO_A]) {
            b.append(' ').append(describe(p));
        }
        return b.append(" }").toString();
    }
}
