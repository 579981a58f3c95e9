package tcpcheck.properties;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tcpcheck.checker.Trace;
import tcpcheck.model.Action;
import tcpcheck.model.Network;
import tcpcheck.model.Parameters;
import tcpcheck.model.Segment;
import tcpcheck.model.Stamp;
import tcpcheck.model.TcpState;
import tcpcheck.model.Variant;

/**
 * A counterexample as a file: JSON with a versioned schema, enough to replay it. Version 1:
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
 * {@code part} names the engine property that is violated (a property may have several parts);
 * {@code loopStart} is the step at which a lasso's cycle starts, or -1. {@code states} are for people and are not
 * read back. A file of another schema or a later version is refused.
 */
public final class CounterexampleFile {
    public static final String SCHEMA = "tcpcheck-counterexample";
    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A counterexample read from a file: what to replay and what it should violate. */
    public record Counterexample(Variant variant, Parameters parameters, String property, String part, int length,
                                 int loopStart, List<Action> actions) {
    }

    /** A file that is not a valid counterexample: the message says what is wrong. */
    public static final class InvalidException extends Exception {
        public InvalidException(String message) {
            super(message);
        }
    }

    private CounterexampleFile() {
    }

    public static String write(Variant v, Parameters p, String property, String part, Trace<TcpState, Action> t) {
        ObjectNode o = JSON.createObjectNode();
        o.put("schema", SCHEMA);
        o.put("version", VERSION);
        o.put("variant", v.id());
        ObjectNode params = o.putObject("parameters");
        for (Map.Entry<String, Object> e : p.describe(v).entrySet()) {
            if (e.getValue() instanceof Boolean b) {
                params.put(e.getKey(), b);
            } else {
                params.put(e.getKey(), (Integer) e.getValue());
            }
        }
        o.put("property", property);
        o.put("part", part);
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
        if (version != VERSION) {
            throw new InvalidException("unknown counterexample format version " + o.path("version"));
        }
        try {
            Variant v = Variant.named(text(o, "variant"));
            JsonNode p = need(o, "parameters");
            Parameters params = new Parameters(integer(p, "K"), integer(p, "D"), integer(p, "L"), integer(p, "Dup"),
                    integer(p, "C"), integer(p, "S"), integer(p, "I"), integer(p, "MSL"), integer(p, "RTO"),
                    integer(p, "R"), integer(p, "T"), integer(p, "Crash"), need(p, "serverClosesFirst").asBoolean());
            String property = text(o, "property");
            TcpProperties.named(property, new tcpcheck.model.TcpModel(v, params));
            List<Action> actions = new ArrayList<>();
            for (JsonNode x : need(o, "actions")) {
                actions.add(action(x));
            }
            int length = integer(o, "length");
            if (length != actions.size()) {
                throw new InvalidException("length is " + length + " but the file has " + actions.size()
                        + " actions (truncated?)");
            }
            return new Counterexample(v, params, property, text(o, "part"), length, integer(o, "loopStart"),
                    actions);
        } catch (IllegalArgumentException e) {
            throw new InvalidException(e.getMessage());
        }
    }

    private static Action action(JsonNode x) throws InvalidException {
        Action.Kind kind;
        try {
            kind = Action.Kind.valueOf(text(x, "kind"));
        } catch (IllegalArgumentException e) {
            throw new InvalidException("unknown action kind '" + x.path("kind").asText() + "'");
        }
        String who = text(x, "endpoint");
        if (!who.equals("A") && !who.equals("B")) {
            throw new InvalidException("endpoint must be A or B, not '" + who + "'");
        }
        int packet = 0;
        if (kind == Action.Kind.DELIVER || kind == Action.Kind.LOSE || kind == Action.Kind.DUPLICATE) {
            JsonNode s = need(x, "segment");
            Segment seg = new Segment(need(s, "syn").asBoolean(), need(s, "ack").asBoolean(),
                    need(s, "fin").asBoolean(), need(s, "rst").asBoolean(), integer(s, "seq"), integer(s, "ack_no"),
                    need(s, "data").asBoolean());
            packet = Network.pack(seg, new Stamp(integer(s, "connection"), integer(s, "dataIndex")))
                    | integer(s, "age") << 27;
        }
        return new Action(kind, who.equals("A") ? 0 : 1, packet, integer(x, "isnChoice"));
    }

    private static JsonNode need(JsonNode o, String field) throws InvalidException {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            throw new InvalidException("missing field '" + field + "'");
        }
        return n;
    }

    private static String text(JsonNode o, String field) throws InvalidException {
        return need(o, field).asText();
    }

    private static int integer(JsonNode o, String field) throws InvalidException {
        JsonNode n = need(o, field);
        if (!n.canConvertToInt()) {
            throw new InvalidException("field '" + field + "' is not a whole number");
        }
        return n.asInt();
    }
}
