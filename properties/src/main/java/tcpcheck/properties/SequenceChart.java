package tcpcheck.properties;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import tcpcheck.checker.Trace;
import tcpcheck.model.Action;
import tcpcheck.model.ConnectionState;
import tcpcheck.model.Host;
import tcpcheck.model.Network;
import tcpcheck.model.TcpModel;
import tcpcheck.model.TcpState;

/**
 * A counterexample drawn as the textbooks draw it: two lanes, A and B, with each endpoint's state as it changes,
 * arrows for the segments delivered, and the network's doings (lost, duplicated, an old duplicate delivered),
 * ticks and timers marked. As plain text, or as a Mermaid {@code sequenceDiagram} (GitHub renders it).
 */
public final class SequenceChart {
    private static final int LANE = 30;
    private static final int WIRE = 50;

    private SequenceChart() {
    }

    /** One step, described for both renderings. */
    private record Event(int step, String aNote, String bNote, String wire, int arrow, List<String> sent) {
        // arrow: 1 = A to B, -1 = B to A, 2 = lost toward B, -2 = lost toward A, 0 = none
    }

    private static List<Event> events(Trace<TcpState, Action> t) {
        List<Event> out = new ArrayList<>();
        List<Trace.Step<TcpState, Action>> steps = t.steps();
        for (int i = 1; i < steps.size(); i++) {
            TcpState s = steps.get(i - 1).state();
            TcpState n = steps.get(i).state();
            Action a = steps.get(i).action();
            String aNote = change(s.a(), n.a());
            String bNote = change(s.b(), n.b());
            String wire = "";
            int arrow = 0;
            String seg = a.isNetwork() ? a.segment() + conn(a) : "";
            switch (a.kind()) {
                case DELIVER:
                    arrow = a.endpoint() == TcpModel.B ? 1 : -1;
                    wire = seg + (oldDuplicate(s, a) ? "  OLD DUPLICATE of connection " + a.stamp().connection() : "");
                    break;
                case LOSE:
                    arrow = a.endpoint() == TcpModel.B ? 2 : -2;
                    wire = "lost " + seg;
                    break;
                case DUPLICATE:
                    wire = "duplicated " + seg;
                    break;
                case TICK:
                    wire = "tick" + timers(n);
                    break;
                case OPEN:
                    aNote = "open (ISS " + n.a().tcb().iss() + "), " + aNote;
                    break;
                case WRITE:
                case CLOSE:
                case LISTEN:
                    String what = a.kind().name().toLowerCase(Locale.ROOT);
                    if (a.endpoint() == TcpModel.A) {
                        aNote = what + (aNote.isEmpty() ? "" : ", " + aNote);
                    } else {
                        bNote = what + (bNote.isEmpty() ? "" : ", " + bNote);
                    }
                    break;
                case RETRANSMISSION_TIMEOUT: {
                    boolean gaveUp = n.aborted() && !s.aborted();
                    String note = gaveUp ? "gives up" : "retransmission timeout";
                    if (a.endpoint() == TcpModel.A) {
                        aNote = note + (aNote.isEmpty() ? "" : ", " + aNote);
                    } else {
                        bNote = note + (bNote.isEmpty() ? "" : ", " + bNote);
                    }
                    break;
                }
                case TIME_WAIT_TIMEOUT:
                    if (a.endpoint() == TcpModel.A) {
                        aNote = "TIME-WAIT ends, " + aNote;
                    } else {
                        bNote = "TIME-WAIT ends, " + bNote;
                    }
                    break;
                default:
                    if (a.endpoint() == TcpModel.A) {
                        aNote = "CRASH, " + aNote;
                    } else {
                        bNote = "CRASH, " + bNote;
                    }
            }
            out.add(new Event(i, aNote, bNote, wire, arrow, a.kind() == Action.Kind.TICK ? List.of() : sent(s, n, a)));
        }
        return out;
    }

    /**
     * A delivered segment is an old duplicate when it is a SYN of a connection that is over, or any segment of an
     * earlier connection than A's current one. (A's last ACK, sent from TIME-WAIT, is not one: it belongs to the
     * closing of the connection.)
     */
    public static boolean oldDuplicate(TcpState s, Action a) {
        int n = a.stamp().connection();
        if (n <= 0 || a.segment().rst()) {
            return false;
        }
        return a.segment().syn() && !a.segment().ack() && Ghost.over(s, n) || s.a().connection() > n;
    }

    private static String conn(Action a) {
        return a.segment().data() ? " [unit " + a.stamp().dataIndex() + "]" : "";
    }

    private static String change(Host before, Host after) {
        ConnectionState x = before.state();
        ConnectionState y = after.state();
        StringBuilder b = new StringBuilder();
        if (x != y) {
            b.append("-> ").append(y);
        }
        if (after.app().delivered() > before.app().delivered() && after.app().attached()) {
            b.append(b.length() > 0 ? ", " : "").append("delivers unit ").append(after.app().delivered() - 1);
        }
        if (after.app().endOfStream() && !before.app().endOfStream() && after.app().attached()) {
            b.append(b.length() > 0 ? ", " : "").append("reads end of stream");
        }
        return b.toString();
    }

