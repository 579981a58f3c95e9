package tcpcheck.explorer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tcpcheck.model.Parameters;
import tcpcheck.model.TcpModel;
import tcpcheck.model.Variant;
import tcpcheck.properties.CounterexampleFile;
import tcpcheck.properties.TcpProperties;
import tcpcheck.properties.TcpProperty;

/**
 * The explorer's JSON API, apart from HTTP: each method takes a request's query and returns what is sent back as
 * JSON. Every path, index, variant and parameter is checked; a bad one is a {@link BadRequest}. The README's
 * section "Exploring" documents it.
 */
final class Api {
    /** The query parameters the API knows: anything else is refused, so that a typo is not silently ignored. */
    private static final Set<String> KNOWN = known();

    private final Opening opening;
    private final Search search = new Search();

    /** What the page opens at: a query, a title, and a warning when a counterexample no longer replays in full. */
    record Opening(String query, String title, String warning) {
    }

    Api(Opening opening) {
        this.opening = opening;
    }

    /** The page opens at the initial state of a variant. */
    static Opening opening(Variant v, Parameters p) {
        Walk w = Walk.of(v, ParameterQuery.normalized(v, p), new int[0]);
        return new Opening(w.query(0, null), v.id() + ": the initial state", null);
    }

    /** The page opens at the first step of a counterexample (its initial state). */
    static Opening opening(CounterexampleFile.Counterexample cx) {
        Parameters p = ParameterQuery.normalized(cx.variant(), cx.parameters());
        Walk.Replayed r = Walk.ofActions(cx.variant(), p, cx.actions());
        String title = cx.variant().id() + (cx.parameters().connections() > 1 ? " (K=" + cx.parameters().connections()
                + ")" : "") + ": " + cx.property() + " violated in " + cx.length() + " actions";
        String warning = r.stopped() == null ? null : "this counterexample no longer replays in full: " + r.stopped()
                + "; the " + r.walk().length() + " steps before it are loaded";
        return new Opening(r.walk().query(0, cx.property()), title, warning);
    }

    record PropertyInfo(String name, String description) {
    }

    record Config(List<StateView.VariantInfo> variants, List<PropertyInfo> properties, List<String> targets,
                  Map<String, Object> defaults, Opening opening) {
    }

    Config config() {
        List<StateView.VariantInfo> vs = new ArrayList<>();
        for (Variant v : Variant.values()) {
            vs.add(StateView.VariantInfo.of(v));
        }
        List<PropertyInfo> ps = new ArrayList<>();
        for (TcpProperty p : TcpProperties.all(new TcpModel(Variant.RFC9293_RFC1337, Parameters.defaults()))) {
            ps.add(new PropertyInfo(p.name(), p.description()));
        }
        return new Config(vs, ps, Search.targets(), Parameters.defaults().describe(Variant.RFC9293_RFC1337), opening);
    }

    StateView state(Map<String, String> q) {
        check(q);
        Walk w = Walk.of(q);
        return StateView.of(w, w.at(q), property(q));
    }

    record Actions(List<StateView.ActionView> enabled, List<DisabledActions.Disabled> disabled) {
    }

    Actions actions(Map<String, String> q) {
        check(q);
        Walk w = Walk.of(q);
        int at = w.at(q);
        Walk here = w.prefix(at);
        int[] path = w.indices();
        return new Actions(StateView.actions(here.model(), here.trace().last(), at < path.length ? path[at] : -1),
                DisabledActions.of(here.trace().last(), w.parameters()));
    }

    /** Takes enabled action {@code action} at step {@code at}: forward when it is the path's next, else a branch. */
    StateView step(Map<String, String> q) {
        check(q);
        Walk w = Walk.of(q);
        int at = w.at(q);
        String a = q.get("action");
        if (a == null) {
            throw new BadRequest("step needs action, the index of an enabled action");
        }
        int index;
        try {
            index = Integer.parseInt(a);
        } catch (NumberFormatException e) {
            throw new BadRequest("action must be the index of an enabled action, not '" + a + "'");
        }
        int[] path = w.indices();
        if (at < path.length && path[at] == index) {
            return StateView.of(w, at + 1, property(q));
        }
        // A branch: the path is no longer the counterexample it was opened as.
        return StateView.of(w.then(at, index), at + 1, null);
    }

    Comparison compare(Map<String, String> q) {
        check(q);
        Walk w = Walk.of(q);
        String other = q.get("other");
        if (other == null || other.isEmpty()) {
            throw new BadRequest("compare needs other, the variant to replay the path on");
        }
        Variant v;
        try {
            v = Variant.named(other);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage());
        }
        return Comparison.of(w, w.at(q), v);
    }

    Search.JobView find(Map<String, String> q) {
        check(q);
        Walk w = Walk.of(q);
        property(q);
        return search.start(w, w.at(q), q.get("target"));
    }

    Search.JobView findStatus(int id) {
        return search.status(id);
    }

    Search.JobView findCancel(int id) {
        return search.cancel(id);
    }

    void close() {
        search.cancelAll();
    }

    /** A counterexample file's content, sent by the page (the server reads no file it was not given). */
    Opening load(String content) {
        try {
            return opening(CounterexampleFile.read(content));
        } catch (CounterexampleFile.InvalidException e) {
            throw new BadRequest("not a valid counterexample: " + e.getMessage());
        }
    }

    private static String property(Map<String, String> q) {
        String p = q.get("property");
        if (p == null || p.isEmpty()) {
            return null;
        }
        if (!TcpProperties.NAMES.contains(p)) {
            throw new BadRequest("unknown property '" + p + "'; the properties are: "
                    + String.join(", ", TcpProperties.NAMES));
        }
        return p;
    }

    private static void check(Map<String, String> q) {
        for (String k : q.keySet()) {
            if (!KNOWN.contains(k)) {
                throw new BadRequest("unknown query parameter '" + k + "'");
            }
        }
    }

    private static Set<String> known() {
        Map<String, Boolean> m = new LinkedHashMap<>();
        for (String s : List.of("variant", "path", "at", "property", "action", "other", "target")) {
            m.put(s, true);
        }
        for (String s : ParameterQuery.SYMBOLS) {
            m.put(s, true);
        }
        return Set.copyOf(m.keySet());
    }
}
