package tcpcheck.properties;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The fields of one JSON object of a counterexample file, read one by one, each check naming the field by its path
 * ("expect[2].variables.RCV.NXT"). A strict reader takes each value only in its own JSON type and range and refuses a
 * field it does not know ({@link #noOthers}); a lenient one converts as the first version of the format did (a number
 * in a string, a missing boolean as false) and ignores unknown fields. Version 2 is read strictly; version 1 leniently,
 * until it is made strict field by field.
 */
final class JsonFields {
    private final JsonNode node;
    private final String path;
    private final boolean strict;
    private final Set<String> read = new HashSet<>();

    private JsonFields(JsonNode node, String path, boolean strict) {
        this.node = node;
        this.path = path;
        this.strict = strict;
    }

    /** The fields of an object at this path ("" for the file itself). */
    static JsonFields of(JsonNode node, String path, boolean strict) throws CounterexampleFile.InvalidException {
        if (node == null || !node.isObject()) {
            throw new CounterexampleFile.InvalidException(path.isEmpty() ? "not a JSON object"
                    : "field '" + path + "' must be an object");
        }
        return new JsonFields(node, path, strict);
    }

    /** The path of a field of this object. */
    String at(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    boolean has(String field) {
        JsonNode n = node.get(field);
        return n != null && !n.isNull();
    }

    JsonNode need(String field) throws CounterexampleFile.InvalidException {
        read.add(field);
        JsonNode n = node.get(field);
        if (n == null || n.isNull()) {
            throw new CounterexampleFile.InvalidException("missing field '" + at(field) + "'");
        }
        return n;
    }

    /** A whole number from min to max. */
    int integer(String field, int min, int max) throws CounterexampleFile.InvalidException {
        JsonNode n = need(field);
        boolean whole = strict ? n.isIntegralNumber() && n.canConvertToInt() : n.canConvertToInt();
        if (!whole) {
            throw invalid(field, "must be a whole number", n);
        }
        int v = n.asInt();
        if (strict && (v < min || v > max)) {
            throw invalid(field, "must be a whole number from " + min + " to " + max, n);
        }
        return v;
    }

    String text(String field) throws CounterexampleFile.InvalidException {
        JsonNode n = need(field);
        if (strict && !n.isTextual()) {
            throw invalid(field, "must be a string", n);
        }
        return n.asText();
    }

    boolean bool(String field) throws CounterexampleFile.InvalidException {
        JsonNode n = need(field);
        if (strict && !n.isBoolean()) {
            throw invalid(field, "must be true or false", n);
        }
        return n.asBoolean();
    }

    /** An object field, read with the same strictness. */
    JsonFields object(String field) throws CounterexampleFile.InvalidException {
        JsonNode n = need(field);
        if (!n.isObject()) {
            throw invalid(field, "must be an object", n);
        }
        return new JsonFields(n, at(field), strict);
    }

    /** The elements of an array field, with their paths ("actions[3]"). */
    List<Element> array(String field) throws CounterexampleFile.InvalidException {
        JsonNode n = need(field);
        if (!n.isArray()) {
            throw invalid(field, "must be an array", n);
        }
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            out.add(new Element(n.get(i), at(field) + "[" + i + "]"));
        }
        return out;
    }

    /** An element of an array and its path. */
    record Element(JsonNode node, String path) {
        JsonFields fields(boolean strict) throws CounterexampleFile.InvalidException {
            return JsonFields.of(node, path, strict);
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

    /** A strict reader refuses the fields it has not read (an unknown field, or a misspelt one). */
    void noOthers() throws CounterexampleFile.InvalidException {
        if (!strict) {
            return;
        }
        for (String f : names()) {
            if (!read.contains(f)) {
                throw new CounterexampleFile.InvalidException("unknown field '" + at(f) + "'");
            }
        }
    }

    /** Marks a field as known without reading it (a field for people, such as the states as text). */
    void known(String field) {
        read.add(field);
    }

    CounterexampleFile.InvalidException invalid(String field, String what, JsonNode value) {
        return new CounterexampleFile.InvalidException("field '" + at(field) + "' " + what + ", not " + value);
    }
}
