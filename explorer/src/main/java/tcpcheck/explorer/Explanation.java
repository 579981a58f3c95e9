package tcpcheck.explorer;

import java.util.ArrayList;
import java.util.List;
import tcpcheck.checker.Property;
import tcpcheck.checker.Trace;
import tcpcheck.checker.Violation;
import tcpcheck.model.Action;
import tcpcheck.model.TcpModel;
import tcpcheck.model.TcpState;
import tcpcheck.properties.TcpProperty;

/**
 * What broke at a step and why: the one place where the page's explanation is written. It says which rule the
 * property states (its description), how the engine judged the path ({@link Violation#check}), and what the
 * violating step did to each endpoint, field by field.
 */
final class Explanation {
    private Explanation() {
    }

    /**
     * @param headline "no-stale-accept is violated at step 14"
     * @param rule the property's description
     * @param why what the path does that breaks the rule, one sentence per item
     * @param judgement the engine's judgement of the violating path
     */
    record Broke(String property, String part, String headline, String rule, List<String> why, String judgement) {
    }

    /** One line for the property table. */
    static String summary(TcpModel m, TcpProperty p, Property<TcpState, Action> part, Trace<TcpState, Action> v) {
        switch (part.kind()) {
            case ALWAYS:
                return "the state after step " + v.length() + " breaks it";
            case TRANSITION:
                return "step " + v.length() + " (" + v.steps().get(v.length()).action() + ") breaks it";
            case TERMINAL:
                return "the path ends after step " + v.length() + " in a state that is not an acceptable end";
            default:
                return v.isLasso() ? "from step " + v.loopStart() + " the path repeats a weakly fair cycle that never"
                        + " reaches the goal" : "the path ends after step " + v.length() + " without reaching the goal";
        }
    }

    static Broke of(TcpModel m, PropertyStatus.Status s) {
        Trace<TcpState, Action> v = s.violating();
        Property<TcpState, Action> part = s.part();
        int k = v.length();
        List<String> why = new ArrayList<>();
        why.add(capitalized(summary(m, s.property(), part, v)) + ".");
        TcpState last = v.last();
        if (k > 0 && part.kind() != Property.Kind.EVENTUALLY) {
            TcpState before = v.steps().get(k - 1).state();
            Action a = v.steps().get(k).action();
            if (a.kind() == Action.Kind.DELIVER && NetworkView.old(before, a.endpoint(), a.packet())) {
                why.add("The segment delivered is an old duplicate of connection " + a.stamp().connection()
                        + ", a connection that is over.");
            }
            for (int e = TcpModel.A; e <= TcpModel.B; e++) {
                List<String> c = EndpointFields.changes(before, last, e, m.parameters(), m.timeWait());
                if (!c.isEmpty()) {
                    why.add("Step " + k + " changes " + EndpointFields.name(e) + ": " + String.join(", ", c) + ".");
                }
            }
        }
        if (v.isLasso()) {
            why.add("The state after step " + k + " is the state after step " + v.loopStart()
                    + ": the steps in between repeat for ever, and every action enabled throughout is taken.");
        }
        why.add("At the end A is " + last.a().state() + " and B is " + last.b().state()
                + (last.aborted() ? "; an endpoint gave up or crashed on the way" : "") + ".");
        String engine = Violation.check(m, part, v);
        String judgement = engine == null ? "The engine's judgement (Violation.check, as replay uses it): this path"
                + " violates '" + part.name() + "'." : "The engine does not confirm the violation: " + engine + ".";
        String headline = s.property().name() + " is " + s.view().status() + " at step " + k;
        return new Broke(s.property().name(), part.name(), headline, s.property().description(), why, judgement);
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
