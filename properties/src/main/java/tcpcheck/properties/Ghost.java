package tcpcheck.properties;

import tcpcheck.model.Action;
import tcpcheck.model.ConnectionState;
import tcpcheck.model.Host;
import tcpcheck.model.TcpModel;
import tcpcheck.model.TcpState;

/** Readings of the ghost fields that the properties share. */
final class Ghost {
    private Ghost() {
    }

    /**
     * docs/specification.md, "The system": a connection number is over once A has left it: A is in TIME-WAIT or at rest (CLOSED, or LISTEN
     * when A listens) after it, or has moved on to a later one.
     */
    static boolean over(TcpState s, int connection) {
        Host a = s.a();
        if (connection <= 0) {
            return false;
        }
        if (a.connection() > connection) {
            return true;
        }
        return a.connection() == connection && (a.state() == ConnectionState.TIME_WAIT || a.state().idle());
    }

    /** Whether endpoint e's connection ended in this transition (it came to rest: CLOSED or LISTEN). */
    static boolean ended(TcpState s, TcpState t, int e) {
        return !s.state(e).idle() && t.state(e).idle();
    }

    /**
     * Whether endpoint e's connection attempt was refused in this transition: an RST ended a connection that its
     * application opened actively before it reached ESTABLISHED (RFC 9293: an RST in SYN-SENT, or in SYN-RECEIVED of an
     * active OPEN, means "connection refused"). Such an attempt never opened, so it has no close to judge; it happens
     * only when a peer does not listen (it opens actively too, or has crashed), never in the default configuration.
     */
    static boolean refused(TcpState s, Action a, TcpState t, int e) {
        ConnectionState was = s.state(e);
        return a.kind() == Action.Kind.DELIVER && a.endpoint() == e && a.segment().rst()
                && (was == ConnectionState.SYN_SENT || was == ConnectionState.SYN_RECEIVED)
                && s.host(e).app().attached() && t.state(e).idle();
    }

    /** Both endpoints in the state they rest in (by default A CLOSED, B LISTEN). */
    static boolean atRest(TcpModel m, TcpState s) {
        return s.state(TcpModel.A) == m.role(TcpModel.A).resting()
                && s.state(TcpModel.B) == m.role(TcpModel.B).resting();
    }

    /**
     * The end state: both endpoints at rest, every application that opens actively has opened its K connections,
     * nothing is in flight.
     */
    static boolean closedForGood(TcpModel m, TcpState s) {
        int k = m.parameters().connections();
        return atRest(m, s) && s.network().isEmpty()
                && (!m.role(TcpModel.A).opensActively() || s.a().app().opens() == k)
                && (!m.role(TcpModel.B).opensActively() || s.b().app().opens() == k);
    }
}
