package tcpcheck.properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tcpcheck.checker.Property;
import tcpcheck.model.Action;
import tcpcheck.model.Opening;
import tcpcheck.model.Parameter;
import tcpcheck.model.Parameters;
import tcpcheck.model.TcpModel;
import tcpcheck.model.TcpState;
import tcpcheck.model.Variant;

/**
 * The JSON Schema (2020-12) of counterexample files,
 * {@code properties/src/main/resources/tcpcheck-counterexample.schema.json}, written from the tables the reader
 * ({@link CounterexampleReader}) reads by: the parameters' ranges, the variants, the properties and their parts, the
 * witnesses, the action kinds, the states. It says every rule of the reader that is about one value, the ranges that
 * depend on the file's own parameters included (one clause per value of S, I, MSL, D and K, as JSON Schema cannot
 * compare two values); the three rules that compare two counts of the file, and the limits of the file as a whole,
 * are in its description. A test checks that the file in the repository is what this class writes.
 */
final class CounterexampleSchema {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WIDTH = 120;

    private CounterexampleSchema() {
    }

    /** The schema, as the file holds it. */
    static String text() {
        return format(schema(), 0, false) + "\n";
    }

    static ObjectNode schema() {
        ObjectNode s = JSON.createObjectNode();
        s.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        s.put("$id", "urn:tcpcheck:counterexample");
        s.put("title", "tcpcheck counterexample, witness or scenario");
        s.put("description", "A path through the TCP model that tcpcheck replays: a counterexample (it violates a"
                + " property), a witness (it reaches a rare corner) or a scenario (it passes through the states an RFC"
                + " figure shows). Version 1 is what tcpcheck writes for the default openings; version 2 adds how each"
                + " endpoint opens and a scenario's title, source and expectations. Both are read strictly, by this"
                + " schema: every field in its type and in its range for the file's own parameters, no other field."
                + " Three rules compare two counts of the file, which JSON Schema cannot say, and tcpcheck checks"
                + " them: length is the number of actions; loopStart is at most length; an expectation's step is at"
                + " most length. The file is one JSON object in UTF-8 and nothing after it, no name twice in one"
                + " object, at most " + (CounterexampleFile.MAX_BYTES >> 20) + " MiB, at most " + JsonText.MAX_VALUES
                + " JSON values of which " + JsonText.MAX_CONTAINERS + " objects and arrays, no number longer than "
                + JsonText.MAX_NUMBER_LENGTH + " characters.");
        s.put("type", "object");
        s.set("required", strings("schema", "version", "variant", "parameters", "length", "actions"));
        ObjectNode p = s.putObject("properties");
        p.putObject("schema").put("const", CounterexampleFile.SCHEMA);
        p.putObject("version").put("description", "The format version: a file is written in the lowest that holds"
                + " it.").set("enum", JSON.createArrayNode().add(1).add(2));
        p.set("title", described(type("string"), "A scenario's title (version 2)."));
        p.set("source", described(type("string"), "Where a scenario comes from: an RFC, a section, a figure"
                + " (version 2)."));
        p.set("variant", described(oneOf(CounterexampleReader.variantNames()), "A variant by its name or an old"
                + " name (tcpcheck list)."));
        p.set("parameters", parameters());
        p.set("property", described(oneOf(CounterexampleReader.propertyNames()), "The property the path violates,"
                + " or the witness it reaches (tcpcheck list); version 2 may leave it out (a scenario that claims"
                + " nothing)."));
        p.set("part", described(type("string"), "The engine property violated, one of the property's parts (see"
                + " $defs/parts); version 2 defaults it to the property, and has it only with a property."));
        p.set("length", described(integer(0, null), "The number of actions (tcpcheck checks it against actions)."));
        p.set("loopStart", described(integer(-1, null), "The step at which a lasso's cycle starts, at most length"
                + " (tcpcheck checks it); -1 for a path that is no lasso, the only value for a part that is no"
                + " liveness property. Version 2 defaults it to -1."));
        p.putObject("actions").put("type", "array").set("items", ref("action"));
        p.set("expect", described(array(ref("expectation")), "A scenario's expectations: the states the trace must"
                + " pass through (version 2)."));
        p.set("states", described(array(type("string")), "The states as text, for people; not read back."));
        ArrayNode all = s.putArray("allOf");
        all.addObject().<ObjectNode>set("if", JSON.createObjectNode().<ObjectNode>set("properties",
                        JSON.createObjectNode().set("version", JSON.createObjectNode().put("const", 1)))
                .set("required", strings("version")))
                .<ObjectNode>set("then", ref("version1")).set("else", ref("version2"));
        for (String d : List.of("parts", "timeWait", "connections", "data", "msl", "isnChoices", "seqSpace")) {
            all.add(ref(d));
        }
        ObjectNode defs = s.putObject("$defs");
        defs.set("version1", version(1, CounterexampleReader.FIELDS_1));
        defs.set("version2", version(2, CounterexampleReader.FIELDS_2));
        defs.set("action", action());
        defs.set("segment", segment());
        defs.set("expectation", expectation());
        defs.set("parts", parts());
        defs.set("timeWait", timeWait());
        defs.set("connections", connections());
        defs.set("data", data());
        defs.set("msl", msl());
        defs.set("isnChoices", isnChoices());
        defs.set("seqSpace", seqSpace());
        return s;
    }

