package tcpcheck.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tcpcheck.checker.Statistics;
import tcpcheck.checker.Verdict;
import tcpcheck.model.Parameters;
import tcpcheck.model.Variant;
import tcpcheck.properties.Explanation;
import tcpcheck.properties.Lang;
import tcpcheck.properties.PropertyVerdict;
import tcpcheck.properties.SpecTable;
import tcpcheck.properties.Story;
import tcpcheck.properties.TcpProperties;
import tcpcheck.properties.VariantReport;

/**
 * The justification report in one language, organised by the textbook's questions, each answered by the evidence
 * of this run ({@link Evidence}) and, for the sweep cells too large for minutes, by recorded cells marked as such.
 */
final class ReportPage {
    private final Evidence e;
    private final Doc d;
    private final Lang lang;

    private ReportPage(Evidence e, Lang lang) {
        this.e = e;
        this.lang = lang;
        this.d = new Doc(lang, lang == Lang.ZH ? "TCP 为什么需要三次握手、四次挥手和 2MSL 的 TIME-WAIT：模型检验给出的证据"
                : "Why TCP needs three handshakes, four waves and a TIME-WAIT of 2 MSL: the evidence");
    }

    static Doc render(Evidence e, Lang lang) {
        ReportPage r = new ReportPage(e, lang);
        r.intro();
        r.threeWay();
        r.fourWay();
        r.timeWait();
        r.whatCheckMeans();
        r.matrix();
        return r.d;
    }

    private String t(String en, String zh) {
        return d.t(en, zh);
    }

    private static String n(long x) {
        return String.format(Locale.ROOT, "%,d", x);
    }

    private void intro() {
        Parameters p = Parameters.defaults();
        d.p(t("tcpcheck is a model of TCP connection management (RFC 9293, one port pair, two endpoints A and B over a"
                + " network that loses, duplicates, reorders and delays segments) and a model checker that explores"
                + " every behaviour within bounds. Each answer below is evidence that this run of `./tcpcheck report`"
                + " checked: a verdict over every behaviour, or the shortest counterexample, told as a story from its"
                + " trace. The bounds: K = " + p.connections() + " connection, D = " + p.data() + " data unit each"
                + " way, L = " + p.losses() + " loss, Dup = " + p.duplicates() + " duplication, C = " + p.capacity()
                + " segments in flight per direction, S = " + p.seqSpace() + " sequence numbers, MSL = " + p.msl()
                + " ticks, RTO = " + p.rto() + ", R = " + p.retries() + " retransmissions, T = 2 × MSL = "
                + 2 * p.msl() + " ticks of TIME-WAIT (docs/specification.md in the repository says it all).",
                "tcpcheck 是 TCP 连接管理的形式化模型（依据 RFC 9293：一对端口，两个端点 A 与 B，网络会丢失、重复、乱序并延迟报文段），"
                + "加上一个模型检验器，它在给定界限内穷举所有行为。下面每个回答都以本次运行 `./tcpcheck report` 检验得到的证据为依据："
                + "要么是对所有行为的判定，要么是最短反例，并由其轨迹自动讲成故事。界限：K = " + p.connections() + " 个连接，"
                + "每个方向 D = " + p.data() + " 个数据单元，L = " + p.losses() + " 次丢失，Dup = " + p.duplicates()
                + " 次重复，每个方向最多 C = " + p.capacity() + " 个在途报文段，序号空间 S = " + p.seqSpace()
                + "，最长报文段寿命 MSL = " + p.msl() + " 个 tick，RTO = " + p.rto() + "，最多重传 R = " + p.retries()
                + " 次，TIME-WAIT 为 T = 2MSL = " + 2 * p.msl() + " 个 tick（完整规约见仓库中的 docs/specification.md）。"));
        long sweepCells = e.graceful().size() + e.stale().size();
        d.p(t("This run checked " + e.checked().size() + " of the 7 variants in full (all six properties), "
                + sweepCells + " cells of the TIME-WAIT sweep, and the searches for the stories below, in "
                + String.format(Locale.ROOT, "%.0f", e.seconds()) + " s. Larger sweep cells take minutes to hours"
                + " and hundreds of millions of states; they are shown as recorded from an earlier run, marked †,"
                + " each with the command that checks it again. Every figure says the command that regenerates it.",
                "本次运行完整检验了 7 个变体中的 " + e.checked().size() + " 个（全部六条性质）、TIME-WAIT 扫描中的 "
                + sweepCells + " 个单元，以及下文各个故事所需的搜索，共用时 "
                + String.format(Locale.ROOT, "%.0f", e.seconds()) + " 秒。更大的扫描单元需要数分钟到数小时、数亿个状态，"
                + "这里以早先运行的记录形式给出，标记为 †，并附上重新检验的命令。每张图都注明了重新生成它的命令。"));
    }

