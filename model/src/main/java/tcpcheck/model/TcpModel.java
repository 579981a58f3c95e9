package tcpcheck.model;

import java.util.List;
import tcpcheck.checker.Model;
import tcpcheck.checker.StatePacking;

/**
 * TCP connection management for one port pair (docs/specification.md, "The system"): A, the client, and B, the server, over a network
 * that loses, duplicates, reorders and delays segments (section 3), with discrete time (section 2). How each endpoint
 * opens, the state it rests in and when its application attaches are its {@link Role} (by default A opens actively and
 * B listens).
 *
 * <p>Every step is an {@link Action}: an application's call (OPEN, WRITE, CLOSE, LISTEN), the arrival of a segment
 * in flight (processed by {@link SegmentArrives}), the network losing or duplicating a segment, a timer firing, a
 * crash, or a tick. After every event the endpoint sends what its window allows ({@link Output}).
 */
public final class TcpModel implements Model<TcpState, Action> {
    public static final int A = 0;
    public static final int B = 1;

    private final Variant variant;
    private final Parameters params;
    private final SequenceSpace seq;
    private final int timeWait;
    private final SegmentArrives arrives;
    private final Output output;
    private final Role[] roles;

    /** @throws IllegalArgumentException if the parameters set a T that the variant does not take */
    public TcpModel(Variant variant, Parameters params) {
        this.variant = variant;
        this.params = params;
        this.roles = Role.of(params);
        this.seq = new SequenceSpace(params.seqSpace());
        this.timeWait = variant.timeWait(params);
        this.arrives = new SegmentArrives(variant, seq, params.rto(), timeWait);
        this.output = new Output(seq, params.rto());
    }

    public Variant variant() {
        return variant;
    }

    public Parameters parameters() {
        return params;
    }

    /** T in force for this variant. */
    public int timeWait() {
        return timeWait;
    }

    /** The role of endpoint {@link #A} or {@link #B}. */
    public Role role(int endpoint) {
        return roles[endpoint];
    }

    /** Both endpoints at rest, nothing in flight. */
    @Override
    public List<TcpState> initialStates() {
        Host a = new Host(roles[A].restingTcb(), Application.idle(), -1, 0, false);
        Host b = new Host(roles[B].restingTcb(), Application.idle(), -1, 0, false);
        return List.of(new TcpState(a, b, Network.empty(), 0, 0, 0, false, false));
    }

    @Override
    public StatePacking<TcpState> packing() {
        return TcpState.packing(params.capacity());
    }

    @Override
    public boolean withinBoundary(TcpState s) {
        return !s.atBoundary();
    }

    @Override
    public long fingerprint(TcpState s) {
        return s.fingerprint();
    }

    @Override
    public void actions(TcpState s, List<Action> out) {
        for (int e = A; e <= B; e++) {
            if (roles[e].opensActively() && s.state(e).idle()) {
                Host h = s.host(e);
                if (h.app().opens() < params.connections()) {
                    for (int v : isnChoices(h)) {
                        out.add(new Action(Action.Kind.OPEN, e, 0, v));
                    }
                }
            }
        }
        out.add(WRITE_A);
        out.add(CLOSE_A);
        out.add(WRITE_B);
        out.add(CLOSE_B);
        if (roles[A].listens()) {
            out.add(LISTEN_A);
        }
        if (roles[B].listens()) {
            out.add(LISTEN_B);
        }
        for (int dest = A; dest <= B; dest++) {
            int[] inFlight = s.network().toward(dest);
            boolean listening = s.state(dest) == ConnectionState.LISTEN;
            for (int i = 0; i < inFlight.length; i++) {
                int p = inFlight[i];
                if (i > 0 && inFlight[i - 1] == p) {
                    continue;
                }
                if (listening && needsIsn(ConnectionState.LISTEN, Network.segment(p))) {
                    for (int v : isnChoices(s.host(dest))) {
                        out.add(new Action(Action.Kind.DELIVER, dest, p, v));
                    }
                } else {
                    out.add(new Action(Action.Kind.DELIVER, dest, p, -1));
                }
                out.add(new Action(Action.Kind.LOSE, dest, p, -1));
                out.add(new Action(Action.Kind.DUPLICATE, dest, p, -1));
            }
        }
        out.add(RETRANSMISSION_TIMEOUT_A);
        out.add(TIME_WAIT_TIMEOUT_A);
        out.add(CRASH_A);
        out.add(RETRANSMISSION_TIMEOUT_B);
        out.add(TIME_WAIT_TIMEOUT_B);
        out.add(CRASH_B);
        out.add(TICK);
    }

