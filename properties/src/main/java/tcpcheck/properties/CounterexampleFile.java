package tcpcheck.properties;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import tcpcheck.checker.Trace;
import tcpcheck.model.Action;
import tcpcheck.model.Network;
import tcpcheck.model.Parameter;
import tcpcheck.model.Parameters;
import tcpcheck.model.Segment;
import tcpcheck.model.Stamp;
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
 * {@code isnChoice} to -1, a segment's {@code dataIndex} and {@code age} to 0. A file is written in the lowest version
 * that holds it, so that a counterexample of the default configuration stays readable by a tcpcheck that reads only
 * version 1.
 *
 * <p>Both versions are read strictly ({@link CounterexampleReader}): every field in its JSON type and in its range for
 * the file's own parameters, no field the version does not have, one JSON object and nothing after it; a file has at
 * most {@link #MAX_BYTES} bytes. The JSON Schema says the same ({@link CounterexampleSchema} writes it).
 */
public final class CounterexampleFile {
    public static final String SCHEMA = "tcpcheck-counterexample";
    public static final int VERSION = 2;
    /**
     * The largest file read, in bytes (64 MiB): a trace of 100,000 actions (the longest walk of {@code simulate}) with
     * its states is about 35 MiB. A larger file is refused before it is read.
     */
    public static final long MAX_BYTES = 64L << 20;
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

    /**
     * The counterexample, witness or scenario of a file's text, read strictly ({@link CounterexampleReader}), or an
     * InvalidException whose one-line message names the first fault: the field by its path, the value, and what it
     * must be.
     */
    public static Counterexample read(String text) throws InvalidException {
        return CounterexampleReader.read(text);
    }
}