    /** The verdict of a cell in this run, or "not checked in this run". */
    private String cell(Variant v, String property) {
        VariantReport r = e.checked().get(v);
        if (r == null) {
            return t("not checked in this run", "本次未检验");
        }
        PropertyVerdict p = r.result(property);
        return p.symbol() + (p.verdict() == Verdict.VIOLATED ? " " + p.length() : "");
    }

    private List<String> row(Variant v) {
        List<String> out = new ArrayList<>();
        out.add("`" + v.id() + "`");
        for (String p : TcpProperties.NAMES) {
            out.add(cell(v, p));
        }
        return out;
    }

    private List<String> head() {
        List<String> h = new ArrayList<>();
        h.add(t("variant", "变体"));
        h.addAll(TcpProperties.NAMES);
        return h;
    }

    /** A story and its drawing, or a line saying it was not found in this run. */
    private void told(String key, String caption) {
        Evidence.Told s = e.story(key);
        if (s == null) {
            d.p(t("(This run did not find this story.)", "（本次运行未找到这个故事。）"));
            return;
        }
        Explanation x = s.explanation();
        Story story = x.story();
        d.story(story);
        d.figure(x.svg(lang), x.mermaid(), x.text(), caption + " " + t("(" + x.title() + ".)", "（" + x.title() + "。）"),
                s.command());
    }

    private void threeWay() {
        d.h2("three-way-handshake", t("Why three handshakes?", "为什么要三次握手？"));
        d.answer(t("With two handshakes, an old duplicate SYN that reaches the server after its connection is over"
                + " establishes a connection nobody asked for, and the server waits for ever for a request. The third"
                + " segment lets the client answer the server's SYN-ACK: to an old SYN the client answers with an RST,"
                + " and the server returns to LISTEN.",
                "若只有两次握手，一个已经结束的连接留下的旧 SYN 报文段到达服务器时，会建立一个没有人请求的连接，服务器将永远等待一个不会到来的请求。"
                + "第三个报文段让客户端对服务器的 SYN-ACK 作出回答：对旧的 SYN，客户端回以 RST，服务器回到 LISTEN。"));
        d.p(t("The two-way handshake (B enters ESTABLISHED as soon as a SYN reaches it in LISTEN, and A sends no third"
                + " segment) against every property, with the standard for comparison; ✗ n is a shortest"
                + " counterexample of n actions:",
                "两次握手变体（B 在 LISTEN 状态收到 SYN 就进入 ESTABLISHED，A 不发第三个报文段）与标准变体在各性质上的判定；"
                + "✗ n 表示最短反例有 n 个动作："));
        d.table(head(), List.of(row(Variant.TWO_WAY_HANDSHAKE), row(Variant.RFC9293_RFC1337),
                row(Variant.FOUR_WAY_HANDSHAKE)));
        d.h3("stale-syn", t("The old SYN (two-way handshake, no-stale-accept)", "旧的 SYN（两次握手，no-stale-accept）"));
        told(Evidence.STALE_SYN, t("The old SYN establishes a connection that is over: its long orange arrow runs"
                + " from the step the SYN was sent to the step it arrived.",
                "旧 SYN 建立了一个早已结束的连接：橙色长箭头从 SYN 发出的那一步一直画到它到达的那一步。"));
        Evidence.Told dead = e.story(Evidence.STALE_SYN_DEADLOCK);
        if (dead != null) {
            d.p(t("The same old SYN also leaves the server waiting for ever (no-deadlock, "
                    + dead.explanation().trace().length() + " actions): ", "同一个旧 SYN 还会让服务器永远等待（no-deadlock，"
                    + dead.explanation().trace().length() + " 个动作）：") + dead.explanation().story().violation()
                    .text(lang) + " " + t("Find it: ", "复现：") + "`" + dead.command() + "`");
        }
        d.h3("standard-old-syn", t("The same old SYN against the standard three-way handshake",
                "同样的旧 SYN 遇到标准的三次握手"));
        d.p(t("In the standard variant the old SYN only brings B to SYN-RECEIVED: its SYN-ACK reaches A, which has no"
                + " such connection and answers with an RST, and B goes back to LISTEN (RFC 9293, Figure 8). This is"
                + " the shortest such behaviour:",
                "在标准变体中，旧 SYN 只能让 B 进入 SYN-RECEIVED：B 的 SYN-ACK 到达 A，A 并没有这个连接，于是回以 RST，B 回到 LISTEN"
                + "（RFC 9293 图 8）。下面是最短的这种行为："));
        told(Evidence.STANDARD_OLD_SYN, t("The third segment at work: A's RST sends B back to LISTEN.",
                "第三个报文段的作用：A 的 RST 把 B 送回 LISTEN。"));
        int[] std = e.segments(Variant.RFC9293_RFC1337);
        int[] four = e.segments(Variant.FOUR_WAY_HANDSHAKE);
        int[] two = e.segments(Variant.TWO_WAY_HANDSHAKE);
        d.p(t("Why not four? The four-way handshake (SYN, ACK, SYN, ACK as four segments) is correct, every property"
                + " holds in its row above, but it spends a segment more: in the shortest behaviour without loss,"
                + " both endpoints are ESTABLISHED after " + four[0] + " segments, against " + std[0] + " for the"
                + " standard (and " + two[0] + " for the two-way handshake, which is wrong). Three is the fewest that"
                + " is correct.",
                "为什么不是四次？四次握手（SYN、ACK、SYN、ACK 分成四个报文段）是正确的，上表中它的各项性质都成立，但多用了一个报文段："
                + "在没有丢失的最短行为中，它要 " + four[0] + " 个报文段两端才都进入 ESTABLISHED，标准变体只要 " + std[0]
                + " 个（两次握手只要 " + two[0] + " 个，但它是错的）。三次是保证正确的最少次数。"));
    }

