package tcpcheck.properties;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tcpcheck.checker.Trace;
import tcpcheck.model.Action;
import tcpcheck.model.ConnectionState;
import tcpcheck.model.Network;
import tcpcheck.model.Parameter;
import tcpcheck.model.Parameters;
import tcpcheck.model.Segment;
import tcpcheck.model.Stamp;
import tcpcheck.model.TcpModel;
import tcpcheck.model.TcpState;
import tcpcheck.model.Variant;

/**
 * A counterexample, witness or scenario as a file: JSON with a versioned schema, enough to replay it. The schema is
 * {@code properties/src/main/resources/tcpcheck-counterexample.schema.json}. Version 1:
 *
 * <pre>
 * {"schema": "tcpcheck-counterexample", "version": 1,
 *  "variant": "two-way-handshake", "parameters": {"K": 1, …, "T": 4, "Crash": 0, "serverClosesFirst": false},
 *  "property": "no-stale-accept", "part": "no-stale-accept", "length": 14, "loopStart": -1,
 *  "actions": [{"kind": "OPEN", "endpoint": "A", "isnChoice": 0},
 *              {"kind": "DELIVER", "endpoint": "B", "isnChoice": -1,
 *               "segment": {"syn": true, "ack": false, "fin": false, "rst": false, "seq": 0, "ack_no": 0,
 *                           "data": false, "connection": 1, "dataIndex": 0, "age": 0}}, …],
 *  "states": ["A: CLOSED … | B: LISTEN … | …", …]}
 * </pre>
 *
 * {@code part} names the engine property that is violated (a property may have several parts; a witness has
 * one, its id); {@code loopStart} is the step at which a lasso's cycle starts, or -1. {@code states} are for people
 * and are not read back.
 *
 * <p>Version 2 adds the parameters of later versions (how each endpoint opens: aOpens, bOpens; every parameter is
 * then written) and a scenario's expectations: a {@code title}, its {@code source} (an RFC and its figure), and
 * {@code expect}, the states the trace must pass through ({@link Expectation}). In version 2 {@code property} is
 * optional (a scenario need not violate anything), {@code part} defaults to the property, {@code loopStart} to -1,
 * {@code isnChoice} to -1, a segment's {@code dataIndex} and {@code age} to 0. Version 2 is read strictly: every field
 * in its own type and range, and unknown fields refused, each with one line naming the field. Version 1 is read as it
 * always was ({@link JsonFields}). A file is written in the lowest version that holds it, so that a counterexample of
 * the default configuration stays readable by a tcpcheck that reads only version 1.
 */
public final class CounterexampleFile {
    public static final String SCHEMA = "tcpcheck-counterexample";
    public static final int VERSION = 2;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * A counterexample, witness or scenario read from a file.
     *
     * @param property the property (or witness) it violates, or null for a scenario that claims none
     * @param title a scenario's title, or null
     * @param source where a scenario comes from (an RFC and its figure), or null
     * @param expectations the states the trace must pass through, in the file's order
     */
    public record Counterexample(int version, Variant variant, Parameters parameters, String property, String part,
                                 int length, int loopStart, List<Action> actions, String title, String source,
                                 List<Expectation> expectations) {
    }

    /** A file that is not a valid counterexample: the message says what is wrong. */
    public static final class InvalidException extends Exception {
        public InvalidException(String message) {
            super(message);
        }
    }

    private CounterexampleFile() {
    }

    /** The lowest format version that holds a trace with these parameters. */
    static int version(Parameters p) {
        int v = 1;
        for (Parameter x : p.changes().keySet()) {
            v = Math.max(v, x.since());
        }
        return v;
    }

