package tcpcheck.model;

import tcpcheck.checker.Fingerprint;
import tcpcheck.checker.StatePacking;

/**
 * A state of the whole system: the two endpoints, the network, what the adversary has used of its budgets, and two
 * ghost flags: whether an endpoint has given up or crashed in this behaviour (an abort), and whether the behaviour
 * has reached the network's capacity bound (docs/specification.md, The adversary: such a state is checked, not explored).
 *
 * <p>The state is packed into primitives: two {@code long} words per endpoint, one {@code int} for the adversary,
 * and the {@link Network}'s two sorted arrays of packed segments. {@link Host}, {@link Tcb} and {@link Application}
 * are the readable views that the protocol code works on; {@link #host} unpacks one, {@link #withHost} packs it
 * back. Equality, the hash code and the fingerprint are those of the packed words.
 *
 * <h2>The TCB word of an endpoint</h2>
 * <pre>
 * bits 0-3    connection state (the ordinal of {@link ConnectionState})
 * bits 4-11   ISS                 bits 12-19  IRS            (mod S, S ≤ 256)
 * bits 20-27  SND.UNA             bits 28-35  SND.NXT        bits 36-43  RCV.NXT
 * bits 44-46  units in the send queue (≤ D ≤ 7)              bits 47-49  units sent
 * bit  50     FIN queued          bit  51     FIN sent
 * bits 52-56  retransmission timer + 1 (0: off; RTO ≤ 15)
 * bits 57-60  retransmissions of the outstanding segment (≤ R ≤ 15)
 * </pre>
 *
 * <h2>The host word of an endpoint</h2>
 * <pre>
 * bits 0-5    TIME-WAIT timer + 1 (0: off; T ≤ 31)
 * bits 6-14   the ISN clock value of the last attempt + 1 (0: none yet; I ≤ 256)
 * bits 15-17  application: connections opened (≤ K ≤ 7)
 * bit  18     application: attached              bits 19-21  application: units written
 * bit  22     application: closed                bits 23-25  application: units delivered to it
 * bit  26     application: end of stream read
 * bits 27-29  ghost: connection number (≤ K)     bit  30     ghost: the application has seen the connection
 * bits 31-33  ghost: the other number a simultaneous open made this connection of (0: none, always in the default
 *             configuration, where only A opens actively)
 * </pre>
 *
 * <h2>The adversary word</h2>
 * <pre>
 * bits 0-3 losses used (≤ L ≤ 15), bits 4-7 duplications used (≤ Dup ≤ 15), bits 8-9 crashes used (≤ 3),
 * bit 10 ghost: aborted, bit 11: at the capacity bound
 * </pre>
 * {@link Parameters} admits no value that does not fit its field.
 *
 * <h2>Packed for the search's frontier ({@link #packing})</h2>
 * Five words and then C: the four endpoint words; the adversary word with the number of segments in flight toward A
 * in bits 32-39 and toward B in bits 40-47; then the packed segments toward A and then toward B, two to a word (low
 * half first), in the space of C words that C segments per direction need.
 */
public final class TcpState {
    private final long tcbA;
    private final long hostA;
    private final long tcbB;
    private final long hostB;
    private final int adversary;
    private final Network network;

    private TcpState(long tcbA, long hostA, long tcbB, long hostB, int adversary, Network network) {
        this.tcbA = tcbA;
        this.hostA = hostA;
        this.tcbB = tcbB;
        this.hostB = hostB;
        this.adversary = adversary;
        this.network = network;
    }

    public TcpState(Host a, Host b, Network network, int lossesUsed, int duplicatesUsed, int crashesUsed,
                    boolean aborted, boolean atBoundary) {
        this(packTcb(a.tcb()), packHost(a), packTcb(b.tcb()), packHost(b),
                adversary(lossesUsed, duplicatesUsed, crashesUsed, aborted, atBoundary), network);
    }

    public Host a() {
        return host(TcpModel.A);
    }

    public Host b() {
        return host(TcpModel.B);
    }

    /** The endpoint's view, unpacked. */
    public Host host(int endpoint) {
        long t = endpoint == TcpModel.A ? tcbA : tcbB;
        long h = endpoint == TcpModel.A ? hostA : hostB;
        Application app = new Application(field(h, 15, 3), bit(h, 18), field(h, 19, 3), bit(h, 22),
                field(h, 23, 3), bit(h, 26));
        return new Host(unpackTcb(t, h), app, field(h, 6, 9) - 1, field(h, 27, 3), bit(h, 30), field(h, 31, 3));
    }

