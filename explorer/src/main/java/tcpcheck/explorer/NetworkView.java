package tcpcheck.explorer;

import java.util.ArrayList;
import java.util.List;
import tcpcheck.model.Network;
import tcpcheck.model.Parameters;
import tcpcheck.model.Segment;
import tcpcheck.model.Stamp;
import tcpcheck.model.TcpModel;
import tcpcheck.model.TcpState;
import tcpcheck.properties.Timeline;

/**
 * The network as the page shows it: each direction's segments in flight, and the adversary's budgets. Segments are
 * the {@link Timeline}'s copies, named (s1, s2, …) and marked old as the charts and the stories name and mark them.
 */
final class NetworkView {
    private NetworkView() {
    }

    /**
     * One segment in flight (or taken by an action).
     *
     * @param name the copy's name in the charts and stories (s1, s2, …)
     * @param old whether delivering it next would make it old: its receiver has started or ended a connection since
     *            it was sent ({@link Timeline#oldIfDeliveredNext})
     * @param fresh whether the step that led here put it into the network
     */
    record SegmentView(String name, String text, String flags, int seq, Integer ack, boolean data, Integer unit,
                       int age, int connection, boolean old, boolean fresh) {
    }

    record Direction(String toward, List<SegmentView> segments) {
    }

    record Budget(String name, String symbol, int used, int of) {
    }

    record View(List<Direction> directions, List<Budget> budgets) {
    }

    /** The network after the last step of the timeline's trace. */
    static View of(Timeline t, Parameters p) {
        TcpState s = t.state(t.length());
        List<Timeline.Copy> left = new ArrayList<>(t.inFlight());
        List<Direction> dirs = new ArrayList<>();
        for (int dest : new int[] {Network.TO_B, Network.TO_A}) {
            List<SegmentView> segs = new ArrayList<>();
            for (int packet : s.network().toward(dest)) {
                Timeline.Copy c = first(left, dest, packet);
                left.remove(c);
                segs.add(segment(t, c));
            }
            dirs.add(new Direction(dest == Network.TO_B ? "B" : "A", segs));
        }
        List<Budget> budgets = List.of(new Budget("losses", "L", s.lossesUsed(), p.losses()),
                new Budget("duplications", "Dup", s.duplicatesUsed(), p.duplicates()),
                new Budget("crashes", "Crash", s.crashesUsed(), p.crashes()));
        return new View(dirs, budgets);
    }

    /** The segment a network action toward {@code dest} takes after the last step: the copy the timeline takes. */
    static SegmentView segment(Timeline t, int dest, int packet) {
        return segment(t, first(t.inFlight(), dest, packet));
    }

    private static SegmentView segment(Timeline t, Timeline.Copy c) {
        Segment g = c.segment();
        Stamp st = c.stamp();
        String flags = String.join(",", flagList(g));
        return new SegmentView(c.name(), g + (g.data() ? " [unit " + st.dataIndex() + "]" : ""), flags, g.seq(),
                g.ack() ? g.ackNo() : null, g.data(), g.data() ? st.dataIndex() : null, c.age(), st.connection(),
                t.oldIfDeliveredNext(c), c.entered() == t.length());
    }

    /** Of identical copies in flight, the one that entered first (as {@link Timeline} takes it). */
    private static Timeline.Copy first(List<Timeline.Copy> inFlight, int dest, int packet) {
        for (Timeline.Copy c : inFlight) {
            if (c.to() == dest && c.packet() == packet) {
                return c;
            }
        }
        throw new IllegalStateException("no copy in flight toward " + endpoint(dest) + " is " + packet);
    }

    private static List<String> flagList(Segment g) {
        List<String> f = new ArrayList<>();
        if (g.syn()) {
            f.add("SYN");
        }
        if (g.fin()) {
            f.add("FIN");
        }
        if (g.rst()) {
            f.add("RST");
        }
        if (g.ack()) {
            f.add("ACK");
        }
        return f;
    }

    static String endpoint(int e) {
        return e == TcpModel.A ? "A" : "B";
    }
}