    /**
     * The file of a trace that violates {@code part} of {@code property} (a property or a witness), or of a trace that
     * claims nothing (property null: a version-2 file without property and part).
     */
    public static String write(Variant v, Parameters p, String property, String part, Trace<TcpState, Action> t) {
        int version = property == null ? 2 : version(p);
        ObjectNode o = JSON.createObjectNode();
        o.put("schema", SCHEMA);
        o.put("version", version);
        o.put("variant", v.id());
        ObjectNode params = o.putObject("parameters");
        for (Map.Entry<String, Object> e : p.describe(v).entrySet()) {
            if (Parameter.byKey(e.getKey()).since() <= version) {
                params.set(e.getKey(), JSON.valueToTree(e.getValue()));
            }
        }
        if (property != null) {
            o.put("property", property);
            o.put("part", part);
        }
        o.put("length", t.length());
        o.put("loopStart", t.loopStart());
        ArrayNode actions = o.putArray("actions");
        for (Action a : t.actions()) {
            ObjectNode x = actions.addObject();
            x.put("kind", a.kind().name());
            x.put("endpoint", a.endpoint() == 0 ? "A" : "B");
            x.put("isnChoice", a.isnChoice());
            if (a.isNetwork()) {
                Segment s = a.segment();
                Stamp st = a.stamp();
                ObjectNode seg = x.putObject("segment");
                seg.put("syn", s.syn());
                seg.put("ack", s.ack());
                seg.put("fin", s.fin());
                seg.put("rst", s.rst());
                seg.put("seq", s.seq());
                seg.put("ack_no", s.ackNo());
                seg.put("data", s.data());
                seg.put("connection", st.connection());
                seg.put("dataIndex", st.dataIndex());
                seg.put("age", Network.age(a.packet()));
            }
        }
        ArrayNode states = o.putArray("states");
        for (TcpState s : t.states()) {
            states.add(s.toString());
        }
        try {
            return JSON.writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Counterexample read(String text) throws InvalidException {
        if (text.isBlank()) {
            throw new InvalidException("the file is empty");
        }
        JsonNode o;
        try {
            o = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidException("not JSON (or truncated): " + e.getOriginalMessage());
        }
        if (o == null || !o.isObject()) {
            throw new InvalidException("not a JSON object");
        }
        if (!SCHEMA.equals(o.path("schema").asText())) {
            throw new InvalidException("not a tcpcheck counterexample (schema is '" + o.path("schema").asText() + "')");
        }
        int version = o.path("version").asInt(-1);
        if (version > VERSION) {
            throw new InvalidException("counterexample format version " + version + " is newer than this tcpcheck "
                    + "reads (" + VERSION + "); upgrade tcpcheck");
        }
        if (version != 1 && version != 2) {
            throw new InvalidException("unknown counterexample format version " + o.path("version"));
        }
        boolean strict = version >= 2;
        try {
            JsonFields f = JsonFields.of(o, "", strict);
            f.known("schema");
            f.integer("version", 1, VERSION);
            Variant v = variant(f);
            Parameters params = parameters(f.object("parameters"), version);
            TcpModel model = new TcpModel(v, params);
            String title = strict && f.has("title") ? f.text("title") : null;
            String source = strict && f.has("source") ? f.text("source") : null;
            String property = !strict || f.has("property") ? f.text("property") : null;
            String part = !strict || f.has("part") ? f.text("part") : property;
            if (property != null && !Replay.known(property)) {
                Replay.part(model, property, part);
            }
            if (property != null && strict) {
                Replay.part(model, property, part);
            } else if (property == null && part != null) {
                throw new InvalidException("field 'part' needs a 'property'");
            }
            List<Action> actions = new ArrayList<>();
            for (JsonFields.Element x : f.array("actions")) {
                actions.add(action(x.fields(strict), params, strict));
            }
            int length = f.integer("length", 0, Integer.MAX_VALUE);
            if (length != actions.size()) {
                throw new InvalidException("length is " + length + " but the file has " + actions.size()
                        + " actions (truncated?)");
            }
            int loopStart = !strict || f.has("loopStart") ? f.integer("loopStart", -1, length) : -1;
            List<Expectation> expectations = new ArrayList<>();
            if (strict && f.has("expect")) {
                for (JsonFields.Element x : f.array("expect")) {
                    expectations.add(expectation(x.fields(true), params, length));
                }
            }
            if (strict && f.has("states")) {
                for (JsonFields.Element x : f.array("states")) {
                    if (!x.node().isTextual()) {
                        throw new InvalidException("field '" + x.path() + "' must be a string, not " + x.node());
                    }
                }
            }
            f.known("states");
            f.noOthers();
            return new Counterexample(version, v, params, property, part, length, loopStart, actions, title,
                    source, expectations);
        } catch (IllegalArgumentException e) {
            throw new InvalidException(e.getMessage());
        }
    }

    private static Variant variant(JsonFields f) throws InvalidException {
        String name = f.text("variant");
        try {
            return Variant.named(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidException("field 'variant': " + e.getMessage());
        }
    }

    /** The parameters by the table: those of this version are all required, later ones take their defaults. */
    private static Parameters parameters(JsonFields p, int version) throws InvalidException {
        Map<Parameter, Integer> values = new EnumMap<>(Parameter.class);
        for (Parameter x : Parameter.values()) {
            if (x.since() > version) {
                continue;
            }
            if (version == 1) {
                values.put(x, x.type() == Parameter.Type.FLAG ? (p.need(x.key()).asBoolean() ? 1 : 0)
                        : p.integer(x.key(), Integer.MIN_VALUE, Integer.MAX_VALUE));
                continue;
            }
            JsonNode n = p.need(x.key());
            Object value = n.isIntegralNumber() && n.canConvertToInt() ? Integer.valueOf(n.asInt())
                    : n.isBoolean() ? Boolean.valueOf(n.asBoolean()) : n.isTextual() ? n.asText() : n;
            try {
                values.put(x, x.fromJson(value));
            } catch (IllegalArgumentException e) {
                throw new InvalidException("field '" + p.at(x.key()) + "': " + e.getMessage());
            }
        }
        p.noOthers();
        try {
            return Parameters.of(values);
        } catch (IllegalArgumentException e) {
            throw new InvalidException("field 'parameters': " + e.getMessage());
        }
    }

    private static Action action(JsonFields x, Parameters p, boolean strict) throws InvalidException {
        Action.Kind kind;
        String k = x.text("kind");
        try {
            kind = Action.Kind.valueOf(k);
        } catch (IllegalArgumentException e) {
            throw new InvalidException((strict ? "field '" + x.at("kind") + "': " : "") + "unknown action kind '" + k
                    + "'");
        }
        String who = x.text("endpoint");
        if (!who.equals("A") && !who.equals("B")) {
            throw new InvalidException((strict ? "field '" + x.at("endpoint") + "': " : "")
                    + "endpoint must be A or B, not '" + who + "'");
        }
        int isnChoice = !strict || x.has("isnChoice") ? x.integer("isnChoice", -1, p.isnChoices() - 1) : -1;
        int packet = 0;
        if (kind == Action.Kind.DELIVER || kind == Action.Kind.LOSE || kind == Action.Kind.DUPLICATE) {
            JsonFields s = x.object("segment");
            int last = p.seqSpace() - 1;
            Segment seg = new Segment(s.bool("syn"), s.bool("ack"), s.bool("fin"), s.bool("rst"),
                    s.integer("seq", 0, last), s.integer("ack_no", 0, last), s.bool("data"));
            int connection = s.integer("connection", 0, 7);
            int dataIndex = !strict || s.has("dataIndex") ? s.integer("dataIndex", 0, 7) : 0;
            int age = !strict || s.has("age") ? s.integer("age", 0, p.msl() - 1) : 0;
            s.noOthers();
            packet = Network.pack(seg, new Stamp(connection, dataIndex)) | age << 27;
        }
        x.noOthers();
        return new Action(kind, who.equals("A") ? 0 : 1, packet, isnChoice);
    }

    private static Expectation expectation(JsonFields x, Parameters p, int length) throws InvalidException {
        int step = x.integer("step", 0, length);
        String who = x.text("endpoint");
        if (!who.equals("A") && !who.equals("B")) {
            throw new InvalidException("field '" + x.at("endpoint") + "' must be A or B, not '" + who + "'");
        }
        String name = x.text("state");
        ConnectionState state = Expectation.state(name);
        if (state == null) {
            throw new InvalidException("field '" + x.at("state") + "' must be a state of RFC 9293 ("
                    + String.join(", ", Expectation.STATES) + "), not '" + name + "'");
        }
        Map<String, Integer> variables = new LinkedHashMap<>();
        if (x.has("variables")) {
            JsonFields vs = x.object("variables");
            for (String n : vs.names()) {
                if (!Expectation.VARIABLES.containsKey(n)) {
                    throw new InvalidException("unknown field '" + vs.at(n) + "'; the variables are: "
                            + String.join(", ", Expectation.VARIABLES.keySet()));
                }
                variables.put(n, vs.integer(n, 0, p.seqSpace() - 1));
            }
        }
        Integer delivered = null;
        Boolean endOfStream = null;
        if (x.has("application")) {
            JsonFields a = x.object("application");
            delivered = a.has("delivered") ? a.integer("delivered", 0, 7) : null;
            endOfStream = a.has("endOfStream") ? a.bool("endOfStream") : null;
            a.noOthers();
        }
        x.noOthers();
        return new Expectation(step, who.equals("A") ? TcpModel.A : TcpModel.B, state, variables, delivered,
                endOfStream);
    }
}
