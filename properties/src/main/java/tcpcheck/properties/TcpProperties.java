package tcpcheck.properties;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import tcpcheck.checker.Property;
import tcpcheck.model.Action;
import tcpcheck.model.Application;
import tcpcheck.model.ConnectionState;
import tcpcheck.model.Host;
import tcpcheck.model.TcpModel;
import tcpcheck.model.TcpState;

/**
 * The six properties of docs/specification.md (Properties) over a {@link TcpModel}. Each is split by the ghost flag "aborted" (an
 * endpoint gave up or crashed): the verdict counts the behaviours without an abort, and the violations that need an
 * abort are reported apart. The exception is the second half of no-data-loss, which the specification asks of every behaviour.
 */
public final class TcpProperties {
    public static final String AGREEMENT = "agreement";
    public static final String NO_STALE_ACCEPT = "no-stale-accept";
    public static final String NO_DEADLOCK = "no-deadlock";
    public static final String EVENTUALLY_CLOSED = "eventually-closed";
    public static final String GRACEFUL_CLOSE = "graceful-close";
    public static final String NO_DATA_LOSS = "no-data-loss";

    /** The property names, in the specification's order. */
    public static final List<String> NAMES = List.of(AGREEMENT, NO_STALE_ACCEPT, NO_DEADLOCK, EVENTUALLY_CLOSED,
            GRACEFUL_CLOSE, NO_DATA_LOSS);

    private TcpProperties() {
    }

    /** Every property, in the specification's order. */
    public static List<TcpProperty> all(TcpModel model) {
        List<TcpProperty> out = new ArrayList<>();
        for (String n : NAMES) {
            out.add(named(n, model));
        }
        return out;
    }

    /** The property with this name, or an IllegalArgumentException listing the names. */
    public static TcpProperty named(String name, TcpModel model) {
        int d = model.parameters().data();
        switch (name) {
            case AGREEMENT:
                return split(AGREEMENT, "when A and B are both ESTABLISHED, they agree on both ISNs and on the"
                        + " connection", Kind.ALWAYS, TcpProperties::agreement, null);
            case NO_STALE_ACCEPT:
                return split(NO_STALE_ACCEPT, "no endpoint establishes, delivers data or accepts a FIN in a connection"
                        + " that is over or from another connection's segment", Kind.TRANSITION, null,
                        TcpProperties::noStaleAccept);
            case NO_DEADLOCK:
                return split(NO_DEADLOCK, "every state with no enabled action has A in CLOSED and B in LISTEN (each"
                        + " endpoint at rest)", Kind.TERMINAL, s -> Ghost.atRest(model, s), null);
            case EVENTUALLY_CLOSED:
                return new TcpProperty(EVENTUALLY_CLOSED, "every fair behaviour ends with A in CLOSED and B in LISTEN"
                        + " (each endpoint at rest, every connection opened)",
                        List.of(Property.eventually(EVENTUALLY_CLOSED,
                                s -> s.aborted() || Ghost.closedForGood(model, s))),
                        List.of(Property.eventually(EVENTUALLY_CLOSED + " after an abort",
                                s -> Ghost.closedForGood(model, s))));
            case GRACEFUL_CLOSE:
                return gracefulClose(d);
            case NO_DATA_LOSS:
                return noDataLoss(d);
            default:
                throw new IllegalArgumentException("unknown property '" + name + "'; the properties are: "
                        + String.join(", ", NAMES));
        }
    }

    private enum Kind { ALWAYS, TRANSITION, TERMINAL }

    /** A property checked twice: on behaviours without an abort (the verdict), and with one (reported apart). */
    private static TcpProperty split(String name, String description, Kind kind, Predicate<TcpState> state,
                                     Property.TransitionPredicate<TcpState, Action> transition) {
        String later = name + " after an abort";
        switch (kind) {
            case ALWAYS:
                return new TcpProperty(name, description,
                        List.of(Property.always(name, s -> s.aborted() || state.test(s))),
                        List.of(Property.always(later, s -> !s.aborted() || state.test(s))));
            case TERMINAL:
                return new TcpProperty(name, description,
                        List.of(Property.terminal(name, s -> s.aborted() || state.test(s))),
                        List.of(Property.terminal(later, s -> !s.aborted() || state.test(s))));
            default:
                return new TcpProperty(name, description,
                        List.of(Property.transition(name, (s, a, t) -> t.aborted() || transition.test(s, a, t))),
                        List.of(Property.transition(later, (s, a, t) -> !t.aborted() || transition.test(s, a, t))));
        }
    }

    /** A.ISS = B.IRS, B.ISS = A.IRS and the same ghost connection whenever both are ESTABLISHED. */
    static boolean agreement(TcpState s) {
        if (s.state(TcpModel.A) != ConnectionState.ESTABLISHED || s.state(TcpModel.B) != ConnectionState.ESTABLISHED) {
            return true;
        }
        Host a = s.a();
        Host b = s.b();
        return a.tcb().iss() == b.tcb().irs() && b.tcb().iss() == a.tcb().irs() && a.connection() == b.connection();
    }

