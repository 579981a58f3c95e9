package tcpcheck.checker.models;

import java.util.ArrayList;
import java.util.List;
import tcpcheck.checker.Fingerprint;
import tcpcheck.checker.Model;
import tcpcheck.checker.Property;

/**
 * The TCP connection state machine of RFC 9293 (section 3.3.2, its figure 5 and notes 1 to 3) as Markus Kuppe models
 * it in tlaplus/Examples ({@code specifications/tcp/tcp.tla} with the model {@code MCtcp}), ported to the engine's
 * API as a user of the library would port it. It abstracts sequence numbers away: two peers, A and B; each has a
 * connection state and whether it holds a TCB; the network holds, per peer, the segments toward it in order
 * (SYN, SYN-ACK, ACK, RST, FIN and the ACK of a FIN). The users' commands (OPEN, SEND, CLOSE), the arrival of a
 * segment at the head of a peer's queue, the TIME-WAIT timeout, and RFC 9293's notes 2 (FIN and ACK of FIN at once in
 * FIN-WAIT-1) and 3 (any peer with a TCB may send a RST and go to TIME-WAIT; a RST makes its receiver LISTEN or
 * CLOSED) are its actions.
 *
 * <p>The model of MCtcp starts with A in SYN-SENT and its SYN on the way to B in LISTEN, or the other way round; its
 * state constraint forbids two equal segments in a row in a queue (no retransmissions, {@link #constraint}), and its
 * action constraint forbids a second open ({@link #actionConstraint}). The system's actions are weakly fair, and so,
 * unless {@code closeFair} is false, is CLOSE in SYN-SENT; the property is that a peer in SYN-SENT ends in
 * ESTABLISHED, LISTEN or CLOSED ({@link #synSentLeadsToOpenOrClosed}, leads-to). TLC finds 1,182 distinct states
 * (598 with the two peers symmetric), and so does the engine. The TLA+ specification for TLC is
 * {@code src/test/resources/tla/MCtcp.tla}.
 */
public final class MCtcp implements Model<MCtcp.State, MCtcp.Action> {

    public enum Conn {
        LISTEN, CLOSED, SYN_SENT, SYN_RECEIVED, ESTABLISHED, FIN_WAIT_1, FIN_WAIT_2, CLOSING, CLOSE_WAIT, LAST_ACK,
        TIME_WAIT
    }

    public enum Segment {
        SYN, SYN_ACK, ACK, RST, FIN, ACK_OF_FIN
    }

    /**
     * A state: per peer (0 is A, 1 is B) whether it holds a TCB, its connection state, and the segments on their way
     * to it, oldest first.
     */
    public record State(List<Boolean> tcb, List<Conn> conn, List<List<Segment>> network) {
        public Conn conn(int peer) {
            return conn.get(peer);
        }

        List<Segment> toward(int peer) {
            return network.get(peer);
        }

        Segment head(int peer) {
            return network.get(peer).isEmpty() ? null : network.get(peer).get(0);
        }

        /** The state with A and B swapped. */
        State swapped() {
            return new State(List.of(tcb.get(1), tcb.get(0)), List.of(conn.get(1), conn.get(0)),
                    List.of(network.get(1), network.get(0)));
        }
    }

    /** The actions of tcp.tla, by the disjunct they stand for. */
    public enum Kind {
        // System: a segment arrives, or TIME-WAIT times out (weakly fair).
        SYN_SENT_RCV_SYN, SYN_SENT_RCV_SYN_ACK, SYN_RECEIVED_RCV_RST, SYN_RECEIVED_RCV_ACK, LISTEN_RCV_SYN,
        ESTABLISHED_RCV_FIN, FIN_WAIT_1_RCV_FIN, FIN_WAIT_1_RCV_ACK_OF_FIN, FIN_WAIT_2_RCV_FIN, CLOSING_RCV_ACK_OF_FIN,
        LAST_ACK_RCV_ACK_OF_FIN, TIME_WAIT_TIMEOUT, NOTE_2,
        // Reset (note 3).
        SEND_RST, RCV_RST_TO_LISTEN, RCV_RST_TO_CLOSED,
        // User commands.
        ACTIVE_OPEN, PASSIVE_OPEN, CLOSE_SYN_SENT, CLOSE_SYN_RECEIVED, SEND, CLOSE_LISTEN, CLOSE_ESTABLISHED,
        CLOSE_CLOSE_WAIT;

        boolean system() {
            return ordinal() <= NOTE_2.ordinal();
        }
    }

    /** An action taken by peer {@code local} (0 is A, 1 is B). */
    public record Action(Kind kind, int local) {
        @Override
        public String toString() {
            return kind + "(" + (local == 0 ? "A" : "B") + ")";
        }
    }

    private final boolean symmetric;
    private final boolean closeFair;
    private final List<Action> all = new ArrayList<>();

