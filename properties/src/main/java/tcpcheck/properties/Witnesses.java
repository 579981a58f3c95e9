package tcpcheck.properties;

import java.util.List;
import tcpcheck.checker.Property;
import tcpcheck.model.Action;
import tcpcheck.model.ConnectionState;
import tcpcheck.model.Host;
import tcpcheck.model.TcpModel;
import tcpcheck.model.TcpState;

/**
 * Reachability witnesses: the rare corners a model must reach to prove anything about them. Each is a transition
 * predicate that says "this never happens"; a violation is the witness, with the shortest path to it.
 */
public final class Witnesses {
    public static final String CLOSING = "simultaneous close (CLOSING)";
    public static final String TIME_WAIT_RESTARTED = "TIME-WAIT restarted by a retransmitted FIN";
    public static final String CHALLENGE_ACK = "a challenge ACK";
    public static final String OLD_DUPLICATE_SYN = "an old duplicate SYN answered by RST, B back in LISTEN";
    public static final String GIVE_UP = "a give-up after R retransmissions";

    private Witnesses() {
    }

    /** The witnesses as "never" properties over the model (CLOSING needs the server to close first). */
    public static List<Property<TcpState, Action>> all(TcpModel model) {
        int retries = model.parameters().retries();
        return List.of(
                Property.transition(CLOSING, (s, a, t) -> !(entered(s, t, TcpModel.A, ConnectionState.CLOSING)
                        || entered(s, t, TcpModel.B, ConnectionState.CLOSING))),
                Property.transition(TIME_WAIT_RESTARTED, (s, a, t) -> !(a.kind() == Action.Kind.DELIVER
                        && model.explain(s, a).timeWaitRestarted())),
                Property.transition(CHALLENGE_ACK, (s, a, t) -> !(a.kind() == Action.Kind.DELIVER
                        && model.explain(s, a).challengeAck())),
                Property.transition(OLD_DUPLICATE_SYN, (s, a, t) -> !oldDuplicateSynReset(s, a, t)),
                Property.transition(GIVE_UP, (s, a, t) -> !(a.kind() == Action.Kind.RETRANSMISSION_TIMEOUT
                        && s.host(a.endpoint()).tcb().retries() == retries
                        && s.host(a.endpoint()).tcb().retransmitTimer() == 0)));
    }

    private static boolean entered(TcpState s, TcpState t, int e, ConnectionState st) {
        return s.host(e).state() != st && t.host(e).state() == st;
    }

    /**
     * RFC 9293 Figure 8: B is in SYN-RECEIVED for a connection that is over (an old duplicate SYN brought it
     * there), an RST arrives, and B is back in LISTEN.
     */
    static boolean oldDuplicateSynReset(TcpState s, Action a, TcpState t) {
        Host b = s.b();
        return a.kind() == Action.Kind.DELIVER && a.endpoint() == TcpModel.B && a.segment().rst()
                && b.state() == ConnectionState.SYN_RECEIVED && t.b().state() == ConnectionState.LISTEN
                && Ghost.over(s, b.connection());
    }
}