    private void fourWay() {
        d.h2("four-way-close", t("Why four waves?", "为什么要四次挥手？"));
        d.answer(t("TCP is full duplex: when A has finished sending, B may still have data to send. The close has two"
                + " halves, each a FIN and its ACK. Merging B's ACK and FIN, as the handshake merges SYN and ACK, means"
                + " B must close at once, and the response it had not yet sent is lost.",
                "TCP 是全双工的：A 发送完毕时，B 可能还有数据要发。连接的关闭分两个方向，各自是一个 FIN 和它的 ACK。"
                + "如果像握手合并 SYN 和 ACK 那样把 B 的 ACK 和 FIN 合并，B 就必须立即关闭，它尚未发出的响应便会丢失。"));
        d.table(head(), List.of(row(Variant.THREE_WAY_CLOSE), row(Variant.RFC9293_RFC1337)));
        d.h3("no-half-close", t("The close without half-close (three-way close, no-data-loss)",
                "没有半关闭的三次挥手（no-data-loss）"));
        told(Evidence.NO_HALF_CLOSE, t("B answers A's FIN with its own FIN at once, and the response is lost.",
                "B 收到 A 的 FIN 后立即发出自己的 FIN，响应随之丢失。"));
        int[] std = e.segments(Variant.RFC9293_RFC1337);
        int[] three = e.segments(Variant.THREE_WAY_CLOSE);
        d.p(t("In the shortest behaviour without loss, the standard close takes " + std[1] + " segments from the first"
                + " FIN on (FIN, ACK, FIN, ACK) and the three-way close " + three[1] + ": one segment saved, at the"
                + " price of the data above.",
                "在没有丢失的最短行为中，从第一个 FIN 起，标准的关闭用了 " + std[1] + " 个报文段（FIN、ACK、FIN、ACK），三次挥手用了 "
                + three[1] + " 个：省下一个报文段，代价是上面丢失的数据。"));
    }