    /**
     * No endpoint enters ESTABLISHED, delivers data to its application, or accepts a FIN, either in a connection
     * whose number is over, or because of a segment whose ghost number differs from the receiver's current one. A FIN
     * that only restarts TIME-WAIT is not accepted (it does not change what the application has read).
     */
    static boolean noStaleAccept(TcpState s, Action act, TcpState t) {
        for (int e = TcpModel.A; e <= TcpModel.B; e++) {
            if (s.sameEndpoint(t, e)) {
                continue;
            }
            Host before = s.host(e);
            Host after = t.host(e);
            if (!accepts(before, after)) {
                continue;
            }
            int current = after.connection();
            if (Ghost.over(s, current)) {
                return false;
            }
            if (act.kind() == Action.Kind.DELIVER && act.endpoint() == e && !after.current(act.stamp().connection())) {
                return false;
            }
        }
        return true;
    }

    static boolean accepts(Host before, Host after) {
        boolean establishes = after.state() == ConnectionState.ESTABLISHED
                && before.state() != ConnectionState.ESTABLISHED;
        Application x = before.app();
        Application y = after.app();
        boolean sameConnection = x.attached() && y.attached() && x.opens() == y.opens()
                && before.connection() == after.connection();
        boolean delivers = sameConnection ? y.delivered() > x.delivered() : y.attached() && y.delivered() > 0;
        boolean readsEnd = y.attached() && y.endOfStream() && !(sameConnection && x.endOfStream());
        return establishes || delivers || readsEnd;
    }

    /**
     * Every connection an application saw ends by the FIN exchange: when it ends, the application has read the
     * peer's end of stream and the endpoint did not leave by an RST; a state with no enabled action leaves no seen
     * connection open. Behaviours without an abort (an abort is how it ended otherwise). An attempt that was refused
     * ({@link Ghost#refused}) never opened and is not judged.
     */
    private static TcpProperty gracefulClose(int d) {
        Property.TransitionPredicate<TcpState, Action> endsByFin = (s, a, t) -> {
            for (int e = TcpModel.A; e <= TcpModel.B; e++) {
                if (!Ghost.ended(s, t, e) || !s.host(e).seen() || Ghost.refused(s, a, t, e)) {
                    continue;
                }
                boolean byRst = a.kind() == Action.Kind.DELIVER && a.endpoint() == e && a.segment().rst();
                if (byRst || !t.host(e).app().endOfStream()) {
                    return false;
                }
            }
            return true;
        };
        Predicate<TcpState> nothingOpen = s -> !(s.a().seen() && !s.a().state().idle())
                && !(s.b().seen() && !s.b().state().idle());
        String name = GRACEFUL_CLOSE;
        String later = name + " after an abort";
        return new TcpProperty(name, "every connection an application saw ends by the FIN exchange, never by an RST",
                List.of(Property.transition(name, (s, a, t) -> t.aborted() || endsByFin.test(s, a, t)),
                        Property.terminal(name + " (at the end)", s -> s.aborted() || nothingOpen.test(s))),
                List.of(Property.transition(later, (s, a, t) -> !t.aborted() || endsByFin.test(s, a, t)),
                        Property.terminal(later + " (at the end)", s -> !s.aborted() || nothingOpen.test(s))));
    }

    /**
     * Without an abort: when an application reads the peer's end of stream, and when its connection ends (unless the
     * attempt was refused), it has received the peer's D units. In every behaviour: each unit is delivered in order, once (the unit delivered is
     * the next one the application expects).
     */
    private static TcpProperty noDataLoss(int d) {
        Property.TransitionPredicate<TcpState, Action> allBeforeEnd = (s, a, t) -> {
            for (int e = TcpModel.A; e <= TcpModel.B; e++) {
                if (s.sameEndpoint(t, e)) {
                    continue;
                }
                Host before = s.host(e);
                Host after = t.host(e);
                boolean readsEnd = after.app().endOfStream() && !before.app().endOfStream()
                        && after.app().attached();
                boolean ends = before.seen() && Ghost.ended(s, t, e) && !Ghost.refused(s, a, t, e);
                if ((readsEnd || ends) && after.app().delivered() < d) {
                    return false;
                }
            }
            return true;
        };
        Property.TransitionPredicate<TcpState, Action> inOrderOnce = (s, a, t) -> {
            if (a.kind() != Action.Kind.DELIVER) {
                return true;
            }
            if (!a.segment().data()) {
                return true;
            }
            Host before = s.host(a.endpoint());
            Host after = t.host(a.endpoint());
            int was = before.app().attached() && after.app().opens() == before.app().opens()
                    && before.connection() == after.connection() ? before.app().delivered() : 0;
            if (after.app().delivered() == was + 1) {
                return a.stamp().dataIndex() == was;
            }
            return true;
        };
        String name = NO_DATA_LOSS;
        String later = name + " after an abort";
        return new TcpProperty(name, "each application's D units reach the peer application once, in order, before"
                + " its end of stream",
                List.of(Property.transition(name, (s, a, t) -> t.aborted() || allBeforeEnd.test(s, a, t)),
                        Property.transition(name + " (in order, once)", inOrderOnce)),
                List.of(Property.transition(later, (s, a, t) -> !t.aborted() || allBeforeEnd.test(s, a, t))));
    }
}
