package tcpcheck.explorer;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tcpcheck.model.Parameter;
import tcpcheck.model.Parameters;
import tcpcheck.model.Variant;

/**
 * A variant and its parameters in a URL's query, by the keys the model's table of parameters gives them in JSON
 * ({@code K}, {@code D}, …, {@code Crash}, {@code serverClosesFirst}, {@code aOpens}, {@code bOpens}). Only the values
 * that differ from the defaults are written, and T only when it is not the variant's own (2 MSL, MSL or 0), so that a
 * link stays short and switching the variant keeps each its own T.
 */
final class ParameterQuery {
    /** The keys, in the table's order. */
    static final List<String> SYMBOLS = java.util.Arrays.stream(Parameter.values()).map(Parameter::key).toList();

    private ParameterQuery() {
    }

    static Variant variant(Map<String, String> query) {
        String name = query.get("variant");
        if (name == null || name.isEmpty()) {
            return Variant.RFC9293_RFC1337;
        }
        try {
            return Variant.named(name);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage());
        }
    }

    /** The parameters the query names, the defaults for the others; a bad value is a {@link BadRequest}. */
    static Parameters parameters(Map<String, String> query) {
        Map<Parameter, Integer> values = new EnumMap<>(Parameter.class);
        try {
            for (Parameter p : Parameter.values()) {
                String v = query.get(p.key());
                if (v != null) {
                    values.put(p, p.fromJson(value(p, v)));
                }
            }
            return Parameters.of(values);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage());
        }
    }

    /** The query's text as the JSON value the table reads: a number, a boolean, or an opening's name. */
    private static Object value(Parameter p, String v) {
        switch (p.type()) {
            case FLAG:
                if (!v.equals("true") && !v.equals("false")) {
                    throw new BadRequest("parameter " + p.key() + " must be true or false, not '" + v + "'");
                }
                return Boolean.parseBoolean(v);
            case OPENING:
                return v;
            default:
                try {
                    return Integer.parseInt(v);
                } catch (NumberFormatException e) {
                    throw new BadRequest("parameter " + p.key() + " must be a whole number, not '" + v + "'");
                }
        }
    }

    /**
     * The same parameters with T left to the variant when it is the variant's own: a counterexample file records T
     * resolved (T = 0 for no-time-wait), and replaying it on another variant must give that variant its own T.
     */
    static Parameters normalized(Variant v, Parameters p) {
        Parameters own = p.with(Parameter.TIME_WAIT, Parameters.VARIANTS_OWN);
        return p.timeWait() == v.timeWait(own) ? own : p;
    }

    /** The query entries for the variant and every parameter that differs from the defaults. */
    static Map<String, String> entries(Variant v, Parameters p) {
        Parameters defaults = Parameters.defaults();
        Map<String, String> out = new LinkedHashMap<>();
        out.put("variant", v.id());
        for (Parameter x : Parameter.values()) {
            boolean differs = x == Parameter.TIME_WAIT
                    ? p.timeWait() != Parameters.VARIANTS_OWN
                            && p.timeWait() != v.timeWait(p.with(Parameter.TIME_WAIT, Parameters.VARIANTS_OWN))
                    : p.get(x) != defaults.get(x);
            if (differs) {
                out.put(x.key(), String.valueOf(x.json(p.get(x))));
            }
        }
        return out;
    }
}
