package tcpcheck.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tcpcheck.model.ConnectionState;
import tcpcheck.model.Variant;

/**
 * The outcome of {@code tcpcheck conform linux}: the matrix with each difference and its explanation, the cells where
 * the variants rfc9293-rfc1337 and rfc9293-text differ run with both values of {@code net.ipv4.tcp_rfc1337}, and the
 * stories. Printed as text or as JSON; {@link #exitCode} is 0 when every cell agrees or is explained and every story
 * reproduces, else 1.
 */
public final class LinuxReport {
    private final String kernel;
    private final String namespace;
    private final String rfc1337Default;
    private final LinuxConformance.Options options;
    private final List<CellResult> cells;
    private final List<CellResult> rerun;
    private final int rerunRfc1337;
    private final List<StoryRun.Result> stories;
    private final KernelExplanations explanations;
    private final double seconds;
    private final int retried;
    private final Map<Integer, KernelExplanations.Entry> explained = new LinkedHashMap<>();
    private final List<CellResult> unexplained = new ArrayList<>();
    private final List<KernelExplanations.Entry> stale = new ArrayList<>();

    private LinuxReport(String kernel, String namespace, String rfc1337Default, LinuxConformance.Options options,
                        List<CellResult> cells, List<CellResult> rerun, int rerunRfc1337,
                        List<StoryRun.Result> stories, KernelExplanations explanations, int retried,
                        double seconds) {
        this.kernel = kernel;
        this.retried = retried;
        this.namespace = namespace;
        this.rfc1337Default = rfc1337Default;
        this.options = options;
        this.cells = cells;
        this.rerun = rerun;
        this.rerunRfc1337 = rerunRfc1337;
        this.stories = stories;
        this.explanations = explanations;
        this.seconds = seconds;
        for (CellResult r : cells) {
            if (r.agrees()) {
                continue;
            }
            KernelExplanations.Entry e = explanations.explain(r, options.variant().id());
            if (e == null) {
                unexplained.add(r);
            } else {
                explained.put(r.cell().index(), e);
            }
        }
        if (options.full()) {
            for (KernelExplanations.Entry e : explanations.entries()) {
                if (e.about(options.variant().id()) && !explained.containsValue(e)) {
                    stale.add(e);
                }
            }
        }
    }

    static LinuxReport of(String kernel, String namespace, String rfc1337Default, LinuxConformance.Options options,
                          List<CellResult> cells, List<CellResult> rerun, int rerunRfc1337,
                          List<StoryRun.Result> stories, KernelExplanations explanations, int retried,
                          double seconds) {
        return new LinuxReport(kernel, namespace, rfc1337Default, options, cells, rerun, rerunRfc1337, stories,
                explanations, retried, seconds);
    }

    public List<CellResult> cells() {
        return cells;
    }

    public int agreeing() {
        return (int) cells.stream().filter(CellResult::agrees).count();
    }

    public List<CellResult> unexplained() {
        return unexplained;
    }

    /** Entries of the explanations that explain no cell (only judged on a run of the whole matrix). */
    public List<String> staleExplanations() {
        return stale.stream().map(KernelExplanations.Entry::id).toList();
    }

    public List<StoryRun.Result> stories() {
        return stories;
    }

    /** The explanation of a differing cell, or null. */
    KernelExplanations.Entry explanation(CellResult r) {
        return explained.get(r.cell().index());
    }

    /** The variant the kernel answers like, with tcp_rfc1337 at value v: rfc9293-text for 0, the standard for 1. */
    static Variant variantFor(int rfc1337) {
        return rfc1337 == 0 ? Variant.RFC9293_TEXT : Variant.RFC9293_RFC1337;
    }

    /** The cells where the variants differ, as run with the namespace's default tcp_rfc1337. */
    public List<CellResult> variantCells() {
        return cells.stream().filter(CellResult::variantsDiffer).toList();
    }

    /** Those cells run again with the other value of tcp_rfc1337. */
    public List<CellResult> rerun() {
        return rerun;
    }

    /** Whether the kernel answered a cell like the variant of this value of tcp_rfc1337. */
    boolean answersLike(CellResult r, int rfc1337) {
        Variant v = variantFor(rfc1337);
        return v == options.variant() ? r.agrees() : r.alternativeAgrees();
    }

    int defaultRfc1337() {
        return Integer.parseInt(rfc1337Default);
    }

    private boolean rerunHolds() {
        return rerun.stream().allMatch(r -> answersLike(r, rerunRfc1337));
    }

    /** The variant a cell's kernel answer is like: the one compared, the alternative, both, or neither. */
    String like(CellResult r) {
        if (r.agrees() && r.alternativeAgrees()) {
            return options.variant() + " and " + options.alternative();
        }
        return r.agrees() ? options.variant().id() : r.alternativeAgrees() ? options.alternative().id() : "neither";
    }

