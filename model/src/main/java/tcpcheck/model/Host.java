package tcpcheck.model;

/**
 * One endpoint: its TCB (protocol), its application, the value of its ISN clock at its last connection attempt, and
 * its ghost connection number (docs/specification.md, "The system": an active OPEN numbers the connection, one count over both endpoints'
 * opens; an endpoint in LISTEN adopts the number of the SYN that brings it to SYN-RECEIVED; in a simultaneous open
 * both ends take the later of the two numbers). The protocol code sees only the TCB.
 *
 * @param lastIsnChoice the clock value v of the last ISS chosen (-1 before the first attempt)
 * @param connection the ghost connection number of the current (or last) connection; 0 before the first
 * @param seen ghost: whether the application has seen the current connection (from its active OPEN, or from
 *        ESTABLISHED for a connection that came from LISTEN)
 * @param merged ghost: in a simultaneous open, the other of the two numbers the connection was made of (the earlier),
 *        whose segments belong to this connection too; 0 otherwise (always 0 when only one endpoint opens actively)
 */
public record Host(Tcb tcb, Application app, int lastIsnChoice, int connection, boolean seen, int merged) {

    /** An endpoint whose connection was not made of two opens. */
    public Host(Tcb tcb, Application app, int lastIsnChoice, int connection, boolean seen) {
        this(tcb, app, lastIsnChoice, connection, seen, 0);
    }

    public ConnectionState state() {
        return tcb.state();
    }

    Host with(Tcb t) {
        return new Host(t, app, lastIsnChoice, connection, seen, merged);
    }

    Host with(Application a) {
        return new Host(tcb, a, lastIsnChoice, connection, seen, merged);
    }

    /** The ghost number of a new connection (adopted from a SYN in LISTEN): not made of two opens. */
    Host withConnection(int n, boolean isSeen) {
        return new Host(tcb, app, lastIsnChoice, n, isSeen, 0);
    }

    /** A simultaneous open: the connection is number {@code n}, made of it and {@code other}. */
    Host merging(int n, int other) {
        return new Host(tcb, app, lastIsnChoice, n, seen, other);
    }

    /** Whether a segment stamped with this number belongs to the current connection. */
    public boolean current(int stamped) {
        return stamped == connection || (merged != 0 && stamped == merged);
    }

    Host withIsnChoice(int v) {
        return new Host(tcb, app, v, connection, seen, merged);
    }

    @Override
    public String toString() {
        return tcb + " app{" + (app.attached() ? "" : "detached ") + "w=" + app.written() + " r=" + app.delivered()
                + (app.closed() ? " closed" : "") + (app.endOfStream() ? " eof" : "") + "} conn=" + connection;
    }
}