    private void timeWait() {
        d.h2("time-wait", t("Why TIME-WAIT, and why 2 MSL?", "为什么要有 TIME-WAIT，为什么是 2MSL？"));
        d.answer(t("TIME-WAIT has two jobs. First, A's last ACK may be lost: A must still be there to acknowledge B's"
                + " retransmitted FIN, so T ≥ RTO + MSL (with L losses, T ≥ min(L, R) · RTO + MSL). Second, old"
                + " segments of the connection must die out before the next connection on the same port pair, and an"
                + " old segment can draw an answer that lives as long again: T ≥ 2 · MSL − 1 ticks, the 2 MSL of RFC"
                + " 9293 in discrete time.",
                "TIME-WAIT 有两个作用。其一，A 的最后一个 ACK 可能丢失：A 必须还在，才能确认 B 重传的 FIN，所以 T ≥ RTO + MSL"
                + "（有 L 次丢失时，T ≥ min(L, R)·RTO + MSL）。其二，同一对端口上开始下一个连接之前，旧连接的报文段必须在网络中消亡，"
                + "而一个旧报文段还可能引出一个同样长寿的回答：T ≥ 2·MSL − 1 个 tick，这就是 RFC 9293 中 2MSL 在离散时间下的形式。"));
        d.h3("lost-last-ack", t("Reason 1: the last ACK is lost", "理由一：最后一个 ACK 丢失"));
        d.p(t("With TIME-WAIT as long as one MSL (`short-time-wait`), the textbook's story: A's last ACK is lost, A's"
                + " TIME-WAIT runs out before B's retransmitted FIN arrives, and the CLOSED A answers it with an RST,"
                + " which resets B. (The shortest counterexample of this cell, "
                + length(Evidence.SHORT_TIME_WAIT_SHORTEST) + " actions, goes through an old ACK instead; this one is"
                + " the shortest among the behaviours in which A's last ACK is lost.)",
                "当 TIME-WAIT 只有一个 MSL（`short-time-wait`）时，就是教科书里的故事：A 的最后一个 ACK 丢失，B 重传的 FIN 到达之前"
                + " A 的 TIME-WAIT 已经结束，处于 CLOSED 的 A 以 RST 回应，B 被复位。（这一格的最短反例有 "
                + length(Evidence.SHORT_TIME_WAIT_SHORTEST) + " 个动作，经由的是一个旧 ACK；这里给出的是在 A 的最后一个 ACK 丢失的行为中最短的一个。）"));
        told(Evidence.LOST_LAST_ACK, t("The lost last ACK ends in a red cross; B's retransmitted FIN arrives after"
                + " A's TIME-WAIT.", "丢失的最后一个 ACK 以红叉结束；B 重传的 FIN 在 A 的 TIME-WAIT 结束后才到达。"));
        Evidence.Told none = e.story(Evidence.NO_TIME_WAIT);
        if (none != null) {
            d.p(t("Without TIME-WAIT at all (`no-time-wait`) no loss is needed (" + none.explanation().trace().length()
                    + " actions): ", "完全没有 TIME-WAIT（`no-time-wait`）时连丢失都不需要（" + none.explanation().trace()
                    .length() + " 个动作）：") + none.explanation().story().violation().text(lang) + " "
                    + t("Find it: ", "复现：") + "`" + none.command() + "`");
        }
        d.p(t("How long is long enough? The sweep checks graceful-close on the standard variant for each T against RTO"
                + " and MSL (one loss). It holds exactly when T ≥ RTO + MSL: B retransmits its FIN RTO ticks after"
                + " sending it, and the retransmission may travel MSL − 1 ticks more. So 2 · MSL is enough exactly when"
                + " RTO ≤ MSL.",
                "多长才够？扫描在标准变体上，对每个 T、RTO 与 MSL（允许一次丢失）检验 graceful-close。它恰好在 T ≥ RTO + MSL 时成立："
                + "B 在发出 FIN 后 RTO 个 tick 重传它，重传的报文段还可能在网络中再走 MSL − 1 个 tick。所以当且仅当 RTO ≤ MSL 时，2MSL 足够。"));
        sweep(TcpProperties.GRACEFUL_CLOSE);
        List<List<String>> multi = new ArrayList<>();
        for (SweepCell c : Recorded.cells()) {
            if (c.losses() > 1) {
                multi.add(List.of(String.valueOf(c.losses()), String.valueOf(c.rto()), String.valueOf(c.timeWait()),
                        c.predicted(Parameters.defaults().retries()) ? "✓" : "✗", c.symbol() + "†", n(c.states()),
                        "`" + c.command() + "`"));
            }
        }
        d.p(t("With more losses the boundary moves: each loss of the final ACK or of a retransmitted FIN costs B one"
                + " more retransmission, so graceful-close needs T ≥ min(L, R) · RTO + MSL. Recorded checks with"
                + " L = 2 (MSL = 2; each takes minutes):",
                "丢失更多时边界随之移动：最后一个 ACK 或重传的 FIN 每丢失一次，B 就要多重传一次，所以 graceful-close 需要"
                + " T ≥ min(L, R)·RTO + MSL。L = 2 时的记录（MSL = 2，每个需要几分钟）："));
        d.table(List.of("L", "RTO", "T", t("predicted", "预测"), t("verdict (recorded)", "判定（记录）"),
                t("states", "状态数"), t("command", "命令")), multi);
        d.h3("next-connection", t("Reason 2: old segments and the next connection", "理由二：旧报文段与下一个连接"));
        d.p(t("With two connections one after the other on the same port pair (K = 2), no-stale-accept holds exactly"
                + " when T ≥ 2 · MSL − 1, whatever the RTO: an old duplicate of A's last ACK reaches B, back in LISTEN,"
                + " up to MSL − 1 ticks after A entered TIME-WAIT; B answers with an RST that may travel MSL − 1 ticks"
                + " more; if A's TIME-WAIT has run out by then, the RST resets A's next connection and B establishes"
                + " alone a connection that is over. TIME-WAIT must outlast an old segment and the answer it draws.",
                "当同一对端口上先后有两个连接（K = 2）时，no-stale-accept 恰好在 T ≥ 2·MSL − 1 时成立，与 RTO 无关："
                + "A 最后一个 ACK 的旧副本在 A 进入 TIME-WAIT 后最多 MSL − 1 个 tick 到达已回到 LISTEN 的 B；B 以 RST 回应，"
                + "这个 RST 又可能在网络中走 MSL − 1 个 tick；如果那时 A 的 TIME-WAIT 已经结束，这个 RST 会复位 A 的下一个连接，"
                + "而 B 独自建立了一个早已结束的连接。TIME-WAIT 必须比一个旧报文段加上它引出的回答活得更久。"));
        sweep(TcpProperties.NO_STALE_ACCEPT);
        if (e.story(Evidence.NEXT_CONNECTION) != null) {
            d.p(t("One tick short of the boundary, the story this run found:", "比边界短一个 tick 时，本次运行找到的故事："));
            told(Evidence.NEXT_CONNECTION, t("An old segment of connection 1 and the RST it draws reach connection 2.",
                    "连接 1 的旧报文段和它引出的 RST 闯入了连接 2。"));
        }
        d.h3("rst-in-time-wait", t("The RST in TIME-WAIT (RFC 1337)", "TIME-WAIT 中的 RST（RFC 1337）"));
        d.p(t("RFC 9293's own text (section 3.10.7.4, second step) ends TIME-WAIT when an RST arrives, as RFC 793 did"
                + " and as Linux does by default (`net.ipv4.tcp_rfc1337 = 0`). That is the variant `rfc9293-text`, and"
                + " its row breaks: an old segment draws an RST that ends A's TIME-WAIT early (the TIME-WAIT"
                + " assassination of RFC 1337). The standard variant of this project ignores an RST in TIME-WAIT, RFC"
                + " 1337's first fix, and that fix is what makes its row hold:",
                "RFC 9293 的正文（3.10.7.4 节第二步）规定 TIME-WAIT 收到 RST 即结束，RFC 793 也是如此，Linux 默认"
                + "（`net.ipv4.tcp_rfc1337 = 0`）亦然。这就是变体 `rfc9293-text`，它的一行出现了 ✗：旧报文段引出的 RST 提前结束了 A 的"
                + " TIME-WAIT（RFC 1337 所说的 TIME-WAIT 暗杀）。本项目的标准变体在 TIME-WAIT 中忽略 RST，即 RFC 1337 的第一项修正，"
                + "正是这项修正使其一行全部成立："));
        d.table(head(), List.of(row(Variant.RFC9293_TEXT), row(Variant.RFC9293_RFC1337)));
        told(Evidence.ASSASSINATION, t("A duplicate of A's last ACK draws B's RST, which ends A's TIME-WAIT.",
                "A 最后一个 ACK 的副本引出 B 的 RST，RST 结束了 A 的 TIME-WAIT。"));
    }