    private static final Action WRITE_A = new Action(Action.Kind.WRITE, A, 0, -1);
    private static final Action CLOSE_A = new Action(Action.Kind.CLOSE, A, 0, -1);
    private static final Action WRITE_B = new Action(Action.Kind.WRITE, B, 0, -1);
    private static final Action CLOSE_B = new Action(Action.Kind.CLOSE, B, 0, -1);
    private static final Action LISTEN_A = new Action(Action.Kind.LISTEN, A, 0, -1);
    private static final Action LISTEN_B = new Action(Action.Kind.LISTEN, B, 0, -1);
    private static final Action RETRANSMISSION_TIMEOUT_A = new Action(Action.Kind.RETRANSMISSION_TIMEOUT, A, 0, -1);
    private static final Action TIME_WAIT_TIMEOUT_A = new Action(Action.Kind.TIME_WAIT_TIMEOUT, A, 0, -1);
    private static final Action CRASH_A = new Action(Action.Kind.CRASH, A, 0, -1);
    private static final Action RETRANSMISSION_TIMEOUT_B = new Action(Action.Kind.RETRANSMISSION_TIMEOUT, B, 0, -1);
    private static final Action TIME_WAIT_TIMEOUT_B = new Action(Action.Kind.TIME_WAIT_TIMEOUT, B, 0, -1);
    private static final Action CRASH_B = new Action(Action.Kind.CRASH, B, 0, -1);
    private static final Action TICK = new Action(Action.Kind.TICK, A, 0, -1);

    /**
     * The clock values an endpoint may choose its next ISS from: any of the I values but the one of its previous
     * attempt (docs/specification.md, The system). Symmetry: an endpoint's first ISS is 0 without loss of generality. Rotating an
     * endpoint's whole sequence space by a multiple of S / I maps behaviours onto behaviours one to one (the
     * protocol compares sequence numbers only by their differences, and "not the previous value" rotates along), so
     * the first choice does not change any verdict or counterexample length; it would only multiply the states.
     */
    private int[] isnChoices(Host h) {
        if (h.lastIsnChoice() < 0) {
            return FIRST_CHOICE;
        }
        int[] out = new int[params.isnChoices() - 1];
        int n = 0;
        for (int v = 0; v < params.isnChoices(); v++) {
            if (v != h.lastIsnChoice()) {
                out[n++] = v;
            }
        }
        return out;
    }

    private static final int[] FIRST_CHOICE = {0};

    private boolean allowed(Host h, int v) {
        for (int c : isnChoices(h)) {
            if (c == v) {
                return true;
            }
        }
        return false;
    }

    /** A SYN (no ACK, no RST) reaching LISTEN makes the endpoint choose an ISS. */
    private static boolean needsIsn(ConnectionState state, Segment seg) {
        return state == ConnectionState.LISTEN && seg.syn() && !seg.ack() && !seg.rst();
    }

    @Override
    public TcpState nextState(TcpState s, Action a) {
        if (s.atBoundary()) {
            return null;
        }
        switch (a.kind()) {
            case OPEN:
                return open(s, a.endpoint(), a.isnChoice());
            case WRITE:
                return write(s, a.endpoint());
            case CLOSE:
                return close(s, a.endpoint());
            case LISTEN:
                return listen(s, a.endpoint());
            case DELIVER:
                return deliver(s, a.endpoint(), a.packet(), a.isnChoice());
            case LOSE:
                return s.lossesUsed() < params.losses()
                        ? s.withNetwork(s.network().remove(a.endpoint(), a.packet()))
                                .withBudgets(s.lossesUsed() + 1, s.duplicatesUsed(), s.crashesUsed(), s.aborted())
                        : null;
            case DUPLICATE:
                return s.duplicatesUsed() < params.duplicates() && s.network().size(a.endpoint()) < params.capacity()
                        ? s.withNetwork(s.network().add(a.endpoint(), a.packet()))
                                .withBudgets(s.lossesUsed(), s.duplicatesUsed() + 1, s.crashesUsed(), s.aborted())
                        : null;
            case RETRANSMISSION_TIMEOUT:
                return retransmissionTimeout(s, a.endpoint());
            case TIME_WAIT_TIMEOUT:
                return timeWaitTimeout(s, a.endpoint());
            case CRASH:
                return crash(s, a.endpoint());
            default:
                return tick(s);
        }
    }

