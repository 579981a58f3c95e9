package tcpcheck.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tcpcheck.model.ConnectionState;
import tcpcheck.model.Variant;

/**
 * The outcome of {@code tcpcheck conform linux}: the matrix with each difference and its explanation (against the
 * variant compared and against the alternative, the other of rfc9293-rfc1337 and rfc9293-text), the cells where those
 * two variants differ run with both values of {@code net.ipv4.tcp_rfc1337}, and the replays of scenario and witness
 * files. Printed as text or as JSON; {@link #exitCode} is 0 when every cell agrees or is explained, with the other
 * value of tcp_rfc1337 the kernel answers as its variant, and every replay follows the model or departs from it only
 * where an explanation says why; else 1.
 */
public final class LinuxReport {
    private final String kernel;
    private final String namespace;
    private final int rfc1337Default;
    private final LinuxConformance.Options options;
    private final List<CellResult> cells;
    private final List<CellResult> rerun;
    private final int rerunRfc1337;
    private final List<KernelReplay.Result> replays;
    private final KernelExplanations explanations;
    private final double seconds;
    private final int retried;
    private final Map<Integer, KernelExplanations.Entry> explained = new LinkedHashMap<>();
    private final List<CellResult> unexplained = new ArrayList<>();
    private final Map<Integer, KernelExplanations.Entry> alternativeExplained = new LinkedHashMap<>();
    private final List<CellResult> alternativeUnexplained = new ArrayList<>();
    private final List<KernelExplanations.Entry> stale = new ArrayList<>();

    private LinuxReport(String kernel, String namespace, int rfc1337Default, LinuxConformance.Options options,
                        List<CellResult> cells, List<CellResult> rerun, int rerunRfc1337,
                        List<KernelReplay.Result> replays, KernelExplanations explanations, int retried,
                        double seconds) {
        this.kernel = kernel;
        this.retried = retried;
        this.namespace = namespace;
        this.rfc1337Default = rfc1337Default;
        this.options = options;
        this.cells = cells;
        this.rerun = rerun;
        this.rerunRfc1337 = rerunRfc1337;
        this.replays = replays;
        this.explanations = explanations;
        this.seconds = seconds;
        judge(false, explained, unexplained);
        judge(true, alternativeExplained, alternativeUnexplained);
        if (options.full()) {
            Set<String> used = new HashSet<>();
            explained.values().forEach(e -> used.add(e.id()));
            alternativeExplained.values().forEach(e -> used.add(e.id()));
            for (KernelReplay.Result r : replays) {
                for (KernelReplay.StepResult s : r.kernelSteps()) {
                    if (s.explanation() != null) {
                        used.add(s.explanation());
                    }
                }
            }
            for (KernelExplanations.Entry e : explanations.entries()) {
                if (!used.contains(e.id())) {
                    stale.add(e);
                }
            }
        }
    }

    /** Explains the cells in which the kernel differs from the variant compared, or from the alternative. */
    private void judge(boolean alternative, Map<Integer, KernelExplanations.Entry> explainedOnes,
                       List<CellResult> unexplainedOnes) {
        String variant = (alternative ? options.alternative() : options.variant()).id();
        for (CellResult r : cells) {
            if (alternative ? r.alternativeAgrees() : r.agrees()) {
                continue;
            }
            KernelExplanations.Entry e = explanations.explain(r, variant, rfc1337Default, alternative);
            if (e == null) {
                unexplainedOnes.add(r);
            } else {
                explainedOnes.put(r.cell().index(), e);
            }
        }
    }

    static LinuxReport of(String kernel, String namespace, int rfc1337Default, LinuxConformance.Options options,
                          List<CellResult> cells, List<CellResult> rerun, int rerunRfc1337,
                          List<KernelReplay.Result> replays, KernelExplanations explanations, int retried,
                          double seconds) {
        return new LinuxReport(kernel, namespace, rfc1337Default, options, cells, rerun, rerunRfc1337, replays,
                explanations, retried, seconds);
    }

    public List<CellResult> cells() {
        return cells;
    }

    public int agreeing() {
        return (int) cells.stream().filter(CellResult::agrees).count();
    }

    /** Cells that agree with the alternative variant. */
    public int alternativeAgreeing() {
        return (int) cells.stream().filter(CellResult::alternativeAgrees).count();
    }

    public List<CellResult> unexplained() {
        return unexplained;
    }

    /** Cells in which the kernel differs from the alternative variant and no entry explains it. */
    public List<CellResult> alternativeUnexplained() {
        return alternativeUnexplained;
    }

