package tcpcheck.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import tcpcheck.model.ConnectionState;

/**
 * The explained differences between the model and the Linux kernel, in the segment-arrives matrix and in the replays
 * of scenario and witness files: the data file {@code kernel-differences.json} (in this module's resources), one entry
 * per difference, each with the rule behind it. An entry selects situations (the kernel's role, the model's state
 * before the segment, the kind of segment and its SEQ and ACK classes; an absent selector selects all) and lists the
 * pairs of outcomes it explains: the model's and the kernel's as the report prints them, where {@code {state}} stands
 * for the model's state before the segment. An entry may be about some variants of the model only ({@code variants}),
 * and about one value of {@code net.ipv4.tcp_rfc1337} only ({@code tcpRfc1337}). A difference is explained when an
 * entry selects its situation and lists its pair; an entry that explains nothing in a whole run is stale.
 */
final class KernelExplanations {
    static final String RESOURCE = "kernel-differences.json";

    /**
     * Where a difference shows: the kernel's role (server or client), the model's state before the segment arrives,
     * the kind of segment ({@link Matrix.Probe#kind}, or the action of a replayed step that is not an arrival, such as
     * {@code TIME_WAIT_TIMEOUT}), its SEQ and ACK classes ({@link Step.SeqRef}, {@link Step.AckRef} labels; empty for
     * an action), the model's variant and the value of net.ipv4.tcp_rfc1337.
     */
    record Situation(String role, ConnectionState state, String kind, String seq, String ack, String variant,
                     int rfc1337) {
        static Situation of(Matrix.Cell c, String variant, int rfc1337) {
            return new Situation(c.role().label, c.state(), c.probe().kind(), c.probe().seq().label,
                    c.probe().ack().label, variant, rfc1337);
        }
    }

    /** One explained difference. */
    record Entry(String id, List<String> variants, List<Integer> rfc1337, List<String> roles, List<String> states,
                 List<String> kinds, List<String> seq, List<String> ack, List<Outcome> outcomes, String rule,
                 String explanation) {

        /** Whether the entry is about the model's variant {@code v} (an entry without variants is about all). */
        boolean about(String v) {
            return selects(variants, v);
        }

        /** Whether the entry explains the outcome {@code kernel} where the model's is {@code model}. */
        boolean explains(Situation s, String model, String kernel) {
            if (!about(s.variant()) || !(rfc1337.isEmpty() || rfc1337.contains(s.rfc1337()))
                    || !selects(roles, s.role()) || !selects(states, s.state().toString()) || !selects(kinds, s.kind())
                    || !selects(seq, s.seq()) || !selects(ack, s.ack())) {
                return false;
            }
            String state = s.state().toString();
            for (Outcome o : outcomes) {
                if (o.model.replace("{state}", state).equals(model)
                        && o.kernel.replace("{state}", state).equals(kernel)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean selects(List<String> values, String v) {
            return values.isEmpty() || values.contains(v);
        }
    }

    /** A pair of outcomes: the model's and the kernel's. */
    record Outcome(String model, String kernel) {
    }

    private final List<Entry> entries;

    private KernelExplanations(List<Entry> entries) {
        this.entries = entries;
    }

    List<Entry> entries() {
        return entries;
    }

    static KernelExplanations load() {
        return parse(resource(RESOURCE));
    }

    /** A JSON resource of this module; a missing or broken one is a fault of the build, not of the user's input. */
    static JsonNode resource(String name) {
        try (InputStream in = KernelExplanations.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    static KernelExplanations parse(JsonNode root) {
        List<Entry> out = new ArrayList<>();
        for (JsonNode e : root.path("differences")) {
            List<Outcome> outcomes = new ArrayList<>();
            for (JsonNode o : e.path("outcomes")) {
                outcomes.add(new Outcome(o.path("model").asText(), o.path("kernel").asText()));
            }
            List<Integer> rfc1337 = new ArrayList<>();
            for (JsonNode v : e.path("tcpRfc1337")) {
                rfc1337.add(v.asInt());
            }
            out.add(new Entry(e.path("id").asText(), strings(e, "variants"), rfc1337, strings(e, "roles"),
                    strings(e, "states"), strings(e, "kinds"), strings(e, "seq"), strings(e, "ack"), outcomes,
                    e.path("rule").asText(), e.path("explanation").asText()));
        }
        return new KernelExplanations(out);
    }

    static List<String> strings(JsonNode e, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : e.path(field)) {
            out.add(s.asText());
        }
        return out;
    }

    /** The entry that explains the kernel's outcome where the model's differs, or null. */
    Entry explain(Situation s, String model, String kernel) {
        for (Entry e : entries) {
            if (e.explains(s, model, kernel)) {
                return e;
            }
        }
        return null;
    }

    /**
     * The entry that explains a cell of the matrix, run with tcp_rfc1337 = {@code rfc1337}, in which the kernel differs
     * from the model's variant {@code variant} (the one compared, or the alternative: {@code alternative}), or null.
     */
    Entry explain(CellResult r, String variant, int rfc1337, boolean alternative) {
        if (r.problem() != null) {
            return null;
        }
        return explain(Situation.of(r.cell(), variant, rfc1337), alternative ? r.alternative() : r.model(),
                r.kernel());
    }
}