    public boolean storiesReproduce() {
        return stories.stream().allMatch(StoryRun.Result::reproduces);
    }

    /**
     * 0: every cell agrees or is explained, with tcp_rfc1337 = 1 the kernel answers as the standard variant in every
     * cell where the variants differ, and every story reproduces; else 1.
     */
    public int exitCode() {
        return unexplained.isEmpty() && rerunHolds() && storiesReproduce() ? 0 : 1;
    }

    public String text() {
        StringBuilder b = new StringBuilder();
        int n = cells.size();
        int agree = agreeing();
        b.append(String.format(Locale.ROOT, "tcpcheck conform linux: Linux %s against the model (%s), in the network"
                + " namespace %s (net.ipv4.tcp_rfc1337 = %s)%n", kernel, options.variant(), namespace, rfc1337Default));
        b.append(String.format(Locale.ROOT, "segment-arrives matrix: %d cells, %d agree (%s), %d differ: %d explained,"
                + " %d unexplained%n", n, agree, percent(agree, n), n - agree, explained.size(), unexplained.size()));
        b.append(grid());
        b.append(String.format("%ndifferences, by explanation (kernel-differences.json):%n"));
        for (KernelExplanations.Entry e : explanations.entries()) {
            List<CellResult> mine = cells.stream().filter(r -> explained.get(r.cell().index()) == e).toList();
            if (mine.isEmpty()) {
                continue;
            }
            b.append(String.format("  %s: %d cells; %s%n", e.id(), mine.size(), e.rule()));
            for (CellResult r : mine) {
                b.append(String.format("    %-52s model %s | kernel %s%n", r.cell().label(), r.model(), r.kernel()));
            }
            b.append("    why: ").append(e.explanation()).append(String.format("%n"));
        }
        if (!unexplained.isEmpty()) {
            b.append(String.format("UNEXPLAINED differences (%d):%n", unexplained.size()));
            for (CellResult r : unexplained) {
                b.append(String.format("  %-54s model %s | kernel %s%n", r.cell().label(), r.model(), r.kernel()));
            }
        }
        if (!stale.isEmpty()) {
            b.append("explanations that explain no cell (stale): ").append(String.join(", ", staleExplanations()))
                    .append(String.format("%n"));
        }
        b.append(variants());
        b.append(storiesText());
        if (retried > 0) {
            b.append(String.format("%d cells were run again: the kernel's retransmission timer fired in them (a loaded"
                    + " machine)%n", retried));
        }
        b.append(String.format(Locale.ROOT, "%.1f s; exit %d%n", seconds, exitCode()));
        return b.toString();
    }

    private String variants() {
        StringBuilder b = new StringBuilder();
        List<CellResult> vc = variantCells();
        int def = defaultRfc1337();
        b.append(String.format("%nthe variants, cell by cell: rfc9293-rfc1337 and rfc9293-text answer differently in %d"
                + " cells; in every other cell they answer alike%n", vc.size()));
        b.append(String.format("  net.ipv4.tcp_rfc1337 = %d (the kernel's default): the kernel answers as %s in %d of"
                + " %d, as %s in %d%n", def, variantFor(def), vc.stream().filter(r -> answersLike(r, def)).count(),
                vc.size(), variantFor(1 - def), vc.stream().filter(r -> answersLike(r, 1 - def)).count()));
        b.append(String.format("  net.ipv4.tcp_rfc1337 = %d: the kernel answers as %s in %d of %d%n", rerunRfc1337,
                variantFor(rerunRfc1337), rerun.stream().filter(r -> answersLike(r, rerunRfc1337)).count(),
                rerun.size()));
        for (int i = 0; i < vc.size(); i++) {
            CellResult r = vc.get(i);
            CellResult again = i < rerun.size() ? rerun.get(i) : null;
            b.append(String.format("    %-48s %s: %s | %s: %s | kernel (%d): %s, like %s | kernel (%d): %s%n",
                    r.cell().label(), options.variant(), r.model(), options.alternative(), r.alternative(), def,
                    r.kernel(), like(r), rerunRfc1337, again == null ? "-" : again.kernel()));
        }
        return b.toString();
    }