    private static ObjectNode parameters() {
        ObjectNode o = described(type("object"), "Every parameter of the check by its key (tcpcheck list); T is the"
                + " TIME-WAIT in force. Version 1 has the first thirteen, version 2 all.");
        ObjectNode p = o.putObject("properties");
        for (Parameter x : Parameter.values()) {
            switch (x.type()) {
                case FLAG:
                    p.set(x.key(), described(type("boolean"), x.meaning()));
                    break;
                case OPENING:
                    p.set(x.key(), described(oneOf(CounterexampleReader.openingNames()), x.meaning()));
                    break;
                default:
                    p.set(x.key(), described(integer(x.min(), x.max()), x.meaning()));
            }
        }
        return o;
    }

    private static ObjectNode version(int version, List<String> fields) {
        List<String> keys = CounterexampleReader.parametersOf(version).stream().map(Parameter::key).toList();
        ObjectNode v = JSON.createObjectNode();
        v.put("description", version == 1 ? "Version 1: property, part and loopStart required, every action with its"
                + " isnChoice, every segment with its dataIndex and age."
                : "Version 2: every parameter, a part only with a property.");
        v.set("propertyNames", oneOf(fields));
        if (version == 1) {
            v.set("required", strings("property", "part", "loopStart"));
        }
        ObjectNode p = v.putObject("properties");
        p.putObject("parameters").<ObjectNode>set("required", strings(keys)).set("propertyNames", oneOf(keys));
        if (version == 1) {
            p.putObject("actions").putObject("items").<ObjectNode>set("required", strings("isnChoice"))
                    .putObject("properties").putObject("segment").set("required", strings("dataIndex", "age"));
        } else {
            v.putObject("dependentRequired").set("part", strings("property"));
        }
        return v;
    }

    private static ObjectNode action() {
        ObjectNode a = described(type("object"), "One step. For DELIVER, LOSE and DUPLICATE the endpoint is the"
                + " destination; a TICK is written with endpoint A.");
        a.set("required", strings("kind", "endpoint"));
        a.set("propertyNames", oneOf(CounterexampleReader.ACTION_FIELDS));
        ObjectNode p = a.putObject("properties");
        p.set("kind", oneOf(CounterexampleReader.kinds()));
        p.set("endpoint", oneOf(CounterexampleReader.ENDPOINTS));
        p.set("isnChoice", described(integer(-1, Parameter.ISN_CHOICES.max() - 1), "The ISN clock value (below I)"
                + " chosen by an OPEN (required) or by a SYN reaching LISTEN (a DELIVER); -1 otherwise, the default"
                + " of version 2."));
        p.set("segment", ref("segment"));
        ArrayNode all = a.putArray("allOf");
        all.add(ifThenElse(kindIn(CounterexampleReader.NETWORK_KINDS), required("segment"),
                JSON.createObjectNode().set("not", required("segment"))));
        all.add(ifThen(kindIn(List.of("OPEN")), required("isnChoice").set("properties",
                JSON.createObjectNode().set("isnChoice", JSON.createObjectNode().put("minimum", 0)))));
        all.add(ifThen(JSON.createObjectNode().<ObjectNode>set("properties", JSON.createObjectNode().set("kind",
                        JSON.createObjectNode().set("not", oneOf(List.of("OPEN", "DELIVER"))))).set("required",
                        strings("kind")),
                at(List.of("isnChoice"), JSON.createObjectNode().put("const", -1))));
        all.add(ifThen(kindIn(List.of("TICK")), at(List.of("endpoint"), JSON.createObjectNode().put("const", "A"))));
        return a;
    }

