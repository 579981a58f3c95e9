package tcpcheck.properties;

import java.util.ArrayList;
import java.util.List;
import tcpcheck.checker.CheckResult;
import tcpcheck.checker.Checker;
import tcpcheck.checker.Property;
import tcpcheck.checker.PropertyResult;
import tcpcheck.checker.Verdict;
import tcpcheck.model.Action;
import tcpcheck.model.ConnectionState;
import tcpcheck.model.Parameters;
import tcpcheck.model.Segment;
import tcpcheck.model.TcpModel;
import tcpcheck.model.TcpState;
import tcpcheck.model.Variant;

/**
 * The stories the textbooks tell, where the shortest counterexample of a cell tells another: each is the shortest
 * counterexample among the behaviours that have the textbook's decisive step, found by a breadth-first search of the
 * model marked at that step ({@link MarkedModel}).
 */
public final class TextbookStories {

    /**
     * A textbook story: the cell, a name for files ({@code id}), a title, and the step it needs.
     */
    public record Story(Variant variant, String property, String id, String title, String constraint,
                        List<MarkedModel.Mark<TcpState, Action>> steps) {
    }

    /** A textbook story found: its counterexample, ready to render. */
    public record Found(Story story, Explanation explanation, long states) {
    }

    /**
     * short-time-wait × graceful-close: the shortest counterexample overall goes through an old ACK; the textbooks'
     * story is A's last ACK lost while TIME-WAIT (here one MSL) is too short to outlast B's retransmitted FIN, which
     * then meets a CLOSED A. No duplication, so that the FIN that arrives is B's retransmission.
     */
    public static final Story LOST_LAST_ACK = new Story(Variant.SHORT_TIME_WAIT, TcpProperties.GRACEFUL_CLOSE,
            "lost-last-ack", "the textbook's story: A's last ACK is lost",
            "in which A's last ACK is lost and then B's retransmitted FIN reaches A after A has left TIME-WAIT "
                    + "(no duplication)",
            List.of(TextbookStories::lostLastAck, TextbookStories::retransmittedFinMeetsClosedA));

    /** Every textbook story. */
    public static final List<Story> ALL = List.of(LOST_LAST_ACK);

    private TextbookStories() {
    }

    /**
     * The loss of A's last ACK: a pure ACK toward B, lost while A is in TIME-WAIT, acknowledging B's FIN
     * (SEG.ACK = A's RCV.NXT).
     */
    static boolean lostLastAck(TcpState s, Action a, TcpState t) {
        if (a.kind() != Action.Kind.LOSE || a.endpoint() != TcpModel.B) {
            return false;
        }
        Segment g = a.segment();
        return g.ack() && !g.syn() && !g.fin() && !g.rst() && !g.data()
                && s.state(TcpModel.A) == ConnectionState.TIME_WAIT && g.ackNo() == s.tcb(TcpModel.A).rcvNxt();
    }

    /** A FIN of B's arrives at a CLOSED A, with no duplication so far: B's retransmission of its FIN. */
    static boolean retransmittedFinMeetsClosedA(TcpState s, Action a, TcpState t) {
        return a.kind() == Action.Kind.DELIVER && a.endpoint() == TcpModel.A && a.segment().fin()
                && s.state(TcpModel.A) == ConnectionState.CLOSED && t.duplicatesUsed() == 0;
    }

    /** The shortest counterexample of the story's cell, at the default parameters, that has the story's step. */
    public static Found find(Story story, int threads) {
        TcpModel model = new TcpModel(story.variant(), Parameters.defaults());
        MarkedModel<TcpState, Action> marked = new MarkedModel<>(model, story.steps());
        TcpProperty p = TcpProperties.named(story.property(), model);
        Checker<MarkedModel.Marked<TcpState>, Action> checker = Checker.of(marked).threads(threads)
                .stopAtFirstFinding(true);
        List<String> names = new ArrayList<>();
        for (Property<TcpState, Action> part : p.verdict()) {
            checker.property(marked.onlyMarked(part));
            names.add(part.name());
        }
        CheckResult<MarkedModel.Marked<TcpState>, Action> r = checker.run();
        PropertyResult<MarkedModel.Marked<TcpState>, Action> best = null;
        for (String n : names) {
            PropertyResult<MarkedModel.Marked<TcpState>, Action> x = r.result(n);
            if (x.verdict() == Verdict.VIOLATED && (best == null || x.traceLength() < best.traceLength())) {
                best = x;
            }
        }
        if (best == null) {
            throw new IllegalStateException("no counterexample with " + story.title() + " for " + story.variant().id()
                    + " " + story.property() + ": " + r.incompleteReason());
        }
        return new Found(story, new Explanation(model, story.property(), best.name(),
                MarkedModel.unmarked(best.trace()), "The textbook's story of this cell: the shortest counterexample"
                + " among the behaviours " + story.constraint() + ". The shortest of all tells [another]("
                + story.variant().id() + "." + story.property() + ".md)."), r.statistics().states());
    }

    /** Every textbook story, found. */
    public static List<Found> findAll(int threads) {
        List<Found> out = new ArrayList<>();
        for (Story s : ALL) {
            out.add(find(s, threads));
        }
        return out;
    }
}
