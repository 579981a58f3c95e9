package tcpcheck.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tcpcheck.model.Action;
import tcpcheck.model.Network;
import tcpcheck.model.OneEndpoint;
import tcpcheck.model.Parameters;
import tcpcheck.model.Segment;
import tcpcheck.model.Tcb;
import tcpcheck.model.TcpModel;
import tcpcheck.model.TcpState;
import tcpcheck.model.Variant;

/** The single endpoint the harness compares is the model's: every arrival answers as in {@link TcpModel}. */
class OneEndpointTest {

    @Test
    void everyArrivalInTheFirstStatesOfEachVariantAnswersAsTheModel() {
        for (Variant v : Variant.values()) {
            int compared = compare(v, 8_000);
            assertTrue(compared > 4_000, v + ": " + compared);
        }
    }

    /** Breadth-first over the model's states; for each delivery, the endpoint's answer against the model's step. */
    private static int compare(Variant v, int maxStates) {
        Parameters p = Parameters.defaults();
        TcpModel model = new TcpModel(v, p);
        int s = p.seqSpace();
        OneEndpoint[] ends = {new OneEndpoint(v, s, false), new OneEndpoint(v, s, true)};
        Set<TcpState> seen = new HashSet<>();
        ArrayDeque<TcpState> queue = new ArrayDeque<>(model.initialStates());
        seen.addAll(queue);
        int compared = 0;
        List<Action> actions = new ArrayList<>();
        while (!queue.isEmpty() && seen.size() < maxStates) {
            TcpState st = queue.poll();
            actions.clear();
            model.actions(st, actions);
            for (Action a : actions) {
                TcpState next = model.nextState(st, a);
                if (next == null) {
                    continue;
                }
                if (seen.add(next)) {
                    queue.add(next);
                }
                if (a.kind() != Action.Kind.DELIVER || next.atBoundary()) {
                    continue;
                }
                int e = a.endpoint();
                int iss = a.isnChoice() >= 0 ? a.isnChoice() * (s / p.isnChoices()) : 0;
                OneEndpoint.Step step = ends[e].arrive(st.tcb(e), a.segment(), iss);
                Tcb after = next.tcb(e);
                assertEquals(after, step.tcb(), v + ": " + st + " -- " + a);
                assertEquals(sent(st, next, 1 - e), sorted(step.sent()), v + ": " + st + " -- " + a);
                compared++;
            }
        }
        return compared;
    }

    /** The segments that a step added toward endpoint {@code to}, as a sorted list. */
    private static List<String> sent(TcpState before, TcpState after, int to) {
        List<String> b = new ArrayList<>();
        for (int x : before.network().toward(to)) {
            b.add(Network.segment(x).toString());
        }
        List<String> out = new ArrayList<>();
        for (int x : after.network().toward(to)) {
            String seg = Network.segment(x).toString();
            if (!b.remove(seg)) {
                out.add(seg);
            }
        }
        out.sort(null);
        return out;
    }

    private static List<String> sorted(List<Segment> segs) {
        List<String> out = new ArrayList<>();
        for (Segment g : segs) {
            out.add(g.toString());
        }
        out.sort(null);
        return out;
    }
}
