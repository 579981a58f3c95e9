package tcpcheck.properties;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tcpcheck.checker.Trace;
import tcpcheck.model.Action;
import tcpcheck.model.Host;
import tcpcheck.model.TcpModel;
import tcpcheck.model.TcpState;

/**
 * A counterexample drawn as the textbooks draw it: two lanes, A and B, each endpoint's state as it changes, the
 * segments between them, the network's doings (lost, duplicated, an old segment delivered), ticks with the timers'
 * values, and the step at which the property breaks. As plain text (at most {@link #WIDTH} columns), as a Mermaid
 * {@code sequenceDiagram}, or as SVG, where time runs down the page and a segment's arrow runs from the step at which
 * it was sent to the step at which it arrived, so that a segment that lingers in the network is a long, slanted
 * arrow. Each segment is named once, by a short name (s1, s2, … in the order they enter the network) and its fields;
 * all three read one {@link Timeline}.
 */
public final class SequenceChart {
    /** The text chart's width in columns, at most. */
    public static final int WIDTH = 100;
    private static final int STEP = 5;
    private static final int SIDE = 23;
    private static final int WIRE = WIDTH - STEP - 2 * SIDE - 2;

    private final Timeline timeline;
    private final String violated;
    private final boolean connections;

    /**
     * @param violated the property part the trace violates at its last step (marked there), or null
     */
    private SequenceChart(Trace<TcpState, Action> trace, String violated) {
        this.timeline = Timeline.of(trace);
        this.violated = violated;
        this.connections = timeline.copies().stream().anyMatch(c -> c.stamp().connection() > 1);
    }

    /** What the chart says at one step, in short phrases. */
    private record Row(int step, List<String> a, List<String> b, List<String> wire, boolean tick) {
    }

    private static String who(int e) {
        return Timeline.name(e);
    }

    /** "s3 <SEQ=1><ACK=1><CTL=ACK><DATA> unit 0" (the connection too when there are several). */
    private String fields(Timeline.Copy c) {
        return c.name() + " " + c.segment() + (c.segment().data() ? " unit " + c.stamp().dataIndex() : "")
                + (connections ? " conn " + c.stamp().connection() : "");
    }

    /** The qualifier of a delivery or loss: "old, from connection 1, age 1", "age 2", "". */
    private static String qualifier(Timeline.Copy c, Lang lang) {
        boolean zh = lang == Lang.ZH;
        if (c.old()) {
            return zh ? "旧报文段，属于连接 " + c.stamp().connection() + "，报文龄 " + c.age()
                    : "old, from connection " + c.stamp().connection() + ", age " + c.age();
        }
        return c.age() > 0 ? (zh ? "报文龄 " + c.age() : "age " + c.age()) : "";
    }

    private static String origin(Timeline.Copy c, Lang lang) {
        boolean zh = lang == Lang.ZH;
        switch (c.origin()) {
            case RETRANSMITTED:
                return zh ? "重传 " : "retransmits ";
            case DUPLICATED:
                return "";
            default:
                return zh ? "发出 " : "sends ";
        }
    }

