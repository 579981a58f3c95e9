package tcpcheck.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The explained differences between the model and the Linux kernel in the segment-arrives matrix: the data file
 * {@code kernel-differences.json} (in this module's resources), one entry per difference, each with the rule behind it.
 * An entry selects cells (roles, states, kinds of segment, SEQ and ACK classes; an absent selector selects all) and
 * lists the pairs of answers it explains: the model's and the kernel's outcome as the report prints them, where
 * {@code {state}} stands for the state the cell's setup reached. An entry may be about some variants of the model only
 * ({@code variants}). A differing cell is explained when an entry selects it and lists its pair; an entry about the
 * standard variant that explains no cell of the whole matrix is stale.
 */
final class KernelExplanations {
    static final String RESOURCE = "kernel-differences.json";

    /** One explained difference. */
    record Entry(String id, List<String> variants, List<String> roles, List<String> states, List<String> kinds,
                 List<String> seq, List<String> ack, List<Outcome> outcomes, String rule, String explanation) {

        /** Whether the entry is about the model's variant {@code v} (an entry without variants is about all). */
        boolean about(String v) {
            return selects(variants, v);
        }

        boolean explains(CellResult r, String variant) {
            Matrix.Cell c = r.cell();
            if (r.problem() != null || !about(variant) || !selects(roles, c.role().label) || !selects(states, c.state().toString())
                    || !selects(kinds, c.probe().kind()) || !selects(seq, c.probe().seq().label)
                    || !selects(ack, c.probe().ack().label)) {
                return false;
            }
            String state = c.state().toString();
            for (Outcome o : outcomes) {
                if (o.model.replace("{state}", state).equals(r.model())
                        && o.kernel.replace("{state}", state).equals(r.kernel())) {
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
            out.add(new Entry(e.path("id").asText(), strings(e, "variants"), strings(e, "roles"), strings(e, "states"), strings(e, "kinds"),
                    strings(e, "seq"), strings(e, "ack"), outcomes, e.path("rule").asText(),
                    e.path("explanation").asText()));
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

    /** The entry that explains a cell in which the kernel differs from the model's variant {@code variant}, or null. */
    Entry explain(CellResult r, String variant) {
        for (Entry e : entries) {
            if (e.explains(r, variant)) {
                return e;
            }
        }
        return null;
    }
}