    /** Entries of the explanations that explain nothing (only judged on a full run: the matrix and the shipped files). */
    public List<String> staleExplanations() {
        return stale.stream().map(KernelExplanations.Entry::id).toList();
    }

    public List<KernelReplay.Result> replays() {
        return replays;
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
        return rfc1337Default;
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

    /** Whether every replay follows the model or departs from it only where an explanation says why. */
    public boolean replaysExplained() {
        return replays.stream().allMatch(KernelReplay.Result::explained);
    }

    /**
     * 0: every cell agrees or is explained (against both variants), with the other value of tcp_rfc1337 the kernel
     * answers as that value's variant in every cell where the variants differ, and every replay's differences are
     * explained; else 1.
     */
    public int exitCode() {
        return unexplained.isEmpty() && alternativeUnexplained.isEmpty() && rerunHolds() && replaysExplained() ? 0
                : 1;
    }

    public String text() {
        StringBuilder b = new StringBuilder();
        int n = cells.size();
        int agree = agreeing();
        b.append(String.format(Locale.ROOT, "tcpcheck conform linux: Linux %s against the model (%s), in the network"
                + " namespace %s (net.ipv4.tcp_rfc1337 = %d)%n", kernel, options.variant(), namespace, rfc1337Default));
        b.append(String.format(Locale.ROOT, "segment-arrives matrix: %d cells, %d agree (%s), %d differ: %d explained,"
                + " %d unexplained%n", n, agree, percent(agree, n), n - agree, explained.size(), unexplained.size()));
        int alt = alternativeAgreeing();
        b.append(String.format(Locale.ROOT, "  against %s: %d agree (%s), %d differ: %d explained, %d unexplained%n",
                options.alternative(), alt, percent(alt, n), n - alt, alternativeExplained.size(),
                alternativeUnexplained.size()));
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
        b.append(String.format("differences from %s, by explanation:", options.alternative()));
        Map<String, Integer> byEntry = new LinkedHashMap<>();
        alternativeExplained.values().forEach(e -> byEntry.merge(e.id(), 1, Integer::sum));
        byEntry.forEach((id, c) -> b.append(String.format(" %s %d;", id, c)));
        b.append(String.format("%n"));
        if (!alternativeUnexplained.isEmpty()) {
            b.append(String.format("UNEXPLAINED differences from %s (%d):%n", options.alternative(),
                    alternativeUnexplained.size()));
            for (CellResult r : alternativeUnexplained) {
                b.append(String.format("  %-54s %s %s | kernel %s%n", r.cell().label(), options.alternative(),
                        r.alternative(), r.kernel()));
            }
        }
        if (!stale.isEmpty()) {
            b.append("explanations that explain nothing (stale): ").append(String.join(", ", staleExplanations()))
                    .append(String.format("%n"));
        }
        b.append(variants());
        b.append(replaysText());
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
        for (String line : bothValues()) {
            b.append("  ").append(line).append(String.format("%n"));
        }
        return b.toString();
    }

    /**
     * The files replayed with both values of tcp_rfc1337 (an RST reaches the kernel's endpoint in TIME-WAIT): which
     * value the kernel follows each with.
     */
    List<String> bothValues() {
        List<String> out = new ArrayList<>();
        for (KernelReplay.Result r : replays) {
            if (r.plan().rfc1337() != rfc1337Default) {
                continue;
            }
            for (KernelReplay.Result o : replays) {
                if (o.plan().rfc1337() != rfc1337Default && o.plan().file() == r.plan().file()
                        && o.plan().endpoint() == r.plan().endpoint()) {
                    out.add(String.format("%s (%s), the kernel as %s: %s with tcp_rfc1337 = %d, %s with %d",
                            r.plan().file().name(), r.plan().file().file().variant(), r.plan().endpointName(),
                            verdict(r), rfc1337Default, verdict(o), o.plan().rfc1337()));
                }
            }
        }
        return out;
    }

    /** "follows", "departs at step 20 [id]", "stops at step 20 [id]". */
    static String verdict(KernelReplay.Result r) {
        KernelReplay.StepResult d = r.departure();
        String where = d == null ? "" : " at step " + d.step() + " ["
                + (d.explanation() == null ? "UNEXPLAINED" : d.explanation()) + "]";
        return switch (r.outcome()) {
            case FOLLOWS -> "follows";
            case NOT_REPLAYED -> "not replayed";
            default -> r.outcome().label + where;
        };
    }

    private String replaysText() {
        if (replays.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder(String.format("%nreplays (the kernel in one endpoint's place, the harness"
                + " playing the rest of each file: the other endpoint and the network):%n"));
        Map<KernelReplay.Outcome, Integer> count = new LinkedHashMap<>();
        for (KernelReplay.Result r : replays) {
            count.merge(r.outcome(), 1, Integer::sum);
        }
        long unexplainedRuns = replays.stream().filter(r -> !r.explained()).count();
        b.append(String.format("  %d runs:", replays.size()));
        count.forEach((o, c) -> b.append(String.format(" %d %s;", c, o.label)));
        b.append(String.format(" %d with a difference no explanation covers%n", unexplainedRuns));
        for (KernelReplay.Result r : replays) {
            long mine = r.kernelSteps().size();
            b.append(String.format(Locale.ROOT, "  %-13s %s, the kernel as %s (%s), tcp_rfc1337 = %d: %d of its %d"
                    + " steps are the kernel's%s%n", verdict(r), r.plan().file().name(), r.plan().endpointName(),
                    r.role(), r.plan().rfc1337(), mine, r.steps(), r.waited() > 0
                            ? String.format(Locale.ROOT, "; waited %.1f s for its timers", r.waited()) : ""));
            for (KernelReplay.StepResult s : r.kernelSteps()) {
                if (!s.agrees()) {
                    KernelExplanations.Situation w = s.situation();
                    String cls = (w.seq() + " " + w.ack()).trim();
                    b.append(String.format("      step %d %s (%s%s): model %s | kernel %s  [%s]%n", s.step(), s.action(),
                            w.state(), cls.isEmpty() ? "" : ", " + cls, s.model(), s.kernel(),
                            s.explanation() == null ? "UNEXPLAINED" : s.explanation()));
                }
            }
            if (r.outcome() == KernelReplay.Outcome.STOPS && r.problem() == null) {
                KernelReplay.StepResult last = r.kernelSteps().get(r.kernelSteps().size() - 1);
                b.append(String.format("      the replay stops: the kernel is in %s, the model in %s%n",
                        last.kernelState(), last.modelState()));
            }
            if (r.problem() != null) {
                b.append("      ").append(r.problem()).append(String.format("%n"));
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
        Map<String, Object> alt = new LinkedHashMap<>();
        alt.put("variant", options.alternative().id());
        alt.put("agreeing", alternativeAgreeing());
        alt.put("explained", alternativeExplained.size());
        alt.put("unexplained", alternativeUnexplained.size());
        m.put("againstAlternative", alt);
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
        List<Object> rs = new ArrayList<>();
        for (KernelReplay.Result r : replays) {
            rs.add(replay(r));
        }
        m.put("replays", rs);
        m.put("cellsRunAgain", retried);
        m.put("seconds", Math.round(seconds * 10) / 10.0);
        m.put("exitCode", exitCode());
        try {
            return new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> replay(KernelReplay.Result r) {
        Map<String, Object> o = new LinkedHashMap<>();
        ReplayFiles.ReplayFile f = r.plan().file();
        o.put("file", f.name());
        o.put("title", f.file().title());
        o.put("source", f.file().source());
        o.put("property", f.file().property());
        o.put("variant", f.file().variant().id());
        o.put("endpoint", r.plan().endpointName());
        o.put("role", r.role());
        o.put("tcpRfc1337", r.plan().rfc1337());
        o.put("outcome", r.outcome().label);
        KernelReplay.StepResult d = r.departure();
        o.put("departsAt", d == null ? null : d.step());
        o.put("steps", r.steps());
        List<Object> steps = new ArrayList<>();
        for (KernelReplay.StepResult s : r.kernelSteps()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("step", s.step());
            x.put("action", s.action());
            x.put("state", s.situation().state().toString());
            x.put("segment", s.situation().kind());
            x.put("seq", s.situation().seq());
            x.put("ack", s.situation().ack());
            x.put("model", s.model());
            x.put("kernel", s.kernel());
            x.put("agrees", s.agrees());
            x.put("explanation", s.explanation());
            x.put("waitedSeconds", Math.round(s.waited() * 10) / 10.0);
            steps.add(x);
        }
        o.put("kernelSteps", steps);
        o.put("problem", r.problem());
        return o;
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
        KernelExplanations.Entry a = alternativeExplained.get(r.cell().index());
        c.put("alternativeExplanation", r.alternativeAgrees() || a == null ? null : a.id());
        return c;
    }
}
