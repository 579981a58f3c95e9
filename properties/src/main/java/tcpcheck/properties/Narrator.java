package tcpcheck.properties;

import java.util.ArrayList;
import java.util.List;
import tcpcheck.checker.Trace;
import tcpcheck.model.Action;
import tcpcheck.model.Arrival;
import tcpcheck.model.ConnectionState;
import tcpcheck.model.Host;
import tcpcheck.model.Segment;
import tcpcheck.model.TcpModel;
import tcpcheck.model.TcpState;
import tcpcheck.model.Variant;

/**
 * Tells a trace as a {@link Story}: the decisive events in the order they happen, each in a sentence of English and
 * of Chinese that carries its {@link Claim}s. It reads the trace's actions and states, the ghost fields of the
 * segments (connection number, age) and the {@link Timeline} of copies (duplicates, retransmissions, old segments),
 * and asks the model what each arrival did ({@link TcpModel#explain}) to cite the rule of RFC 9293 that decided it.
 * It knows no particular counterexample: any variant, parameters and property.
 *
 * <p>Decisive: an open, a duplication, a loss, a retransmission, a timer running out, a give-up, a crash; an arrival
 * of an old segment, a duplicate, a retransmission or an RST, an arrival that starts TIME-WAIT, ends a connection or
 * answers a FIN without half-close; the step at which a connection becomes over; and the violation.
 */
public final class Narrator {
    private final TcpModel model;
    private final Trace<TcpState, Action> trace;
    private final Timeline timeline;
    private final List<Story.Sentence> out = new ArrayList<>();

    private Narrator(TcpModel model, Trace<TcpState, Action> trace) {
        this.model = model;
        this.trace = trace;
        this.timeline = Timeline.of(trace);
    }

    /** The story of a trace that violates {@code part} of {@code property} at its end. */
    public static Story tell(TcpModel model, Trace<TcpState, Action> trace, String property, String part) {
        Narrator n = new Narrator(model, trace);
        for (int i = 1; i <= trace.length(); i++) {
            n.step(i);
        }
        if (property != null) {
            n.violation(property, part);
        }
        return new Story(n.out);
    }

    /** The story of a trace, without a violation. */
    public static Story tell(TcpModel model, Trace<TcpState, Action> trace) {
        return tell(model, trace, null, null);
    }

    private TcpState state(int i) {
        return timeline.state(i);
    }

    private static String who(int e) {
        return Timeline.name(e);
    }

    private void say(int step, Story.Kind kind, String en, String zh, List<Claim> claims) {
        out.add(new Story.Sentence(step, kind, en, zh, List.copyOf(claims)));
    }

    private static int base(int packet) {
        return packet & ~(0xF << 27);
    }

    /** "A's SYN s1" and "A 的 SYN 报文段 s1". */
    private static String[] named(Timeline.Copy c) {
        return new String[] {who(c.from()) + "'s " + c.kind() + " " + c.name(),
            who(c.from()) + " 的 " + c.kind() + " 报文段 " + c.name()};
    }

    private static String ticksEn(int n) {
        return n + (n == 1 ? " tick" : " ticks");
    }