    /** The endpoint's TCB, unpacked. */
    public Tcb tcb(int endpoint) {
        return endpoint == TcpModel.A ? unpackTcb(tcbA, hostA) : unpackTcb(tcbB, hostB);
    }

    /** The endpoint's connection state, read straight from the packed word. */
    public ConnectionState state(int endpoint) {
        return STATES[field(endpoint == TcpModel.A ? tcbA : tcbB, 0, 4)];
    }

    /** The endpoint's retransmission timer (-1 off, 0 run out, else the ticks left), read from the packed word. */
    public int retransmitTimer(int endpoint) {
        return field(endpoint == TcpModel.A ? tcbA : tcbB, 52, 5) - 1;
    }

    /** The endpoint's TIME-WAIT timer (-1 off, 0 run out, else the ticks left), read from the packed word. */
    public int timeWaitTimer(int endpoint) {
        return field(endpoint == TcpModel.A ? hostA : hostB, 0, 6) - 1;
    }

    /**
     * Every running timer one tick closer to running out (a timer that is off or has run out stays as it is), and
     * every segment in flight one tick older: what a tick does (docs/specification.md, Time).
     */
    TcpState ticked() {
        return new TcpState(countDown(tcbA, 52, 5), countDown(hostA, 0, 6), countDown(tcbB, 52, 5),
                countDown(hostB, 0, 6), adversary, network.aged());
    }

    /** A timer field holds the timer + 1: 0 off, 1 run out, more while it runs. */
    private static long countDown(long word, int from, int bits) {
        return field(word, from, bits) > 1 ? word - (1L << from) : word;
    }

    /** Whether endpoint {@code endpoint} is the same in both states (TCB, application and ghost fields). */
    public boolean sameEndpoint(TcpState other, int endpoint) {
        return endpoint == TcpModel.A ? tcbA == other.tcbA && hostA == other.hostA
                : tcbB == other.tcbB && hostB == other.hostB;
    }

    public Network network() {
        return network;
    }

    public int lossesUsed() {
        return adversary & 0xF;
    }

    public int duplicatesUsed() {
        return (adversary >>> 4) & 0xF;
    }

    public int crashesUsed() {
        return (adversary >>> 8) & 3;
    }

    public boolean aborted() {
        return (adversary & 1 << 10) != 0;
    }

    public boolean atBoundary() {
        return (adversary & 1 << 11) != 0;
    }

    TcpState withHost(int endpoint, Host h) {
        long t = packTcb(h.tcb());
        long w = packHost(h);
        return endpoint == TcpModel.A ? new TcpState(t, w, tcbB, hostB, adversary, network)
                : new TcpState(tcbA, hostA, t, w, adversary, network);
    }

    TcpState withNetwork(Network n) {
        return new TcpState(tcbA, hostA, tcbB, hostB, adversary, n);
    }

    TcpState withBudgets(int losses, int dups, int crashes, boolean isAborted) {
        return new TcpState(tcbA, hostA, tcbB, hostB, adversary(losses, dups, crashes, isAborted, atBoundary()),
                network);
    }

    TcpState reachBoundary() {
        return new TcpState(tcbA, hostA, tcbB, hostB, adversary | 1 << 11, network);
    }

    /** The fingerprint of the packed words: the four endpoint words, the adversary word, then the network. */
    long fingerprint() {
        Fingerprint f = new Fingerprint().add(tcbA).add(hostA).add(tcbB).add(hostB).add(adversary);
        network.fingerprint(f);
        return f.value();
    }

