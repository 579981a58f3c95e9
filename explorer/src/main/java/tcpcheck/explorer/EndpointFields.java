package tcpcheck.explorer;

import java.util.ArrayList;
import java.util.List;
import tcpcheck.model.Application;
import tcpcheck.model.Host;
import tcpcheck.model.Parameters;
import tcpcheck.model.Tcb;
import tcpcheck.model.TcpModel;
import tcpcheck.model.TcpState;

/**
 * One endpoint as the page shows it, field by field: the RFC state, the TCB's sequence variables (RFC 9293 3.3.1),
 * the timers and retries, the send queue, and what the application has written, read and closed. Both endpoints have
 * the same fields in the same order, so that the page can set them side by side.
 */
final class EndpointFields {
    private EndpointFields() {
    }

    /**
     * @param key stable name, for the page and its tests
     * @param changed whether the step that led here changed it
     */
    record Field(String key, String label, String value, boolean changed) {
    }

    record Endpoint(String name, List<Field> fields) {
    }

    /** Endpoint {@code e} in {@code s}, its fields marked changed where they differ from {@code before} (or none). */
    static Endpoint of(TcpState s, TcpState before, int e, Parameters p, int timeWait) {
        List<Field> now = fields(s.host(e), e, p, timeWait);
        if (before == null) {
            return new Endpoint(name(e), now);
        }
        List<Field> then = fields(before.host(e), e, p, timeWait);
        List<Field> out = new ArrayList<>();
        for (int i = 0; i < now.size(); i++) {
            Field f = now.get(i);
            out.add(new Field(f.key(), f.label(), f.value(), !f.value().equals(then.get(i).value())));
        }
        return new Endpoint(name(e), out);
    }

    static String name(int e) {
        return e == TcpModel.A ? "A" : "B";
    }

    /** "label before → after" for each field that differs between the two states, for the explanation. */
    static List<String> changes(TcpState before, TcpState after, int e, Parameters p, int timeWait) {
        List<String> out = new ArrayList<>();
        List<Field> x = fields(before.host(e), e, p, timeWait);
        List<Field> y = fields(after.host(e), e, p, timeWait);
        for (int i = 0; i < x.size(); i++) {
            if (!x.get(i).value().equals(y.get(i).value())) {
                out.add(x.get(i).label() + " " + x.get(i).value() + " → " + y.get(i).value());
            }
        }
        return out;
    }

    private static List<Field> fields(Host h, int e, Parameters p, int timeWait) {
        Tcb t = h.tcb();
        Application app = h.app();
        boolean idle = t.state().idle();
        List<Field> f = new ArrayList<>();
        f.add(field("state", "state", t.state().toString()));
        f.add(field("iss", "ISS", idle ? "–" : String.valueOf(t.iss())));
        f.add(field("irs", "IRS", idle || t.state() == tcpcheck.model.ConnectionState.SYN_SENT ? "–"
                : String.valueOf(t.irs())));
        f.add(field("sndUna", "SND.UNA", idle ? "–" : String.valueOf(t.sndUna())));
        f.add(field("sndNxt", "SND.NXT", idle ? "–" : String.valueOf(t.sndNxt())));
        f.add(field("rcvNxt", "RCV.NXT", idle || t.state() == tcpcheck.model.ConnectionState.SYN_SENT ? "–"
                : String.valueOf(t.rcvNxt())));
        f.add(field("retransmissionTimer", "retransmission timer", timer(t.retransmitTimer(), p.rto(), "RTO")));
        f.add(field("retries", "retransmissions", t.retries() + " of R = " + p.retries()));
        f.add(field("timeWaitTimer", "TIME-WAIT timer", timer(t.timeWaitTimer(), timeWait, "T")));
        f.add(field("sendQueue", "send queue", t.queued() + " queued, " + t.dataSent() + " sent"));
        f.add(field("fin", "our FIN", t.finSent() ? (t.finAcknowledged() ? "sent, acknowledged" : "sent")
                : t.finQueued() ? "queued" : "not yet"));
        f.add(field("connection", "connection (ghost)", h.connection() == 0 ? "none yet"
                : h.connection() + (h.seen() ? ", seen by the application" : "")));
        f.add(field("opened", "connections opened", e == TcpModel.A ? app.opens() + " of K = " + p.connections()
                : "–"));
        f.add(field("application", "application", app.attached() ? "attached" : "detached"));
        f.add(field("written", "written", app.written() + " of D = " + p.data()));
        f.add(field("read", "read", app.delivered() + " of D = " + p.data()));
        f.add(field("endOfStream", "end of stream read", app.endOfStream() ? "yes" : "no"));
        f.add(field("closed", "closed", app.closed() ? "yes" : "no"));
        return f;
    }

    private static Field field(String key, String label, String value) {
        return new Field(key, label, value, false);
    }

    private static String timer(int t, int of, String symbol) {
        if (t < 0) {
            return "off";
        }
        if (t == 0) {
            return "run out: fires next";
        }
        return t + " of " + symbol + " = " + of + " ticks left";
    }
}
