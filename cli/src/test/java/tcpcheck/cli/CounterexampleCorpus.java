package tcpcheck.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A corpus of counterexample files, each one fault away from a file tcpcheck wrote or a scenario: built in memory from
 * the stored counterexamples and scenarios, one mutation of one field at a time. For every field of the format: a wrong
 * type, a value just out of its range on each side (the range for the file's own parameters, written here from the
 * format's description, not from the reader), the field missing, null, and an unknown field beside it; then the
 * mutations issue reports listed, and faults of the JSON text itself. Each mutation says what the one line that refuses
 * it must contain (the field's path and the value). A few are valid files (an optional field left out, 1.0 for 1): the
 * reader and the schema must accept those.
 */
final class CounterexampleCorpus {
    static final Path COUNTEREXAMPLES = Path.of("..", "counterexamples");
    static final Path SCENARIOS = Path.of("..", "scenarios");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private CounterexampleCorpus() {
    }

    /**
     * One file of the corpus.
     *
     * @param name what was changed, to name it in a failure
     * @param text the file
     * @param says what the refusing line must contain (empty for a valid file)
     * @param valid whether the file is valid (the reader and the schema accept it)
     * @param beyondSchema a rule that compares two counts of the file, which JSON Schema cannot say: the schema accepts
     *        the file, the reader refuses it
     * @param exit what replay answers: 2 for a broken file; 0 or 1 for a valid one (1: the model does not follow it)
     */
    record Mutation(String name, String text, List<String> says, boolean valid, boolean beyondSchema, int exit) {
    }

    /** A place in a file: field names and array indexes. */
    record At(List<Object> steps) {
        static At of(Object... steps) {
            return new At(List.of(steps));
        }

        /** As the reader names it: "actions[2].segment.seq". */
        String path() {
            StringBuilder b = new StringBuilder();
            for (Object s : steps) {
                if (s instanceof Integer i) {
                    b.append('[').append(i).append(']');
                } else {
                    b.append(b.length() == 0 ? "" : ".").append(s);
                }
            }
            return b.toString();
        }

        At then(Object... more) {
            List<Object> s = new ArrayList<>(steps);
            s.addAll(List.of(more));
            return new At(s);
        }

        Object last() {
            return steps.get(steps.size() - 1);
        }

        At parent() {
            return new At(steps.subList(0, steps.size() - 1));
        }
    }

    /** A base file and the mutations built from it. */
    static final class Builder {
        final String label;
        final ObjectNode base;
        final List<Mutation> out;

        Builder(String label, ObjectNode base, List<Mutation> out) {
            this.label = label;
            this.base = base;
            this.out = out;
        }

        /** The field at {@code at} set to {@code value}: refused with a line naming the field and the value. */
        Builder set(At at, JsonNode value) {
            return set(at, value, false);
        }

        Builder set(At at, JsonNode value, boolean beyondSchema) {
            ObjectNode copy = base.deepCopy();
            put(copy, at, value);
            out.add(new Mutation(label + ": " + at.path() + " = " + value, text(copy),
                    List.of("'" + at.path() + "'", shown(value)), false, beyondSchema, 2));
            return this;
        }

        /** The same, the line saying {@code says} instead of the value. */
        Builder set(At at, JsonNode value, String says) {
            ObjectNode copy = base.deepCopy();
            put(copy, at, value);
            out.add(new Mutation(label + ": " + at.path() + " = " + value, text(copy), List.of(says), false, false,
                    2));
            return this;
        }

        /** A valid change that replays (null: the field taken away). */
        Builder valid(String name, At at, JsonNode value) {
            return valid(name, at, value, 0);
        }

        /** A valid change; replay exits with {@code exit} (1: the model does not follow the file). */
        Builder valid(String name, At at, JsonNode value, int exit) {
            ObjectNode copy = base.deepCopy();
            if (value == null) {
                remove(copy, at);
            } else {
                put(copy, at, value);
            }
            out.add(new Mutation(label + ": " + name, text(copy), List.of(), true, false, exit));
            return this;
        }

        /** The field taken away: "missing field 'PATH'". */
        Builder missing(At at) {
            ObjectNode copy = base.deepCopy();
            remove(copy, at);
            out.add(new Mutation(label + ": without " + at.path(), text(copy),
                    List.of("missing field '" + at.path() + "'"), false, false, 2));
            return this;
        }

        /** A field the object does not have, beside the others: "unknown field 'PATH.extra'". */
        Builder extra(At object) {
            At at = object.then("extra");
            ObjectNode copy = base.deepCopy();
            put(copy, at, F.numberNode(1));
            out.add(new Mutation(label + ": " + at.path() + " added", text(copy),
                    List.of("unknown field '" + at.path() + "'"), false, false, 2));
            return this;
        }

        /** A whole number from min to max: a string, a fraction, a boolean, min - 1, max + 1, missing, null. */
        Builder integer(At at, long min, long max, boolean required) {
            return integer(at, min, max, required, false, false);
        }

        /** The same, for a range that compares two counts of the file: the schema accepts min - 1 or max + 1. */
        Builder integer(At at, long min, long max, boolean required, boolean lowBeyondSchema,
                        boolean highBeyondSchema) {
            set(at, F.textNode(Long.toString(min)));
            set(at, F.numberNode(new java.math.BigDecimal(min + ".5")));
            set(at, F.booleanNode(true));
            set(at, F.numberNode(min - 1), lowBeyondSchema);
            set(at, F.numberNode(max + 1), highBeyondSchema);
            set(at, F.nullNode());
            return required ? missing(at) : valid("without " + at.path(), at, null);
        }

        /** A boolean: a string, a number, missing, null. */
        Builder bool(At at) {
            set(at, F.textNode("true"));
            set(at, F.numberNode(1));
            set(at, F.nullNode());
            return missing(at);
        }

        /** One of some names: a number, a name not among them, missing (if required), null. */
        Builder name(At at, String notOne, boolean required) {
            set(at, F.numberNode(1));
            set(at, F.textNode(notOne));
            set(at, F.nullNode());
            return required ? missing(at) : valid("without " + at.path(), at, null);
        }

        /** Any string: a number, an object, missing (if required), null. */
        Builder string(At at, boolean required) {
            set(at, F.numberNode(1));
            set(at, F.objectNode());
            set(at, F.nullNode());
            return required ? missing(at) : valid("without " + at.path(), at, null);
        }

        /** An object: an array, a string, missing (if required), null, and a field it does not have. */
        Builder object(At at, boolean required) {
            set(at, F.arrayNode());
            set(at, F.textNode("x"));
            set(at, F.nullNode());
            extra(at);
            return required ? missing(at) : valid("without " + at.path(), at, null);
        }

        /** An array: an object, a string, missing (if required), null. */
        Builder array(At at, boolean required) {
            set(at, F.objectNode());
            set(at, F.textNode("x"));
            set(at, F.nullNode());
            return required ? missing(at) : valid("without " + at.path(), at, null);
        }

        /** The base file changed as text. */
        Builder changed(String name, java.util.function.UnaryOperator<String> change, String... says) {
            out.add(new Mutation(label + ": " + name, change.apply(CounterexampleCorpus.text(base)), List.of(says),
                    false, false, 2));
            return this;
        }
    }

    static ObjectNode read(Path file) {
        try {
            return (ObjectNode) JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(JsonNode o) {
        try {
            return JSON.writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A value as the refusing line shows it: JSON, an object or an array by its kind. */
    static String shown(JsonNode n) {
        return n.isObject() ? "an object" : n.isArray() ? "an array" : n.toString();
    }

    private static void put(ObjectNode root, At at, JsonNode value) {
        JsonNode parent = root.at(pointer(at.parent()));
        Object last = at.last();
        if (last instanceof Integer i) {
            ((ArrayNode) parent).set(i, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
    }

    private static void remove(ObjectNode root, At at) {
        JsonNode parent = root.at(pointer(at.parent()));
        Object last = at.last();
        if (last instanceof Integer i) {
            ((ArrayNode) parent).remove(i);
        } else {
            ((ObjectNode) parent).remove((String) last);
        }
    }

    private static String pointer(At at) {
        StringBuilder b = new StringBuilder();
        for (Object s : at.steps()) {
            b.append('/').append(s.toString().replace("~", "~0").replace("/", "~1"));
        }
        return b.toString();
    }

    /** The whole corpus. */
    static List<Mutation> all() {
        List<Mutation> out = new ArrayList<>();
        version1(out);
        lasso(out);
        version2(out);
        otherParameters(out);
        reported(out);
        text(out);
        return out;
    }

    /**
     * Every field of version 1, on a counterexample of no-time-wait (S = 8, I = 2, MSL = 2, D = 1, K = 1, T = 0; 25
     * actions; eventually-closed, a liveness property, so loopStart may be -1 to 25): action 0 an OPEN, 1 a TICK, 2 the
     * delivery of a SYN to LISTEN (ISN choice 0, age 1), 9 the delivery of a data segment.
     */
    private static void version1(List<Mutation> out) {
        Builder b = new Builder("v1", read(COUNTEREXAMPLES.resolve("no-time-wait.eventually-closed.json")), out);
        b.set(At.of("schema"), F.numberNode(1)).set(At.of("schema"), F.textNode("pcap"))
                .set(At.of("schema"), F.nullNode()).missing(At.of("schema"));
        b.set(At.of("version"), F.textNode("1")).set(At.of("version"), F.numberNode(new java.math.BigDecimal("1.5")))
                .set(At.of("version"), F.booleanNode(true)).set(At.of("version"), F.numberNode(0))
                .set(At.of("version"), F.numberNode(3)).set(At.of("version"), F.nullNode())
                .missing(At.of("version"));
        b.valid("version 1.0 (a whole number)", At.of("version"), F.numberNode(new java.math.BigDecimal("1.0")));
        b.name(At.of("variant"), "tcp-reno", true);
        b.object(At.of("parameters"), true);
        long[][] ranges = {{1, 7}, {0, 7}, {0, 15}, {0, 15}, {1, 16}, {2, 256}, {2, 256}, {1, 15}, {1, 15}, {0, 15},
            {0, 31}, {0, 3}};
        String[] keys = {"K", "D", "L", "Dup", "C", "S", "I", "MSL", "RTO", "R", "T", "Crash"};
        for (int i = 0; i < keys.length; i++) {
            b.integer(At.of("parameters", keys[i]), ranges[i][0], ranges[i][1], true);
        }
        b.set(At.of("parameters", "T"), F.numberNode(1), "field 'parameters.T' must be 0");
        b.set(At.of("parameters", "I"), F.numberNode(3), "field 'parameters.I' must divide S = 8 (one of 2, 4, 8)");
        b.set(At.of("parameters", "S"), F.numberNode(7), "field 'parameters.I' must divide S = 7");
        b.bool(At.of("parameters", "serverClosesFirst"));
        b.set(At.of("parameters", "aOpens"), F.textNode("active"), "unknown field 'parameters.aOpens'");
        b.name(At.of("property"), "liveness", true);
        b.name(At.of("part"), "no-stale-accept", true);
        b.integer(At.of("length"), 25, 25, true, true, true);
        b.integer(At.of("loopStart"), -1, 25, true, false, true);
        b.valid("loopStart 3 (a lasso whose cycle does not close)", At.of("loopStart"), F.numberNode(3), 1);
        b.array(At.of("actions"), true);
        b.set(At.of("actions", 0), F.numberNode(1), "field 'actions[0]' must be an object");
        b.set(At.of("actions", 0), F.nullNode(), "field 'actions[0]' must be an object");
        b.array(At.of("states"), false);
        b.set(At.of("states", 3), F.numberNode(5));
        b.extra(At.of());
        b.set(At.of("title"), F.textNode("A title"), "unknown field 'title'");
        b.set(At.of("expect"), F.arrayNode(), "unknown field 'expect'");
        // An OPEN: it chooses an ISN below I = 2; it has no segment.
        At open = At.of("actions", 0);
        b.name(open.then("kind"), "CONNECT", true).name(open.then("endpoint"), "C", true);
        b.integer(open.then("isnChoice"), 0, 1, true);
        b.valid("isnChoice 1 on the first OPEN (in range, not enabled)", open.then("isnChoice"), F.numberNode(1), 1);
        b.set(open.then("segment"), F.objectNode(), "field 'actions[0].segment' must not be there");
        b.extra(open);
        // A TICK: endpoint A, isnChoice -1.
        At tick = At.of("actions", 1);
        b.set(tick.then("endpoint"), F.textNode("B")).integer(tick.then("isnChoice"), -1, -1, true);
        // The delivery of a SYN to LISTEN, and its segment.
        At syn = At.of("actions", 2);
        b.integer(syn.then("isnChoice"), -1, 1, true);
        b.object(syn.then("segment"), true);
        At seg = syn.then("segment");
        for (String flag : new String[] {"syn", "ack", "fin", "rst", "data"}) {
            b.bool(seg.then(flag));
        }
        b.integer(seg.then("seq"), 0, 7, true).integer(seg.then("ack_no"), 0, 7, true)
                .integer(seg.then("connection"), 0, 1, true).integer(seg.then("dataIndex"), 0, 0, true)
                .integer(seg.then("age"), 0, 1, true);
        // A data segment: its index below D = 1.
        b.integer(At.of("actions", 9, "segment", "dataIndex"), 0, 0, true);
        // Other kinds: a RETRANSMISSION_TIMEOUT, a DUPLICATE, a LOSE.
        b.set(At.of("actions", 4, "isnChoice"), F.numberNode(0));
        b.set(At.of("actions", 8, "isnChoice"), F.numberNode(0)).missing(At.of("actions", 8, "segment"));
        b.set(At.of("actions", 23, "segment", "seq"), F.numberNode(8));
    }

    /** loopStart on a safety property's counterexample (two-way-handshake, no-stale-accept, 14 actions): only -1. */
    private static void lasso(List<Mutation> out) {
        Builder b = new Builder("safety", read(COUNTEREXAMPLES.resolve("two-way-handshake.no-stale-accept.json")),
                out);
        b.integer(At.of("loopStart"), -1, -1, true);
        for (int x : new int[] {5, 13, 14, 15, 1000, -2, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            b.set(At.of("loopStart"), F.numberNode(x));
        }
        b.set(At.of("loopStart"), F.numberNode(4294967297L));
        b.set(At.of("part"), F.textNode("eventually-closed"));
        b.valid("part: no-stale-accept after an abort (a part that is not violated)", At.of("part"),
                F.textNode("no-stale-accept after an abort"), 1);
        // On a liveness property, loopStart is at most length; JSON Schema cannot compare the two.
        Builder live = new Builder("liveness",
                read(COUNTEREXAMPLES.resolve("two-way-handshake.eventually-closed.json")), out);
        live.set(At.of("loopStart"), F.numberNode(24), true).set(At.of("loopStart"), F.numberNode(1000), true)
                .set(At.of("loopStart"), F.numberNode(-2));
        live.set(At.of("length"), F.numberNode(22), true).set(At.of("length"), F.numberNode(24), true);
    }

    /**
     * Every field version 2 adds, on RFC 9293's Figure 6 (6 actions, 8 expectations; no property, so no lasso; the
     * optional fields of actions and segments left out), and the defaults it may leave out.
     */
    private static void version2(List<Mutation> out) {
        Builder b = new Builder("v2", read(SCENARIOS.resolve("rfc9293-fig6-three-way-handshake.json")), out);
        b.string(At.of("title"), false).string(At.of("source"), false);
        b.name(At.of("parameters", "aOpens"), "sometimes", true).name(At.of("parameters", "bOpens"), "sometimes", true);
        b.extra(At.of("parameters"));
        b.name(At.of("property"), "liveness", false);
        b.set(At.of("part"), F.textNode("agreement"), "field 'part' needs a field 'property'");
        b.integer(At.of("loopStart"), -1, -1, false);
        b.valid("a property it does not violate", At.of("property"), F.textNode("agreement"), 1);
        b.set(At.of("actions", 2, "isnChoice"), F.numberNode(2)).set(At.of("actions", 2, "isnChoice"),
                F.numberNode(-2));
        b.set(At.of("actions", 0, "isnChoice"), F.numberNode(-1));
        b.missing(At.of("actions", 0, "isnChoice"));
        b.valid("isnChoice -1 written out", At.of("actions", 2, "isnChoice"), F.numberNode(-1));
        b.set(At.of("actions", 2, "segment", "age"), F.numberNode(2))
                .set(At.of("actions", 2, "segment", "dataIndex"), F.numberNode(1))
                .set(At.of("actions", 5, "segment", "dataIndex"), F.numberNode(1))
                .set(At.of("actions", 2, "segment", "age"), F.nullNode());
        b.valid("age 0 written out", At.of("actions", 2, "segment", "age"), F.numberNode(0));
        b.set(At.of("states"), F.arrayNode().add(1), "field 'states[0]' must be a string");
        b.valid("states as text", At.of("states"), F.arrayNode().add("a state"));
        b.array(At.of("expect"), false);
        b.set(At.of("expect", 0), F.numberNode(1), "field 'expect[0]' must be an object");
        At e = At.of("expect", 7);
        b.integer(e.then("step"), 0, 6, true, false, true);
        b.name(e.then("endpoint"), "C", true).name(e.then("state"), "SYN_SENT", true);
        b.extra(e);
        b.object(e.then("variables"), false);
        b.integer(e.then("variables", "RCV.NXT"), 0, 7, false);
        b.object(e.then("application"), false);
        b.integer(e.then("application", "delivered"), 0, 7, false);
        b.set(e.then("application", "endOfStream"), F.textNode("yes"))
                .set(e.then("application", "endOfStream"), F.numberNode(1))
                .set(e.then("application", "endOfStream"), F.nullNode());
        b.set(At.of("expect", 2, "variables", "ISN"), F.numberNode(0), "unknown field 'expect[2].variables.ISN'");
        // Version 1 has no title, no source, no expectations and neither opening; version 2 has every parameter.
        b.missing(At.of("parameters", "K"));
    }

    /** Ranges that depend on other parameters: two active openers (K at most 3, connections to 2 K), D = 0. */
    private static void otherParameters(List<Mutation> out) {
        Builder both = new Builder("both open", read(SCENARIOS.resolve("rfc9293-fig7-simultaneous-open.json")), out);
        both.set(At.of("parameters", "K"), F.numberNode(4), "field 'parameters.K' must be a whole number from 1 to 3");
        both.set(At.of("actions", 2, "segment", "connection"), F.numberNode(3));
        both.valid("K = 3", At.of("parameters", "K"), F.numberNode(3));
        Builder none = new Builder("no data", read(SCENARIOS.resolve("rfc9293-fig12-normal-close.json")), out);
        none.set(At.of("actions", 1, "segment", "data"), F.booleanNode(true),
                "field 'actions[1].segment.data' must be false (D = 0");
        none.set(At.of("parameters", "D"), F.numberNode(-1));
        Builder twice = new Builder("I = 8", read(SCENARIOS.resolve("rfc1337-twa1-old-data-accepted.json")), out);
        twice.set(At.of("actions", 0, "isnChoice"), F.numberNode(8));
        twice.set(At.of("parameters", "I"), F.numberNode(16), "field 'parameters.I' must divide S = 8");
        twice.set(At.of("expect", 16, "application", "delivered"), F.numberNode(8));
        Builder shortTw = new Builder("short-time-wait",
                read(COUNTEREXAMPLES.resolve("short-time-wait.graceful-close.json")), out);
        shortTw.set(At.of("parameters", "T"), F.numberNode(4), "field 'parameters.T' must be 2");
        shortTw.set(At.of("parameters", "MSL"), F.numberNode(3), "field 'parameters.T' must be 3");
    }

    /** The mutations that issue reports listed, on the counterexample of two-way-handshake's stale SYN (S = 8). */
    private static void reported(List<Mutation> out) {
        Builder b = new Builder("reported", read(COUNTEREXAMPLES.resolve("two-way-handshake.no-stale-accept.json")),
                out);
        At seg = At.of("actions", 2, "segment");
        b.set(seg.then("seq"), F.numberNode(256)).set(seg.then("ack_no"), F.numberNode(300))
                .set(seg.then("seq"), F.numberNode(-1)).set(seg.then("age"), F.numberNode(33))
                .set(seg.then("age"), F.numberNode(32)).set(seg.then("age"), F.numberNode(-1))
                .set(seg.then("dataIndex"), F.numberNode(-3)).set(seg.then("connection"), F.numberNode(9))
                .set(seg.then("connection"), F.numberNode(-1)).set(seg.then("syn"), F.textNode("true"))
                .set(seg.then("syn"), F.numberNode(1)).set(seg.then("syn"), F.textNode("no"));
        b.set(At.of("version"), F.numberNode(4294967297L)).set(At.of("version"), F.numberNode(-4294967295L));
        b.set(At.of("parameters", "K"), F.numberNode(new java.math.BigDecimal("1.5")))
                .set(At.of("parameters", "serverClosesFirst"), F.textNode("yes"))
                .set(At.of("parameters", "serverClosesFirst"), F.numberNode(1));
        b.set(At.of("actions", 2, "isnChoice"), F.numberNode(99)).set(At.of("actions", 2, "isnChoice"),
                F.numberNode(-7));
        b.set(At.of("actions"), F.textNode("OPEN"));
        ObjectNode asObject = F.objectNode();
        JsonNode actions = b.base.get("actions");
        for (int i = 0; i < actions.size(); i++) {
            asObject.set(Integer.toString(i), actions.get(i));
        }
        b.set(At.of("actions"), asObject);
        b.set(At.of("parameters", "S"), F.numberNode(4294967304L));
        b.set(At.of("actions", 2, "segment", "seq"), F.numberNode(new java.math.BigDecimal("1e400")), "'actions[2]"
                + ".segment.seq' must be a whole number from 0 to 7");
    }

    /** Faults of the JSON text: after the object, in it, around it. */
    private static void text(List<Mutation> out) {
        Builder b = new Builder("text", read(COUNTEREXAMPLES.resolve("two-way-handshake.no-stale-accept.json")), out);
        b.changed("{...} xyz", t -> t + " xyz", "data after the JSON value");
        b.changed("two objects", t -> t + t, "data after the JSON value");
        b.changed("a second object on the line", t -> t.stripTrailing() + "{}", "data after the JSON value");
        b.changed("a name twice", t -> t.replaceFirst("\"version\" : 1,", "\"version\" : 1, \"version\" : 1,"),
                "field 'version' appears twice");
        b.changed("a name twice in a segment", t -> t.replaceFirst("\"seq\" : 0,", "\"seq\" : 0, \"seq\" : 256,"),
                "segment.seq' appears twice");
        b.changed("truncated", t -> t.substring(0, t.length() / 2), "not JSON (or truncated)");
        b.changed("empty", t -> "", "the file is empty");
        b.changed("white space", t -> " \n\t\n", "the file is empty");
        b.changed("a byte order mark", t -> "\uFEFF" + t, "byte order mark");
        b.changed("an array", t -> "[" + t + "]", "not a JSON object");
        b.changed("a string", t -> "\"tcpcheck-counterexample\"", "not a JSON object");
        b.changed("a comment", t -> "// a counterexample\n" + t, "not JSON");
        b.changed("single quotes", t -> t.replace("\"schema\"", "'schema'"), "not JSON");
        b.changed("NaN", t -> t.replaceFirst("\"seq\" : 0,", "\"seq\" : NaN,"), "not JSON");
        b.changed("nested too deep", t -> t.replaceFirst("\"age\" : 0", "\"age\" : [[[0]]]"),
                "segment.age' is an array nested 5 deep");
        b.changed("a number of 1001 digits", t -> t.replaceFirst("\"seq\" : 0,", "\"seq\" : " + "9".repeat(1001) + ","),
                "a number longer than 1000 characters");
    }
}
