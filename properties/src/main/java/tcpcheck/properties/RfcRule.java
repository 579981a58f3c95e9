package tcpcheck.properties;

import tcpcheck.model.Arrival;
import tcpcheck.model.ConnectionState;
import tcpcheck.model.Segment;
import tcpcheck.model.Tcb;

/**
 * The rule of RFC 9293 section 3.10.7 (SEGMENT ARRIVES) that decided what an arriving segment did: the section for
 * the receiver's state (3.10.7.1 CLOSED, 3.10.7.2 LISTEN, 3.10.7.3 SYN-SENT, 3.10.7.4 the other states) and the
 * step of that section, numbered as the RFC numbers them ("first, check the sequence number", …).
 *
 * @param section "3.10.7.1" … "3.10.7.4"
 * @param step the RFC's step number within the section (1 = "first"), or 0 for CLOSED, which has no steps
 */
public record RfcRule(String section, int step) {

    private static final String[] ORDINAL = {"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
        "eighth"};
    private static final String[] ORDINAL_ZH = {"", "第一步", "第二步", "第三步", "第四步", "第五步", "第六步", "第七步",
        "第八步"};

    /** The section for a receiver in this state. */
    public static String section(ConnectionState state) {
        switch (state) {
            case CLOSED:
                return "3.10.7.1";
            case LISTEN:
                return "3.10.7.2";
            case SYN_SENT:
                return "3.10.7.3";
            default:
                return "3.10.7.4";
        }
    }

    /**
     * The rule that decided the arrival of {@code seg} at an endpoint with TCB {@code tcb}, given what the model's
     * processing did ({@code arrival}, from {@code TcpModel.explain}); {@code seqSpace} is S.
     */
    public static RfcRule of(Tcb tcb, Segment seg, Arrival arrival, int seqSpace) {
        ConnectionState st = tcb.state();
        String section = section(st);
        switch (st) {
            case CLOSED:
                return new RfcRule(section, 0);
            case LISTEN:
                return new RfcRule(section, seg.rst() ? 1 : seg.ack() ? 2 : seg.syn() ? 3 : 4);
            case SYN_SENT: {
                if (seg.ack()) {
                    int d = Math.floorMod(seg.ackNo() - tcb.iss(), seqSpace);
                    boolean ok = d > 0 && d <= Math.floorMod(tcb.sndNxt() - tcb.iss(), seqSpace);
                    if (!ok) {
                        return new RfcRule(section, 1);
                    }
                }
                return new RfcRule(section, seg.rst() ? 2 : seg.syn() ? 4 : 5);
            }
            default:
                break;
        }
        if (arrival.timeWaitRestarted()) {
            return new RfcRule(section, 8);
        }
        boolean inWindow = inWindow(seg.seq(), tcb.rcvNxt(), seqSpace) || seg.length() > 0
                && inWindow(seg.seq() + seg.length() - 1, tcb.rcvNxt(), seqSpace);
        if (!inWindow) {
            return new RfcRule(section, 1);
        }
        if (seg.rst()) {
            return new RfcRule(section, 2);
        }
        if (seg.syn()) {
            return new RfcRule(section, 4);
        }
        if (arrival.endOfStream()) {
            return new RfcRule(section, 8);
        }
        if (arrival.delivered()) {
            return new RfcRule(section, 7);
        }
        if (seg.fin() && !seg.ack()) {
            return new RfcRule(section, 8);
        }
        return new RfcRule(section, seg.ack() ? 5 : seg.fin() ? 8 : seg.data() ? 7 : 5);
    }

    private static boolean inWindow(int x, int rcvNxt, int s) {
        return Math.floorMod(x - rcvNxt, s) < Tcb.RECEIVE_WINDOW;
    }

    /** What the step checks, as the RFC words it. */
    public String check() {
        switch (section) {
            case "3.10.7.1":
                return "CLOSED: a segment that is not an RST draws an RST, an RST is discarded";
            case "3.10.7.2":
                return new String[] {"", "check for an RST", "check for an ACK", "check for a SYN",
                    "other text or control"}[step];
            case "3.10.7.3":
                return new String[] {"", "check the ACK bit", "check the RST bit", "", "check the SYN bit",
                    "neither SYN nor RST"}[step];
            default:
                return new String[] {"", "check the sequence number", "check the RST bit", "",
                    "check the SYN bit", "check the ACK field", "", "process the segment text",
                    "check the FIN bit"}[step];
        }
    }

    /** The same in Chinese. */
    public String checkZh() {
        switch (section) {
            case "3.10.7.1":
                return "CLOSED 状态：非 RST 报文段一律以 RST 回应，RST 报文段被丢弃";
            case "3.10.7.2":
                return new String[] {"", "检查 RST", "检查 ACK", "检查 SYN", "其他数据或控制"}[step];
            case "3.10.7.3":
                return new String[] {"", "检查 ACK 位", "检查 RST 位", "", "检查 SYN 位", "既无 SYN 也无 RST"}[step];
            default:
                return new String[] {"", "检查序号", "检查 RST 位", "", "检查 SYN 位", "检查 ACK 字段", "",
                    "处理报文段数据", "检查 FIN 位"}[step];
        }
    }

    /** "RFC 9293 3.10.7.4, eighth step (check the FIN bit)". */
    public String cite(Lang lang) {
        if (lang == Lang.ZH) {
            return "RFC 9293 " + section + (step == 0 ? "（" + checkZh() + "）" : "，" + ORDINAL_ZH[step] + "（"
                    + checkZh() + "）");
        }
        return "RFC 9293 " + section + (step == 0 ? " (" + check() + ")" : ", " + ORDINAL[step] + " step ("
                + check() + ")");
    }

    /** Whether a segment with these control bits can be decided by this step (for checking a claim). */
    public boolean fits(Segment seg, ConnectionState state) {
        if (!section.equals(section(state))) {
            return false;
        }
        switch (section) {
            case "3.10.7.1":
                return step == 0;
            case "3.10.7.2":
                return step == 1 ? seg.rst() : step == 2 ? seg.ack() && !seg.rst() : step == 3
                        ? seg.syn() && !seg.ack() && !seg.rst() : step == 4;
            case "3.10.7.3":
                return step == 1 ? seg.ack() : step == 2 ? seg.rst() : step == 4 ? seg.syn() && !seg.rst()
                        : step == 5;
            default:
                switch (step) {
                    case 1:
                        return true;
                    case 2:
                        return seg.rst();
                    case 4:
                        return seg.syn() && !seg.rst();
                    case 5:
                        return seg.ack() && !seg.rst() && !seg.syn();
                    case 7:
                        return seg.data();
                    case 8:
                        return seg.fin();
                    default:
                        return false;
                }
        }
    }
}