    private String length(String key) {
        Evidence.Told s = e.story(key);
        return s == null ? "?" : String.valueOf(s.explanation().trace().length());
    }

    private void sweep(String property) {
        List<SweepCell> run = property.equals(TcpProperties.GRACEFUL_CLOSE) ? e.graceful() : e.stale();
        List<SweepCell> cells = SweepChart.merged(run, Recorded.cells(), property);
        String svg = SweepChart.svg(property, cells, lang, "sweep-" + property);
        StringBuilder md = new StringBuilder();
        List<List<String>> recorded = new ArrayList<>();
        int retries = Parameters.defaults().retries();
        boolean allAgree = true;
        for (SweepCell c : cells) {
            allAgree &= c.agrees(retries);
            if (c.recorded()) {
                recorded.add(List.of(String.valueOf(c.msl()), String.valueOf(c.rto()), String.valueOf(c.timeWait()),
                        c.symbol() + "†", n(c.states()), "`" + c.command() + "`"));
            }
        }
        for (SweepCell c : cells) {
            md.append(String.format(Locale.ROOT, "MSL %d RTO %d T %d: %s%s (%s states)%n", c.msl(), c.rto(),
                    c.timeWait(), c.symbol(), c.recorded() ? "†" : "", n(c.states())));
        }
        String boundary = property.equals(TcpProperties.GRACEFUL_CLOSE) ? "T ≥ RTO + MSL" : "T ≥ 2·MSL − 1";
        List<String> runRows = new ArrayList<>();
        for (SweepCell c : run) {
            String row = "--msl " + c.msl() + " --rto " + c.rto();
            if (!runRows.contains(row)) {
                runRows.add(row);
            }
        }
        String command = "./tcpcheck sweep" + (property.equals(TcpProperties.GRACEFUL_CLOSE) ? ""
                : " --property " + property) + " " + String.join(t(" and the same with ", " 以及 "), runRows);
        d.figure(svg, null, md.toString(), t("The sweep of " + property + ": each cell in this run is a full check"
                + " (a ✗ cell stops at its first counterexample); the blue line is " + boundary + ". "
                + (allAgree ? "Every cell agrees with the boundary." : "A cell disagrees with the boundary!"),
                property + " 的扫描：本次运行中的每个单元都是一次完整检验（✗ 单元在找到第一个反例时停止）；蓝线是 " + boundary + "。"
                + (allAgree ? "每个单元都与边界一致。" : "有单元与边界不一致！")), command);
        if (!recorded.isEmpty()) {
            d.p(t("The cells marked † were not checked in this run; they are recorded from earlier runs (the largest"
                    + " took up to 18 minutes and 21 GB of heap). Each command checks one again:",
                    "标记 † 的单元本次没有检验，是早先运行的记录（最大的一个用了 18 分钟和 21 GB 堆内存）。每条命令可以重新检验一个单元："));
            d.table(List.of("MSL", "RTO", "T", t("verdict (recorded)", "判定（记录）"), t("states", "状态数"),
                    t("command", "命令")), recorded);
        }
    }