    /** The rows of the chart; {@code drawing} puts the fields and the network's doings beside the lanes (SVG). */
    private List<Row> rows(Lang lang, boolean drawing) {
        boolean zh = lang == Lang.ZH;
        List<Row> out = new ArrayList<>();
        for (int i = 1; i <= timeline.length(); i++) {
            TcpState s = timeline.state(i - 1);
            TcpState n = timeline.state(i);
            Action a = timeline.action(i);
            List<String> an = new ArrayList<>();
            List<String> bn = new ArrayList<>();
            List<String> wire = new ArrayList<>();
            List<String> mine = a.endpoint() == TcpModel.A ? an : bn;
            switch (a.kind()) {
                case OPEN:
                    an.add((zh ? "打开（ISS " : "open (ISS ") + n.a().tcb().iss() + (zh ? "）" : ")"));
                    break;
                case WRITE:
                    mine.add(zh ? "应用写入" : "write");
                    break;
                case CLOSE:
                    mine.add(zh ? "应用关闭" : "close");
                    break;
                case LISTEN:
                    mine.add(zh ? "应用监听" : "listen");
                    break;
                case RETRANSMISSION_TIMEOUT:
                    mine.add(n.aborted() && !s.aborted() ? (zh ? "放弃" : "gives up")
                            : (zh ? "重传计时器超时" : "retransmission timer runs out"));
                    break;
                case TIME_WAIT_TIMEOUT:
                    mine.add(zh ? "TIME-WAIT 计时器到时" : "TIME-WAIT timer runs out");
                    break;
                case CRASH:
                    mine.add(zh ? "崩溃" : "CRASH");
                    break;
                case TICK:
                    wire.add(tick(i, lang));
                    break;
                case DUPLICATE: {
                    Timeline.Copy d = timeline.duplicatedAt(i);
                    String what = (zh ? "网络复制 " : "network duplicates ") + timeline.copy(d.original()).name()
                            + (zh ? "，副本 " : " as ") + d.name();
                    wire.add(what);
                    if (drawing) {
                        (d.from() == TcpModel.A ? an : bn).add(what);
                    }
                    break;
                }
                case LOSE: {
                    Timeline.Copy c = timeline.leaving(i);
                    String q = qualifier(c, lang);
                    wire.add(arrow(c, "X", (zh ? "丢失 " : "lost ") + c.name() + (q.isEmpty() ? "" : ", " + q)));
                    if (drawing) {
                        (c.from() == TcpModel.A ? an : bn).add(c.name() + (zh ? " 在网络中丢失" : " lost in the network"));
                    }
                    break;
                }
                default: {
                    Timeline.Copy c = timeline.deliveredAt(i);
                    String q = qualifier(c, lang);
                    wire.add(arrow(c, ">", c.name() + (q.isEmpty() ? "" : " (" + q + ")")));
                    mine.add((zh ? "收到 " : "gets ") + c.name() + (drawing && !q.isEmpty() ? " (" + q + ")" : ""));
                }
            }
            String ca = change(s.a(), n.a(), lang);
            String cb = change(s.b(), n.b(), lang);
            if (!ca.isEmpty()) {
                an.add(ca);
            }
            if (!cb.isEmpty()) {
                bn.add(cb);
            }
            for (Timeline.Copy c : timeline.sentAt(i)) {
                (c.from() == TcpModel.A ? an : bn).add(origin(c, lang) + (drawing ? fields(c) : c.name()));
                wire.add((c.from() == TcpModel.A ? "" : "<- ") + fields(c) + (c.from() == TcpModel.A ? " ->" : ""));
            }
            if (n.atBoundary() && !s.atBoundary()) {
                wire.add(zh ? "发送时方向已满：行为在此越出界限" : "a send finds its direction full: out of bounds");
            }
            out.add(new Row(i, an, bn, wire, a.kind() == Action.Kind.TICK));
        }
        return out;
    }

    /** A delivery or loss on the wire: "--- s3 (age 1) -->" or "<-- s3 ---", with X for a loss. */
    private static String arrow(Timeline.Copy c, String head, String label) {
        boolean toB = c.to() == TcpModel.B;
        if (head.equals("X")) {
            return toB ? "--- " + label + " --X" : "X-- " + label + " ---";
        }
        return toB ? "--- " + label + " -->" : "<-- " + label + " ---";
    }

    /** "tick 3: A TIME-WAIT 1, B retransmission 2": the timers' values after the tick, in ticks. */
    private String tick(int i, Lang lang) {
        boolean zh = lang == Lang.ZH;
        TcpState n = timeline.state(i);
        List<String> t = new ArrayList<>();
        for (int e = 0; e < 2; e++) {
            if (n.retransmitTimer(e) >= 0) {
                t.add(who(e) + (zh ? " 重传 " : " retransmission ") + n.retransmitTimer(e));
            }
            if (n.timeWaitTimer(e) >= 0) {
                t.add(who(e) + " TIME-WAIT " + n.timeWaitTimer(e));
            }
        }
        return (zh ? "时钟滴答 " : "tick ") + timeline.ticks(i) + (t.isEmpty() ? "" : ": " + String.join(", ", t));
    }

