package tcpcheck.properties;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * JSON text read strictly into a tree (RFC 8259): exactly one object and nothing after it but white space, no name
 * twice in one object, numbers kept exact (1.5 stays 1.5, 4294967297 stays 4294967297), and limits that keep a
 * hostile file from filling the memory: containers nested at most {@link #MAX_DEPTH} deep (a counterexample nests 4
 * deep), at most {@link #MAX_VALUES} values in all and {@link #MAX_CONTAINERS} objects and arrays. Every refusal is
 * one line that says where (the field's path, or the line and column).
 */
final class JsonText {
    /** The deepest nesting of arrays and objects a counterexample has: file, expect, an expectation, variables. */
    static final int MAX_DEPTH = 4;
    /**
     * The most JSON values (numbers, strings, booleans, nulls, arrays and objects, each one) a file may hold, and of
     * them the most objects and arrays: a trace of 100,000 actions (the longest walk of {@code simulate}), every one a
     * segment's, holds 1.7 million values, 200,000 of them objects. The limits keep the memory a file takes to some
     * hundred MiB.
     */
    static final int MAX_VALUES = 2_500_000;
    static final int MAX_CONTAINERS = 500_000;
    /** The longest number, in characters (Jackson's own limit, named here so that the message can say it). */
    static final int MAX_NUMBER_LENGTH = 1000;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNameLength(Integer.MAX_VALUE)
                    .maxNestingDepth(MAX_DEPTH + 1)
                    .build())
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private final JsonParser parser;
    private int values;
    private int containers;

    private JsonText(JsonParser parser) {
        this.parser = parser;
    }

    /** The one JSON object of the text. */
    static JsonNode parse(String text) throws CounterexampleFile.InvalidException {
        if (text.isBlank()) {
            throw new CounterexampleFile.InvalidException("the file is empty");
        }
        if (text.charAt(0) == '\uFEFF') {
            throw new CounterexampleFile.InvalidException("not JSON: the file starts with a byte order mark (U+FEFF),"
                    + " which JSON text must not have (RFC 8259)");
        }
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonText t = new JsonText(p);
            JsonToken first = t.next();
            if (first != JsonToken.START_OBJECT) {
                throw new CounterexampleFile.InvalidException("not a JSON object but " + kind(first));
            }
            JsonNode value = t.value(first, "", 0);
            JsonLocation end = p.currentLocation();
            JsonToken after;
            try {
                after = p.nextToken();
            } catch (JsonProcessingException e) {
                after = JsonToken.NOT_AVAILABLE;
            }
            if (after != null) {
                throw new CounterexampleFile.InvalidException("data after the JSON value, from " + where(end)
                        + ": a file holds one object and nothing after it");
            }
            return value;
        } catch (StreamConstraintsException e) {
            throw new CounterexampleFile.InvalidException("not JSON a counterexample holds: a number longer than "
                    + MAX_NUMBER_LENGTH + " characters at " + where(e.getLocation()));
        } catch (JsonProcessingException e) {
            throw new CounterexampleFile.InvalidException("not JSON (or truncated): " + oneLine(e.getOriginalMessage())
                    + " at " + where(e.getLocation()));
        } catch (IOException e) {
            throw new CounterexampleFile.InvalidException("not JSON: " + oneLine(e.getMessage()));
        }
    }

    private JsonToken next() throws IOException, CounterexampleFile.InvalidException {
        JsonToken t = parser.nextToken();
        if (t == null) {
            throw new CounterexampleFile.InvalidException("not JSON (or truncated): the text ends at "
                    + where(parser.currentLocation()) + " inside a value");
        }
        return t;
    }

    /** The value that starts with token {@code t}, at this path, inside {@code depth} containers. */
    private JsonNode value(JsonToken t, String path, int depth) throws IOException,
            CounterexampleFile.InvalidException {
        if (++values > MAX_VALUES) {
            throw new CounterexampleFile.InvalidException("more than " + MAX_VALUES + " JSON values (at "
                    + (path.isEmpty() ? where(parser.currentLocation()) : "'" + path + "'")
                    + "): more than any counterexample holds");
        }
        switch (t) {
            case START_OBJECT: {
                nest(path, depth, "an object");
                ObjectNode o = NODES.objectNode();
                for (JsonToken n = next(); n != JsonToken.END_OBJECT; n = next()) {
                    String name = parser.currentName();
                    String at = path.isEmpty() ? name : path + "." + name;
                    if (o.has(name)) {
                        throw new CounterexampleFile.InvalidException("field '" + at + "' appears twice in one object"
                                + " (at " + where(parser.currentLocation()) + "); each name may appear once");
                    }
                    o.set(name, value(next(), at, depth + 1));
                }
                return o;
            }
            case START_ARRAY: {
                nest(path, depth, "an array");
                ArrayNode a = NODES.arrayNode();
                for (JsonToken n = next(); n != JsonToken.END_ARRAY; n = next()) {
                    a.add(value(n, path + "[" + a.size() + "]", depth + 1));
                }
                return a;
            }
            case VALUE_STRING:
                return NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT:
                switch (parser.getNumberType()) {
                    case INT:
                        return NODES.numberNode(parser.getIntValue());
                    case LONG:
                        return NODES.numberNode(parser.getLongValue());
                    default:
                        return NODES.numberNode(parser.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(parser.getDecimalValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new CounterexampleFile.InvalidException("not JSON: unexpected " + t + " at "
                        + where(parser.currentLocation()));
        }
    }

    private void nest(String path, int depth, String what) throws CounterexampleFile.InvalidException {
        if (++containers > MAX_CONTAINERS) {
            throw new CounterexampleFile.InvalidException("more than " + MAX_CONTAINERS + " JSON objects and arrays"
                    + " (at '" + path + "'): more than any counterexample holds");
        }
        if (depth >= MAX_DEPTH) {
            throw new CounterexampleFile.InvalidException("field '" + path + "' is " + what + " nested " + (depth + 1)
                    + " deep; no field of a counterexample nests deeper than " + MAX_DEPTH);
        }
    }

    private static String kind(JsonToken t) {
        switch (t) {
            case START_ARRAY:
                return "an array";
            case VALUE_STRING:
                return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "a number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            default:
                return "null";
        }
    }

    private static String where(JsonLocation l) {
        return l == null ? "an unknown place" : "line " + l.getLineNr() + ", column " + l.getColumnNr();
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
