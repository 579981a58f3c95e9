package tcpcheck.explorer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tcpcheck.checker.Trace;
import tcpcheck.model.Action;
import tcpcheck.model.Parameters;
import tcpcheck.model.SequenceSpace;
import tcpcheck.model.TcpModel;
import tcpcheck.model.TcpState;
import tcpcheck.model.Variant;
import tcpcheck.properties.SequenceChart;

/** Everything the page shows for one step of a path: the answer of {@code /api/state}. */
record StateView(VariantInfo variant, Map<String, Object> parameters, String query, int[] path, int at, int length,
                 List<StepInfo> steps, List<EndpointFields.Endpoint> endpoints, NetworkView.View network,
                 boolean terminal, boolean atBoundary, boolean aborted, List<ActionView> enabled,
                 List<DisabledActions.Disabled> disabled, List<PropertyStatus.View> properties,
                 List<Explanation.Broke> broke, String chart) {

    record VariantInfo(String id, List<String> aliases, String description) {
        static VariantInfo of(Variant v) {
            return new VariantInfo(v.id(), v.aliases(), v.description());
        }
    }

    /** A step of the path: its number (1 for the first action) and the action taken. */
    record StepInfo(int step, String action) {
    }

    /**
     * An enabled action.
     *
     * @param index its number among the enabled actions: what a path in a URL records
     * @param onPath whether it is the path's next step (forward takes it)
     */
    record ActionView(int index, String kind, String endpoint, String description, NetworkView.SegmentView segment,
                      Integer isnChoice, boolean onPath) {
    }

    /** Step {@code at} of the path. {@code counterexampleOf} names the property the path was opened for, or null. */
    static StateView of(Walk walk, int at, String counterexampleOf) {
        TcpModel m = walk.model();
        Parameters p = walk.parameters();
        Trace<TcpState, Action> full = walk.trace();
        Walk here = walk.prefix(at);
        Trace<TcpState, Action> t = here.trace();
        TcpState s = t.last();
        TcpState before = at > 0 ? t.steps().get(at - 1).state() : null;
        List<StepInfo> steps = new ArrayList<>();
        for (int i = 1; i < full.steps().size(); i++) {
            steps.add(new StepInfo(i, describe(full.steps().get(i).action(), p)));
        }
        List<EndpointFields.Endpoint> endpoints = List.of(EndpointFields.of(s, before, TcpModel.A, p, m.timeWait()),
                EndpointFields.of(s, before, TcpModel.B, p, m.timeWait()));
        int[] path = walk.indices();
        List<ActionView> enabled = actions(m, s, at < path.length ? path[at] : -1);
        List<PropertyStatus.Status> statuses = PropertyStatus.of(m, t, counterexampleOf);
        List<PropertyStatus.View> props = new ArrayList<>();
        List<Explanation.Broke> broke = new ArrayList<>();
        for (PropertyStatus.Status st : statuses) {
            props.add(st.view());
            if (st.violating() != null && st.violating().length() == at) {
                broke.add(Explanation.of(m, st));
            }
        }
        String title = walk.variant().id() + ": step " + at + " of " + walk.length();
        return new StateView(VariantInfo.of(walk.variant()), p.describe(walk.variant()),
                walk.query(at, counterexampleOf), path, at, walk.length(), steps, endpoints,
                NetworkView.of(s, before, p), m.terminal(s), s.atBoundary(), s.aborted(), enabled,
                DisabledActions.of(s, p), props, broke, SequenceChart.svg(title, t));
    }

    /** The enabled actions of {@code s}, in the model's order; {@code next} is the index the path takes next. */
    static List<ActionView> actions(TcpModel m, TcpState s, int next) {
        List<ActionView> out = new ArrayList<>();
        List<Trace.Step<TcpState, Action>> succ = m.successors(s);
        for (int i = 0; i < succ.size(); i++) {
            Action a = succ.get(i).action();
            NetworkView.SegmentView seg = a.isNetwork() ? NetworkView.segment(s, a.endpoint(), a.packet(), false)
                    : null;
            out.add(new ActionView(i, a.kind().name(), NetworkView.endpoint(a.endpoint()),
                    describe(a, m.parameters()), seg, a.isnChoice() >= 0 ? a.isnChoice() : null, i == next));
        }
        return out;
    }

    /** The action as the model describes it, with the ISS an endpoint chooses when a SYN reaches LISTEN. */
    static String describe(Action a, Parameters p) {
        String s = a.toString();
        if (a.kind() == Action.Kind.DELIVER && a.isnChoice() >= 0) {
            int iss = new SequenceSpace(p.seqSpace()).isn(a.isnChoice(), p.isnChoices());
            s += " (" + NetworkView.endpoint(a.endpoint()) + " chooses ISS " + iss + ")";
        }
        return s;
    }
}