    private static ObjectNode segment() {
        ObjectNode s = described(type("object"), "The segment: control bits, SEG.SEQ and SEG.ACK below S, at most one"
                + " data unit, and the ghost fields the properties read.");
        s.set("required", strings("syn", "ack", "fin", "rst", "seq", "ack_no", "data", "connection"));
        s.set("propertyNames", oneOf(CounterexampleReader.SEGMENT_FIELDS));
        ObjectNode p = s.putObject("properties");
        for (String flag : List.of("syn", "ack", "fin", "rst")) {
            p.set(flag, type("boolean"));
        }
        int lastSeq = Parameter.SEQ_SPACE.max() - 1;
        p.set("seq", described(integer(0, lastSeq), "SEG.SEQ, below S."));
        p.set("ack_no", described(integer(0, lastSeq), "SEG.ACK, below S."));
        p.set("data", described(type("boolean"), "Whether the segment carries one data unit (never when D = 0)."));
        p.set("connection", described(integer(0, Parameter.CONNECTIONS.max()), "Ghost: the sender's connection"
                + " number, 0 before its first; active opens are numbered 1, 2, ..., over both endpoints (at most K,"
                + " or 2 K when both open actively)."));
        p.set("dataIndex", described(integer(0, Parameter.DATA.max() - 1), "Ghost: the data unit's index in the"
                + " sender's stream, below D; 0 for a segment without data (the default of version 2)."));
        p.set("age", described(integer(0, Parameter.MSL.max() - 1), "Ticks in flight, below MSL (default of"
                + " version 2: 0)."));
        s.set("if", JSON.createObjectNode().<ObjectNode>set("properties", JSON.createObjectNode().set("data",
                JSON.createObjectNode().put("const", false))).set("required", strings("data")));
        s.set("then", at(List.of("dataIndex"), JSON.createObjectNode().put("const", 0)));
        return s;
    }

    private static ObjectNode expectation() {
        ObjectNode e = described(type("object"), "A state the trace must pass through: after step actions (at most"
                + " length; 0 is the initial state), the endpoint is in the state, with these TCB variables (below S)"
                + " and what its application has read.");
        e.set("required", strings("step", "endpoint", "state"));
        e.set("propertyNames", oneOf(CounterexampleReader.EXPECTATION_FIELDS));
        ObjectNode p = e.putObject("properties");
        p.set("step", integer(0, null));
        p.set("endpoint", oneOf(CounterexampleReader.ENDPOINTS));
        p.set("state", oneOf(Expectation.STATES));
        ObjectNode v = p.putObject("variables");
        v.put("type", "object");
        v.set("propertyNames", oneOf(new ArrayList<>(Expectation.VARIABLES.keySet())));
        v.set("additionalProperties", integer(0, Parameter.SEQ_SPACE.max() - 1));
        ObjectNode a = p.putObject("application");
        a.put("type", "object");
        a.set("propertyNames", oneOf(CounterexampleReader.APPLICATION_FIELDS));
        ObjectNode ap = a.putObject("properties");
        JsonFields.Range d = CounterexampleReader.DELIVERED;
        ap.set("delivered", described(integer((int) d.min(), (int) d.max()), "Data units the application has read"
                + " in the connection."));
        ap.set("endOfStream", type("boolean"));
        return e;
    }

    /** Each property's parts, and loopStart -1 unless the part violated is a liveness property. */
    private static ObjectNode parts() {
        TcpModel model = new TcpModel(Variant.RFC9293_RFC1337, Parameters.defaults());
        ArrayNode all = JSON.createArrayNode();
        Set<String> liveness = new LinkedHashSet<>();
        Set<String> livenessProperties = new LinkedHashSet<>();
        for (String property : CounterexampleReader.propertyNames()) {
            List<String> names = new ArrayList<>();
            for (Property<TcpState, Action> q : Replay.parts(model, property)) {
                names.add(q.name());
                if (q.liveness()) {
                    liveness.add(q.name());
                    if (q.name().equals(property)) {
                        livenessProperties.add(property);
                    }
                }
            }
            all.add(ifThen(has("property", JSON.createObjectNode().put("const", property)),
                    at(List.of("part"), oneOf(names))));
        }
        ObjectNode lasso = JSON.createObjectNode();
        lasso.putArray("anyOf").add(has("part", oneOf(new ArrayList<>(liveness))))
                .add(has("property", oneOf(new ArrayList<>(livenessProperties)))
                        .set("not", required("part")));
        all.add(JSON.createObjectNode().<ObjectNode>set("if", lasso).set("else", at(List.of("loopStart"),
                JSON.createObjectNode().put("const", -1))));
        return described(JSON.createObjectNode(), "The parts of each property and witness; a lasso (loopStart other"
                + " than -1) only for a part that is a liveness property.").set("allOf", all);
    }

