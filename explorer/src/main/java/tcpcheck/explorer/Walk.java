package tcpcheck.explorer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import tcpcheck.checker.Trace;
import tcpcheck.model.Action;
import tcpcheck.model.Parameters;
import tcpcheck.model.TcpModel;
import tcpcheck.model.TcpState;
import tcpcheck.model.Variant;

/**
 * A path through the model, as the explorer's URLs give it: a variant, its parameters, and the index of the action
 * taken at each step among the actions enabled there ({@link TcpModel#successors}, in the model's order). Every index
 * is checked as the path is replayed, so a link reproduces exactly one path or is refused.
 */
final class Walk {
    private final Variant variant;
    private final Parameters parameters;
    private final TcpModel model;
    private final int[] indices;
    private final Trace<TcpState, Action> trace;

    private Walk(Variant variant, Parameters parameters, TcpModel model, int[] indices, Trace<TcpState, Action> trace) {
        this.variant = variant;
        this.parameters = parameters;
        this.model = model;
        this.indices = indices;
        this.trace = trace;
    }

    /** The path these indices take from the initial state; a {@link BadRequest} names the first bad index. */
    static Walk of(Variant v, Parameters p, int[] indices) {
        TcpModel m = new TcpModel(v, p);
        Trace<TcpState, Action> t = Trace.of(m.initialStates().get(0));
        for (int i = 0; i < indices.length; i++) {
            List<Trace.Step<TcpState, Action>> next = m.successors(t.last());
            if (next.isEmpty()) {
                throw new BadRequest("step " + (i + 1) + ": no action is enabled after step " + i
                        + (t.last().atBoundary() ? " (the state is at the capacity bound)" : ""));
            }
            if (indices[i] < 0 || indices[i] >= next.size()) {
                throw new BadRequest("step " + (i + 1) + ": action " + indices[i] + " does not exist; the enabled"
                        + " actions there are numbered 0 to " + (next.size() - 1));
            }
            Trace.Step<TcpState, Action> s = next.get(indices[i]);
            t = t.then(s.action(), s.state());
        }
        return new Walk(v, p, m, indices.clone(), t);
    }

    /** The path a URL's query names: {@code variant}, the parameters, and {@code path} (indices joined by dots). */
    static Walk of(Map<String, String> query) {
        Variant v = ParameterQuery.variant(query);
        return of(v, ParameterQuery.parameters(query), indices(query.getOrDefault("path", "")));
    }

    /** What a path of actions (from a counterexample file) replays to, as far as its actions are enabled. */
    record Replayed(Walk walk, String stopped) {
    }

    /** Maps the actions onto indices; stops at the first action that is not enabled and says which. */
    static Replayed ofActions(Variant v, Parameters p, List<Action> actions) {
        TcpModel m = new TcpModel(v, p);
        TcpState s = m.initialStates().get(0);
        int[] out = new int[actions.size()];
        for (int i = 0; i < actions.size(); i++) {
            int k = indexOf(m, s, actions.get(i));
            if (k < 0) {
                return new Replayed(of(v, p, Arrays.copyOf(out, i)), "step " + (i + 1) + " (" + actions.get(i)
                        + ") is not enabled in " + v.id());
            }
            out[i] = k;
            s = m.successors(s).get(k).state();
        }
        return new Replayed(of(v, p, out), null);
    }

    /** The index of {@code a} among the actions enabled in {@code s}, or -1. */
    static int indexOf(TcpModel m, TcpState s, Action a) {
        List<Trace.Step<TcpState, Action>> next = m.successors(s);
        for (int k = 0; k < next.size(); k++) {
            if (next.get(k).action().equals(a)) {
                return k;
            }
        }
        return -1;
    }

    static int[] indices(String path) {
        if (path.isEmpty()) {
            return new int[0];
        }
        String[] parts = path.split("\\.", -1);
        if (parts.length > 10_000) {
            throw new BadRequest("a path has at most 10000 steps");
        }
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new BadRequest("path must be action indices joined by dots (like 0.2.1), not '" + path + "'");
            }
        }
        return out;
    }

    /** The step a query's {@code at} names, 0 to the path's length (its length when absent). */
    int at(Map<String, String> query) {
        String at = query.get("at");
        if (at == null || at.isEmpty()) {
            return length();
        }
        int k;
        try {
            k = Integer.parseInt(at);
        } catch (NumberFormatException e) {
            throw new BadRequest("at must be a step number, not '" + at + "'");
        }
        if (k < 0 || k > length()) {
            throw new BadRequest("at must be a step from 0 to " + length() + ", not " + k);
        }
        return k;
    }

    /** The first {@code steps} steps of this path. */
    Walk prefix(int steps) {
        int[] p = Arrays.copyOf(indices, steps);
        return new Walk(variant, parameters, model, p, new Trace<>(trace.steps().subList(0, steps + 1), -1));
    }

    /** This path up to step {@code at}, then the enabled action {@code index}: a branch when it is not the next. */
    Walk then(int at, int index) {
        int[] p = Arrays.copyOf(indices, at + 1);
        p[at] = index;
        return of(variant, parameters, p);
    }

    /** This path followed by the given actions (each must be enabled where it is taken). */
    Walk extended(List<Action> actions) {
        List<Integer> more = new ArrayList<>();
        for (int i : indices) {
            more.add(i);
        }
        TcpState s = trace.last();
        for (Action a : actions) {
            int k = indexOf(model, s, a);
            if (k < 0) {
                throw new IllegalStateException("a found path takes an action that is not enabled: " + a);
            }
            more.add(k);
            s = model.successors(s).get(k).state();
        }
        return of(variant, parameters, more.stream().mapToInt(Integer::intValue).toArray());
    }

    Variant variant() {
        return variant;
    }

    Parameters parameters() {
        return parameters;
    }

    TcpModel model() {
        return model;
    }

    int[] indices() {
        return indices.clone();
    }

    Trace<TcpState, Action> trace() {
        return trace;
    }

    int length() {
        return indices.length;
    }

    static String path(int[] indices) {
        StringJoiner j = new StringJoiner(".");
        for (int i : indices) {
            j.add(String.valueOf(i));
        }
        return j.toString();
    }

    /** The query that reproduces this path at step {@code at}, for the page's URL. */
    String query(int at, String property) {
        StringJoiner q = new StringJoiner("&");
        for (Map.Entry<String, String> e : ParameterQuery.entries(variant, parameters).entrySet()) {
            q.add(e.getKey() + "=" + encode(e.getValue()));
        }
        q.add("path=" + path(indices));
        q.add("at=" + at);
        if (property != null && !property.isEmpty()) {
            q.add("property=" + encode(property));
        }
        return q.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