    private void step(int i) {
        Action a = timeline.action(i);
        TcpState s = state(i - 1);
        TcpState t = state(i);
        List<Claim> overs = new ArrayList<>();
        String[] over = connectionsOver(i, s, t, overs);
        switch (a.kind()) {
            case OPEN: {
                List<Claim> cs = new ArrayList<>();
                int n = t.a().connection();
                cs.add(new Claim.Opened(i, n));
                Timeline.Copy syn = timeline.sentAt(i).isEmpty() ? null : timeline.sentAt(i).get(0);
                String en = "A opens connection " + n + " (ISS " + t.a().tcb().iss() + ")";
                String zh = "A 打开连接 " + n + "（ISS = " + t.a().tcb().iss() + "）";
                if (syn != null) {
                    cs.add(new Claim.Sent(i, TcpModel.A, base(syn.packet())));
                    en += " and sends its SYN " + syn.name();
                    zh += "，发出 SYN 报文段 " + syn.name();
                }
                cs.addAll(overs);
                say(i, Story.Kind.OPEN, en + "." + over[0], zh + "。" + over[1], cs);
                return;
            }
            case DUPLICATE: {
                Timeline.Copy d = timeline.duplicatedAt(i);
                Timeline.Copy o = timeline.copy(d.original());
                String[] on = named(o);
                List<Claim> cs = new ArrayList<>(List.of(new Claim.Duplicated(i, a.packet()),
                        new Claim.SentAt(i, o.sent())));
                say(i, Story.Kind.DUPLICATION, "The network duplicates " + on[0] + " of connection "
                        + o.stamp().connection() + ", sent at step " + o.sent() + ": the copy " + d.name()
                        + " stays in flight.", "网络复制了第 " + o.sent() + " 步发出的 " + on[1] + "（连接 "
                        + o.stamp().connection() + "），副本 " + d.name() + " 留在网络中。", cs);
                return;
            }
            case LOSE: {
                Timeline.Copy c = timeline.leaving(i);
                List<Claim> cs = new ArrayList<>(List.of(new Claim.Lost(i, a.packet()),
                        new Claim.SentAt(i, c.sent())));
                String[] cn = named(c);
                String en = cn[0] + ", sent at step " + c.sent() + ",";
                String zh = "第 " + c.sent() + " 步发出的 " + cn[1];
                if (lastAck(c)) {
                    cs.add(new Claim.InState(c.sent(), TcpModel.A, ConnectionState.TIME_WAIT));
                    en = "A's last ACK " + c.name() + ", sent from TIME-WAIT at step " + c.sent() + ",";
                    zh = "A 在 TIME-WAIT 中于第 " + c.sent() + " 步发出的最后一个 ACK 报文段 " + c.name();
                }
                if (c.origin() == Timeline.Origin.DUPLICATED) {
                    cs.add(new Claim.DuplicateOf(i, c.entered()));
                    en += " the copy made at step " + c.entered() + ",";
                    zh += "（第 " + c.entered() + " 步复制出的副本）";
                }
                say(i, Story.Kind.LOSS, en + " is lost in the network.", zh + (zh.endsWith("）") ? "" : " ") + "在网络中丢失。", cs);
                return;
            }
            case RETRANSMISSION_TIMEOUT: {
                int e = a.endpoint();
                int rto = model.parameters().rto();
                List<Claim> cs = new ArrayList<>();
                cs.add(new Claim.TimerRanOut(i, e, Claim.Timer.RETRANSMISSION, rto));
                if (t.aborted() && !s.aborted()) {
                    cs.add(new Claim.GaveUp(i, e));
                    cs.addAll(overs);
                    say(i, Story.Kind.GIVE_UP, who(e) + "'s retransmission timer runs out again (RTO = "
                            + ticksEn(rto) + ") after " + model.parameters().retries() + " retransmissions: " + who(e)
                            + " gives up and is " + t.state(e) + "." + over[0], who(e) + " 的重传计时器再次超时（RTO = "
                            + rto + " 个 tick），已重传 " + model.parameters().retries() + " 次：" + who(e) + " 放弃连接，进入 "
                            + t.state(e) + "。" + over[1], cs);
                    return;
                }
                cs.add(new Claim.Retransmitted(i, e));
                List<Timeline.Copy> sent = timeline.sentAt(i);
                String en = who(e) + "'s retransmission timer runs out (RTO = " + ticksEn(rto) + ")";
                String zh = who(e) + " 的重传计时器超时（RTO = " + rto + " 个 tick）";
                if (!sent.isEmpty()) {
                    Timeline.Copy c = sent.get(0);
                    cs.add(new Claim.Sent(i, e, base(c.packet())));
                    en += " and " + who(e) + " retransmits its " + c.kind() + " as " + c.name();
                    zh += "，" + who(e) + " 重传它的 " + c.kind() + "，即 " + c.name();
                }
                say(i, Story.Kind.RETRANSMISSION, en + ".", zh + "。", cs);
                return;
            }
            case TIME_WAIT_TIMEOUT: {
                int e = a.endpoint();
                List<Claim> cs = new ArrayList<>(List.of(new Claim.TimerRanOut(i, e, Claim.Timer.TIME_WAIT,
                        model.timeWait()), new Claim.InState(i, e, t.state(e))));
                cs.addAll(overs);
                say(i, Story.Kind.TIME_WAIT_ENDS, who(e) + "'s TIME-WAIT timer runs out (T = "
                        + ticksEn(model.timeWait()) + "): " + who(e) + " is " + t.state(e) + "." + over[0],
                        who(e) + " 的 TIME-WAIT 计时器到时（T = " + model.timeWait() + " 个 tick）：" + who(e) + " 进入 "
                                + t.state(e) + "。" + over[1], cs);
                return;
            }
            case CRASH: {
                int e = a.endpoint();
                List<Claim> cs = new ArrayList<>(List.of(new Claim.Crashed(i, e)));
                cs.addAll(overs);
                say(i, Story.Kind.CRASH, who(e) + " crashes and loses all its state." + over[0], who(e)
                        + " 崩溃，丢失全部状态。" + over[1], cs);
                return;
            }
            case DELIVER:
                arrival(i, a, s, t, overs, over);
                return;
            default:
                if (!overs.isEmpty()) {
                    say(i, Story.Kind.ARRIVAL, over[0].trim(), over[1], overs);
                }
        }
    }