    /** The variants defined by their TIME-WAIT fix T. */
    private static ObjectNode timeWait() {
        ArrayNode all = JSON.createArrayNode();
        for (Variant v : Variant.values()) {
            if (!v.definedByTimeWait()) {
                continue;
            }
            List<String> names = new ArrayList<>(List.of(v.id()));
            names.addAll(v.aliases());
            Map<Integer, Integer> own = new java.util.TreeMap<>();
            for (int m = Parameter.MSL.min(); m <= Parameter.MSL.max(); m++) {
                own.put(m, v.timeWait(Parameters.defaults().with(Parameter.MSL, m)));
            }
            boolean constant = own.values().stream().distinct().count() == 1;
            for (Map.Entry<Integer, Integer> e : own.entrySet()) {
                ObjectNode when = has("variant", oneOf(names));
                if (!constant) {
                    when = merge(when, parameter("MSL", e.getKey()));
                }
                all.add(ifThen(when, parameterIs("T", JSON.createObjectNode().put("const", e.getValue()))));
                if (constant) {
                    break;
                }
            }
        }
        return described(JSON.createObjectNode(), "A variant defined by its TIME-WAIT has its own T only.")
                .set("allOf", all);
    }

    /** Per S: the values of I (its divisors), and SEG.SEQ, SEG.ACK and the expected TCB variables below S. */
    private static ObjectNode seqSpace() {
        ArrayNode all = JSON.createArrayNode();
        for (int s = Parameter.SEQ_SPACE.min(); s <= Parameter.SEQ_SPACE.max(); s++) {
            ArrayNode divisors = JSON.createArrayNode();
            for (int d = Parameter.ISN_CHOICES.min(); d <= s; d++) {
                if (s % d == 0) {
                    divisors.add(d);
                }
            }
            ObjectNode below = JSON.createObjectNode().put("maximum", s - 1);
            ObjectNode then = parameterIs("I", JSON.createObjectNode().set("enum", divisors));
            then = merge(then, segmentField("seq", below));
            then = merge(then, segmentField("ack_no", below));
            then = merge(then, at(List.of("expect", "[]", "variables"), JSON.createObjectNode().set(
                    "additionalProperties", below)));
            all.add(ifThen(parameter("S", s), then));
        }
        return described(JSON.createObjectNode(), "For each S: I divides it; SEG.SEQ, SEG.ACK and the expected TCB"
                + " variables are below it.").set("allOf", all);
    }

    /** Per I: the ISN clock values below it. */
    private static ObjectNode isnChoices() {
        ArrayNode all = JSON.createArrayNode();
        for (int i = Parameter.ISN_CHOICES.min(); i <= Parameter.ISN_CHOICES.max(); i++) {
            all.add(ifThen(parameter("I", i), at(List.of("actions", "[]", "isnChoice"),
                    JSON.createObjectNode().put("maximum", i - 1))));
        }
        return described(JSON.createObjectNode(), "For each I: an ISN choice is below it.").set("allOf", all);
    }

    /** Per MSL: ages below it. */
    private static ObjectNode msl() {
        ArrayNode all = JSON.createArrayNode();
        for (int m = Parameter.MSL.min(); m <= Parameter.MSL.max(); m++) {
            all.add(ifThen(parameter("MSL", m), segmentField("age", JSON.createObjectNode().put("maximum", m - 1))));
        }
        return described(JSON.createObjectNode(), "For each MSL: a segment's age is below it.").set("allOf", all);
    }