    private static String timers(TcpState s) {
        StringBuilder b = new StringBuilder();
        for (int e = 0; e < 2; e++) {
            var t = s.host(e).tcb();
            String who = e == 0 ? "A" : "B";
            if (t.retransmitTimer() >= 0) {
                b.append(' ').append(who).append(" rtx=").append(t.retransmitTimer());
            }
            if (t.timeWaitTimer() >= 0) {
                b.append(' ').append(who).append(" 2MSL=").append(t.timeWaitTimer());
            }
        }
        return b.length() == 0 ? "" : " (" + b.substring(1) + ")";
    }

    /** The segments the step put into the network, as "A sends …". */
    private static List<String> sent(TcpState s, TcpState n, Action a) {
        List<String> out = new ArrayList<>();
        for (int dest = 0; dest < 2; dest++) {
            List<Integer> before = new ArrayList<>();
            for (int p : s.network().toward(dest)) {
                before.add(p);
            }
            if (a.isNetwork() && a.endpoint() == dest && a.kind() != Action.Kind.DUPLICATE) {
                before.remove(Integer.valueOf(a.packet()));
            }
            int[] after = n.network().toward(dest);
            int[] copy = Arrays.copyOf(after, after.length);
            for (int p : copy) {
                if (!before.remove(Integer.valueOf(p))) {
                    if (a.kind() == Action.Kind.DUPLICATE && p == a.packet()) {
                        continue;
                    }
                    String from = dest == TcpModel.B ? "A" : "B";
                    out.add(from + " sends " + Network.segment(p) + (Network.segment(p).data()
                            ? " [unit " + Network.stamp(p).dataIndex() + "]" : ""));
                }
            }
        }
        if (n.atBoundary() && !s.atBoundary()) {
            out.add("a send finds its direction full: the behaviour leaves the bounds here");
        }
        return out;
    }

    /** The chart as text. */
    public static String text(String title, Trace<TcpState, Action> t) {
        StringBuilder b = new StringBuilder(title).append("\n\n");
        TcpState first = t.steps().get(0).state();
        b.append(String.format(Locale.ROOT, "%4s  %-" + LANE + "s %-" + WIRE + "s %s%n", "", "A", "", "B"));
        b.append(String.format(Locale.ROOT, "%4s  %-" + LANE + "s %-" + WIRE + "s %s%n", "", first.a().state(), "",
                first.b().state()));
        for (Event e : events(t)) {
            if (t.isLasso() && e.step() == t.loopStart() + 1) {
                b.append("      ---- the cycle starts here and repeats for ever ----\n");
            }
            String wire;
            switch (e.arrow()) {
                case 1:
                    wire = "--- " + e.wire() + " -->";
                    break;
                case -1:
                    wire = "<-- " + e.wire() + " ---";
                    break;
                case 2:
                    wire = "--- " + e.wire() + " --X";
                    break;
                case -2:
                    wire = "X-- " + e.wire() + " ---";
                    break;
                default:
                    wire = e.wire().isEmpty() ? "" : "    " + e.wire();
            }
            b.append(String.format(Locale.ROOT, "%4d  %-" + LANE + "s %-" + WIRE + "s %s%n", e.step(), e.aNote(),
                    wire, e.bNote()));
            for (String s : e.sent()) {
                b.append(String.format(Locale.ROOT, "%4s  %-" + LANE + "s     %s%n", "", "", s));
            }
        }
        if (t.isLasso()) {
            b.append("      ---- back to step ").append(t.loopStart()).append(" ----\n");
        }
        TcpState last = t.last();
        b.append(String.format(Locale.ROOT, "%4s  %-" + LANE + "s %-" + WIRE + "s %s%n", "end", last.a().state(), "",
                last.b().state()));
        return b.toString();
    }

    /** The chart as a Mermaid sequence diagram inside a Markdown file. */
    public static String mermaid(String title, Trace<TcpState, Action> t) {
        StringBuilder b = new StringBuilder("# ").append(title).append("\n\n```mermaid\nsequenceDiagram\n");
        b.append("    participant A\n    participant B\n");
        TcpState first = t.steps().get(0).state();
        b.append("    Note over A: ").append(first.a().state()).append('\n');
        b.append("    Note over B: ").append(first.b().state()).append('\n');
        for (Event e : events(t)) {
            if (t.isLasso() && e.step() == t.loopStart() + 1) {
                b.append("    Note over A,B: the cycle starts here and repeats for ever\n");
            }
            String w = mm(e.step() + ". " + e.wire());
            switch (e.arrow()) {
                case 1:
                    b.append("    A->>B: ").append(w).append('\n');
                    break;
                case -1:
                    b.append("    B->>A: ").append(w).append('\n');
                    break;
                case 2:
                    b.append("    A-xB: ").append(w).append('\n');
                    break;
                case -2:
                    b.append("    B-xA: ").append(w).append('\n');
                    break;
                default:
                    if (!e.wire().isEmpty()) {
                        b.append("    Note over A,B: ").append(w).append('\n');
                    }
            }
            if (!e.aNote().isEmpty()) {
                b.append("    Note over A: ").append(mm(e.arrow() == 0 && e.wire().isEmpty()
                        ? e.step() + ". " + e.aNote() : e.aNote())).append('\n');
            }
            if (!e.bNote().isEmpty()) {
                b.append("    Note over B: ").append(mm(e.arrow() == 0 && e.wire().isEmpty() && e.aNote().isEmpty()
                        ? e.step() + ". " + e.bNote() : e.bNote())).append('\n');
            }
        }
        return b.append("```\n").toString();
    }