    /**
     * @param symmetric whether A and B are interchangeable (TLC's {@code SYMMETRY Permutations({A, B})}): a state and
     *        its mirror image have the same fingerprint, the smallest of the two
     * @param closeFair whether CLOSE in SYN-SENT is weakly fair, as in tlaplus/Examples
     */
    public MCtcp(boolean symmetric, boolean closeFair) {
        this.symmetric = symmetric;
        this.closeFair = closeFair;
        for (int local = 0; local < 2; local++) {
            for (Kind k : Kind.values()) {
                all.add(new Action(k, local));
            }
        }
    }

    @Override
    public List<State> initialStates() {
        List<State> out = new ArrayList<>();
        for (int node = 0; node < 2; node++) {
            List<Conn> conn = node == 0 ? List.of(Conn.SYN_SENT, Conn.LISTEN) : List.of(Conn.LISTEN, Conn.SYN_SENT);
            List<List<Segment>> net = node == 0 ? List.of(List.of(), List.of(Segment.SYN))
                    : List.of(List.of(Segment.SYN), List.of());
            out.add(new State(List.of(true, true), conn, net));
        }
        return out;
    }

    @Override
    public void actions(State s, List<Action> actions) {
        actions.addAll(all);
    }

    /** The state after peer {@code local} changes: connection state, TCB (null: unchanged), segments taken, sent. */
    private static State step(State s, int local, Conn conn, Boolean tcb, int take, Segment send) {
        int remote = 1 - local;
        List<Boolean> tcbs = new ArrayList<>(s.tcb());
        if (tcb != null) {
            tcbs.set(local, tcb);
        }
        List<Conn> conns = new ArrayList<>(s.conn());
        conns.set(local, conn);
        List<List<Segment>> net = new ArrayList<>(s.network());
        if (take > 0) {
            net.set(local, List.copyOf(s.toward(local).subList(take, s.toward(local).size())));
        }
        if (send != null) {
            List<Segment> to = new ArrayList<>(s.toward(remote));
            to.add(send);
            net.set(remote, List.copyOf(to));
        }
        return new State(List.copyOf(tcbs), List.copyOf(conns), List.copyOf(net));
    }

    @Override
    public State nextState(State s, Action a) {
        int l = a.local();
        Conn c = s.conn(l);
        Segment head = s.head(l);
        switch (a.kind()) {
            case SYN_SENT_RCV_SYN:
                return c == Conn.SYN_SENT && head == Segment.SYN
                        ? step(s, l, Conn.SYN_RECEIVED, null, 1, Segment.SYN_ACK) : null;
            case SYN_SENT_RCV_SYN_ACK:
                return c == Conn.SYN_SENT && head == Segment.SYN_ACK
                        ? step(s, l, Conn.ESTABLISHED, null, 1, Segment.ACK) : null;
            case SYN_RECEIVED_RCV_RST:
                return c == Conn.SYN_RECEIVED && head == Segment.RST ? step(s, l, Conn.LISTEN, null, 1, null) : null;
            case SYN_RECEIVED_RCV_ACK:
                return c == Conn.SYN_RECEIVED && head == Segment.ACK
                        ? step(s, l, Conn.ESTABLISHED, null, 1, null) : null;
            case LISTEN_RCV_SYN:
                return c == Conn.LISTEN && head == Segment.SYN
                        ? step(s, l, Conn.SYN_RECEIVED, null, 1, Segment.SYN_ACK) : null;
            case ESTABLISHED_RCV_FIN:
                return c == Conn.ESTABLISHED && head == Segment.FIN
                        ? step(s, l, Conn.CLOSE_WAIT, null, 1, Segment.ACK_OF_FIN) : null;
            case FIN_WAIT_1_RCV_FIN:
                return c == Conn.FIN_WAIT_1 && head == Segment.FIN
                        ? step(s, l, Conn.CLOSING, null, 1, Segment.ACK_OF_FIN) : null;
            case FIN_WAIT_1_RCV_ACK_OF_FIN:
                return c == Conn.FIN_WAIT_1 && head == Segment.ACK_OF_FIN
                        ? step(s, l, Conn.FIN_WAIT_2, null, 1, null) : null;
            case FIN_WAIT_2_RCV_FIN:
                return c == Conn.FIN_WAIT_2 && head == Segment.FIN
                        ? step(s, l, Conn.TIME_WAIT, null, 1, Segment.ACK_OF_FIN) : null;
            case CLOSING_RCV_ACK_OF_FIN:
                return c == Conn.CLOSING && head == Segment.ACK_OF_FIN ? step(s, l, Conn.TIME_WAIT, null, 1, null) : null;
            case LAST_ACK_RCV_ACK_OF_FIN:
                return c == Conn.LAST_ACK && head == Segment.ACK_OF_FIN ? step(s, l, Conn.CLOSED, null, 1, null) : null;
            case TIME_WAIT_TIMEOUT:
                return c == Conn.TIME_WAIT && s.tcb().get(l) ? step(s, l, Conn.CLOSED, false, 0, null) : null;
            case NOTE_2: {
                List<Segment> q = s.toward(l);
                return c == Conn.FIN_WAIT_1 && q.size() >= 2 && q.get(0) == Segment.FIN
                        && q.get(1) == Segment.ACK_OF_FIN ? step(s, l, Conn.TIME_WAIT, null, 2, Segment.ACK_OF_FIN)
                        : null;
            }
            case SEND_RST:
                return s.tcb().get(l) ? step(s, l, Conn.TIME_WAIT, null, 0, Segment.RST) : null;
            case RCV_RST_TO_LISTEN:
                return head == Segment.RST ? step(s, l, Conn.LISTEN, null, 1, null) : null;
            case RCV_RST_TO_CLOSED:
                return head == Segment.RST ? step(s, l, Conn.CLOSED, null, 1, null) : null;
            case ACTIVE_OPEN:
                return c == Conn.CLOSED ? step(s, l, Conn.SYN_SENT, true, 0, Segment.SYN) : null;
            case PASSIVE_OPEN:
                return c == Conn.CLOSED ? step(s, l, Conn.LISTEN, true, 0, null) : null;
            case CLOSE_SYN_SENT:
                return c == Conn.SYN_SENT ? step(s, l, Conn.CLOSED, false, 0, null) : null;
            case CLOSE_SYN_RECEIVED:
                return c == Conn.SYN_RECEIVED ? step(s, l, Conn.FIN_WAIT_1, null, 0, Segment.FIN) : null;
            case SEND:
                return c == Conn.LISTEN ? step(s, l, Conn.SYN_SENT, null, 0, Segment.SYN) : null;
            case CLOSE_LISTEN:
                return c == Conn.LISTEN ? step(s, l, Conn.CLOSED, false, 0, null) : null;
            case CLOSE_ESTABLISHED:
                return c == Conn.ESTABLISHED ? step(s, l, Conn.FIN_WAIT_1, null, 0, Segment.FIN) : null;
            default:
                return c == Conn.CLOSE_WAIT ? step(s, l, Conn.LAST_ACK, null, 0, Segment.FIN) : null;
        }
    }