    /** A's pure ACK sent from TIME-WAIT: the last ACK of the close. */
    private boolean lastAck(Timeline.Copy c) {
        Segment g = c.segment();
        return c.from() == TcpModel.A && g.ack() && !g.syn() && !g.fin() && !g.rst() && !g.data()
                && state(c.sent()).state(TcpModel.A) == ConnectionState.TIME_WAIT;
    }

    /** The connections that become over at this step, as claims and as a clause in each language. */
    private String[] connectionsOver(int i, TcpState s, TcpState t, List<Claim> claims) {
        String en = "";
        String zh = "";
        for (int n = 1; n <= model.parameters().connections(); n++) {
            if (!Ghost.over(s, n) && Ghost.over(t, n)) {
                claims.add(new Claim.ConnectionOver(i, n));
                en += " Connection " + n + " is over.";
                zh += "连接 " + n + " 就此结束。";
            }
        }
        return new String[] {en, zh};
    }

    private void arrival(int i, Action a, TcpState s, TcpState t, List<Claim> overs, String[] over) {
        int e = a.endpoint();
        Timeline.Copy c = timeline.deliveredAt(i);
        Segment g = a.segment();
        Host before = s.host(e);
        Host after = t.host(e);
        ConnectionState was = before.state();
        ConnectionState now = after.state();
        Arrival arr = model.explain(s, a);
        boolean ignoredRstInTimeWait = g.rst() && was == ConnectionState.TIME_WAIT && now == was;
        boolean withoutHalfClose = was == ConnectionState.ESTABLISHED && now == ConnectionState.LAST_ACK;
        boolean decisive = c.old() || c.origin() != Timeline.Origin.SENT || g.rst() || i == trace.length()
                || !overs.isEmpty() || now.idle() && !was.idle() || now == ConnectionState.TIME_WAIT && was != now
                || withoutHalfClose || arr.challengeAck() || arr.timeWaitRestarted();
        if (!decisive) {
            return;
        }
        List<Claim> cs = new ArrayList<>();
        cs.add(new Claim.Delivered(i, e, a.packet()));
        cs.add(new Claim.SentAt(i, c.sent()));
        String[] cn = named(c);
        String en = cn[0];
        String zh = cn[1];
        List<String> notes = new ArrayList<>();
        List<String> notesZh = new ArrayList<>();
        if (c.origin() == Timeline.Origin.DUPLICATED) {
            cs.add(new Claim.DuplicateOf(i, c.entered()));
            notes.add("the copy the network made at step " + c.entered() + " of " + timeline.copy(c.original()).name()
                    + ", sent at step " + c.sent());
            notesZh.add("网络在第 " + c.entered() + " 步复制出的 " + timeline.copy(c.original()).name() + " 的副本，原件于第 "
                    + c.sent() + " 步发出");
        } else if (c.origin() == Timeline.Origin.RETRANSMITTED) {
            notes.add("retransmitted at step " + c.sent());
            notesZh.add("第 " + c.sent() + " 步重传");
        } else if (c.old()) {
            notes.add("sent at step " + c.sent());
            notesZh.add("第 " + c.sent() + " 步发出");
        }
        if (c.old()) {
            cs.add(new Claim.Old(i, c.sent()));
            notes.add("old: from connection " + c.stamp().connection() + ", age " + c.age());
            notesZh.add("旧报文段：属于连接 " + c.stamp().connection() + "，已在网络中 " + c.age() + " 个 tick");
        }
        if (!notes.isEmpty()) {
            en += " (" + String.join("; ", notes) + ")";
            zh += "（" + String.join("；", notesZh) + "）";
        }
        en += " reaches " + who(e) + " in " + was;
        zh += (zh.endsWith("）") ? "" : " ") + "到达处于 " + was + " 的 " + who(e);
        RfcRule rule = RfcRule.of(before.tcb(), g, arr, model.parameters().seqSpace());
        cs.add(new Claim.Rule(i, rule.section(), rule.step()));
        List<String> does = new ArrayList<>();
        List<String> doesZh = new ArrayList<>();
        if (arr.reset() && now.idle()) {
            cs.add(new Claim.Reset(i, e));
            cs.add(new Claim.Entered(i, e, now));
            does.add(who(e) + "'s connection is reset: " + who(e) + " is back in " + now);
            doesZh.add(who(e) + " 的连接被复位，回到 " + now);
        } else if (ignoredRstInTimeWait) {
            cs.add(new Claim.InState(i, e, now));
            does.add(who(e) + " ignores it and stays in TIME-WAIT (RFC 1337's first fix, which RFC 9293's text does"
                    + " not adopt)");
            doesZh.add(who(e) + " 忽略它，仍处于 TIME-WAIT（RFC 1337 的第一项修正；RFC 9293 正文并未采纳）");
        } else if (now != was) {
            cs.add(new Claim.Entered(i, e, now));
            does.add(who(e) + " enters " + now);
            doesZh.add(who(e) + " 进入 " + now);
        }
        if (arr.timeWaitRestarted()) {
            does.add(who(e) + " acknowledges it again and restarts its TIME-WAIT timer (" + ticksEn(model.timeWait())
                    + ")");
            doesZh.add(who(e) + " 再次确认并重新启动 TIME-WAIT 计时器（" + model.timeWait() + " 个 tick）");
        }
        if (withoutHalfClose) {
            int written = after.app().written();
            cs.add(new Claim.UnitsWritten(i, e, written));
            does.add("without half-close it sends its own FIN at once, and the " + (model.parameters().data()
                    - written) + " of its " + model.parameters().data() + " data units its application had not"
                    + " yet written are lost");
            doesZh.add("没有半关闭，它立即发出自己的 FIN，其应用尚未写出的 " + (model.parameters().data() - written)
                    + " 个数据单元（共 " + model.parameters().data() + " 个）就此丢失");
        }
        if (after.app().delivered() > before.app().delivered() && after.app().attached() && arr.delivered()) {
            cs.add(new Claim.UnitsDelivered(i, e, after.app().delivered()));
            does.add("its application receives data unit " + (after.app().delivered() - 1));
            doesZh.add("其应用收到数据单元 " + (after.app().delivered() - 1));
        }
        if (arr.endOfStream() && after.app().attached()) {
            cs.add(new Claim.ReadsEndOfStream(i, e));
            does.add("its application reads end of stream");
            doesZh.add("其应用读到流结束（EOF）");
        }
        if (arr.challengeAck()) {
            does.add(who(e) + " answers with a challenge ACK (RFC 5961)");
            doesZh.add(who(e) + " 回以挑战 ACK（RFC 5961）");
        }
        for (Timeline.Copy r : timeline.sentAt(i)) {
            if (r.segment().rst() || r.segment().syn()) {
                cs.add(new Claim.Sent(i, e, base(r.packet())));
                does.add(who(e) + " answers with " + r.kind() + " " + r.name());
                doesZh.add(who(e) + " 回以 " + r.kind() + " 报文段 " + r.name());
            }
        }
        if (does.isEmpty()) {
            does.add(arr.ackNow() ? who(e) + " acknowledges it" : who(e) + " drops it");
            doesZh.add(arr.ackNow() ? who(e) + " 回以确认" : who(e) + " 将其丢弃");
        }
        en += "; by " + rule.cite(Lang.EN) + variantNote(rule, was, Lang.EN) + ", " + String.join(", and ", does)
                + "." + over[0];
        zh += "；依据 " + rule.cite(Lang.ZH) + variantNote(rule, was, Lang.ZH) + "，" + String.join("，", doesZh)
                + "。" + over[1];
        cs.addAll(overs);
        say(i, c.old() ? Story.Kind.OLD_SEGMENT : Story.Kind.ARRIVAL, en, zh, cs);
    }

