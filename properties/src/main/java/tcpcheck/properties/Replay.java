package tcpcheck.properties;

import java.util.ArrayList;
import java.util.List;
import tcpcheck.checker.Property;
import tcpcheck.checker.Trace;
import tcpcheck.checker.Violation;
import tcpcheck.model.Action;
import tcpcheck.model.TcpModel;
import tcpcheck.model.TcpState;

/**
 * Replays a counterexample against the model as it is now: every action must be enabled where it is taken, and
 * the path must still violate the property part it was recorded for.
 */
public final class Replay {

    /**
     * @param trace the replayed path (as far as it could be replayed)
     * @param reproduces whether every step replays and the violation is still there
     * @param reason what failed, when it does not reproduce
     */
    public record Outcome(Trace<TcpState, Action> trace, boolean reproduces, String reason) {
    }

    private Replay() {
    }

    public static Outcome replay(CounterexampleFile.Counterexample cx) {
        TcpModel m = new TcpModel(cx.variant(), cx.parameters());
        Trace<TcpState, Action> t = Trace.of(m.initialStates().get(0));
        List<Action> enabled = new ArrayList<>();
        for (int i = 0; i < cx.actions().size(); i++) {
            Action a = cx.actions().get(i);
            enabled.clear();
            m.actions(t.last(), enabled);
            TcpState next = enabled.contains(a) ? m.nextState(t.last(), a) : null;
            if (next == null) {
                return new Outcome(t, false, "step " + (i + 1) + " (" + a + ") is not enabled any more");
            }
            t = t.then(a, next);
        }
        if (cx.loopStart() >= 0) {
            t = new Trace<>(t.steps(), cx.loopStart());
        }
        Property<TcpState, Action> part = null;
        TcpProperty p = TcpProperties.named(cx.property(), m);
        for (Property<TcpState, Action> q : concat(p.verdict(), p.afterAbort())) {
            if (q.name().equals(cx.part())) {
                part = q;
            }
        }
        if (part == null) {
            return new Outcome(t, false, "property " + cx.property() + " has no part named '" + cx.part() + "'");
        }
        String why = Violation.check(m, part, t);
        return new Outcome(t, why == null, why);
    }

    private static List<Property<TcpState, Action>> concat(List<Property<TcpState, Action>> a,
                                                           List<Property<TcpState, Action>> b) {
        List<Property<TcpState, Action>> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
