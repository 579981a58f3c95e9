package tcpcheck.explorer;

import java.util.ArrayList;
import java.util.List;
import tcpcheck.checker.Property;
import tcpcheck.checker.Trace;
import tcpcheck.checker.Violation;
import tcpcheck.model.Action;
import tcpcheck.model.TcpModel;
import tcpcheck.model.TcpState;
import tcpcheck.properties.TcpProperties;
import tcpcheck.properties.TcpProperty;

/**
 * Each property's status on a path, judged by the engine's {@link Violation} as a replay judges a counterexample:
 * the first step at which a part of the property is violated ({@link Violation#find}), and otherwise what the engine
 * says of the path as it stands ({@link Violation#check}).
 */
final class PropertyStatus {
    private PropertyStatus() {
    }

    /** The statuses a property can have on a path. */
    static final String VIOLATED = "violated";
    static final String VIOLATED_AFTER_ABORT = "violated after an abort";
    static final String HOLDS_SO_FAR = "holds so far";
    static final String REACHED = "goal reached";

    /**
     * @param part the engine property (a part of the TCP property) that is violated, or null
     * @param step the step at which the violation is complete, or null
     * @param detail the engine's words on this path
     * @param counterexample whether the path was opened as a counterexample of this property
     */
    record View(String name, String description, String status, String part, Integer step, String detail,
                boolean counterexample) {
    }

    /** A property's status and, when it is violated, the shortest prefix of the path that violates it. */
    record Status(TcpProperty property, View view, Property<TcpState, Action> part, Trace<TcpState, Action> violating,
                  boolean afterAbort) {
    }

    static List<Status> of(TcpModel m, Trace<TcpState, Action> t, String counterexampleOf) {
        List<Status> out = new ArrayList<>();
        for (TcpProperty p : TcpProperties.all(m)) {
            out.add(status(m, p, t, p.name().equals(counterexampleOf)));
        }
        return out;
    }

    private static Status status(TcpModel m, TcpProperty p, Trace<TcpState, Action> t, boolean counterexample) {
        for (boolean afterAbort : new boolean[] {false, true}) {
            Property<TcpState, Action> firstPart = null;
            Trace<TcpState, Action> first = null;
            for (Property<TcpState, Action> part : afterAbort ? p.afterAbort() : p.verdict()) {
                Trace<TcpState, Action> v = Violation.find(m, part, t);
                if (v != null && (first == null || v.length() < first.length())) {
                    first = v;
                    firstPart = part;
                }
            }
            if (first != null) {
                View view = new View(p.name(), p.description(), afterAbort ? VIOLATED_AFTER_ABORT : VIOLATED,
                        firstPart.name(), first.length(), Explanation.summary(m, p, firstPart, first), counterexample);
                return new Status(p, view, firstPart, first, afterAbort);
            }
        }
        String status = HOLDS_SO_FAR;
        List<String> words = new ArrayList<>();
        for (Property<TcpState, Action> part : p.verdict()) {
            if (part.kind() == Property.Kind.EVENTUALLY || part.kind() == Property.Kind.TERMINAL) {
                String why = Violation.check(m, part, t);
                words.add(why);
                if (part.kind() == Property.Kind.EVENTUALLY && why.startsWith("a state on the path reaches")) {
                    status = REACHED;
                }
            }
        }
        String detail = words.isEmpty() ? "no step of this path breaks it" : String.join("; ", words);
        return new Status(p, new View(p.name(), p.description(), status, null, null, detail, counterexample), null,
                null, false);
    }
}
