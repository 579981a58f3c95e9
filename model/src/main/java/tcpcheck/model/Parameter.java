package tcpcheck.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The parameters of a check, one descriptor each: the one table that defines a parameter's name, command-line option,
 * symbol, type, default, range and meaning. {@link Parameters} validates by it; the command line builds its options
 * from it; {@code list}, the JSON reports and the counterexample files print and read parameters through it.
 *
 * <p>A parameter's key in JSON is its symbol (K, D, …, Crash), or for a parameter without one its name in camel case
 * (serverClosesFirst, aOpens, bOpens). {@link #since()} is the counterexample format version that introduced it: a
 * file of an earlier version does not have it, and reads as its default.
 */
public enum Parameter {
    CONNECTIONS("connections", "K", Type.NUMBER, 1, 1, 7, null,
            "connections each actively opening endpoint's application opens, one after another", 1),
    DATA("data", "D", Type.NUMBER, 1, 0, 7, null, "data units each application writes per connection", 1),
    LOSSES("losses", "L", Type.NUMBER, 1, 0, 15, null, "segments the network may lose in one behaviour", 1),
    DUPLICATES("duplicates", "Dup", Type.NUMBER, 1, 0, 15, null, "segments the network may duplicate", 1),
    CAPACITY("capacity", "C", Type.NUMBER, 4, 1, 16, null,
            "segments in flight per direction; a send beyond it is at the boundary", 1),
    SEQ_SPACE("seq-space", "S", Type.NUMBER, 8, 2, 256, null, "sequence numbers are taken modulo S", 1),
    ISN_CHOICES("isn-choices", "I", Type.NUMBER, 2, 2, 256, "2-S, divides S",
            "values an initial sequence number may take, v x S / I", 1),
    MSL("msl", "MSL", Type.NUMBER, 2, 1, 15, null, "a segment is delivered or lost before it is MSL ticks old", 1),
    RTO("rto", "RTO", Type.NUMBER, 2, 1, 15, null,
            "ticks from the (re)transmission of a segment to its retransmission", 1),
    RETRIES("retries", "R", Type.NUMBER, 2, 0, 15, null,
            "retransmissions of one segment before the endpoint gives up", 1),
    TIME_WAIT("time-wait", "T", Type.NUMBER, Parameters.VARIANTS_OWN, 0, 31, null,
            "ticks in TIME-WAIT (default: the variant's own, 2 x MSL for the standard; no-time-wait and"
                    + " short-time-wait fix theirs)", 1),
    CRASHES("crashes", "Crash", Type.NUMBER, 0, 0, 3, null, "endpoint crashes per behaviour", 1),
    SERVER_CLOSES_FIRST("server-closes-first", null, Type.FLAG, 0, 0, 1, null,
            "B's application closes right after its response, without waiting for A's end of stream", 1),
    A_OPENS("a-opens", null, Type.OPENING, Opening.ACTIVE.ordinal(), 0, Opening.values().length - 1, null,
            "how A's application opens connections (list shows the openings)", 2),
    B_OPENS("b-opens", null, Type.OPENING, Opening.PASSIVE.ordinal(), 0, Opening.values().length - 1, null,
            "how B's application opens connections (list shows the openings)", 2);

    /** What kind of value a parameter takes. */
    public enum Type {
        /** A whole number in a range. */
        NUMBER,
        /** On or off (a flag on the command line, a boolean in JSON). */
        FLAG,
        /** One of the {@link Opening}s, by name. */
        OPENING
    }

    private final String name;
    private final String symbol;
    private final Type type;
    private final int defaultValue;
    private final int min;
    private final int max;
    private final String range;
    private final String meaning;
    private final int since;

    Parameter(String name, String symbol, Type type, int defaultValue, int min, int max, String range,
              String meaning, int since) {
        this.name = name;
        this.symbol = symbol;
        this.type = type;
        this.defaultValue = defaultValue;
        this.min = min;
        this.max = max;
        this.range = range;
        this.meaning = meaning;
        this.since = since;
    }

    /** The long name: the command-line option without its dashes ("connections"). */
    public String id() {
        return name;
    }

    /** The symbol, the specification's name of the bound ("K"), or null for a parameter without one. */
    public String symbol() {
        return symbol;
    }

    /** The command-line options: the long name, then the symbol as an alias ("--connections", "--K"). */
    public List<String> options() {
        List<String> o = new ArrayList<>();
        o.add("--" + name);
        if (symbol != null) {
            o.add("--" + symbol);
        }
        return o;
    }

    /** The key in JSON: the symbol, or the name in camel case ("serverClosesFirst"). */
    public String key() {
        if (symbol != null) {
            return symbol;
        }
        StringBuilder b = new StringBuilder();
        boolean upper = false;
        for (char c : name.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                b.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return b.toString();
    }

    public Type type() {
        return type;
    }

    /** What the parameter bounds or sets, in a phrase. */
    public String meaning() {
        return meaning;
    }

    /** The counterexample format version that introduced the parameter. */
    public int since() {
        return since;
    }

    /** The default as stored ({@link Parameters#VARIANTS_OWN} for T: the variant's own). */
    int defaultValue() {
        return defaultValue;
    }

    /** The default as people read it: "1", "off", "active", "the variant's". */
    public String defaultText() {
        if (this == TIME_WAIT) {
            return "the variant's";
        }
        return text(defaultValue);
    }

    /** The values it may take: "1-7", "2-S, divides S", "on or off", "active, passive, both". */
    public String rangeText() {
        switch (type) {
            case FLAG:
                return "on or off";
            case OPENING:
                return Opening.names();
            default:
                return range != null ? range : min + "-" + max;
        }
    }

    /** The value as people read it (a number, on or off, an opening's name). */
    public String text(int value) {
        switch (type) {
            case FLAG:
                return value != 0 ? "on" : "off";
            case OPENING:
                return Opening.values()[value].id();
            default:
                return Integer.toString(value);
        }
    }

    /** The value as JSON has it: an Integer, a Boolean, or an opening's name. */
    public Object json(int value) {
        switch (type) {
            case FLAG:
                return value != 0;
            case OPENING:
                return Opening.values()[value].id();
            default:
                return value;
        }
    }

    /**
     * The stored value of a JSON value (an Integer, a Boolean or a String), or an IllegalArgumentException that names
     * the key and says what it must be. The range is checked by {@link Parameters}.
     */
    public int fromJson(Object value) {
        Object shown = value instanceof String s ? "\"" + s + "\"" : value;
        switch (type) {
            case FLAG:
                if (value instanceof Boolean b) {
                    return b ? 1 : 0;
                }
                throw new IllegalArgumentException(key() + " must be true or false, not " + shown);
            case OPENING:
                if (value instanceof String s) {
                    try {
                        return Opening.named(s).ordinal();
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(key() + ": " + e.getMessage());
                    }
                }
                throw new IllegalArgumentException(key() + " must be one of " + Opening.names() + ", not " + shown);
            default:
                if (value instanceof Integer i) {
                    return i;
                }
                throw new IllegalArgumentException(key() + " must be a whole number, not " + shown);
        }
    }

    /** The name and symbol as messages name the parameter: "connections (K)". */
    public String label() {
        return symbol != null ? name + " (" + symbol + ")" : name;
    }

    /** Checks the value against the range, or throws an IllegalArgumentException naming the parameter. */
    void check(int value) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(label() + " must be between " + min + " and " + max + ", not "
                    + value);
        }
    }

    /** The parameter with this key or long name, or null. */
    public static Parameter byKey(String key) {
        for (Parameter p : values()) {
            if (p.key().equals(key) || p.name.equals(key)) {
                return p;
            }
        }
        return null;
    }
}