    /** Per D: no data when D = 0; a data unit's index below D. */
    private static ObjectNode data() {
        ArrayNode all = JSON.createArrayNode();
        for (int d = Parameter.DATA.min(); d <= Parameter.DATA.max(); d++) {
            ObjectNode then;
            if (d == 0) {
                then = segmentField("data", JSON.createObjectNode().put("const", false));
            } else {
                ObjectNode indexed = JSON.createObjectNode();
                indexed.set("if", JSON.createObjectNode().<ObjectNode>set("properties", JSON.createObjectNode()
                        .set("data", JSON.createObjectNode().put("const", true))).set("required", strings("data")));
                indexed.set("then", at(List.of("dataIndex"), JSON.createObjectNode().put("maximum", d - 1)));
                then = at(List.of("actions", "[]", "segment"), indexed);
            }
            all.add(ifThen(parameter("D", d), then));
        }
        return described(JSON.createObjectNode(), "For each D: a data unit's index is below it; no data when it is"
                + " 0.").set("allOf", all);
    }

    /** Connection numbers by K and by how many endpoints open actively. */
    private static ObjectNode connections() {
        List<String> active = new ArrayList<>();
        for (Opening o : Opening.values()) {
            if (o.active()) {
                active.add(o.id());
            }
        }
        ObjectNode both = parameters(JSON.createObjectNode()
                .<ObjectNode>set("properties", JSON.createObjectNode().<ObjectNode>set("aOpens", oneOf(active))
                        .set("bOpens", oneOf(active))).set("required", strings("aOpens", "bOpens")));
        ObjectNode none = parameters(JSON.createObjectNode()
                .<ObjectNode>set("properties", JSON.createObjectNode()
                        .<ObjectNode>set("aOpens", JSON.createObjectNode().put("const", Opening.PASSIVE.id()))
                        .set("bOpens", JSON.createObjectNode().put("const", Opening.PASSIVE.id())))
                .set("required", strings("aOpens", "bOpens")));
        int most = Parameter.CONNECTIONS.max();
        ArrayNode twice = JSON.createArrayNode();
        twice.add(parameterIs("K", JSON.createObjectNode().put("maximum", most / 2)));
        ArrayNode once = JSON.createArrayNode();
        for (int k = Parameter.CONNECTIONS.min(); k <= most; k++) {
            if (2 * k <= most) {
                twice.add(ifThen(parameter("K", k), connectionAtMost(2 * k)));
            }
            once.add(ifThen(parameter("K", k), connectionAtMost(k)));
        }
        ObjectNode c = described(JSON.createObjectNode(), "Connection numbers: at most K, or 2 K (and K at most "
                + most / 2 + ") when both endpoints open actively, 0 when neither does.");
        c.set("if", both);
        c.set("then", JSON.createObjectNode().set("allOf", twice));
        c.set("else", ifThenElse(none, connectionAtMost(0), JSON.createObjectNode().set("allOf", once)));
        return c;
    }

    private static ObjectNode connectionAtMost(int n) {
        return segmentField("connection", JSON.createObjectNode().put("maximum", n));
    }

    // Building blocks.

    private static ObjectNode type(String t) {
        return JSON.createObjectNode().put("type", t);
    }

    private static ObjectNode integer(int min, Integer max) {
        ObjectNode o = type("integer").put("minimum", min);
        if (max != null) {
            o.put("maximum", max);
        }
        return o;
    }

    private static ObjectNode array(JsonNode items) {
        return type("array").set("items", items);
    }

    private static ObjectNode oneOf(List<String> names) {
        return JSON.createObjectNode().set("enum", strings(names));
    }

    private static ArrayNode strings(String... s) {
        return strings(List.of(s));
    }

    private static ArrayNode strings(List<String> s) {
        ArrayNode a = JSON.createArrayNode();
        s.forEach(a::add);
        return a;
    }

    private static ObjectNode ref(String def) {
        return JSON.createObjectNode().put("$ref", "#/$defs/" + def);
    }

    private static ObjectNode described(ObjectNode o, String description) {
        ObjectNode d = JSON.createObjectNode().put("description", description);
        d.setAll(o);
        return d;
    }

    private static ObjectNode required(String field) {
        return JSON.createObjectNode().set("required", strings(field));
    }

    private static ObjectNode ifThen(JsonNode condition, JsonNode then) {
        return JSON.createObjectNode().<ObjectNode>set("if", condition).set("then", then);
    }