    private static String change(Host before, Host after, Lang lang) {
        boolean zh = lang == Lang.ZH;
        List<String> b = new ArrayList<>();
        if (before.state() != after.state()) {
            b.add("-> " + after.state());
        }
        if (after.app().delivered() > before.app().delivered() && after.app().attached()) {
            b.add((zh ? "交付单元 " : "delivers unit ") + (after.app().delivered() - 1));
        }
        if (after.app().endOfStream() && !before.app().endOfStream() && after.app().attached()) {
            b.add(zh ? "读到流结束" : "reads end of stream");
        }
        return String.join(", ", b);
    }

    private String violationLine(Lang lang) {
        return lang == Lang.ZH ? "✗ 第 " + timeline.length() + " 步违反 " + violated
                : "✗ " + violated + " breaks at step " + timeline.length();
    }

    // ---------------------------------------------------------------- text

    /** The chart as text, at most {@link #WIDTH} columns wide, with the violated property part (or null). */
    public static String text(String title, Trace<TcpState, Action> t, String violated) {
        return new SequenceChart(t, violated).text(title);
    }

    /** The chart as text, without marking a violation. */
    public static String text(String title, Trace<TcpState, Action> t) {
        return text(title, t, null);
    }

    private String text(String title) {
        StringBuilder b = new StringBuilder();
        for (String l : wrap(title, WIDTH)) {
            b.append(l).append('\n');
        }
        b.append('\n');
        Trace<TcpState, Action> t = timeline.trace();
        line(b, "step", List.of("A"), List.of(), List.of("B"));
        TcpState first = timeline.state(0);
        line(b, "", List.of(first.a().state().toString()), List.of(), List.of(first.b().state().toString()));
        for (Row r : rows(Lang.EN, false)) {
            if (t.isLasso() && r.step() == t.loopStart() + 1) {
                b.append("     ---- the cycle starts here and repeats for ever ----\n");
            }
            line(b, String.valueOf(r.step()), r.a(), r.wire(), r.b());
        }
        if (t.isLasso()) {
            b.append("     ---- back to the state after step ").append(t.loopStart()).append(" ----\n");
        }
        TcpState last = t.last();
        line(b, "end", List.of(last.a().state().toString()), List.of(), List.of(last.b().state().toString()));
        if (violated != null) {
            b.append(violationLine(Lang.EN)).append('\n');
        }
        return b.toString();
    }

    private static void line(StringBuilder b, String step, List<String> a, List<String> wire, List<String> bn) {
        List<String> ca = wrapAll(a, SIDE);
        List<String> cw = wrapAll(wire, WIRE);
        List<String> cb = wrapAll(bn, SIDE);
        int n = Math.max(1, Math.max(ca.size(), Math.max(cw.size(), cb.size())));
        for (int i = 0; i < n; i++) {
            String l = String.format(Locale.ROOT, "%4s %-" + SIDE + "s %-" + WIRE + "s %s", i == 0 ? step : "",
                    i < ca.size() ? ca.get(i) : "", i < cw.size() ? cw.get(i) : "", i < cb.size() ? cb.get(i) : "");
            b.append(l.stripTrailing()).append('\n');
        }
    }

    private static List<String> wrapAll(List<String> items, int width) {
        List<String> out = new ArrayList<>();
        for (String s : items) {
            out.addAll(wrap(s, width));
        }
        return out;
    }

