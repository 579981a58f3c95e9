package tcpcheck.explorer;

import java.util.ArrayList;
import java.util.List;
import tcpcheck.model.Action;
import tcpcheck.model.Application;
import tcpcheck.model.ConnectionState;
import tcpcheck.model.Host;
import tcpcheck.model.Network;
import tcpcheck.model.Parameters;
import tcpcheck.model.TcpModel;
import tcpcheck.model.TcpState;

/**
 * Why an action that a person would expect is not enabled in a state: the application calls, the timers, the
 * crashes, the tick, and the network's losses and duplications of each segment in flight. This restates, in words,
 * the conditions under which {@link TcpModel#nextState} refuses an action; {@code DisabledActionsTest} checks over
 * many reachable states of every variant that a reason is given exactly when the model refuses.
 */
final class DisabledActions {
    private DisabledActions() {
    }

    /** An action that is not enabled, and why. */
    record Disabled(String action, String reason) {
    }

    /** The actions a person would expect here (A's open stands for every ISN choice). */
    static List<Action> expected(TcpState s) {
        List<Action> out = new ArrayList<>();
        out.add(new Action(Action.Kind.OPEN, TcpModel.A, 0, -1));
        for (int e = TcpModel.A; e <= TcpModel.B; e++) {
            out.add(new Action(Action.Kind.WRITE, e, 0, -1));
            out.add(new Action(Action.Kind.CLOSE, e, 0, -1));
        }
        out.add(new Action(Action.Kind.LISTEN, TcpModel.B, 0, -1));
        for (int e = TcpModel.A; e <= TcpModel.B; e++) {
            out.add(new Action(Action.Kind.RETRANSMISSION_TIMEOUT, e, 0, -1));
            out.add(new Action(Action.Kind.TIME_WAIT_TIMEOUT, e, 0, -1));
        }
        for (int e = TcpModel.A; e <= TcpModel.B; e++) {
            out.add(new Action(Action.Kind.CRASH, e, 0, -1));
        }
        out.add(new Action(Action.Kind.TICK, TcpModel.A, 0, -1));
        for (int dest = Network.TO_A; dest <= Network.TO_B; dest++) {
            int[] inFlight = s.network().toward(dest);
            for (int i = 0; i < inFlight.length; i++) {
                if (i > 0 && inFlight[i] == inFlight[i - 1]) {
                    continue;
                }
                out.add(new Action(Action.Kind.LOSE, dest, inFlight[i], -1));
                out.add(new Action(Action.Kind.DUPLICATE, dest, inFlight[i], -1));
            }
        }
        return out;
    }

    /** The expected actions that are not enabled in {@code s}, each with its reason. */
    static List<Disabled> of(TcpState s, Parameters p) {
        List<Disabled> out = new ArrayList<>();
        for (Action a : expected(s)) {
            String why = reason(s, p, a);
            if (why != null) {
                out.add(new Disabled(describe(a), why));
            }
        }
        return out;
    }

    static String describe(Action a) {
        return a.kind() == Action.Kind.OPEN ? "A opens" : a.toString();
    }

