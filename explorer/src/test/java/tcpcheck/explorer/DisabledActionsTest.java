package tcpcheck.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tcpcheck.checker.Trace;
import tcpcheck.model.Action;
import tcpcheck.model.Parameters;
import tcpcheck.model.TcpModel;
import tcpcheck.model.TcpState;
import tcpcheck.model.Variant;

/**
 * {@link DisabledActions} restates the model's conditions in words; this checks, over reachable states of every
 * variant under several bounds, that it gives a reason exactly when the model does not enable the action.
 */
class DisabledActionsTest {

    static final List<Parameters> BOUNDS = List.of(Parameters.defaults(),
            bounds("Crash", "1", "serverClosesFirst", "true"),
            bounds("MSL", "1", "L", "2", "Dup", "0", "C", "2"),
            bounds("K", "2", "D", "2", "RTO", "1", "R", "0"));

    /** Parameters by their symbols, as a link gives them. */
    static Parameters bounds(String... symbolsAndValues) {
        java.util.Map<String, String> q = new java.util.HashMap<>();
        for (int i = 0; i < symbolsAndValues.length; i += 2) {
            q.put(symbolsAndValues[i], symbolsAndValues[i + 1]);
        }
        return ParameterQuery.parameters(q);
    }

    @Test
    void aReasonIsGivenExactlyWhenTheModelRefuses() {
        int states = 0;
        int reasons = 0;
        Set<String> kindsSeenDisabled = new HashSet<>();
        Set<String> kindsSeenEnabled = new HashSet<>();
        for (Variant v : Variant.values()) {
            for (Parameters p : BOUNDS) {
                TcpModel m = new TcpModel(v, p);
                for (TcpState s : sample(m, new Random(v.ordinal() * 31L + BOUNDS.indexOf(p)))) {
                    states++;
                    for (Action a : DisabledActions.expected(s)) {
                        boolean enabled = enabled(m, s, a);
                        String why = DisabledActions.reason(s, p, a);
                        assertEquals(enabled, why == null, v + " " + p + "\n" + s + "\n" + a + ": " + why);
                        (enabled ? kindsSeenEnabled : kindsSeenDisabled).add(a.kind().name());
                        reasons += why == null ? 0 : 1;
                    }
                }
            }
        }
        assertTrue(states > 15_000, "states sampled: " + states);
        assertTrue(reasons > 150_000, "reasons checked: " + reasons);
        // Every kind of action the page explains was seen both enabled and not.
        for (Action.Kind k : Action.Kind.values()) {
            if (k != Action.Kind.DELIVER) {
                assertTrue(kindsSeenEnabled.contains(k.name()) && kindsSeenDisabled.contains(k.name()), k.name());
            }
        }
    }

    /** A's open is enabled when some ISN choice is; any other action when the model's next state exists. */
    static boolean enabled(TcpModel m, TcpState s, Action a) {
        if (a.kind() == Action.Kind.OPEN) {
            for (Trace.Step<TcpState, Action> t : m.successors(s)) {
                if (t.action().kind() == Action.Kind.OPEN) {
                    return true;
                }
            }
            return false;
        }
        return m.nextState(s, a) != null;
    }

    /** The states of 25 seeded random walks of up to 60 steps each, boundary states included. */
    static List<TcpState> sample(TcpModel m, Random r) {
        List<TcpState> out = new ArrayList<>();
        for (int walk = 0; walk < 25; walk++) {
            TcpState s = m.initialStates().get(0);
            out.add(s);
            for (int step = 0; step < 60; step++) {
                List<Action> all = new ArrayList<>();
                m.actions(s, all);
                List<TcpState> next = new ArrayList<>();
                for (Action a : all) {
                    TcpState t = m.nextState(s, a);
                    if (t != null) {
                        next.add(t);
                    }
                }
                if (next.isEmpty()) {
                    break;
                }
                s = next.get(r.nextInt(next.size()));
                out.add(s);
            }
        }
        return out;
    }
}