    /** Words wrapped to lines of at most {@code width} characters (a longer word is cut). */
    static List<String> wrap(String s, int width) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String w : s.split(" ")) {
            while (w.length() > width) {
                if (cur.length() > 0) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
                out.add(w.substring(0, width));
                w = w.substring(width);
            }
            if (cur.length() > 0 && cur.length() + 1 + w.length() > width) {
                out.add(cur.toString());
                cur.setLength(0);
            }
            if (cur.length() > 0) {
                cur.append(' ');
            }
            cur.append(w);
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }

    // ---------------------------------------------------------------- Mermaid

    /** The chart as a Mermaid {@code sequenceDiagram} (Mermaid's own text; no Markdown around it). */
    public static String mermaid(Trace<TcpState, Action> t, String violated) {
        return new SequenceChart(t, violated).mermaid();
    }

    private String mermaid() {
        Trace<TcpState, Action> t = timeline.trace();
        StringBuilder b = new StringBuilder("sequenceDiagram\n");
        b.append("    participant A\n    participant B\n");
        TcpState first = timeline.state(0);
        b.append("    Note over A: ").append(first.a().state()).append('\n');
        b.append("    Note over B: ").append(first.b().state()).append('\n');
        for (int i = 1; i <= timeline.length(); i++) {
            if (t.isLasso() && i == t.loopStart() + 1) {
                b.append("    Note over A,B: the cycle starts here and repeats for ever\n");
            }
            TcpState s = timeline.state(i - 1);
            TcpState n = timeline.state(i);
            Action a = timeline.action(i);
            String head = i + ". ";
            switch (a.kind()) {
                case DELIVER: {
                    Timeline.Copy c = timeline.deliveredAt(i);
                    String q = qualifier(c, Lang.EN);
                    b.append("    ").append(c.from() == TcpModel.A ? "A->>B: " : "B->>A: ")
                            .append(mm(head + fields(c) + (c.sent() < i - 1 ? " sent at " + c.sent() : "")
                                    + (q.isEmpty() ? "" : " " + q.toUpperCase(Locale.ROOT)))).append('\n');
                    head = "";
                    break;
                }
                case LOSE: {
                    Timeline.Copy c = timeline.leaving(i);
                    b.append("    ").append(c.from() == TcpModel.A ? "A-xB: " : "B-xA: ")
                            .append(mm(head + "lost " + fields(c) + " sent at " + c.sent())).append('\n');
                    head = "";
                    break;
                }
                case DUPLICATE: {
                    Timeline.Copy d = timeline.duplicatedAt(i);
                    b.append("    Note over A,B: ").append(mm(head + "network duplicates "
                            + timeline.copy(d.original()).name() + " as " + d.name())).append('\n');
                    head = "";
                    break;
                }
                case TICK:
                    b.append("    Note over A,B: ").append(mm(head + tick(i, Lang.EN))).append('\n');
                    head = "";
                    break;
                default:
                    break;
            }
            for (int e = 0; e < 2; e++) {
                List<String> notes = new ArrayList<>();
                if (a.endpoint() == e && !a.isNetwork() && a.kind() != Action.Kind.TICK) {
                    notes.add(actionWord(a, s, n));
                }
                String ch = change(s.host(e), n.host(e), Lang.EN);
                if (!ch.isEmpty()) {
                    notes.add(ch);
                }
                for (Timeline.Copy c : timeline.sentAt(i)) {
                    if (c.from() == e) {
                        notes.add(origin(c, Lang.EN) + c.name());
                    }
                }
                if (!notes.isEmpty()) {
                    b.append("    Note over ").append(who(e)).append(": ").append(mm(head + String.join(", ", notes)))
                            .append('\n');
                    head = "";
                }
            }
        }
        if (t.isLasso()) {
            b.append("    Note over A,B: ").append(mm("back to the state after step " + t.loopStart())).append('\n');
        }
        if (violated != null) {
            b.append("    Note over A,B: ").append(mm(violationLine(Lang.EN))).append('\n');
        }
        return b.toString();
    }

    private static String actionWord(Action a, TcpState s, TcpState n) {
        switch (a.kind()) {
            case OPEN:
                return "open (ISS " + n.a().tcb().iss() + ")";
            case RETRANSMISSION_TIMEOUT:
                return n.aborted() && !s.aborted() ? "gives up" : "retransmission timer runs out";
            case TIME_WAIT_TIMEOUT:
                return "TIME-WAIT timer runs out";
            case CRASH:
                return "CRASH";
            default:
                return a.kind().name().toLowerCase(Locale.ROOT);
        }
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

    // ---------------------------------------------------------------- SVG

    /** The chart as an SVG drawing, labelled in English, without marking a violation. */
    public static String svg(String title, Trace<TcpState, Action> t) {
        return svg(title, t, null);
    }

    /**
     * A reading from one state alone, for views that have no trace (the explorer's network view): whether delivering
     * this segment now would deliver a SYN of a connection that is over, or any segment of an earlier connection than
     * A's current one (an RST is never counted). The charts and the stories, which have the trace, mark a segment old
     * by {@link Timeline}'s definition instead (its receiver started or ended a connection since it was sent), which
     * also covers the late segments of a connection that is over.
     */
    public static boolean oldDuplicate(TcpState s, Action a) {
        int n = a.stamp().connection();
        if (n <= 0 || a.segment().rst()) {
            return false;
        }
        return a.segment().syn() && !a.segment().ack() && Ghost.over(s, n) || s.a().connection() > n;
    }

    /** The chart as an SVG drawing, labelled in English. */
    public static String svg(String title, Trace<TcpState, Action> t, String violated) {
        return svg(title, t, violated, Lang.EN);
    }

    /** The chart as an SVG drawing, labelled in {@code lang}. */
    public static String svg(String title, Trace<TcpState, Action> t, String violated, Lang lang) {
        return new SequenceChart(t, violated).svg(title, lang);
    }

    /** Geometry of the SVG drawing (pixels); {@link SvgGeometry} checks the drawings against the same widths. */
    static final int FONT = 12;
    static final double CHAR = 7.3;
    static final double WIDE_CHAR = 12.5;
    private static final int LINE = 16;
    private static final int LANE_A = 430;
    private static final int LANE_B = 750;
    private static final int WIDTH_PX = 1180;
    private static final int SIDE_CHARS = 52;

    /** The rendered width of a text in pixels (monospace; CJK characters wider). */
    static double width(String s) {
        double w = 0;
        for (int i = 0; i < s.length(); i++) {
            w += s.charAt(i) >= 0x2E80 ? WIDE_CHAR : CHAR;
        }
        return w;
    }

    private String svg(String title, Lang lang) {
        boolean zh = lang == Lang.ZH;
        Trace<TcpState, Action> t = timeline.trace();
        List<Row> rows = rows(lang, true);
        StringBuilder body = new StringBuilder();
        int top = 86;
        int[] y = new int[timeline.length() + 2];
        int[] rowTop = new int[timeline.length() + 2];
        int cursor = top;
        // Row heights: as many lines as the longer side needs.
        for (Row r : rows) {
            List<String> a = sideLines(r.a(), r.tick() ? List.of(r.wire().get(0)) : List.of());
            List<String> b = sideLines(r.b(), List.of());
            int lines = Math.max(1, Math.max(a.size(), b.size()));
            rowTop[r.step()] = cursor;
            y[r.step()] = cursor + LINE / 2 + 2;
            cursor += lines * LINE + 6;
        }
        int rowBottom = cursor;
        int end = cursor + 8;
        y[timeline.length() + 1] = end;
        // Step numbers, notes, ticks.
        for (Row r : rows) {
            int ty = rowTop[r.step()] + 12;
            text(body, 8, ty, "start", "normal", "#666", String.valueOf(r.step()));
            List<String> a = sideLines(r.a(), r.tick() ? List.of(r.wire().get(0)) : List.of());
            for (int k = 0; k < a.size(); k++) {
                text(body, LANE_A - 10, ty + k * LINE, "end", "normal", r.tick() && k >= a.size() - 1 ? "#777"
                        : "#000", a.get(k));
            }
            List<String> b = sideLines(r.b(), List.of());
            for (int k = 0; k < b.size(); k++) {
                text(body, LANE_B + 10, ty + k * LINE, "start", "normal", "#000", b.get(k));
            }
            if (r.tick()) {
                body.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#777\" "
                        + "stroke-dasharray=\"2,3\"/>%n", LANE_A, y[r.step()], LANE_B, y[r.step()]));
            }
            if (t.isLasso() && r.step() == t.loopStart() + 1) {
                body.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
                        + "stroke=\"#c60\" stroke-width=\"2\"/>%n", LANE_A, rowTop[r.step()] - 3, LANE_B,
                        rowTop[r.step()] - 3));
            }
        }
        // Segments: from the step they entered the network to the step they left it.
        double[][] from = new double[timeline.copies().size() + 1][];
        double[][] to = new double[timeline.copies().size() + 1][];
        for (Timeline.Copy c : timeline.copies()) {
            double x0;
            double y0;
            if (c.origin() == Timeline.Origin.DUPLICATED) {
                double[] p0 = from[c.original()];
                double[] p1 = to[c.original()];
                y0 = y[c.entered()];
                x0 = p1 == null || p1[1] == p0[1] ? p0[0] : p0[0] + (p1[0] - p0[0]) * (y0 - p0[1]) / (p1[1] - p0[1]);
            } else {
                x0 = c.from() == TcpModel.A ? LANE_A : LANE_B;
                y0 = y[c.entered()];
            }
            double x1 = c.to() == TcpModel.A ? LANE_A : LANE_B;
            double y1 = c.fate() == Timeline.Fate.IN_FLIGHT ? end : y[c.left()];
            if (c.fate() != Timeline.Fate.DELIVERED) {
                x1 = (LANE_A + LANE_B) / 2.0 + (c.to() == TcpModel.B ? 40 : -40);
            }
            from[c.id()] = new double[] {x0, y0};
            to[c.id()] = new double[] {x1, y1};
        }
        for (Timeline.Copy c : timeline.copies()) {
            double[] p0 = from[c.id()];
            double[] p1 = to[c.id()];
            String colour = c.old() ? "#d35400" : c.origin() == Timeline.Origin.DUPLICATED ? "#8e44ad"
                    : c.origin() == Timeline.Origin.RETRANSMITTED ? "#1f5fbf" : c.fate() == Timeline.Fate.LOST
                    ? "#c0392b" : c.fate() == Timeline.Fate.IN_FLIGHT ? "#aaa" : "#000";
            String dash = c.fate() == Timeline.Fate.IN_FLIGHT ? " stroke-dasharray=\"6,4\"" : c.old()
                    ? " stroke-dasharray=\"8,3\"" : "";
            String marker = c.fate() == Timeline.Fate.DELIVERED ? " marker-end=\"url(#" + markerId(colour) + ")\"" : "";
            body.append(String.format(Locale.ROOT, "<line class=\"segment %s\" x1=\"%.1f\" "
                            + "y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%s\"%s%s/>%n",
                    c.name(), p0[0], p0[1], p1[0], p1[1], colour, c.old() ? "2.2" : "1.4", dash, marker));
            if (c.fate() == Timeline.Fate.LOST) {
                body.append(String.format(Locale.ROOT, "<path d=\"M%.1f,%.1f l12,12 m0,-12 l-12,12\" stroke=\"#c0392b\""
                        + " stroke-width=\"2.5\"/>%n", p1[0] - 6, p1[1] - 6));
            }
        }
        // The states at the end, the cycle, the violation.
        TcpState last = t.last();
        text(body, LANE_A, end + 20, "middle", "bold", "#000", last.a().state().toString());
        text(body, LANE_B, end + 20, "middle", "bold", "#000", last.b().state().toString());
        int foot = end + 44;
        if (t.isLasso()) {
            text(body, 8, foot, "start", "normal", "#c60", zh ? "橙线处开始的循环（第 " + (t.loopStart() + 1) + " 步起）无限重复"
                    : "the cycle from the orange rule (step " + (t.loopStart() + 1) + ") repeats for ever");
            foot += 20;
        }
        if (violated != null) {
            int n = timeline.length();
            body.append(String.format(Locale.ROOT, "<rect x=\"2\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                    + "stroke=\"#c0392b\" stroke-width=\"1.5\" rx=\"4\"/>%n", rowTop[n] - 3, WIDTH_PX - 4,
                    rowBottom - rowTop[n] + 1));
            text(body, 8, foot, "start", "bold", "#c0392b", violationLine(lang) + (zh ? "（红框）" : " (red box)"));
            foot += 20;
        }
        foot = legend(body, lang, foot + 6);
        int height = foot + 10;
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"DejaVu Sans Mono, Noto Sans Mono CJK SC, monospace\" "
                + "font-size=\"%d\">%n", WIDTH_PX, height, WIDTH_PX, height, FONT));
        b.append("<defs>");
        for (String colour : new String[] {"#000", "#d35400", "#8e44ad", "#1f5fbf"}) {
            b.append(String.format(Locale.ROOT, "<marker id=\"%s\" markerWidth=\"10\" markerHeight=\"8\" refX=\"10\" "
                    + "refY=\"4\" orient=\"auto\" markerUnits=\"userSpaceOnUse\"><path d=\"M0,0 L10,4 L0,8 z\" fill=\"%s\"/></marker>", markerId(colour),
                    colour));
        }
        b.append("</defs>\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        int ty = 22;
        for (String l : wrap(title, (int) ((WIDTH_PX - 20) / (zh ? WIDE_CHAR : CHAR + 1.2)))) {
            text(b, 8, ty, "start", "bold", "#000", l);
            ty += 18;
        }
        TcpState first = timeline.state(0);
        text(b, LANE_A, top - 22, "middle", "bold", "#000", "A  " + first.a().state());
        text(b, LANE_B, top - 22, "middle", "bold", "#000", "B  " + first.b().state());
        b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#bbb\"/>%n", LANE_A,
                top - 14, LANE_A, end));
        b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#bbb\"/>%n", LANE_B,
                top - 14, LANE_B, end));
        b.append(body);
        return b.append("</svg>\n").toString();
    }

    /** What the colours mean, below the drawing: a short sample line and its meaning per row. */
    private static int legend(StringBuilder b, Lang lang, int y) {
        boolean zh = lang == Lang.ZH;
        String[][] rows = {
            {"#000", "", zh ? "报文段：从发出的那一步画到到达的那一步（斜率即时延）" : "a segment, from the step it was sent to the step it arrived (slope is delay)"},
            {"#d35400", "8,3", zh ? "旧报文段：接收方自它发出后已开始或结束过一个连接" : "an old segment: its receiver started or ended a connection since it was sent"},
            {"#8e44ad", "", zh ? "网络复制出的副本，从原件分叉" : "a copy the network made, forking from its original"},
            {"#1f5fbf", "", zh ? "超时重传" : "a retransmission"},
            {"#c0392b", "", zh ? "丢失（叉号处）" : "lost (at the cross)"},
            {"#aaa", "6,4", zh ? "轨迹结束时仍在网络中" : "still in flight when the trace ends"},
            {"#777", "2,3", zh ? "时钟滴答，左侧为计时器剩余的 tick 数" : "a tick, with the timers' values in ticks on the left"}};
        for (String[] r : rows) {
            b.append(String.format(Locale.ROOT, "<line x1=\"8\" y1=\"%d\" x2=\"48\" y2=\"%d\" stroke=\"%s\" "
                    + "stroke-width=\"2\"%s/>%n", y - 4, y - 4, r[0], r[1].isEmpty() ? ""
                    : " stroke-dasharray=\"" + r[1] + "\""));
            text(b, 58, y, "start", "normal", "#333", r[2]);
            y += 18;
        }
        return y;
    }

    private static String markerId(String colour) {
        return "head" + colour.substring(1);
    }

    /** One side's notes, wrapped to the side column, then extra lines (a tick's timers). */
    private static List<String> sideLines(List<String> notes, List<String> extra) {
        List<String> out = new ArrayList<>();
        if (!notes.isEmpty()) {
            out.addAll(wrapPixels(String.join(", ", notes)));
        }
        for (String e : extra) {
            out.addAll(wrapPixels(e));
        }
        return out;
    }

    private static List<String> wrapPixels(String s) {
        int chars = SIDE_CHARS;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x2E80) {
                chars = (int) (SIDE_CHARS * CHAR / WIDE_CHAR);
                break;
            }
        }
        return wrap(s, chars);
    }

    private static void text(StringBuilder b, double x, double y, String anchor, String weight, String fill, String s) {
        b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-weight=\"%s\" "
                + "fill=\"%s\">%s</text>%n", x, y, anchor, weight, fill,
                s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")));
    }
}
