package tcpcheck.properties;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import tcpcheck.checker.Property;
import tcpcheck.model.Action;
import tcpcheck.model.ConnectionState;
import tcpcheck.model.Host;
import tcpcheck.model.Opening;
import tcpcheck.model.Parameter;
import tcpcheck.model.Parameters;
import tcpcheck.model.TcpModel;
import tcpcheck.model.TcpState;

/**
 * The reachability witnesses: the rare corners a model must reach to prove anything about them, several of them the
 * exchanges of RFC 9293's figures. Each {@link Witness} says what it sets in the parameters to be reachable.
 */
public final class Witnesses {
    public static final String CLOSING = "simultaneous-close";
    public static final String TIME_WAIT_RESTARTED = "time-wait-restarted";
    public static final String CHALLENGE_ACK = "challenge-ack";
    public static final String OLD_DUPLICATE_SYN = "old-duplicate-syn";
    public static final String GIVE_UP = "give-up";
    public static final String SIMULTANEOUS_OPEN = "simultaneous-open";
    public static final String TWO_PASSIVE_SOCKETS = "two-passive-sockets";
    public static final String RECOVERY_FROM_OLD_SYN = "recovery-from-old-syn";
    public static final String HALF_OPEN_DISCOVERY = "half-open-discovery";

    private static final List<Witness> ALL = List.of(
            new Witness(CLOSING, "simultaneous close: an endpoint enters CLOSING (RFC 9293 Figure 13)",
                    "--server-closes-first", p -> p.with(Parameter.SERVER_CLOSES_FIRST, true),
                    m -> (s, a, t) -> entered(s, t, TcpModel.A, ConnectionState.CLOSING)
                            || entered(s, t, TcpModel.B, ConnectionState.CLOSING)),
            new Witness(TIME_WAIT_RESTARTED, "a retransmitted FIN restarts TIME-WAIT", "", p -> p,
                    m -> (s, a, t) -> a.kind() == Action.Kind.DELIVER && m.explain(s, a).timeWaitRestarted()),
            new Witness(CHALLENGE_ACK, "a challenge ACK (RFC 5961)", "", p -> p,
                    m -> (s, a, t) -> a.kind() == Action.Kind.DELIVER && m.explain(s, a).challengeAck()),
            new Witness(OLD_DUPLICATE_SYN, "an old duplicate SYN brings B to SYN-RECEIVED for a connection that is"
                    + " over; its SYN-ACK draws an RST and B is back in LISTEN (the exchange of RFC 9293 Figure 11,"
                    + " with A CLOSED rather than listening)", "", p -> p,
                    m -> Witnesses::oldDuplicateSynReset),
            new Witness(GIVE_UP, "a give-up after R retransmissions", "", p -> p,
                    m -> (s, a, t) -> a.kind() == Action.Kind.RETRANSMISSION_TIMEOUT
                            && s.host(a.endpoint()).tcb().retries() == m.parameters().retries()
                            && s.host(a.endpoint()).tcb().retransmitTimer() == 0),
            new Witness(SIMULTANEOUS_OPEN, "simultaneous open: both endpoints open actively, each goes from SYN-SENT"
                    + " to SYN-RECEIVED, and one of them reaches ESTABLISHED (RFC 9293 Figure 7)",
                    "--a-opens active --b-opens active", both(Opening.ACTIVE, Opening.ACTIVE),
                    m -> Witnesses::simultaneousOpen),
            new Witness(TWO_PASSIVE_SOCKETS, "an old duplicate SYN makes B answer SYN-ACK to A, listening; A's RST"
                    + " returns B to LISTEN (RFC 9293 Figure 11: two passive sockets)", "--a-opens both --crashes 1",
                    p -> atLeast(1, 1).apply(both(Opening.BOTH, Opening.PASSIVE).apply(p)),
                    m -> (s, a, t) -> oldDuplicateSynReset(s, a, t) && s.state(TcpModel.A) == ConnectionState.LISTEN),
            new Witness(RECOVERY_FROM_OLD_SYN, "an old duplicate SYN reaches B while A opens again; A answers B's"
                    + " SYN-ACK with an RST from SYN-SENT and B returns to LISTEN (RFC 9293 Figure 8)",
                    "--connections 2 --crashes 1", atLeast(2, 1),
                    m -> (s, a, t) -> oldDuplicateSynReset(s, a, t)
                            && s.state(TcpModel.A) == ConnectionState.SYN_SENT),
            new Witness(HALF_OPEN_DISCOVERY, "half-open connection discovery: A crashed and opens again, B's"
                    + " acknowledgement of the new SYN draws an RST that resets B's old connection (RFC 9293"
                    + " Figure 9)", "--connections 2 --crashes 1", atLeast(2, 1),
                    m -> Witnesses::halfOpenDiscovered));

