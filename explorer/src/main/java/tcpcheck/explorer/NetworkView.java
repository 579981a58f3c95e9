package tcpcheck.explorer;

import java.util.ArrayList;
import java.util.List;
import tcpcheck.model.Action;
import tcpcheck.model.Network;
import tcpcheck.model.Parameters;
import tcpcheck.model.Segment;
import tcpcheck.model.Stamp;
import tcpcheck.model.TcpModel;
import tcpcheck.model.TcpState;
import tcpcheck.properties.SequenceChart;

/** The network as the page shows it: each direction's segments in flight, and the adversary's budgets. */
final class NetworkView {
    private NetworkView() {
    }

    /**
     * One segment in flight (or taken by an action).
     *
     * @param old whether delivering it now would be an old duplicate, as the sequence chart marks one
     * @param fresh whether the step that led here put it into the network
     */
    record SegmentView(String text, String flags, int seq, Integer ack, boolean data, Integer unit, int age,
                       int connection, boolean old, boolean fresh) {
    }

    record Direction(String toward, List<SegmentView> segments) {
    }

    record Budget(String name, String symbol, int used, int of) {
    }

    record View(List<Direction> directions, List<Budget> budgets) {
    }

    static View of(TcpState s, TcpState before, Parameters p) {
        List<Direction> dirs = new ArrayList<>();
        for (int dest : new int[] {Network.TO_B, Network.TO_A}) {
            List<Integer> then = new ArrayList<>();
            if (before != null) {
                for (int packet : before.network().toward(dest)) {
                    then.add(packet);
                }
            }
            List<SegmentView> segs = new ArrayList<>();
            for (int packet : s.network().toward(dest)) {
                // A segment that only aged is the same segment; one the step sent is fresh.
                boolean fresh = before != null && !then.remove(Integer.valueOf(packet))
                        && !then.remove(Integer.valueOf(packet - (1 << 27)));
                segs.add(segment(s, dest, packet, fresh));
            }
            dirs.add(new Direction(dest == Network.TO_B ? "B" : "A", segs));
        }
        List<Budget> budgets = List.of(new Budget("losses", "L", s.lossesUsed(), p.losses()),
                new Budget("duplications", "Dup", s.duplicatesUsed(), p.duplicates()),
                new Budget("crashes", "Crash", s.crashesUsed(), p.crashes()));
        return new View(dirs, budgets);
    }

    static SegmentView segment(TcpState s, int dest, int packet, boolean fresh) {
        Segment g = Network.segment(packet);
        Stamp st = Network.stamp(packet);
        String flags = String.join(",", flagList(g));
        return new SegmentView(g + (g.data() ? " [unit " + st.dataIndex() + "]" : ""), flags, g.seq(),
                g.ack() ? g.ackNo() : null, g.data(), g.data() ? st.dataIndex() : null, Network.age(packet),
                st.connection(), old(s, dest, packet), fresh);
    }

    /**
     * Whether delivering this segment now would be an old duplicate, as the sequence charts mark one: the one place
     * the explorer asks (the network's view and the explanation of a violation both do).
     */
    static boolean old(TcpState s, int dest, int packet) {
        return SequenceChart.oldDuplicate(s, new Action(Action.Kind.DELIVER, dest, packet, -1));
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