    /** The packing of states whose network holds at most {@code capacity} segments per direction. */
    static StatePacking<TcpState> packing(int capacity) {
        return new StatePacking<>() {
            @Override
            public int words() {
                return 5 + capacity;
            }

            @Override
            public void pack(TcpState s, long[] to, int at) {
                int[] toA = s.network.toward(Network.TO_A);
                int[] toB = s.network.toward(Network.TO_B);
                to[at] = s.tcbA;
                to[at + 1] = s.hostA;
                to[at + 2] = s.tcbB;
                to[at + 3] = s.hostB;
                to[at + 4] = Integer.toUnsignedLong(s.adversary) | (long) toA.length << 32 | (long) toB.length << 40;
                int half = 2 * (at + 5);
                for (int p : toA) {
                    putHalf(to, half++, p);
                }
                for (int p : toB) {
                    putHalf(to, half++, p);
                }
            }

            @Override
            public TcpState unpack(long[] from, int at) {
                long w = from[at + 4];
                int[] toA = new int[(int) (w >>> 32) & 0xFF];
                int[] toB = new int[(int) (w >>> 40) & 0xFF];
                int half = 2 * (at + 5);
                for (int i = 0; i < toA.length; i++) {
                    toA[i] = getHalf(from, half++);
                }
                for (int i = 0; i < toB.length; i++) {
                    toB[i] = getHalf(from, half++);
                }
                return new TcpState(from[at], from[at + 1], from[at + 2], from[at + 3], (int) w,
                        Network.of(toA, toB));
            }
        };
    }

    /** Writes the int {@code value} into half {@code half} of the words (half 2i is the low half of word i). */
    private static void putHalf(long[] words, int half, int value) {
        int shift = (half & 1) * 32;
        int i = half >> 1;
        words[i] = words[i] & ~(0xFFFFFFFFL << shift) | Integer.toUnsignedLong(value) << shift;
    }

    private static int getHalf(long[] words, int half) {
        return (int) (words[half >> 1] >>> ((half & 1) * 32));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TcpState s && s.tcbA == tcbA && s.hostA == hostA && s.tcbB == tcbB && s.hostB == hostB
                && s.adversary == adversary && s.network.equals(network);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(Fingerprint.of(tcbA, hostA, tcbB, hostB, adversary)) * 31 + network.hashCode();
    }

    private static final ConnectionState[] STATES = ConnectionState.values();

    private static int field(long word, int from, int bits) {
        return (int) (word >>> from) & ((1 << bits) - 1);
    }

    private static boolean bit(long word, int at) {
        return (word >>> at & 1) != 0;
    }

    private static long put(int value, int from, int bits) {
        if (value < 0 || value >= 1 << bits) {
            throw new IllegalStateException(value + " does not fit in " + bits + " bits at bit " + from);
        }
        return (long) value << from;
    }

    private static long put(boolean value, int at) {
        return value ? 1L << at : 0;
    }

    private static long packTcb(Tcb t) {
        return put(t.state().ordinal(), 0, 4) | put(t.iss(), 4, 8) | put(t.irs(), 12, 8) | put(t.sndUna(), 20, 8)
                | put(t.sndNxt(), 28, 8) | put(t.rcvNxt(), 36, 8) | put(t.queued(), 44, 3) | put(t.dataSent(), 47, 3)
                | put(t.finQueued(), 50) | put(t.finSent(), 51) | put(t.retransmitTimer() + 1, 52, 5)
                | put(t.retries(), 57, 4);
    }

    private static Tcb unpackTcb(long t, long h) {
        return new Tcb(STATES[field(t, 0, 4)], field(t, 4, 8), field(t, 12, 8), field(t, 20, 8), field(t, 28, 8),
                field(t, 36, 8), field(t, 44, 3), field(t, 47, 3), bit(t, 50), bit(t, 51), field(t, 52, 5) - 1,
                field(t, 57, 4), field(h, 0, 6) - 1);
    }

    private static long packHost(Host h) {
        Application a = h.app();
        return put(h.tcb().timeWaitTimer() + 1, 0, 6) | put(h.lastIsnChoice() + 1, 6, 9) | put(a.opens(), 15, 3)
                | put(a.attached(), 18) | put(a.written(), 19, 3) | put(a.closed(), 22) | put(a.delivered(), 23, 3)
                | put(a.endOfStream(), 26) | put(h.connection(), 27, 3) | put(h.seen(), 30) | put(h.merged(), 31, 3);
    }

    private static int adversary(int losses, int dups, int crashes, boolean aborted, boolean atBoundary) {
        return (int) (put(losses, 0, 4) | put(dups, 4, 4) | put(crashes, 8, 2) | put(aborted, 10)
                | put(atBoundary, 11));
    }

    @Override
    public String toString() {
        return "A: " + a() + " | B: " + b() + " | " + network + (aborted() ? " | aborted" : "")
                + (atBoundary() ? " | AT BOUNDARY" : "");
    }
}