    private void whatCheckMeans() {
        d.h2("what-check-means", t("What ✓ means", "✓ 的含义"));
        d.answer(t("A ✓ is a proof about every behaviour within the bounds: every interleaving of the endpoints, the"
                + " applications, the timers and the network's losses, duplications, reorderings and delays, up to the"
                + " bounds above. It says nothing beyond them.",
                "✓ 是对界限内全部行为的证明：端点、应用、计时器以及网络的丢失、重复、乱序和延迟的所有交错，都在上述界限之内。界限之外，它什么也没说。"));
        List<List<String>> rows = new ArrayList<>();
        for (VariantReport r : e.checked().values()) {
            Statistics s = r.statistics();
            rows.add(List.of("`" + r.variant().id() + "`", n(s.states()), n(s.transitions()), String.valueOf(s.depth()),
                    n(s.boundaryStates()), String.valueOf(r.maxInFlight()),
                    String.format(Locale.ROOT, "%.1f", s.seconds()),
                    String.format(Locale.ROOT, "%.1e", s.collisionProbability()),
                    r.incompleteReason() == null ? t("complete", "完整") : t("cut short: ", "被截断：")
                            + r.incompleteReason()));
        }
        d.p(t("The checks of this run (two threads; `./tcpcheck check --variant V --format json` gives the same"
                + " figures):", "本次运行的检验（两个线程；`./tcpcheck check --variant V --format json` 给出同样的数据）："));
        d.table(List.of(t("variant", "变体"), t("states", "状态数"), t("transitions", "迁移数"), t("depth", "深度"),
                t("at the bound C", "触及界限 C"), t("most in flight", "最多在途"), t("seconds", "秒"),
                t("collision probability", "指纹冲突概率"), t("search", "搜索")), rows);
        d.list(List.of(
                t("States and transitions: distinct states reached and steps taken. Depth: the longest of the shortest"
                        + " paths. At the bound C: states where a send found its direction full; they are checked but not"
                        + " explored, so behaviours with more than C segments in flight lie outside the ✓.",
                        "状态数和迁移数：到达的不同状态数和执行的步数。深度：最短路径中最长的一条。触及界限 C：发送时该方向已满的状态；"
                        + "这些状态被检验但不再展开，所以在途报文段超过 C 个的行为不在 ✓ 之内。"),
                t("Collision probability: the chance that two distinct states shared a 64-bit fingerprint and one was"
                        + " missed (TLC's estimate).", "指纹冲突概率：两个不同状态共享同一个 64 位指纹、导致漏掉一个状态的概率（TLC 的估计方法）。"),
                t("Behaviours in which an endpoint gave up after R retransmissions or crashed are explored too, and"
                        + " their violations are reported apart (after an abort).",
                        "端点在 R 次重传后放弃或崩溃的行为同样被探索，其违例单独报告（放弃之后）。"),
                t("Outside the bounds: more connections, more data, more losses or duplications, larger sequence"
                        + " spaces and windows, congestion control, options (timestamps, PAWS, SACK), and anything TCP"
                        + " does that the model leaves out (model/README.md lists each abstraction). The sweep and the"
                        + " random walks (`./tcpcheck simulate`) probe beyond the defaults; finding nothing by random"
                        + " walks is not a proof.",
                        "界限之外：更多的连接、更多的数据、更多次丢失或重复、更大的序号空间和窗口、拥塞控制、选项（时间戳、PAWS、SACK），"
                        + "以及模型没有刻画的其他 TCP 行为（model/README.md 逐一列出了各项抽象）。扫描和随机游走（`./tcpcheck simulate`）"
                        + "会探查默认界限之外的情形；随机游走没有发现问题并不构成证明。")));
    }

