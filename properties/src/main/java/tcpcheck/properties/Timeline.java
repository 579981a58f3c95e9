package tcpcheck.properties;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import tcpcheck.checker.Trace;
import tcpcheck.model.Action;
import tcpcheck.model.Network;
import tcpcheck.model.Segment;
import tcpcheck.model.Stamp;
import tcpcheck.model.TcpModel;
import tcpcheck.model.TcpState;

/**
 * A trace read as a history of segments: every copy that entered the network, who sent it and at which step, whether
 * it is a first transmission, a retransmission or a duplicate the network made (and of which copy), and how it left
 * the network (delivered or lost, at which step and age) or whether it is still in flight at the end.
 *
 * <p>The network is a multiset: two copies with the same fields, ghost stamp and age cannot be told apart. The
 * timeline then takes the one that entered the network first as the one delivered or lost first, so that "the
 * duplicate" is always the copy that stays behind. Charts, stories and captures all read this one timeline.
 *
 * <p>A delivered copy is <b>old</b> when its receiver has started or ended a connection since the copy (or, for a
 * duplicate, its original) was sent: it was meant for another life of the receiver.
 */
public final class Timeline {

    /** How a copy entered the network. */
    public enum Origin {
        /** Sent by an endpoint as part of its normal processing. */
        SENT,
        /** Sent again by a retransmission timeout. */
        RETRANSMITTED,
        /** Made by the network duplicating a copy in flight. */
        DUPLICATED
    }

    /** How a copy left the network. */
    public enum Fate { DELIVERED, LOST, IN_FLIGHT }

    /**
     * One copy of a segment in the network.
     *
     * @param id the copy's number, 1, 2, … in order of entering the network
     * @param from the sender ({@link TcpModel#A} or {@link TcpModel#B})
     * @param segment the protocol fields
     * @param stamp the ghost fields (connection number, data index)
     * @param entered the step at which it entered the network (sent, retransmitted or duplicated)
     * @param origin how it entered
     * @param original for a duplicate, the copy it duplicates (else 0)
     * @param sent the step at which the segment was first put into the network (a duplicate's original's)
     * @param left the step at which it was delivered or lost, or -1 while in flight at the end
     * @param fate delivered, lost or in flight
     * @param age its age in ticks when it left the network (or at the end)
     * @param old whether it was delivered to a receiver that started or ended a connection since it was sent
     */
    public record Copy(int id, int from, Segment segment, Stamp stamp, int entered, Origin origin, int original,
                       int sent, int left, Fate fate, int age, boolean old) {

        public int to() {
            return 1 - from;
        }

        /** The packed segment as it left the network (with its age), as a network action names it. */
        public int packet() {
            return Network.pack(segment, stamp) | age << 27;
        }

        /** A short name: "s3". */
        public String name() {
            return "s" + id;
        }

        /** Who sent it and what it is: "A's SYN" style, from the control bits. */
        public String kind() {
            return kind(segment);
        }

        /** SYN, SYN-ACK, ACK, data, FIN, RST, … from the control bits of a segment. */
        public static String kind(Segment s) {
            if (s.rst()) {
                return s.ack() ? "RST-ACK" : "RST";
            }
            if (s.syn()) {
                return s.ack() ? "SYN-ACK" : "SYN";
            }
            if (s.fin()) {
                return s.data() ? "data+FIN" : "FIN";
            }
            return s.data() ? "data" : "ACK";
        }
    }

    private final Trace<TcpState, Action> trace;
    private final List<Copy> copies;
    private final int[] tickAt;
    private final int[][] life;
    private final int[] deliveredCopy;
    private final int[] duplicatedCopy;

    private Timeline(Trace<TcpState, Action> trace, List<Copy> copies, int[] tickAt, int[][] life,
                     int[] deliveredCopy, int[] duplicatedCopy) {
        this.trace = trace;
        this.copies = copies;
        this.tickAt = tickAt;
        this.life = life;
        this.deliveredCopy = deliveredCopy;
        this.duplicatedCopy = duplicatedCopy;
    }

    /** A copy being followed through the trace. */
    private static final class Live {
        final int id;
        final int from;
        final int base;
        final int entered;
        final Origin origin;
        final int original;
        final int sent;
        int age;
        int left = -1;
        Fate fate = Fate.IN_FLIGHT;
        boolean old;

        Live(int id, int from, int base, int age, int entered, Origin origin, int original, int sent) {
            this.id = id;
            this.from = from;
            this.base = base;
            this.age = age;
            this.entered = entered;
            this.origin = origin;
            this.original = original;
            this.sent = sent;
        }

        int packet() {
            return base | age << 27;
        }
    }

