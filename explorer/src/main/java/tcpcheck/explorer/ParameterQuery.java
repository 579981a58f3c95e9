package tcpcheck.explorer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tcpcheck.model.Parameters;
import tcpcheck.model.Variant;

/**
 * A variant and its parameters in a URL's query, by the symbols the reports use ({@code K}, {@code D}, {@code L},
 * {@code Dup}, {@code C}, {@code S}, {@code I}, {@code MSL}, {@code RTO}, {@code R}, {@code T}, {@code Crash},
 * {@code serverClosesFirst}). Only the values that differ from the defaults are written, and T only when it is not
 * the variant's own (2 MSL, MSL or 0), so that a link stays short and switching the variant keeps each its own T.
 */
final class ParameterQuery {
    /** The symbols, in the order {@link Parameters#describe} gives them. */
    static final List<String> SYMBOLS = List.copyOf(Parameters.defaults().describe(Variant.RFC9293_RFC1337).keySet());

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
        Parameters d = Parameters.defaults();
        try {
            return new Parameters(number(query, "K", d.connections()), number(query, "D", d.data()),
                    number(query, "L", d.losses()), number(query, "Dup", d.duplicates()),
                    number(query, "C", d.capacity()), number(query, "S", d.seqSpace()),
                    number(query, "I", d.isnChoices()), number(query, "MSL", d.msl()), number(query, "RTO", d.rto()),
                    number(query, "R", d.retries()), number(query, "T", d.timeWait()),
                    number(query, "Crash", d.crashes()), flag(query, "serverClosesFirst", d.serverClosesFirst()));
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage());
        }
    }

    private static int number(Map<String, String> query, String symbol, int otherwise) {
        String v = query.get(symbol);
        if (v == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new BadRequest("parameter " + symbol + " must be a whole number, not '" + v + "'");
        }
    }

    private static boolean flag(Map<String, String> query, String symbol, boolean otherwise) {
        String v = query.get(symbol);
        if (v == null) {
            return otherwise;
        }
        if (!v.equals("true") && !v.equals("false")) {
            throw new BadRequest("parameter " + symbol + " must be true or false, not '" + v + "'");
        }
        return Boolean.parseBoolean(v);
    }

    /**
     * The same parameters with T left to the variant when it is the variant's own: a counterexample file records T
     * resolved (T = 0 for no-time-wait), and replaying it on another variant must give that variant its own T.
     */
    static Parameters normalized(Variant v, Parameters p) {
        Parameters own = p.withTimeWait(-1);
        return p.timeWait() == own.timeWaitFor(v) ? own : p;
    }

    /** The query entries for the variant and every parameter that differs from the defaults. */
    static Map<String, String> entries(Variant v, Parameters p) {
        Map<String, Object> mine = p.describe(v);
        Map<String, Object> defaults = Parameters.defaults().describe(v);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("variant", v.id());
        for (String s : SYMBOLS) {
            boolean explicitT = s.equals("T") && p.timeWait() >= 0 && p.timeWait() != p.withTimeWait(-1).timeWaitFor(v);
            if (s.equals("T") ? explicitT : !mine.get(s).equals(defaults.get(s))) {
                out.put(s, String.valueOf(mine.get(s)));
            }
        }
        return out;
    }
}