    private String storiesText() {
        if (stories.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder(String.format("%nstories (the kernel in one endpoint's place):%n"));
        for (StoryRun.Result s : stories) {
            Stories.Story st = s.story();
            b.append(String.format("  %s %s: %s (%s; %s, the kernel as %s, tcp_rfc1337 = %d)%n",
                    s.reproduces() ? "reproduces" : "DIFFERS   ", st.id(), st.title(), st.source(), st.variant(),
                    st.role().label, st.rfc1337()));
            b.append("      expected: ").append(st.expectation()).append(String.format("%n"));
            for (StoryRun.BeatResult r : s.beats()) {
                b.append(String.format("      %-40s model %s | kernel %s%s%n", r.step(), r.model(),
                        r.agrees() ? "(same)" : r.kernel(),
                        r.explainedBy() != null ? "  [" + r.explainedBy() + "]" : ""));
            }
            if (s.problem() != null) {
                b.append("      ").append(s.problem()).append(String.format("%n"));
            }
        }
        return b.toString();
    }

    /** Agreeing cells out of all, per role and state (rows) and kind of segment (columns). */
    private String grid() {
        List<String> kinds = new ArrayList<>();
        for (CellResult r : cells) {
            if (!kinds.contains(r.cell().probe().kind())) {
                kinds.add(r.cell().probe().kind());
            }
        }
        StringBuilder b = new StringBuilder(String.format("%n  %-21s", "agreeing cells"));
        for (String k : kinds) {
            b.append(String.format(" %8s", k));
        }
        b.append(String.format("   %8s%n", "all"));
        for (Role role : options.roles()) {
            for (ConnectionState s : Matrix.states(role)) {
                b.append(String.format("  %-21s", role.label + " " + s));
                int a = 0;
                int t = 0;
                for (String k : kinds) {
                    int[] c = count(role, s, k);
                    a += c[0];
                    t += c[1];
                    b.append(String.format(" %8s", c[1] == 0 ? "" : c[0] + "/" + c[1]));
                }
                b.append(String.format("   %8s%n", a + "/" + t));
            }
        }
        return b.toString();
    }

    private int[] count(Role role, ConnectionState s, String kind) {
        int a = 0;
        int t = 0;
        for (CellResult r : cells) {
            Matrix.Cell c = r.cell();
            if (c.role() == role && c.state() == s && c.probe().kind().equals(kind)) {
                t++;
                a += r.agrees() ? 1 : 0;
            }
        }
        return new int[] {a, t};
    }

    private static String percent(int a, int n) {
        return n == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * a / n);
    }

    public String json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kernel", kernel);
        m.put("variant", options.variant().id());
        m.put("alternative", options.alternative().id());
        m.put("tcpRfc1337Default", defaultRfc1337());
        m.put("cells", cells.size());
        m.put("agreeing", agreeing());
        m.put("differing", cells.size() - agreeing());
        m.put("explained", explained.size());
        m.put("unexplained", unexplained.size());
        m.put("staleExplanations", staleExplanations());
        List<Object> rows = new ArrayList<>();
        for (CellResult r : cells) {
            rows.add(cell(r));
        }
        m.put("matrix", rows);
        List<Object> again = new ArrayList<>();
        for (CellResult r : rerun) {
            Map<String, Object> c = cell(r);
            c.put("answersLike", answersLike(r, rerunRfc1337) ? variantFor(rerunRfc1337).id() : null);
            again.add(c);
        }
        Map<String, Object> rf = new LinkedHashMap<>();
        rf.put("tcpRfc1337", rerunRfc1337);
        rf.put("cells", again);
        m.put("rerun", rf);
        List<Object> st = new ArrayList<>();
        for (StoryRun.Result s : stories) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("id", s.story().id());
            o.put("title", s.story().title());
            o.put("source", s.story().source());
            o.put("role", s.story().role().label);
            o.put("variant", s.story().variant().id());
            o.put("tcpRfc1337", s.story().rfc1337());
            o.put("reproduces", s.reproduces());
            List<Object> beats = new ArrayList<>();
            for (StoryRun.BeatResult r : s.beats()) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("step", r.step());
                x.put("model", r.model());
                x.put("kernel", r.kernel());
                x.put("agrees", r.agrees());
                x.put("explainedBy", r.explainedBy());
                beats.add(x);
            }
            o.put("steps", beats);
            o.put("problem", s.problem());
            st.add(o);
        }
        m.put("stories", st);
        m.put("cellsRunAgain", retried);
        m.put("seconds", Math.round(seconds * 10) / 10.0);
        m.put("exitCode", exitCode());
        try {
            return new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> cell(CellResult r) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("role", r.cell().role().label);
        c.put("state", r.cell().state().toString());
        c.put("segment", r.cell().probe().kind());
        c.put("seq", r.cell().probe().seq().label);
        c.put("ack", r.cell().probe().ack().label);
        c.put("model", r.model());
        c.put("alternative", r.alternative());
        c.put("kernel", r.kernel());
        c.put("agrees", r.agrees());
        c.put("like", like(r));
        KernelExplanations.Entry e = explained.get(r.cell().index());
        c.put("explanation", r.agrees() || e == null ? null : e.id());
        return c;
    }
}