    /** The arrival of a segment at an endpoint, as {@link SegmentArrives} processes it (for reports and witnesses). */
    public Arrival explain(TcpState s, Action a) {
        if (a.kind() != Action.Kind.DELIVER) {
            throw new IllegalArgumentException("not an arrival: " + a);
        }
        Host h = s.host(a.endpoint());
        int iss = a.isnChoice() >= 0 ? seq.isn(a.isnChoice(), params.isnChoices()) : 0;
        return arrives.process(h.tcb(), a.segment(), openedPassively(h), iss);
    }

    /**
     * Whether the endpoint's connection came from LISTEN (a passive OPEN) rather than from its application's active
     * OPEN (RFC 9293 MUST-11): an application that opens actively is attached from its OPEN on, and one whose
     * connection came from LISTEN only once the connection reaches ESTABLISHED, so a connection not yet established
     * came from LISTEN exactly when no application is attached.
     */
    private static boolean openedPassively(Host h) {
        return !h.app().attached();
    }

    private TcpState deliver(TcpState s, int dest, int packet, int isnChoice) {
        Host h = s.host(dest);
        Segment seg = Network.segment(packet);
        boolean choosing = needsIsn(h.state(), seg);
        if (choosing != (isnChoice >= 0) || (choosing && !allowed(h, isnChoice))) {
            return null;
        }
        TcpState t = s.withNetwork(s.network().remove(dest, packet));
        int iss = choosing ? seq.isn(isnChoice, params.isnChoices()) : 0;
        Arrival arr = arrives.process(h.tcb(), seg, openedPassively(h), iss);
        Host nh = h.with(arr.tcb());
        int stamped = Network.stamp(packet).connection();
        if (choosing) {
            // The ghost: an endpoint in LISTEN adopts the connection number of the SYN that brings it out.
            nh = nh.withIsnChoice(isnChoice).withConnection(stamped, false);
        } else if (h.state() == ConnectionState.SYN_SENT && seg.syn() && arr.tcb().state().synchronizedState()
                && stamped != h.connection() && roles[1 - dest].opensActively()
                && sameAttempt(s.host(1 - dest), stamped, seg.ack(), h.connection())) {
            // The ghost: a simultaneous open makes one connection of two opens; both ends take the later number and
            // remember the earlier, whose segments (the SYN sent before) belong to it too.
            nh = nh.merging(Math.max(stamped, h.connection()), Math.min(stamped, h.connection()));
        }
        return settle(t, dest, h, nh, arr);
    }

    /**
     * The ghost of a simultaneous open: whether a SYN stamped {@code stamped} that an endpoint in SYN-SENT (its attempt
     * numbered {@code mine}) accepts comes from the peer's current attempt, and so makes one connection with its own:
     * a bare SYN, when the peer's current connection is the stamped one; a SYN-ACK, when the peer's connection is
     * also made of this endpoint's attempt. (The caller asks it only when the peer opens actively too: a listening
     * peer's SYN answers a SYN, as the four-way handshake's does, and never opens a connection of its own.) An old
     * SYN or SYN-ACK of an earlier connection is neither, so no-stale-accept still sees it.
     */
    private static boolean sameAttempt(Host peer, int stamped, boolean acknowledges, int mine) {
        return peer.current(stamped) && (!acknowledges || peer.current(mine));
    }

    /**
     * Finishes an endpoint's event: the application sees delivered data and end of stream; a connection that came from
     * LISTEN attaches the application when it reaches ESTABLISHED (or passes through it); a connection that ended
     * detaches its application and the endpoint rests again (CLOSED, or LISTEN); then the replies, the output the
     * window allows, and a due acknowledgement are sent.
     */
    private TcpState settle(TcpState s, int e, Host before, Host after, Arrival arr) {
        Tcb t = after.tcb();
        Application app = after.app();
        ConnectionState was = before.state();
        ConnectionState now = t.state();
        boolean seen = after.seen();
        // Through ESTABLISHED, even when the same segment goes on to CLOSE-WAIT (an ACK with a FIN in SYN-RECEIVED).
        if (!app.attached() && now.pastHandshake() && !was.pastHandshake()) {
            app = app.attach(app.opens());
            seen = true;
        }
        if (arr.delivered()) {
            app = app.received();
        }
        if (arr.endOfStream()) {
            app = app.readEndOfStream();
        }
        Tcb acking = t;
        boolean ended = now.idle() && !was.idle();
        if (ended) {
            app = app.detach();
            seen = false;
            t = roles[e].restingTcb();
        }
        Host h = new Host(t, app, after.lastIsnChoice(), after.connection(), seen, after.merged());
        TcpState out = s;
        List<Segment> replies = arr.replies();
        for (int i = 0; i < replies.size(); i++) {
            out = send(out, e, replies.get(i), new Stamp(h.connection(), -1));
        }
        Output.Sent sent = output.send(t);
        h = h.with(sent.tcb());
        if (sent.segment() != null) {
            out = send(out, e, sent.segment(), new Stamp(h.connection(), sent.dataIndex()));
        } else if (arr.ackNow()) {
            out = send(out, e, Segment.ack(acking.sndNxt(), acking.rcvNxt()), new Stamp(h.connection(), -1));
        }
        return out.withHost(e, h);
    }

