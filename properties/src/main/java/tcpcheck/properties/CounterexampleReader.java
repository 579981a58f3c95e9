package tcpcheck.properties;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tcpcheck.checker.Property;
import tcpcheck.model.Action;
import tcpcheck.model.ConnectionState;
import tcpcheck.model.Network;
import tcpcheck.model.Opening;
import tcpcheck.model.Parameter;
import tcpcheck.model.Parameters;
import tcpcheck.model.Segment;
import tcpcheck.model.Stamp;
import tcpcheck.model.TcpModel;
import tcpcheck.model.TcpState;
import tcpcheck.model.Variant;

/**
 * Reads a counterexample, witness or scenario file strictly, every version alike, before anything is replayed: every
 * field in its JSON type, every number in its range for the file's own parameters, no field the version does not
 * have. The first fault refuses the file with one line naming the field by its path, the value and what it must be.
 * The rules, field by field, are those of {@code tcpcheck-counterexample.schema.json} ({@link CounterexampleSchema}
 * writes it); three relate two counts of the file, which JSON Schema cannot say: {@code length} is the number of
 * actions, {@code loopStart} at most {@code length}, an expectation's {@code step} at most {@code length}.
 */
final class CounterexampleReader {
    /** The fields of a file of version 1, and of version 2, in the order files have them. */
    static final List<String> FIELDS_1 = List.of("schema", "version", "variant", "parameters", "property", "part",
            "length", "loopStart", "actions", "states");
    static final List<String> FIELDS_2 = List.of("schema", "version", "title", "source", "variant", "parameters",
            "property", "part", "length", "loopStart", "actions", "expect", "states");
    static final List<String> ACTION_FIELDS = List.of("kind", "endpoint", "isnChoice", "segment");
    static final List<String> SEGMENT_FIELDS = List.of("syn", "ack", "fin", "rst", "seq", "ack_no", "data",
            "connection", "dataIndex", "age");
    static final List<String> EXPECTATION_FIELDS = List.of("step", "endpoint", "state", "variables", "application");
    static final List<String> APPLICATION_FIELDS = List.of("delivered", "endOfStream");
    static final List<String> ENDPOINTS = List.of("A", "B");
    /** The kinds of action that carry a segment. */
    static final List<String> NETWORK_KINDS = List.of("DELIVER", "LOSE", "DUPLICATE");
    /** Data units an application has read in one connection: the model counts up to 7 (old data can add to D). */
    static final JsonFields.Range DELIVERED = new JsonFields.Range(0, 7, "data units read in the connection");

    private final int version;
    private final Parameters params;

    private CounterexampleReader(int version, Parameters params) {
        this.version = version;
        this.params = params;
    }

    static CounterexampleFile.Counterexample read(String text) throws CounterexampleFile.InvalidException {
        JsonNode o = JsonText.parse(text);
        JsonFields f = JsonFields.of(o, "", "a counterexample");
        JsonNode schema = o.get("schema");
        if (schema == null || !CounterexampleFile.SCHEMA.equals(schema.textValue())) {
            throw new CounterexampleFile.InvalidException("not a tcpcheck counterexample: "
                    + (schema == null ? "missing field 'schema'" : "field 'schema' must be \""
                    + CounterexampleFile.SCHEMA + "\", not " + JsonFields.shown(schema)));
        }
        f.known("schema");
        BigDecimal v = JsonFields.whole(f.need("version", "1 or 2"));
        if (v != null && v.compareTo(BigDecimal.valueOf(CounterexampleFile.VERSION)) > 0) {
            throw new CounterexampleFile.InvalidException("field 'version': counterexample format version "
                    + JsonFields.shown(o.get("version")) + " is newer than this tcpcheck reads (1 to "
                    + CounterexampleFile.VERSION + "); upgrade tcpcheck");
        }
        int version = f.integer("version", new JsonFields.Range(1, CounterexampleFile.VERSION));
        Variant variant = Variant.named(f.oneOf("variant", variantNames(), "a variant or an old name of one"));
        Parameters params = parameters(f.object("parameters", "the parameters"), variant, version);
        return new CounterexampleReader(version, params).rest(f, variant);
    }

