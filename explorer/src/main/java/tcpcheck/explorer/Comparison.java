package tcpcheck.explorer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tcpcheck.checker.Trace;
import tcpcheck.model.Action;
import tcpcheck.model.Parameters;
import tcpcheck.model.TcpModel;
import tcpcheck.model.TcpState;
import tcpcheck.model.Variant;

/**
 * A path replayed on another variant: the same actions (the same application calls, the same adversary: the same
 * segments delivered, lost and duplicated, the same ticks) taken one by one as long as the other variant enables
 * them, with the first step at which the two states differ. The parameters are the same, except T where it is the
 * variant's own (each variant keeps its own TIME-WAIT).
 */
record Comparison(StateView.VariantInfo variant, StateView.VariantInfo other, int steps, int replayed,
                  Integer firstDifference, String stopped, List<Row> rows, Side atDifference, Side atEnd,
                  String otherQuery) {

    /** One step on both variants: the connection states after it, and whether the whole states are equal. */
    record Row(int step, String action, String a, String b, String otherA, String otherB, boolean same) {
    }

    /** Both variants' endpoints and networks after one step, side by side. */
    record Side(int step, List<EndpointFields.Endpoint> endpoints, NetworkView.View network,
                List<EndpointFields.Endpoint> otherEndpoints, NetworkView.View otherNetwork) {
    }

    /** Replays the first {@code at} steps of {@code walk} on {@code other}. */
    static Comparison of(Walk walk, int at, Variant other) {
        Parameters p = walk.parameters();
        TcpModel left = walk.model();
        TcpModel right = new TcpModel(other, p);
        Trace<TcpState, Action> t = walk.prefix(at).trace();
        TcpState r = right.initialStates().get(0);
        List<TcpState> rightStates = new ArrayList<>(List.of(r));
        int[] otherPath = new int[at];
        List<Row> rows = new ArrayList<>();
        Integer firstDifference = null;
        String stopped = null;
        int replayed = 0;
        for (int i = 1; i <= at; i++) {
            Action a = t.steps().get(i).action();
            TcpState l = t.steps().get(i).state();
            int k = Walk.indexOf(right, r, a);
            if (k < 0) {
                stopped = "step " + i + " (" + StateView.describe(a, p) + ") is not possible in " + other.id() + ": "
                        + notEnabled(r, p, a);
                if (firstDifference == null) {
                    firstDifference = i;
                }
                rows.add(new Row(i, StateView.describe(a, p), l.a().state().toString(), l.b().state().toString(),
                        null, null, false));
                break;
            }
            r = right.successors(r).get(k).state();
            rightStates.add(r);
            otherPath[i - 1] = k;
            replayed = i;
            boolean same = l.equals(r);
            if (!same && firstDifference == null) {
                firstDifference = i;
            }
            rows.add(new Row(i, StateView.describe(a, p), l.a().state().toString(), l.b().state().toString(),
                    r.a().state().toString(), r.b().state().toString(), same));
        }
        Side atDifference = firstDifference == null ? null
                : side(walk, t, rightStates, Math.min(firstDifference, replayed), right.timeWait());
        Side atEnd = side(walk, t, rightStates, replayed, right.timeWait());
        Walk otherWalk = Walk.of(other, p, Arrays.copyOf(otherPath, replayed));
        return new Comparison(StateView.VariantInfo.of(walk.variant()), StateView.VariantInfo.of(other), at,
                replayed, firstDifference, stopped, rows, atDifference, atEnd, otherWalk.query(replayed, null));
    }

    private static String notEnabled(TcpState s, Parameters p, Action a) {
        String why = DisabledActions.reason(s, p, a);
        if (why != null) {
            return why;
        }
        if (a.kind() == Action.Kind.DELIVER || a.kind() == Action.Kind.LOSE || a.kind() == Action.Kind.DUPLICATE) {
            return "that segment is not in flight there";
        }
        return "the model does not enable it there";
    }

    private static Side side(Walk walk, Trace<TcpState, Action> t, List<TcpState> right, int step, int otherTimeWait) {
        Parameters p = walk.parameters();
        TcpState l = t.steps().get(step).state();
        TcpState r = right.get(step);
        TcpState lb = step > 0 ? t.steps().get(step - 1).state() : null;
        TcpState rb = step > 0 ? right.get(step - 1) : null;
        return new Side(step,
                List.of(EndpointFields.of(l, lb, TcpModel.A, p, walk.model().timeWait()),
                        EndpointFields.of(l, lb, TcpModel.B, p, walk.model().timeWait())),
                NetworkView.of(l, lb, p),
                List.of(EndpointFields.of(r, rb, TcpModel.A, p, otherTimeWait),
                        EndpointFields.of(r, rb, TcpModel.B, p, otherTimeWait)),
                NetworkView.of(r, rb, p));
    }
}