    private Witnesses() {
    }

    /** Every witness, in the order {@code list} shows them. */
    public static List<Witness> all() {
        return ALL;
    }

    /** The witness with this id, or an IllegalArgumentException listing the ids. */
    public static Witness named(String id) {
        for (Witness w : ALL) {
            if (w.id().equals(id)) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown witness '" + id + "'; the witnesses are: " + ids());
    }

    /** "simultaneous-close, time-wait-restarted, …". */
    public static String ids() {
        return ALL.stream().map(Witness::id).collect(Collectors.joining(", "));
    }

    /** Every witness as a "never" property over one model (for a search of them all at once). */
    public static List<Property<TcpState, Action>> all(TcpModel model) {
        return ALL.stream().map(w -> w.property(model)).toList();
    }

    private static UnaryOperator<Parameters> both(Opening a, Opening b) {
        return p -> p.with(Parameter.A_OPENS, a).with(Parameter.B_OPENS, b);
    }

    /** At least K connections and Crash crashes. */
    private static UnaryOperator<Parameters> atLeast(int connections, int crashes) {
        return p -> p.with(Parameter.CONNECTIONS, Math.max(connections, p.connections()))
                .with(Parameter.CRASHES, Math.max(crashes, p.crashes()));
    }

    private static boolean entered(TcpState s, TcpState t, int e, ConnectionState st) {
        return s.state(e) != st && t.state(e) == st;
    }

    /**
     * B is in SYN-RECEIVED for a connection that is over (an old duplicate SYN brought it there), an RST arrives,
     * and B is back in LISTEN: the exchange of RFC 9293 Figure 11 (and of Figure 8's lines 3 to 5).
     */
    static boolean oldDuplicateSynReset(TcpState s, Action a, TcpState t) {
        Host b = s.b();
        return a.kind() == Action.Kind.DELIVER && a.endpoint() == TcpModel.B && a.segment().rst()
                && b.state() == ConnectionState.SYN_RECEIVED && t.b().state() == ConnectionState.LISTEN
                && Ghost.over(s, b.connection());
    }

    /**
     * Both endpoints opened actively and are in SYN-RECEIVED (each came from SYN-SENT), and one of them reaches
     * ESTABLISHED: a simultaneous open completing.
     */
    private static boolean simultaneousOpen(TcpState s, Action a, TcpState t) {
        if (a.kind() != Action.Kind.DELIVER) {
            return false;
        }
        int e = a.endpoint();
        return s.state(e) == ConnectionState.SYN_RECEIVED && t.state(e) == ConnectionState.ESTABLISHED
                && s.state(1 - e) == ConnectionState.SYN_RECEIVED && s.a().app().attached()
                && s.b().app().attached();
    }

    /** An RST from A, in SYN-SENT for a new connection, resets B's connection that is still ESTABLISHED. */
    private static boolean halfOpenDiscovered(TcpState s, Action a, TcpState t) {
        return a.kind() == Action.Kind.DELIVER && a.endpoint() == TcpModel.B && a.segment().rst()
                && s.state(TcpModel.B) == ConnectionState.ESTABLISHED && t.state(TcpModel.B).idle()
                && s.state(TcpModel.A) == ConnectionState.SYN_SENT && s.a().connection() > s.b().connection();
    }
}