    /** Every name a file may give a variant: the names, then the old names. */
    static List<String> variantNames() {
        List<String> out = new ArrayList<>();
        for (Variant x : Variant.values()) {
            out.add(x.id());
        }
        for (Variant x : Variant.values()) {
            out.addAll(x.aliases());
        }
        return out;
    }

    /** Every property and witness a file may name. */
    static List<String> propertyNames() {
        List<String> out = new ArrayList<>(TcpProperties.NAMES);
        for (Witness w : Witnesses.all()) {
            out.add(w.id());
        }
        return out;
    }

    /** The parameters this version has, in the table's order (those of later versions take their defaults). */
    static List<Parameter> parametersOf(int version) {
        return Arrays.stream(Parameter.values()).filter(p -> p.since() <= version).toList();
    }

    /** The parameters by the table, each required, in its own type and range; then the rules that relate them. */
    private static Parameters parameters(JsonFields p, Variant variant, int version)
            throws CounterexampleFile.InvalidException {
        Map<Parameter, Integer> values = new EnumMap<>(Parameter.class);
        List<Parameter> known = parametersOf(version);
        for (Parameter x : known) {
            switch (x.type()) {
                case FLAG:
                    values.put(x, p.bool(x.key()) ? 1 : 0);
                    break;
                case OPENING:
                    values.put(x, Opening.named(p.oneOf(x.key(), openingNames(), "an opening")).ordinal());
                    break;
                default:
                    values.put(x, p.integer(x.key(), new JsonFields.Range(x.min(), x.max(), x.id())));
            }
        }
        p.noOthers("the parameters of version " + version, known.stream().map(Parameter::key).toList());
        int s = values.get(Parameter.SEQ_SPACE);
        int i = values.get(Parameter.ISN_CHOICES);
        if (i > s || s % i != 0) {
            throw new CounterexampleFile.InvalidException("field 'parameters.I' must divide S = " + s + " (one of "
                    + divisors(s) + "), not " + i);
        }
        int openers = openers(values);
        int k = values.get(Parameter.CONNECTIONS);
        if (openers == 2 && 2 * k > Parameter.CONNECTIONS.max()) {
            throw new CounterexampleFile.InvalidException("field 'parameters.K' must be a whole number from 1 to "
                    + Parameter.CONNECTIONS.max() / 2 + " (with A and B both opening actively, the connections of both"
                    + " are numbered in one count of at most " + Parameter.CONNECTIONS.max() + "), not " + k);
        }
        Parameters parsed;
        try {
            parsed = Parameters.of(values);
        } catch (IllegalArgumentException e) {
            throw new CounterexampleFile.InvalidException("field 'parameters': " + e.getMessage());
        }
        if (variant.definedByTimeWait()) {
            int own = variant.timeWait(parsed.with(Parameter.TIME_WAIT, Parameters.VARIANTS_OWN));
            if (parsed.timeWait() != own) {
                throw new CounterexampleFile.InvalidException("field 'parameters.T' must be " + own + " ("
                        + variant.id() + " is defined by its TIME-WAIT: T = " + own + " at MSL = " + parsed.msl()
                        + "), not " + parsed.timeWait());
            }
        }
        return parsed;
    }

    static List<String> openingNames() {
        return Arrays.stream(Opening.values()).map(Opening::id).toList();
    }

    /** "2, 4, 8": the values of I that S allows. */
    static String divisors(int s) {
        List<String> out = new ArrayList<>();
        for (int d = Parameter.ISN_CHOICES.min(); d <= s; d++) {
            if (s % d == 0) {
                out.add(Integer.toString(d));
            }
        }
        return String.join(", ", out);
    }

    /** How many endpoints open actively (0, 1 or 2). */
    private static int openers(Map<Parameter, Integer> values) {
        int n = 0;
        for (Parameter x : List.of(Parameter.A_OPENS, Parameter.B_OPENS)) {
            Parameters d = Parameters.defaults();
            Opening o = Opening.values()[values.getOrDefault(x, d.get(x))];
            n += o.active() ? 1 : 0;
        }
        return n;
    }