    /** The chart as an SVG drawing: two lanes, one row per step, arrows for deliveries, crosses for losses. */
    public static String svg(String title, Trace<TcpState, Action> t) {
        List<Event> events = events(t);
        int rows = 0;
        for (Event e : events) {
            rows += 1 + e.sent().size();
        }
        int laneA = 300;
        int laneB = 760;
        int row = 22;
        int top = 80;
        int height = top + (rows + 3) * row;
        StringBuilder b = new StringBuilder();
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1060\" height=\"").append(height)
                .append("\" font-family=\"monospace\" font-size=\"12\">\n");
        b.append("<defs><marker id=\"arrow\" markerWidth=\"10\" markerHeight=\"8\" refX=\"10\" refY=\"4\" "
                + "orient=\"auto\"><path d=\"M0,0 L10,4 L0,8 z\"/></marker></defs>\n");
        b.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        text(b, 20, 24, "start", "bold", title);
        TcpState first = t.steps().get(0).state();
        text(b, laneA, 52, "middle", "bold", "A  (" + first.a().state() + ")");
        text(b, laneB, 52, "middle", "bold", "B  (" + first.b().state() + ")");
        b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"60\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>%n",
                laneA, laneA, height - 20));
        b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"60\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>%n",
                laneB, laneB, height - 20));
        int y = top;
        for (Event e : events) {
            if (t.isLasso() && e.step() == t.loopStart() + 1) {
                b.append(String.format(Locale.ROOT, "<line x1=\"20\" y1=\"%d\" x2=\"1040\" y2=\"%d\" "
                        + "stroke=\"#c00\" stroke-dasharray=\"2,3\"/>%n", y - 14, y - 14));
                text(b, 1040, y - 17, "end", "normal", "the cycle starts here and repeats for ever");
            }
            text(b, 20, y, "start", "normal", String.valueOf(e.step()));
            if (!e.aNote().isEmpty()) {
                text(b, laneA - 8, y, "end", "normal", e.aNote());
            }
            if (!e.bNote().isEmpty()) {
                text(b, laneB + 8, y, "start", "normal", e.bNote());
            }
            int mid = (laneA + laneB) / 2;
            switch (e.arrow()) {
                case 1:
                case -1: {
                    int from = e.arrow() == 1 ? laneA : laneB;
                    int to = e.arrow() == 1 ? laneB : laneA;
                    b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
                            + "stroke=\"black\" marker-end=\"url(#arrow)\"/>%n", from, y - 16, to, y - 2));
                    text(b, mid, y - 12, "middle", e.wire().contains("OLD DUPLICATE") ? "bold" : "normal",
                            e.wire());
                    break;
                }
                case 2:
                case -2: {
                    int from = e.arrow() == 2 ? laneA : laneB;
                    int end = e.arrow() == 2 ? mid + 60 : mid - 60;
                    b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
                            + "stroke=\"#c00\"/>%n", from, y - 16, end, y - 8));
                    text(b, end, y - 4, "middle", "bold", "X");
                    text(b, mid, y - 12, "middle", "normal", e.wire());
                    break;
                }
                default:
                    if (!e.wire().isEmpty()) {
                        boolean tick = e.wire().startsWith("tick");
                        if (tick) {
                            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
                                    + "stroke=\"#aaa\" stroke-dasharray=\"4,4\"/>%n", laneA, y - 4, laneB, y - 4));
                        }
                        text(b, mid, y - 7, "middle", "normal", e.wire());
                    }
            }
            y += row;
            for (String sent : e.sent()) {
                text(b, mid, y - 6, "middle", "normal", sent);
                y += row;
            }
        }
        TcpState last = t.last();
        text(b, laneA, y + 4, "middle", "bold", last.a().state().toString());
        text(b, laneB, y + 4, "middle", "bold", last.b().state().toString());
        return b.append("</svg>\n").toString();
    }

    private static void text(StringBuilder b, int x, int y, String anchor, String weight, String s) {
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" font-weight=\"%s\">%s"
                + "</text>%n", x, y, anchor, weight, s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")));
    }

    /** Mermaid's own entity codes (#lt; and the like) for the characters its parser or the HTML would eat. */
    private static String mm(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '#':
                    b.append("#35;");
                    break;
                case ';':
                    b.append("#59;");
                    break;
                case '<':
                    b.append("#lt;");
                    break;
                case '>':
                    b.append("#gt;");
                    break;
                default:
                    b.append(c);
            }
        }
        return b.toString();
    }
}
