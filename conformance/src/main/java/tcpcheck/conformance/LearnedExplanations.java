package tcpcheck.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The explained distinguishing words between the learned machines and the model's projected endpoint: the data file
 * {@code learned-differences.json} (in this module's resources), one entry per difference, each with the rule or the
 * socket-API state behind it. An entry selects words by stack, role, last input, the model's state before that input,
 * the model's and the stack's answer to it, and a regular expression the whole word must match; an absent selector
 * selects all. A word is explained by the first entry that selects it; an entry that selects no word of the six
 * machines is stale.
 */
final class LearnedExplanations {
    static final String RESOURCE = "learned-differences.json";

    /** One explained difference. */
    record Entry(String id, List<String> stacks, List<String> roles, List<String> inputs, List<String> modelStates,
                 List<String> model, List<String> stack, Pattern word, String rule, String explanation) {

        boolean explains(LearnedComparison.Result r, LearnedComparison.Word w) {
            return selects(stacks, r.stack()) && selects(roles, r.role().label) && selects(inputs, w.last())
                    && selects(modelStates, w.modelState().toString()) && selects(model, w.modelOutput())
                    && selects(stack, w.stackOutput()) && (word == null || word.matcher(w.text()).matches());
        }

        private static boolean selects(List<String> values, String v) {
            return values.isEmpty() || values.contains(v);
        }
    }

    private final List<Entry> entries;

    private LearnedExplanations(List<Entry> entries) {
        this.entries = entries;
    }

    List<Entry> entries() {
        return entries;
    }

    static LearnedExplanations load() {
        return parse(KernelExplanations.resource(RESOURCE));
    }

    static LearnedExplanations parse(JsonNode root) {
        List<Entry> out = new ArrayList<>();
        for (JsonNode e : root.path("differences")) {
            String w = e.path("word").asText("");
            out.add(new Entry(e.path("id").asText(), KernelExplanations.strings(e, "stacks"),
                    KernelExplanations.strings(e, "roles"), KernelExplanations.strings(e, "inputs"),
                    KernelExplanations.strings(e, "modelStates"), KernelExplanations.strings(e, "model"),
                    KernelExplanations.strings(e, "stack"), w.isEmpty() ? null : Pattern.compile(w),
                    e.path("rule").asText(), e.path("explanation").asText()));
        }
        return new LearnedExplanations(out);
    }

    /** The entry that explains a distinguishing word, or null. */
    Entry explain(LearnedComparison.Result r, LearnedComparison.Word w) {
        for (Entry e : entries) {
            if (e.explains(r, w)) {
                return e;
            }
        }
        return null;
    }
}