    /** Where the variant changes the rule just cited. */
    private String variantNote(RfcRule rule, ConnectionState was, Lang lang) {
        Variant v = model.variant();
        boolean zh = lang == Lang.ZH;
        if (v == Variant.TWO_WAY_HANDSHAKE && (rule.section().equals("3.10.7.2") && rule.step() == 3
                || rule.section().equals("3.10.7.3") && rule.step() == 4)) {
            return zh ? "，两次握手变体对此作了改动：无需第三个报文段即进入 ESTABLISHED"
                    : ", as the two-way handshake changes it: ESTABLISHED without a third segment";
        }
        if (v == Variant.FOUR_WAY_HANDSHAKE && (rule.section().equals("3.10.7.2") && rule.step() == 3
                || rule.section().equals("3.10.7.3"))) {
            return zh ? "，四次握手变体对此作了改动：ACK 与 SYN 分开发送"
                    : ", as the four-way handshake changes it: the ACK and the SYN travel apart";
        }
        if (v == Variant.THREE_WAY_CLOSE && rule.step() == 8 && was == ConnectionState.ESTABLISHED) {
            return zh ? "，无半关闭的三次挥手变体对此作了改动" : ", as the close without half-close changes it";
        }
        if (v == Variant.RFC9293_TEXT && rule.step() == 2 && was == ConnectionState.TIME_WAIT) {
            return zh ? "，按 RFC 9293 正文（与 RFC 793 相同，未采纳 RFC 1337 的修正）"
                    : ", as RFC 9293's text says (like RFC 793; RFC 1337's fix is not applied)";
        }
        if (model.timeWait() == 0 && rule.step() == 8 && (was == ConnectionState.FIN_WAIT_1
                || was == ConnectionState.FIN_WAIT_2 || was == ConnectionState.CLOSING)) {
            return zh ? "，且没有 TIME-WAIT（T = 0）" : ", with no TIME-WAIT (T = 0)";
        }
        return "";
    }

