package tcpcheck.model;

/**
 * One endpoint: its TCB (protocol), its application, the value of its ISN clock at its last connection attempt, and
 * its ghost connection number (SPEC section 1: an active OPEN numbers the connection, one count over both endpoints'
 * opens; an endpoint in LISTEN adopts the number of the SYN that brings it to SYN-RECEIVED; in a simultaneous open
 * both ends take the later of the two numbers). The protocol code sees only the TCB.
 *
 * @param lastIsnChoice the clock value v of the last ISS chosen (-1 before the first attempt)
 * @param connection the ghost connection number of the current (or last) connection; 0 before the first
 * @param seen ghost: whether the application has seen the current connection (from its active OPEN, or from
 *        ESTABLISHED for a connection that came from LISTEN)
 */
public record Host(Tcb tcb, Application app, int lastIsnChoice, int connection, boolean seen) {

    public ConnectionState state() {
        return tcb.state();
    }

    Host with(Tcb t) {
        return new Host(t, app, lastIsnChoice, connection, seen);
    }

    Host with(Application a) {
        return new Host(tcb, a, lastIsnChoice, connection, seen);
    }

    Host withConnection(int n, boolean isSeen) {
        return new Host(tcb, app, lastIsnChoice, n, isSeen);
    }

    Host withIsnChoice(int v) {
        return new Host(tcb, app, v, connection, seen);
    }

    @Override
    public String toString() {
        return tcb + " app{" + (app.attached() ? "" : "detached ") + "w=" + app.written() + " r=" + app.delivered()
                + (app.closed() ? " closed" : "") + (app.endOfStream() ? " eof" : "") + "} conn=" + connection;
    }
}