    private void matrix() {
        d.h2("matrix", t("The verdict matrix", "判定矩阵"));
        d.p(t("Every variant against every property at the default bounds, as this run checked it (`./tcpcheck"
                + " justify` prints the same). Cells the specification fixes are compared with it; ✗ n is the"
                + " length of the shortest counterexample.",
                "默认界限下每个变体对每条性质的判定，即本次运行的检验结果（`./tcpcheck justify` 输出相同的矩阵）。规约规定了的单元会与之比较；"
                + "✗ n 表示最短反例的长度。"));
        List<List<String>> rows = new ArrayList<>();
        for (Variant v : Variant.values()) {
            rows.add(row(v));
        }
        d.table(head(), rows);
        int fixed = 0;
        int agree = 0;
        for (VariantReport r : e.checked().values()) {
            for (PropertyVerdict p : r.results()) {
                var x = SpecTable.expected(r.variant(), p.property());
                if (x.isPresent()) {
                    fixed++;
                    agree += x.get() == p.verdict() ? 1 : 0;
                }
            }
        }
        d.p(t(agree + " of the " + fixed + " cells checked in this run that the specification fixes agree with it.",
                "本次检验的单元中有 " + fixed + " 个由规约规定，其中 " + agree + " 个与规约一致。"));
    }
}