    /** The last sentence: the step at which the property breaks, and why. */
    private void violation(String property, String part) {
        int n = trace.length();
        TcpState s = n > 0 ? state(n - 1) : state(0);
        TcpState t = state(n);
        List<Claim> cs = new ArrayList<>();
        cs.add(new Claim.Violated(n, property, part));
        String name = part == null ? property : part;
        String en;
        String zh;
        if (name.startsWith(TcpProperties.NO_STALE_ACCEPT)) {
            String[] why = stale(n, s, t, cs);
            en = why[0];
            zh = why[1];
        } else if (name.startsWith(TcpProperties.AGREEMENT)) {
            cs.add(new Claim.InState(n, TcpModel.A, ConnectionState.ESTABLISHED));
            cs.add(new Claim.InState(n, TcpModel.B, ConnectionState.ESTABLISHED));
            en = "A and B are both ESTABLISHED but disagree: A has ISS " + t.a().tcb().iss() + ", IRS "
                    + t.a().tcb().irs() + " in connection " + t.a().connection() + ", B has ISS " + t.b().tcb().iss()
                    + ", IRS " + t.b().tcb().irs() + " in connection " + t.b().connection();
            zh = "A 与 B 都处于 ESTABLISHED，却互不一致：A 的 ISS 为 " + t.a().tcb().iss() + "、IRS 为 "
                    + t.a().tcb().irs() + "（连接 " + t.a().connection() + "），B 的 ISS 为 " + t.b().tcb().iss()
                    + "、IRS 为 " + t.b().tcb().irs() + "（连接 " + t.b().connection() + "）";
        } else if (trace.isLasso()) {
            cs.add(new Claim.Cycle(n, trace.loopStart()));
            en = "from step " + trace.loopStart() + " on, steps " + (trace.loopStart() + 1) + " to " + n
                    + " can repeat for ever, each action that stays enabled being taken in turn, and A is never"
                    + " CLOSED with B in LISTEN";
            zh = "从第 " + trace.loopStart() + " 步起，第 " + (trace.loopStart() + 1) + " 至 " + n
                    + " 步可以公平地无限重复，而 A 始终没有在 B 处于 LISTEN 时进入 CLOSED";
        } else if (model.terminal(t) && (name.startsWith(TcpProperties.NO_DEADLOCK)
                || name.startsWith(TcpProperties.EVENTUALLY_CLOSED) || name.contains("(at the end)"))) {
            cs.add(new Claim.NoActionEnabled(n));
            cs.add(new Claim.InState(n, TcpModel.A, t.a().state()));
            cs.add(new Claim.InState(n, TcpModel.B, t.b().state()));
            en = "no action is enabled any more, with A in " + t.a().state() + " and B in " + t.b().state()
                    + (name.startsWith(TcpProperties.GRACEFUL_CLOSE) ? ": a connection an application saw is still"
                    + " open and will never end by the FIN exchange" : ", not A CLOSED and B in LISTEN");
            zh = "此后再无可执行的动作，A 停在 " + t.a().state() + "，B 停在 " + t.b().state()
                    + (name.startsWith(TcpProperties.GRACEFUL_CLOSE) ? "：应用见过的连接仍未关闭，永远不会以 FIN 交换结束"
                    : "，而不是 A 处于 CLOSED、B 处于 LISTEN");
        } else if (name.startsWith(TcpProperties.GRACEFUL_CLOSE)) {
            String[] why = ended(n, s, t, cs);
            en = why[0];
            zh = why[1];
        } else if (name.startsWith(TcpProperties.NO_DATA_LOSS)) {
            String[] why = dataLoss(n, s, t, cs, name.contains("in order"));
            en = why[0];
            zh = why[1];
        } else {
            en = "the property's condition fails";
            zh = "性质的条件不成立";
        }
        say(n, Story.Kind.VIOLATION, "This breaks " + name + " at step " + n + ": " + en + ".",
                "第 " + n + " 步违反了 " + name + "：" + zh + "。", cs);
    }

