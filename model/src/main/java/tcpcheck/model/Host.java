package tcpcheck.model;

/**
 * One endpoint: its TCB (protocol), its application, the value of its ISN clock at its last connection attempt, and
 * its ghost connection number (docs/specification.md, The system: A numbers its opens; B adopts the number of the SYN that brought it
 * to SYN-RECEIVED). The protocol code sees only the TCB.
 *
 * @param lastIsnChoice the clock value v of the last ISS chosen (-1 before the first attempt)
 * @param connection the ghost connection number of the current (or last) connection; 0 before the first
 * @param seen ghost: whether the application has seen the current connection (A from its open, B from ESTABLISHED)
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