    /** Puts a segment sent by endpoint {@code from} into the network; a full direction is the boundary. */
    private TcpState send(TcpState s, int from, Segment seg, Stamp stamp) {
        int dest = 1 - from;
        if (s.network().size(dest) >= params.capacity()) {
            return s.reachBoundary();
        }
        return s.withNetwork(s.network().add(dest, Network.pack(seg, stamp)));
    }

    /**
     * OPEN (RFC 9293 3.10.1), active, from CLOSED or LISTEN: choose the ISS, send the SYN, enter SYN-SENT. The ghost:
     * the connection's number is the next of one count over both endpoints' opens (A's own count when B never
     * opens actively).
     */
    private TcpState open(TcpState s, int e, int v) {
        Host h = s.host(e);
        if (!roles[e].opensActively() || !h.state().idle() || h.app().opens() >= params.connections()
                || !allowed(h, v)) {
            return null;
        }
        int iss = seq.isn(v, params.isnChoices());
        int n = s.a().app().opens() + s.b().app().opens() + 1;
        Tcb t = Tcb.closed().withState(ConnectionState.SYN_SENT).withSendVariables(iss, iss, seq.add(iss, 1))
                .withRetransmission(params.rto(), 0);
        Host nh = new Host(t, h.app().attach(h.app().opens() + 1), v, n, true);
        return send(s, e, Segment.syn(iss), new Stamp(n, -1)).withHost(e, nh);
    }

    /** A passive OPEN again after a crash, by an endpoint that rests in LISTEN. */
    private TcpState listen(TcpState s, int e) {
        return roles[e].listens() && s.state(e) == ConnectionState.CLOSED ? s.withHost(e, s.host(e).with(Tcb.listen()))
                : null;
    }

    /** SEND (RFC 9293 3.10.2): one data unit into the send queue. The server writes its response after the request. */
    private TcpState write(TcpState s, int e) {
        if (!openForWriting(s.state(e))) {
            return null;
        }
        Host h = s.host(e);
        Application app = h.app();
        if (!app.attached() || app.closed() || app.written() >= params.data() || !openForWriting(h.state())
                || (roles[e].server() && app.delivered() < params.data())) {
            return null;
        }
        Tcb t = h.tcb().withQueue(h.tcb().queued() + 1, h.tcb().dataSent(), h.tcb().finQueued(), h.tcb().finSent());
        return settle(s, e, h, new Host(t, app.wrote(), h.lastIsnChoice(), h.connection(), h.seen(), h.merged()),
                Arrival.drop(t));
    }

    /**
     * CLOSE (RFC 9293 3.10.4): queue the FIN behind the data; ESTABLISHED goes to FIN-WAIT-1, CLOSE-WAIT to
     * LAST-ACK. The client closes after writing its request; the server after its response and reading the client's
     * end of stream, or right after its response when the server closes first.
     */
    private TcpState close(TcpState s, int e) {
        if (!openForWriting(s.state(e))) {
            return null;
        }
        Host h = s.host(e);
        Application app = h.app();
        if (!app.attached() || app.closed() || app.written() < params.data() || !openForWriting(h.state())) {
            return null;
        }
        if (roles[e].server() && !app.endOfStream() && !params.serverClosesFirst()) {
            return null;
        }
        if (roles[e].server() && app.delivered() < params.data()) {
            return null;
        }
        Tcb t = h.tcb();
        t = t.withQueue(t.queued(), t.dataSent(), true, false).withState(
                t.state() == ConnectionState.ESTABLISHED ? ConnectionState.FIN_WAIT_1 : ConnectionState.LAST_ACK);
        return settle(s, e, h, new Host(t, app.close(), h.lastIsnChoice(), h.connection(), h.seen(), h.merged()),
                Arrival.drop(t));
    }