    /** Reads the trace. */
    public static Timeline of(Trace<TcpState, Action> trace) {
        List<Trace.Step<TcpState, Action>> steps = trace.steps();
        int n = steps.size();
        int[] tickAt = new int[n];
        int[][] life = new int[2][n];
        int[] delivered = new int[n];
        int[] duplicated = new int[n];
        List<Live> all = new ArrayList<>();
        List<Live> inFlight = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            TcpState s = steps.get(i - 1).state();
            TcpState t = steps.get(i).state();
            Action a = steps.get(i).action();
            tickAt[i] = tickAt[i - 1] + (a.kind() == Action.Kind.TICK ? 1 : 0);
            for (int e = 0; e < 2; e++) {
                life[e][i] = life[e][i - 1] + (s.state(e).idle() != t.state(e).idle() ? 1 : 0);
            }
            if (a.kind() == Action.Kind.TICK) {
                for (Live c : inFlight) {
                    c.age++;
                }
                continue;
            }
            if (a.isNetwork()) {
                Live c = first(inFlight, 1 - a.endpoint(), a.packet());
                if (c == null) {
                    throw new IllegalArgumentException("step " + i + " acts on a segment that is not in flight: " + a);
                }
                if (a.kind() == Action.Kind.DUPLICATE) {
                    Live d = new Live(all.size() + 1, c.from, c.base, c.age, i, Origin.DUPLICATED, c.id, c.sent);
                    all.add(d);
                    inFlight.add(d);
                    duplicated[i] = d.id;
                } else {
                    c.left = i;
                    c.fate = a.kind() == Action.Kind.DELIVER ? Fate.DELIVERED : Fate.LOST;
                    inFlight.remove(c);
                    if (c.fate == Fate.DELIVERED) {
                        delivered[i] = c.id;
                        int to = 1 - c.from;
                        c.old = life[to][i - 1] != life[to][c.sent];
                    }
                }
            }
            for (int dest = 0; dest < 2; dest++) {
                List<Integer> before = new ArrayList<>();
                for (Live c : inFlight) {
                    if (1 - c.from == dest) {
                        before.add(c.packet());
                    }
                }
                for (int p : t.network().toward(dest)) {
                    if (!before.remove(Integer.valueOf(p))) {
                        int from = 1 - dest;
                        Origin o = a.kind() == Action.Kind.RETRANSMISSION_TIMEOUT && a.endpoint() == from
                                ? Origin.RETRANSMITTED : Origin.SENT;
                        Live c = new Live(all.size() + 1, from, p & ~(0xF << 27), Network.age(p), i, o, 0, i);
                        all.add(c);
                        inFlight.add(c);
                    }
                }
                if (!before.isEmpty()) {
                    throw new IllegalArgumentException("step " + i + " removes a segment without a network action");
                }
            }
        }
        List<Copy> out = new ArrayList<>();
        for (Live c : all) {
            out.add(new Copy(c.id, c.from, Network.segment(c.base), Network.stamp(c.base), c.entered, c.origin,
                    c.original, c.sent, c.left, c.fate, c.age, c.old));
        }
        return new Timeline(trace, Collections.unmodifiableList(out), tickAt, life, delivered, duplicated);
    }

    /** The copy that entered first among those in flight toward {@code dest}'s peer… with this packet. */
    private static Live first(List<Live> inFlight, int from, int packet) {
        Live best = null;
        for (Live c : inFlight) {
            if (c.from == from && c.packet() == packet && (best == null || c.id < best.id)) {
                best = c;
            }
        }
        return best;
    }

    public Trace<TcpState, Action> trace() {
        return trace;
    }

    /** Every copy, in order of entering the network. */
    public List<Copy> copies() {
        return copies;
    }

    public Copy copy(int id) {
        return copies.get(id - 1);
    }

    /** The copy delivered or lost at this step, or null. */
    public Copy leaving(int step) {
        for (Copy c : copies) {
            if (c.left() == step) {
                return c;
            }
        }
        return null;
    }

    /** The copy delivered at this step, or null. */
    public Copy deliveredAt(int step) {
        return deliveredCopy[step] == 0 ? null : copy(deliveredCopy[step]);
    }

    /** The copy the network made by duplicating at this step, or null. */
    public Copy duplicatedAt(int step) {
        return duplicatedCopy[step] == 0 ? null : copy(duplicatedCopy[step]);
    }

    /** The copies that entered the network at this step by a send (not a duplication). */
    public List<Copy> sentAt(int step) {
        List<Copy> out = new ArrayList<>();
        for (Copy c : copies) {
            if (c.entered() == step && c.origin() != Origin.DUPLICATED) {
                out.add(c);
            }
        }
        return out;
    }

    /** Ticks taken up to and including this step. */
    public int ticks(int step) {
        return tickAt[step];
    }

    /** How many times endpoint e has started or ended a connection up to this step's state. */
    public int life(int e, int step) {
        return life[e][step];
    }

    /** The number of actions. */
    public int length() {
        return trace.length();
    }

    /** The state after a step (step 0: the initial state). */
    public TcpState state(int step) {
        return trace.steps().get(step).state();
    }

    /** The action of a step (1 … length). */
    public Action action(int step) {
        return trace.steps().get(step).action();
    }

    /** "A" or "B". */
    public static String name(int endpoint) {
        return endpoint == TcpModel.A ? "A" : "B";
    }
}