    /** Everything after the variant and the parameters, which the ranges below depend on. */
    private CounterexampleFile.Counterexample rest(JsonFields f, Variant variant)
            throws CounterexampleFile.InvalidException {
        boolean v2 = version >= 2;
        TcpModel model = new TcpModel(variant, params);
        String title = v2 && f.has("title") ? f.text("title", "a string") : null;
        String source = v2 && f.has("source") ? f.text("source", "a string") : null;
        String property = !v2 || f.has("property")
                ? f.oneOf("property", propertyNames(), "a property or a witness") : null;
        String part = null;
        Property<TcpState, Action> engine = null;
        if (property != null) {
            List<Property<TcpState, Action>> parts = Replay.parts(model, property);
            List<String> names = parts.stream().map(Property::name).toList();
            part = !v2 || f.has("part") ? f.oneOf("part", names, "a part of " + property) : property;
            engine = parts.get(names.indexOf(part));
        } else if (f.has("part")) {
            throw new CounterexampleFile.InvalidException("field 'part' needs a field 'property' (the property it is"
                    + " a part of)");
        }
        List<Action> actions = new ArrayList<>();
        for (JsonFields.Element x : f.array("actions", "of actions")) {
            actions.add(action(x.fields("an action")));
        }
        int length = f.integer("length", new JsonFields.Range(actions.size(), actions.size(),
                "the number of actions"));
        JsonFields.Range loop = engine != null && engine.liveness()
                ? new JsonFields.Range(-1, length, "-1, or the step at which the lasso's cycle starts, at most length")
                : new JsonFields.Range(-1, -1, engine != null ? "part '" + part + "' is no liveness property: its"
                        + " counterexample is no lasso" : "a path that violates no property is no lasso");
        int loopStart = !v2 || f.has("loopStart") ? f.integer("loopStart", loop) : -1;
        List<Expectation> expectations = new ArrayList<>();
        if (v2 && f.has("expect")) {
            for (JsonFields.Element x : f.array("expect", "of expectations")) {
                expectations.add(expectation(x.fields("an expectation"), length));
            }
        }
        if (f.has("states")) {
            for (JsonFields.Element x : f.array("states", "of strings (the states as text)")) {
                if (!x.node().isTextual()) {
                    throw new CounterexampleFile.InvalidException("field '" + x.path() + "' must be a string (a state"
                            + " as text), not " + JsonFields.shown(x.node()));
                }
            }
        }
        f.noOthers("a file of version " + version, v2 ? FIELDS_2 : FIELDS_1);
        return new CounterexampleFile.Counterexample(version, variant, params, property, part, length, loopStart,
                actions, title, source, expectations);
    }

    private Action action(JsonFields x) throws CounterexampleFile.InvalidException {
        Action.Kind kind = Action.Kind.valueOf(x.oneOf("kind", kinds(), "an action kind"));
        String who = x.oneOf("endpoint", kind == Action.Kind.TICK ? List.of("A") : ENDPOINTS,
                kind == Action.Kind.TICK ? "the endpoint of a TICK, which files write as A (a tick is no endpoint's)"
                        : "an endpoint");
        JsonFields.Range choice = isnChoices(kind);
        int isnChoice = version < 2 || x.has("isnChoice") || choice.min() >= 0 ? x.integer("isnChoice", choice) : -1;
        int packet = 0;
        boolean network = NETWORK_KINDS.contains(kind.name());
        if (network) {
            packet = segment(x.object("segment", "the segment"));
        } else if (x.has("segment")) {
            throw new CounterexampleFile.InvalidException("field '" + x.at("segment") + "' must not be there: only "
                    + String.join(", ", NETWORK_KINDS) + " carry a segment, not " + kind);
        }
        x.noOthers("an action", ACTION_FIELDS);
        return new Action(kind, who.equals("A") ? TcpModel.A : TcpModel.B, packet, isnChoice);
    }

    static List<String> kinds() {
        return Arrays.stream(Action.Kind.values()).map(Action.Kind::name).toList();
    }

    /** The ISN clock values an action of this kind may record. */
    private JsonFields.Range isnChoices(Action.Kind kind) {
        int last = params.isnChoices() - 1;
        switch (kind) {
            case OPEN:
                return new JsonFields.Range(0, last, "an OPEN chooses the ISN clock's value, below I = "
                        + params.isnChoices());
            case DELIVER:
                return new JsonFields.Range(-1, last, "-1, or the ISN clock's value, below I = " + params.isnChoices()
                        + ", that a SYN reaching LISTEN makes the endpoint choose");
            default:
                return new JsonFields.Range(-1, -1, "only an OPEN or a DELIVER chooses an ISN");
        }
    }