    private static boolean openForWriting(ConnectionState st) {
        return st == ConnectionState.ESTABLISHED || st == ConnectionState.CLOSE_WAIT;
    }

    /**
     * The retransmission timeout (RFC 9293 3.10.8): retransmit the outstanding segment and restart the timer, or,
     * after R retransmissions, give up: the endpoint rests again (CLOSED, or LISTEN), no RST (docs/specification.md, "Time"). Giving
     * up is an abort.
     */
    private TcpState retransmissionTimeout(TcpState s, int e) {
        if (s.retransmitTimer(e) != 0) {
            return null;
        }
        Host h = s.host(e);
        Tcb t = h.tcb();
        if (t.retries() < params.retries()) {
            Output.Sent again = Output.outstanding(t, variant);
            Host nh = h.with(t.withRetransmission(params.rto(), t.retries() + 1));
            return send(s, e, again.segment(), new Stamp(h.connection(), again.dataIndex())).withHost(e, nh);
        }
        Host nh = new Host(roles[e].restingTcb(), h.app().detach(), h.lastIsnChoice(), h.connection(), false,
                h.merged());
        return s.withHost(e, nh).withBudgets(s.lossesUsed(), s.duplicatesUsed(), s.crashesUsed(), true);
    }

    /** The TIME-WAIT timeout (RFC 9293 3.10.8): delete the TCB, enter CLOSED (and rest: LISTEN for a listener). */
    private TcpState timeWaitTimeout(TcpState s, int e) {
        if (s.timeWaitTimer(e) != 0) {
            return null;
        }
        Host h = s.host(e);
        Host nh = new Host(roles[e].restingTcb(), h.app().detach(), h.lastIsnChoice(), h.connection(), false,
                h.merged());
        return s.withHost(e, nh);
    }

    /** A crash: all the endpoint's state is lost, straight to CLOSED (its ISN clock keeps running). An abort. */
    private TcpState crash(TcpState s, int e) {
        if (s.crashesUsed() >= params.crashes() || s.state(e) == ConnectionState.CLOSED) {
            return null;
        }
        Host h = s.host(e);
        Host nh = new Host(Tcb.closed(), h.app().detach(), h.lastIsnChoice(), h.connection(), false, h.merged());
        return s.withHost(e, nh).withBudgets(s.lossesUsed(), s.duplicatesUsed(), s.crashesUsed() + 1, true);
    }

    /**
     * A tick (docs/specification.md, Time): running timers count down, segments in flight age by one. Time is urgent: no tick
     * while a timer has run out and not fired, or while a segment is MSL - 1 ticks old; and a tick that would change
     * nothing is not taken.
     */
    private TcpState tick(TcpState s) {
        int ra = s.retransmitTimer(A);
        int rb = s.retransmitTimer(B);
        int wa = s.timeWaitTimer(A);
        int wb = s.timeWaitTimer(B);
        if (ra == 0 || rb == 0 || wa == 0 || wb == 0 || s.network().oldest() >= params.msl() - 1) {
            return null;
        }
        boolean running = ra > 0 || rb > 0 || wa > 0 || wb > 0;
        if (!running && s.network().isEmpty()) {
            return null;
        }
        return s.ticked();
    }

    /**
     * Weak fairness (docs/specification.md, Properties): a segment that stays in flight is eventually delivered or lost (one class per
     * segment in flight, delivery and loss alike); time keeps advancing while a tick is enabled; an application
     * eventually takes its next step; a timer that has run out eventually fires. Duplication and crashes are not fair.
     */
    @Override
    public long fairness(TcpState s, Action a) {
        // A class is a number: its kind in bits 40 and up, then the endpoint and, for a segment, the packed segment.
        switch (a.kind()) {
            case DELIVER:
            case LOSE:
                return 1L << 40 | (long) a.endpoint() << 32 | Integer.toUnsignedLong(a.packet());
            case TICK:
                return 2L << 40;
            case OPEN:
            case WRITE:
            case CLOSE:
            case LISTEN:
                return 3L << 40 | a.endpoint();
            case RETRANSMISSION_TIMEOUT:
            case TIME_WAIT_TIMEOUT:
                return 4L << 40 | (long) a.endpoint() << 8 | a.kind().ordinal();
            default:
                return NO_FAIRNESS;
        }
    }

    @Override
    public String describe(Action a) {
        return a.toString();
    }
}