    /** MCtcp's state constraint NoRetransmission: no queue holds the same segment twice in a row. */
    @Override
    public boolean constraint(State s) {
        for (List<Segment> q : s.network()) {
            for (int i = 0; i + 1 < q.size(); i++) {
                if (q.get(i) == q.get(i + 1)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * MCtcp's action constraint SingleActiveOpen, on the pair of states as TLC evaluates it: the step is none that an
     * active open, a passive open or a SEND in LISTEN (which opens actively too) by either peer would take.
     */
    @Override
    public boolean actionConstraint(State s, Action a, State next) {
        for (int local = 0; local < 2; local++) {
            for (Kind k : new Kind[] {Kind.ACTIVE_OPEN, Kind.PASSIVE_OPEN, Kind.SEND}) {
                if (next.equals(nextState(s, new Action(k, local)))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** WF_vars(System), and WF_vars(CLOSE in SYN-SENT) when {@code closeFair}. */
    @Override
    public long fairness(State s, Action a) {
        if (a.kind().system()) {
            return 0;
        }
        return closeFair && a.kind() == Kind.CLOSE_SYN_SENT ? 1 : NO_FAIRNESS;
    }

    @Override
    public long fingerprint(State s) {
        long fp = encode(s);
        return symmetric ? Math.min(fp, encode(s.swapped())) : fp;
    }

    private static long encode(State s) {
        Fingerprint f = new Fingerprint();
        for (int p = 0; p < 2; p++) {
            f.add(s.tcb().get(p)).add(s.conn(p).ordinal()).add(s.toward(p).size());
            for (Segment seg : s.toward(p)) {
                f.add(seg.ordinal());
            }
        }
        return f.value();
    }

    /**
     * tcp.tla's Inv: a peer whose queue is empty is ESTABLISHED exactly when the other peer with an empty queue is
     * (trivially so when only one queue is empty).
     */
    public static boolean inv(State s) {
        boolean emptyA = s.toward(0).isEmpty();
        boolean emptyB = s.toward(1).isEmpty();
        return !(emptyA && emptyB) || (s.conn(0) == Conn.ESTABLISHED) == (s.conn(1) == Conn.ESTABLISHED);
    }

    /** tcp.tla's Prop for one peer: SYN-SENT leads to ESTABLISHED, LISTEN or CLOSED. */
    public static Property<State, Action> synSentLeadsToOpenOrClosed(int peer) {
        return Property.leadsTo((peer == 0 ? "A" : "B") + ": SYN-SENT ~> ESTABLISHED, LISTEN or CLOSED",
                s -> s.conn(peer) == Conn.SYN_SENT,
                s -> s.conn(peer) == Conn.ESTABLISHED || s.conn(peer) == Conn.LISTEN || s.conn(peer) == Conn.CLOSED);
    }
}