    /** The last step at or before {@code i} at which connection {@code c} became over, or 0. */
    private int overSince(int i, int c) {
        for (int j = i; j >= 1; j--) {
            if (Ghost.over(state(j), c) && !Ghost.over(state(j - 1), c)) {
                return j;
            }
        }
        return 0;
    }

    private String[] stale(int n, TcpState s, TcpState t, List<Claim> cs) {
        for (int e = TcpModel.A; e <= TcpModel.B; e++) {
            Host before = s.host(e);
            Host after = t.host(e);
            if (s.sameEndpoint(t, e) || !TcpProperties.accepts(before, after)) {
                continue;
            }
            String what;
            String whatZh;
            if (after.state() == ConnectionState.ESTABLISHED && before.state() != ConnectionState.ESTABLISHED) {
                cs.add(new Claim.Entered(n, e, ConnectionState.ESTABLISHED));
                what = who(e) + " enters ESTABLISHED";
                whatZh = who(e) + " 进入 ESTABLISHED";
            } else if (after.app().endOfStream() && !before.app().endOfStream()) {
                cs.add(new Claim.ReadsEndOfStream(n, e));
                what = who(e) + "'s application reads end of stream";
                whatZh = who(e) + " 的应用读到流结束";
            } else {
                cs.add(new Claim.UnitsDelivered(n, e, after.app().delivered()));
                what = who(e) + "'s application receives data";
                whatZh = who(e) + " 的应用收到数据";
            }
            int current = after.connection();
            if (Ghost.over(s, current)) {
                int since = overSince(n - 1, current);
                if (since > 0) {
                    cs.add(new Claim.ConnectionOver(since, current));
                }
                return new String[] {what + " in connection " + current + ", which has been over since step " + since,
                    whatZh + "，而它所在的连接 " + current + " 早在第 " + since + " 步就已结束"};
            }
            Action a = timeline.action(n);
            return new String[] {what + " because of a segment of connection " + a.stamp().connection()
                + " while it is in connection " + current, whatZh + "，起因却是连接 " + a.stamp().connection()
                + " 的报文段，而它处于连接 " + current};
        }
        return new String[] {"an endpoint accepts what belongs to a connection that is over", "端点接受了已结束连接的内容"};
    }

