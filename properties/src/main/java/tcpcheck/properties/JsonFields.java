package tcpcheck.properties;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The fields of one JSON object of a counterexample file, read one by one, each in its own JSON type and range and
 * named by its path ("actions[3].segment.seq", "expect[2].variables.RCV.NXT") in the one line that refuses it: the
 * field, the value found and what it must be. A whole number is a number without a fraction, as in JSON Schema (1 and
 * 1.0, not 1.5, "1" or true); null is a value like any other (never "absent"), and a field not read is refused
 * ({@link #noOthers}).
 */
final class JsonFields {
    private static final int SHOWN = 40;

    private final JsonNode node;
    private final String path;
    private final Set<String> read = new HashSet<>();

    private JsonFields(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** A range of whole numbers and why it is so ("below S = 8"), or null for no reason beyond the format. */
    record Range(long min, long max, String why) {
        Range(long min, long max) {
            this(min, max, null);
        }

        String text() {
            String r = min == max ? Long.toString(min) : "a whole number from " + min + " to " + max;
            return why == null ? r : r + " (" + why + ")";
        }

        boolean contains(BigDecimal v) {
            return v.compareTo(BigDecimal.valueOf(min)) >= 0 && v.compareTo(BigDecimal.valueOf(max)) <= 0;
        }
    }

    /** The fields of an object at this path ("" for the file itself); {@code what} names it ("an action"). */
    static JsonFields of(JsonNode node, String path, String what) throws CounterexampleFile.InvalidException {
        if (node == null || !node.isObject()) {
            throw new CounterexampleFile.InvalidException(path.isEmpty() ? "not a JSON object but " + shown(node)
                    : "field '" + path + "' must be an object (" + what + "), not " + shown(node));
        }
        return new JsonFields(node, path);
    }

    /** The path of a field of this object. */
    String at(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    /** Whether the field is there (null counts: it is a value, and the wrong one). */
    boolean has(String field) {
        return node.has(field);
    }

    JsonNode need(String field, String expected) throws CounterexampleFile.InvalidException {
        read.add(field);
        JsonNode n = node.get(field);
        if (n == null) {
            throw new CounterexampleFile.InvalidException("missing field '" + at(field) + "': " + expected);
        }
        return n;
    }

    /** A whole number in the range. */
    int integer(String field, Range r) throws CounterexampleFile.InvalidException {
        JsonNode n = need(field, r.text());
        BigDecimal v = whole(n);
        if (v == null || !r.contains(v)) {
            throw invalid(field, r.text(), n);
        }
        return v.intValueExact();
    }

    /** The value of a number without a fraction (1, 1.0, 1e2), or null for anything else. */
    static BigDecimal whole(JsonNode n) {
        if (!n.isNumber()) {
            return null;
        }
        BigDecimal v = n.isIntegralNumber() ? new BigDecimal(n.bigIntegerValue()) : n.decimalValue();
        return v.signum() == 0 || v.stripTrailingZeros().scale() <= 0 ? v : null;
    }

    boolean bool(String field) throws CounterexampleFile.InvalidException {
        JsonNode n = need(field, "true or false");
        if (!n.isBoolean()) {
            throw invalid(field, "true or false", n);
        }
        return n.booleanValue();
    }

    String text(String field, String what) throws CounterexampleFile.InvalidException {
        JsonNode n = need(field, what);
        if (!n.isTextual()) {
            throw invalid(field, what, n);
        }
        return n.textValue();
    }

    /** One of the names ({@code what} says of what: "a variant"), as a string. */
    String oneOf(String field, Collection<String> names, String what) throws CounterexampleFile.InvalidException {
        String expected = what + " (" + String.join(", ", names) + ")";
        JsonNode n = need(field, expected);
        if (!n.isTextual() || !names.contains(n.textValue())) {
            throw invalid(field, expected, n);
        }
        return n.textValue();
    }

    /** An object field; {@code what} names it ("the segment"). */
    JsonFields object(String field, String what) throws CounterexampleFile.InvalidException {
        JsonNode n = need(field, "an object (" + what + ")");
        return of(n, at(field), what);
    }

    /** The elements of an array field, with their paths ("actions[3]"); {@code what} says of what ("of actions"). */
    List<Element> array(String field, String what) throws CounterexampleFile.InvalidException {
        JsonNode n = need(field, "an array " + what);
        if (!n.isArray()) {
            throw invalid(field, "an array " + what, n);
        }
        List<Element> out = new ArrayList<>(n.size());
        for (int i = 0; i < n.size(); i++) {
            out.add(new Element(n.get(i), at(field) + "[" + i + "]"));
        }
        return out;
    }

    /** An element of an array and its path. */
    record Element(JsonNode node, String path) {
        JsonFields fields(String what) throws CounterexampleFile.InvalidException {
            return JsonFields.of(node, path, what);
        }
    }

    /** The names of the fields of this object, in their order. */
    List<String> names() {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            out.add(it.next());
        }
        return out;
    }

    /** Marks a field as known without reading it (one checked apart, such as the states as text). */
    void known(String field) {
        read.add(field);
    }

    /**
     * Refuses the first field not read: an unknown field, a misspelt one, or one this version or kind of object does
     * not have. {@code whose} and {@code fields} say what the object may hold ("an action", kind, endpoint, …).
     */
    void noOthers(String whose, Collection<String> fields) throws CounterexampleFile.InvalidException {
        for (String f : names()) {
            if (!read.contains(f)) {
                throw new CounterexampleFile.InvalidException("unknown field '" + at(f) + "'; the fields of " + whose
                        + " are: " + String.join(", ", fields));
            }
        }
    }

    CounterexampleFile.InvalidException invalid(String field, String what, JsonNode value) {
        return new CounterexampleFile.InvalidException("field '" + at(field) + "' must be " + what + ", not "
                + shown(value));
    }

    /** A value as the message shows it: JSON, shortened when long; an object or an array by its kind. */
    static String shown(JsonNode n) {
        if (n == null) {
            return "nothing";
        }
        if (n.isObject()) {
            return "an object";
        }
        if (n.isArray()) {
            return "an array";
        }
        String s = n.toString();
        return s.length() <= SHOWN ? s : s.substring(0, SHOWN - 1) + "… (" + s.length() + " characters)";
    }
}
