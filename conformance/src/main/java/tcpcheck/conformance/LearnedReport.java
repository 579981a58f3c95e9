package tcpcheck.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of {@code tcpcheck conform learned}: per stack and role, the input words compared, the pairs of states
 * reached, and the distinguishing words, each with its explanation, grouped by explanation. {@link #exitCode} is 0
 * when every word is explained, else 1.
 */
public final class LearnedReport {
    private final List<LearnedComparison.Result> results;
    private final LearnedExplanations explanations;
    private final Map<LearnedComparison.Word, LearnedExplanations.Entry> explained = new IdentityHashMap<>();
    private final List<LearnedComparison.Word> unexplained = new ArrayList<>();
    private final List<String> stale = new ArrayList<>();

    LearnedReport(List<LearnedComparison.Result> results, LearnedExplanations explanations, boolean all) {
        this.results = results;
        this.explanations = explanations;
        for (LearnedComparison.Result r : results) {
            for (LearnedComparison.Word w : r.words()) {
                LearnedExplanations.Entry e = explanations.explain(r, w);
                if (e == null) {
                    unexplained.add(w);
                } else {
                    explained.put(w, e);
                }
            }
        }
        if (all) {
            for (LearnedExplanations.Entry e : explanations.entries()) {
                if (!explained.containsValue(e)) {
                    stale.add(e.id());
                }
            }
        }
    }

    public List<LearnedComparison.Result> results() {
        return results;
    }

    public List<LearnedComparison.Word> unexplained() {
        return unexplained;
    }

    /** Entries that explain no word (judged only when all six machines were compared). */
    public List<String> staleExplanations() {
        return stale;
    }

    LearnedExplanations.Entry explanation(LearnedComparison.Word w) {
        return explained.get(w);
    }

    public int exitCode() {
        return unexplained.isEmpty() ? 0 : 1;
    }

    public String text() {
        StringBuilder b = new StringBuilder("tcpcheck conform learned: the model's endpoint (rfc9293-rfc1337, projected"
                + " onto the learned alphabet) against machines learned from real stacks\n\n");
        b.append(String.format("  %-9s %-7s %7s %7s %15s %13s %9s %15s%n", "stack", "role", "states", "inputs",
                "words compared", "state pairs", "longest", "distinguishing"));
        for (LearnedComparison.Result r : results) {
            b.append(String.format("  %-9s %-7s %7d %7d %15d %13d %9d %15d%s%n", r.stack(), r.role().label, r.states(),
                    r.inputs(), r.wordsCompared(), r.pairs(), r.depth(), r.words().size(),
                    r.complete() ? "" : " (search cut at " + LearnedConformance.MAX_LENGTH + " inputs)"));
        }
        for (LearnedComparison.Result r : results) {
            b.append(String.format("%n%s %s: %d distinguishing words%n", r.stack(), r.role().label, r.words().size()));
            Map<LearnedExplanations.Entry, List<LearnedComparison.Word>> by = new LinkedHashMap<>();
            List<LearnedComparison.Word> none = new ArrayList<>();
            for (LearnedComparison.Word w : r.words()) {
                LearnedExplanations.Entry e = explained.get(w);
                if (e == null) {
                    none.add(w);
                } else {
                    by.computeIfAbsent(e, k -> new ArrayList<>()).add(w);
                }
            }
            for (LearnedExplanations.Entry e : explanations.entries()) {
                List<LearnedComparison.Word> ws = by.get(e);
                if (ws == null) {
                    continue;
                }
                b.append(String.format("  %s (%d words; %s)%n", e.id(), ws.size(), e.rule()));
                for (LearnedComparison.Word w : ws) {
                    b.append(String.format("    %s%n      model %s [%s] | stack %s%n", w.text(), w.modelOutput(),
                            w.modelState(), w.stackOutput()));
                }
                b.append("    why: ").append(e.explanation()).append('\n');
            }
            if (!none.isEmpty()) {
                b.append(String.format("  UNEXPLAINED (%d words)%n", none.size()));
                for (LearnedComparison.Word w : none) {
                    b.append(String.format("    %s%n      model %s [%s] | stack %s%n", w.text(), w.modelOutput(),
                            w.modelState(), w.stackOutput()));
                }
            }
        }
        if (!stale.isEmpty()) {
            b.append("\nexplanations that explain no word (stale): ").append(String.join(", ", stale)).append('\n');
        }
        b.append(String.format("%n%d distinguishing words, %d unexplained; exit %d%n",
                results.stream().mapToInt(r -> r.words().size()).sum(), unexplained.size(), exitCode()));
        return b.toString();
    }

    public String json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("variant", "rfc9293-rfc1337");
        List<Object> rs = new ArrayList<>();
        for (LearnedComparison.Result r : results) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("stack", r.stack());
            o.put("role", r.role().label);
            o.put("states", r.states());
            o.put("inputs", r.inputs());
            o.put("wordsCompared", r.wordsCompared());
            o.put("statePairs", r.pairs());
            o.put("longestWord", r.depth());
            o.put("complete", r.complete());
            List<Object> ws = new ArrayList<>();
            for (LearnedComparison.Word w : r.words()) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("word", w.inputs());
                x.put("modelState", w.modelState().toString());
                x.put("model", w.modelOutput());
                x.put("stack", w.stackOutput());
                LearnedExplanations.Entry e = explained.get(w);
                x.put("explanation", e == null ? null : e.id());
                ws.add(x);
            }
            o.put("distinguishing", ws);
            rs.add(o);
        }
        m.put("machines", rs);
        m.put("unexplained", unexplained.size());
        m.put("staleExplanations", stale);
        m.put("exitCode", exitCode());
        try {
            return new ObjectMapper().writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