    private String[] ended(int n, TcpState s, TcpState t, List<Claim> cs) {
        for (int e = TcpModel.A; e <= TcpModel.B; e++) {
            if (!Ghost.ended(s, t, e) || !s.host(e).seen()) {
                continue;
            }
            Action a = timeline.action(n);
            int conn = s.host(e).connection();
            cs.add(new Claim.Entered(n, e, t.state(e)));
            if (a.kind() == Action.Kind.DELIVER && a.endpoint() == e && a.segment().rst()) {
                cs.add(new Claim.Reset(n, e));
                return new String[] {who(e) + "'s connection " + conn + " ends by an RST, not by the FIN exchange",
                    who(e) + " 的连接 " + conn + " 因 RST 而结束，而不是经由 FIN 交换"};
            }
            return new String[] {who(e) + "'s connection " + conn + " ends before its application has read the"
                + " peer's end of stream", who(e) + " 的连接 " + conn + " 在其应用读到对方的流结束之前就结束了"};
        }
        return new String[] {"a connection does not end by the FIN exchange", "有连接没有经由 FIN 交换结束"};
    }

    private String[] dataLoss(int n, TcpState s, TcpState t, List<Claim> cs, boolean order) {
        int d = model.parameters().data();
        for (int e = TcpModel.A; e <= TcpModel.B; e++) {
            if (s.sameEndpoint(t, e)) {
                continue;
            }
            Host after = t.host(e);
            if (order) {
                Action a = timeline.action(n);
                return new String[] {"data unit " + a.stamp().dataIndex() + " reaches " + who(e)
                    + "'s application out of order or twice", "数据单元 " + a.stamp().dataIndex() + " 乱序或重复地交付给了 "
                    + who(e) + " 的应用"};
            }
            int got = after.app().delivered();
            if (got >= d) {
                continue;
            }
            cs.add(new Claim.UnitsDelivered(n, e, got));
            boolean readsEnd = after.app().endOfStream() && !s.host(e).app().endOfStream() && after.app().attached();
            if (readsEnd) {
                cs.add(new Claim.ReadsEndOfStream(n, e));
                return new String[] {who(e) + "'s application reads end of stream having received " + got + " of the "
                    + d + " data units its peer wrote for it", who(e) + " 的应用读到流结束时，只收到了对方 " + d
                    + " 个数据单元中的 " + got + " 个"};
            }
            cs.add(new Claim.Entered(n, e, t.state(e)));
            return new String[] {who(e) + "'s connection ends with " + got + " of the " + d + " data units"
                + " delivered to its application", who(e) + " 的连接结束时，其应用只收到了 " + d + " 个数据单元中的 "
                + got + " 个"};
        }
        return new String[] {"data is lost", "数据丢失"};
    }
}