    private static ObjectNode ifThenElse(JsonNode condition, JsonNode then, JsonNode otherwise) {
        return ifThen(condition, then).set("else", otherwise);
    }

    /** The field is there and matches the schema. */
    private static ObjectNode has(String field, JsonNode schema) {
        return JSON.createObjectNode().<ObjectNode>set("properties", JSON.createObjectNode().set(field, schema))
                .set("required", strings(field));
    }

    private static ObjectNode kindIn(List<String> kinds) {
        return has("kind", oneOf(kinds));
    }

    /** The schema applied at a path of fields ("[]" for every element of an array). */
    private static ObjectNode at(List<String> path, JsonNode schema) {
        JsonNode s = schema;
        for (int i = path.size() - 1; i >= 0; i--) {
            s = path.get(i).equals("[]") ? JSON.createObjectNode().set("items", s)
                    : JSON.createObjectNode().set("properties", JSON.createObjectNode().set(path.get(i), s));
        }
        return (ObjectNode) s;
    }

    private static ObjectNode segmentField(String field, JsonNode schema) {
        return at(List.of("actions", "[]", "segment", field), schema);
    }

    /** The parameters are there and match the schema. */
    private static ObjectNode parameters(JsonNode schema) {
        return has("parameters", schema);
    }

    /**
     * The parameter has this value. (A file without it matches too, and gets every clause: it is refused anyway, as
     * the parameter is required.)
     */
    private static ObjectNode parameter(String key, int value) {
        return parameterIs(key, JSON.createObjectNode().put("const", value));
    }

    private static ObjectNode parameterIs(String key, JsonNode schema) {
        return at(List.of("parameters", key), schema);
    }

    /** Two schemas of nested properties as one (the second's fields added to the first's, recursively). */
    private static ObjectNode merge(ObjectNode a, ObjectNode b) {
        ObjectNode out = a.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = b.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode mine = out.get(e.getKey());
            if (mine instanceof ObjectNode m && e.getValue() instanceof ObjectNode o) {
                out.set(e.getKey(), merge(m, o));
            } else if (mine instanceof ArrayNode m && e.getValue() instanceof ArrayNode o) {
                ArrayNode u = m.deepCopy();
                o.forEach(x -> {
                    if (!contains(u, x)) {
                        u.add(x);
                    }
                });
                out.set(e.getKey(), u);
            } else {
                out.set(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    private static boolean contains(ArrayNode a, JsonNode x) {
        for (JsonNode y : a) {
            if (y.equals(x)) {
                return true;
            }
        }
        return false;
    }

    // The layout of the file: a value on one line when it fits, a clause of a list ("if") always on one line.

    private static String format(JsonNode n, int indent, boolean element) {
        String flat = flat(n);
        if (!n.isContainerNode() || n.isEmpty() || indent + flat.length() <= WIDTH || element && n.has("if")
                || n.isArray() && allScalars(n)) {
            return flat;
        }
        String pad = " ".repeat(indent + 2);
        StringBuilder b = new StringBuilder(n.isObject() ? "{\n" : "[\n");
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = JSON.getNodeFactory().textNode(e.getKey()).toString() + ": ";
                b.append(pad).append(key).append(format(e.getValue(), indent + 2, false))
                        .append(it.hasNext() ? ",\n" : "\n");
            }
        } else {
            for (int i = 0; i < n.size(); i++) {
                b.append(pad).append(format(n.get(i), indent + 2, true)).append(i + 1 < n.size() ? ",\n" : "\n");
            }
        }
        return b.append(" ".repeat(indent)).append(n.isObject() ? "}" : "]").toString();
    }

    private static boolean allScalars(JsonNode n) {
        for (JsonNode x : n) {
            if (x.isContainerNode()) {
                return false;
            }
        }
        return true;
    }

    /** JSON on one line, with a space after each colon and comma. */
    private static String flat(JsonNode n) {
        if (n.isObject()) {
            StringBuilder b = new StringBuilder("{");
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                b.append(JSON.getNodeFactory().textNode(e.getKey())).append(": ").append(flat(e.getValue()));
                if (it.hasNext()) {
                    b.append(", ");
                }
            }
            return b.append("}").toString();
        }
        if (n.isArray()) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < n.size(); i++) {
                b.append(i > 0 ? ", " : "").append(flat(n.get(i)));
            }
            return b.append("]").toString();
        }
        return n.toString();
    }
}