    /** Why {@code a} is not enabled in {@code s}, or null when it is (for an open: with some ISN choice). */
    static String reason(TcpState s, Parameters p, Action a) {
        if (s.atBoundary()) {
            return "this state is at the capacity bound (a send found C = " + p.capacity() + " segments in flight):"
                    + " the checker checks it but explores nothing from it";
        }
        int e = a.endpoint();
        String who = e == TcpModel.A ? "A" : "B";
        Host h = s.host(e);
        ConnectionState st = h.state();
        Application app = h.app();
        switch (a.kind()) {
            case OPEN:
                if (st != ConnectionState.CLOSED) {
                    return "A is in " + st + ": the application opens a connection from CLOSED";
                }
                if (app.opens() >= p.connections()) {
                    return "A's application has opened its " + count(p.connections(), "connection") + " (K = "
                            + p.connections() + ")";
                }
                return null;
            case WRITE:
                if (!openForWriting(st) || !app.attached() || app.closed()) {
                    return cannotCall(who, st, app, "write");
                }
                if (app.written() >= p.data()) {
                    return who + "'s application has written its " + count(p.data(), "data unit") + " (D = "
                            + p.data() + ")";
                }
                if (e == TcpModel.B && app.delivered() < p.data()) {
                    return "B writes its response after reading A's " + count(p.data(), "unit") + "; it has read "
                            + app.delivered();
                }
                return null;
            case CLOSE:
                if (!openForWriting(st) || !app.attached() || app.closed()) {
                    return cannotCall(who, st, app, "close");
                }
                if (app.written() < p.data()) {
                    return who + "'s application closes after writing its " + count(p.data(), "unit") + "; it has"
                            + " written " + app.written();
                }
                if (e == TcpModel.B && !app.endOfStream() && !p.serverClosesFirst()) {
                    return "B's application closes after reading A's end of stream (the FIN), which has not arrived";
                }
                if (e == TcpModel.B && app.delivered() < p.data()) {
                    return "B's application closes after reading A's " + count(p.data(), "unit") + "; it has read "
                            + app.delivered();
                }
                return null;
            case LISTEN:
                if (st != ConnectionState.CLOSED) {
                    return "B is in " + st + ": its application listens again only when B is CLOSED, after a crash";
                }
                return null;
            case RETRANSMISSION_TIMEOUT: {
                int t = s.retransmitTimer(e);
                if (t < 0) {
                    return who + "'s retransmission timer is off: nothing " + who + " sent awaits an acknowledgement";
                }
                if (t > 0) {
                    return who + "'s retransmission timer has not run out: " + count(t, "tick") + " left";
                }
                return null;
            }
            case TIME_WAIT_TIMEOUT: {
                int t = s.timeWaitTimer(e);
                if (t < 0) {
                    return who + " is not in TIME-WAIT: its TIME-WAIT timer is off";
                }
                if (t > 0) {
                    return who + "'s TIME-WAIT timer has not run out: " + count(t, "tick") + " left";
                }
                return null;
            }
            case CRASH:
                if (s.crashesUsed() >= p.crashes()) {
                    return p.crashes() == 0 ? "these bounds have no crashes (Crash = 0)"
                            : "the adversary has used its " + count(p.crashes(), "crash") + " (Crash = "
                                    + p.crashes() + ")";
                }
                if (st == ConnectionState.CLOSED) {
                    return who + " is CLOSED: it has nothing to lose";
                }
                return null;
            case LOSE:
                if (s.lossesUsed() >= p.losses()) {
                    return p.losses() == 0 ? "these bounds have no losses (L = 0)"
                            : "the adversary has used its " + count(p.losses(), "loss") + " (L = " + p.losses() + ")";
                }
                return null;
            case DUPLICATE:
                if (s.duplicatesUsed() >= p.duplicates()) {
                    return p.duplicates() == 0 ? "these bounds have no duplications (Dup = 0)"
                            : "the adversary has used its " + count(p.duplicates(), "duplication") + " (Dup = "
                                    + p.duplicates() + ")";
                }
                if (s.network().size(e) >= p.capacity()) {
                    return "the direction toward " + who + " is full: " + p.capacity() + " segments in flight (C = "
                            + p.capacity() + ")";
                }
                return null;
            case TICK:
                return tickReason(s, p);
            default:
                return null;
        }
    }

    /** Time is urgent (see the model's documentation): a tick waits for timers that ran out and for old segments. */
    private static String tickReason(TcpState s, Parameters p) {
        boolean running = false;
        for (int e = TcpModel.A; e <= TcpModel.B; e++) {
            String who = e == TcpModel.A ? "A" : "B";
            if (s.retransmitTimer(e) == 0) {
                return who + "'s retransmission timer has run out: it fires before time goes on";
            }
            if (s.timeWaitTimer(e) == 0) {
                return who + "'s TIME-WAIT timer has run out: it fires before time goes on";
            }
            running |= s.retransmitTimer(e) > 0 || s.timeWaitTimer(e) > 0;
        }
        int oldest = -1;
        for (int dest = Network.TO_A; dest <= Network.TO_B; dest++) {
            for (int packet : s.network().toward(dest)) {
                oldest = Math.max(oldest, Network.age(packet));
            }
        }
        if (oldest >= p.msl() - 1) {
            return "a segment in flight is " + count(oldest, "tick") + " old, MSL - 1 (MSL = " + p.msl() + "): it is"
                    + " delivered or lost before time goes on, as no segment lives MSL ticks";
        }
        if (!running && oldest < 0) {
            return "nothing waits for time: no timer runs and no segment is in flight";
        }
        return null;
    }

    /** Why an application cannot write or close at all: the state, no connection, or closed already. */
    private static String cannotCall(String who, ConnectionState st, Application app, String call) {
        if (!openForWriting(st)) {
            return who + " is in " + st + ": an application " + call + "s only in ESTABLISHED or CLOSE-WAIT";
        }
        if (!app.attached()) {
            return who + "'s application has no connection to " + call;
        }
        return who + "'s application has already closed its side";
    }

    private static boolean openForWriting(ConnectionState st) {
        return st == ConnectionState.ESTABLISHED || st == ConnectionState.CLOSE_WAIT;
    }

    private static String count(int n, String what) {
        String plural = what.endsWith("s") || what.endsWith("sh") ? what + "es" : what + "s";
        return n + " " + (n == 1 ? what : plural);
    }
}
