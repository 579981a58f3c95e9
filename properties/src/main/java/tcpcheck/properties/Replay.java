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
 * Replays a counterexample, witness or scenario against the model as it is now, step by step: every action must be
 * enabled where it is taken, every expectation of a scenario met at its step, and the path must still violate the
 * property part it names, if it names one. The first of these that fails is the outcome's reason.
 */
public final class Replay {

    /**
     * @param trace the replayed path (as far as it could be replayed)
     * @param reproduces whether every step replays, every expectation is met and the violation (if any) is there
     * @param reason what failed first, when it does not reproduce
     */
    public record Outcome(Trace<TcpState, Action> trace, boolean reproduces, String reason) {
    }

    private Replay() {
    }

    public static Outcome replay(CounterexampleFile.Counterexample cx) {
        TcpModel m = new TcpModel(cx.variant(), cx.parameters());
        Trace<TcpState, Action> t = Trace.of(m.initialStates().get(0));
        String unmet = unmet(cx, 0, t.last());
        if (unmet != null) {
            return new Outcome(t, false, unmet);
        }
        List<Action> enabled = new ArrayList<>();
        for (int i = 0; i < cx.actions().size(); i++) {
            Action a = cx.actions().get(i);
            enabled.clear();
            m.actions(t.last(), enabled);
            TcpState next = enabled.contains(a) ? m.nextState(t.last(), a) : null;
            if (next == null) {
                return new Outcome(t, false, "step " + (i + 1) + " (" + a + ") is not enabled");
            }
            t = t.then(a, next);
            unmet = unmet(cx, i + 1, next);
            if (unmet != null) {
                return new Outcome(t, false, unmet);
            }
        }
        if (cx.loopStart() >= 0) {
            t = new Trace<>(t.steps(), cx.loopStart());
        }
        if (cx.property() == null) {
            return new Outcome(t, true, null);
        }
        Property<TcpState, Action> part;
        try {
            part = part(m, cx.property(), cx.part());
        } catch (IllegalArgumentException e) {
            return new Outcome(t, false, e.getMessage());
        }
        String why = Violation.check(m, part, t);
        return new Outcome(t, why == null, why);
    }

    /** The first expectation at this step that the state does not meet, as "step N: expected …; found …". */
    private static String unmet(CounterexampleFile.Counterexample cx, int step, TcpState s) {
        for (Expectation e : cx.expectations()) {
            if (e.step() == step) {
                String d = e.check(s);
                if (d != null) {
                    return "step " + step + (step > 0 ? " (" + cx.actions().get(step - 1) + ")" : "") + ": " + d;
                }
            }
        }
        return null;
    }

    /**
     * The engine property called {@code part} of a property of the specification (its verdict parts and its after-an-abort parts)
     * or of a witness (its one part, named by its id). An IllegalArgumentException names what is unknown.
     */
    static Property<TcpState, Action> part(TcpModel m, String property, String part) {
        List<Property<TcpState, Action>> parts = new ArrayList<>();
        if (TcpProperties.NAMES.contains(property)) {
            TcpProperty p = TcpProperties.named(property, m);
            parts.addAll(p.verdict());
            parts.addAll(p.afterAbort());
        } else {
            try {
                parts.add(Witnesses.named(property).property(m));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown property '" + property + "'; the properties are: "
                        + String.join(", ", TcpProperties.NAMES) + "; the witnesses are: " + Witnesses.ids());
            }
        }
        for (Property<TcpState, Action> q : parts) {
            if (q.name().equals(part)) {
                return q;
            }
        }
        throw new IllegalArgumentException("property " + property + " has no part named '" + part + "'");
    }

    /** Whether the name is one of the six properties or a witness. */
    static boolean known(String property) {
        return TcpProperties.NAMES.contains(property) || Witnesses.all().stream().anyMatch(w -> w.id().equals(property));
    }
}
