package tcpcheck.properties;

import tcpcheck.model.ConnectionState;
import tcpcheck.model.Host;
import tcpcheck.model.TcpModel;
import tcpcheck.model.TcpState;

/** Readings of the ghost fields that the properties share. */
final class Ghost {
    private Ghost() {
    }

    /**
     * docs/specification.md, The system: a connection number is over once A has left it: A is in TIME-WAIT or CLOSED after it, or has
     * opened a later one.
     */
    static boolean over(TcpState s, int connection) {
        Host a = s.a();
        if (connection <= 0) {
            return false;
        }
        if (a.connection() > connection) {
            return true;
        }
        return a.connection() == connection
                && (a.state() == ConnectionState.TIME_WAIT || a.state() == ConnectionState.CLOSED);
    }

    /** Whether endpoint e's connection ended in this transition (A reached CLOSED, B returned to LISTEN). */
    static boolean ended(TcpState s, TcpState t, int e) {
        return !s.state(e).idle() && t.state(e).idle();
    }

    /** The end state: A has opened its K connections and is CLOSED, B is in LISTEN, nothing is in flight. */
    static boolean closedForGood(TcpState s, int connections) {
        return s.state(TcpModel.A) == ConnectionState.CLOSED && s.state(TcpModel.B) == ConnectionState.LISTEN
                && s.network().isEmpty() && s.a().app().opens() == connections;
    }
}