    /** The packed segment with its ghost fields and its age. */
    private int segment(JsonFields s) throws CounterexampleFile.InvalidException {
        boolean syn = s.bool("syn");
        boolean ack = s.bool("ack");
        boolean fin = s.bool("fin");
        boolean rst = s.bool("rst");
        String below = "below S = " + params.seqSpace();
        int seq = s.integer("seq", new JsonFields.Range(0, params.seqSpace() - 1, "SEG.SEQ, " + below));
        int ackNo = s.integer("ack_no", new JsonFields.Range(0, params.seqSpace() - 1, "SEG.ACK, " + below));
        boolean data = s.bool("data");
        if (data && params.data() == 0) {
            throw new CounterexampleFile.InvalidException("field '" + s.at("data") + "' must be false (D = 0: no"
                    + " application writes), not true");
        }
        int connection = s.integer("connection", connections());
        JsonFields.Range index = data
                ? new JsonFields.Range(0, params.data() - 1, "the data unit's index in its stream, below D = "
                        + params.data())
                : new JsonFields.Range(0, 0, "a segment without data");
        int dataIndex = version < 2 || s.has("dataIndex") ? s.integer("dataIndex", index) : 0;
        int age = version < 2 || s.has("age") ? s.integer("age", new JsonFields.Range(0, params.msl() - 1,
                "ticks in flight, below MSL = " + params.msl())) : 0;
        s.noOthers("a segment", SEGMENT_FIELDS);
        Segment seg = new Segment(syn, ack, fin, rst, seq, ackNo, data);
        return Network.pack(seg, new Stamp(connection, dataIndex)) | age << 27;
    }

    /** The ghost connection numbers: 0 (none yet), then one per active open, counted over both endpoints. */
    private JsonFields.Range connections() {
        boolean a = params.aOpens().active();
        boolean b = params.bOpens().active();
        int k = params.connections();
        if (a && b) {
            return new JsonFields.Range(0, 2 * k, "0, or the number of an active open: A and B each open K = " + k
                    + ", numbered in one count");
        }
        if (a || b) {
            return new JsonFields.Range(0, k, "0, or the number of an active open: " + (a ? "A" : "B") + " opens K = "
                    + k);
        }
        return new JsonFields.Range(0, 0, "no endpoint opens actively (aOpens and bOpens passive)");
    }

    private Expectation expectation(JsonFields x, int length) throws CounterexampleFile.InvalidException {
        int step = x.integer("step", new JsonFields.Range(0, length, "a step of the trace: 0 is the initial state,"
                + " length the state after the last action"));
        String who = x.oneOf("endpoint", ENDPOINTS, "an endpoint");
        ConnectionState state = Expectation.state(x.oneOf("state", Expectation.STATES, "a state of RFC 9293"));
        Map<String, Integer> variables = new LinkedHashMap<>();
        if (x.has("variables")) {
            JsonFields vs = x.object("variables", "TCB variables");
            for (String n : vs.names()) {
                if (Expectation.VARIABLES.containsKey(n)) {
                    variables.put(n, vs.integer(n, new JsonFields.Range(0, params.seqSpace() - 1, "below S = "
                            + params.seqSpace())));
                }
            }
            vs.noOthers("the TCB variables", Expectation.VARIABLES.keySet());
        }
        Integer delivered = null;
        Boolean endOfStream = null;
        if (x.has("application")) {
            JsonFields a = x.object("application", "what the application has read");
            delivered = a.has("delivered") ? a.integer("delivered", DELIVERED) : null;
            endOfStream = a.has("endOfStream") ? a.bool("endOfStream") : null;
            a.noOthers("the application", APPLICATION_FIELDS);
        }
        x.noOthers("an expectation", EXPECTATION_FIELDS);
        return new Expectation(step, who.equals("A") ? TcpModel.A : TcpModel.B, state, variables, delivered,
                endOfStream);
    }
}
