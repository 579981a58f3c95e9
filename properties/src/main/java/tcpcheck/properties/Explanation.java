package tcpcheck.properties;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tcpcheck.checker.Trace;
import tcpcheck.model.Action;
import tcpcheck.model.Parameters;
import tcpcheck.model.TcpModel;
import tcpcheck.model.TcpState;

/**
 * A counterexample with everything a person reads about it: its title, its story ({@link Narrator}), its charts
 * ({@link SequenceChart}: text, Mermaid, SVG), its capture ({@link Pcapng}) and the Markdown page that puts them
 * together. {@code check --out}, {@code justify --out}, {@code simulate --out}, {@code show} and the report all render
 * counterexamples through this one class.
 *
 * @param property the property the trace violates at its end, or null for a trace that is only shown
 * @param part the engine property (a part of {@code property}) it violates, or null
 * @param note a line about where the counterexample comes from (e.g. a random walk), or null
 */
public record Explanation(TcpModel model, String property, String part, Trace<TcpState, Action> trace,
                          String note) {

    public Explanation(TcpModel model, String property, String part, Trace<TcpState, Action> trace) {
        this(model, property, part, trace, null);
    }

    /**
     * "two-way-handshake: no-stale-accept violated in 14 actions", with the parameters that differ from the
     * defaults in brackets after the variant ("two-way-handshake (Dup=0): …").
     */
    public String title() {
        String what = property == null ? "a behaviour of " + trace.length() + " actions"
                : property + " violated in " + trace.length() + " actions";
        return model.variant().id() + parameters() + ": " + what;
    }

    /** " (K=2, Dup=0)" for the parameters that differ from the defaults, or "". */
    private String parameters() {
        Map<String, Object> mine = model.parameters().describe(model.variant());
        Map<String, Object> defaults = Parameters.defaults().describe(model.variant());
        List<String> differ = new ArrayList<>();
        for (Map.Entry<String, Object> e : mine.entrySet()) {
            if (!e.getValue().equals(defaults.get(e.getKey()))) {
                differ.add(e.getKey() + "=" + e.getValue());
            }
        }
        return differ.isEmpty() ? "" : " (" + String.join(", ", differ) + ")";
    }

    /** The engine property marked as broken in the charts. */
    private String violated() {
        return part != null ? part : property;
    }

    public Story story() {
        return Narrator.tell(model, trace, property, part);
    }

    public String text() {
        return SequenceChart.text(title(), trace, violated());
    }

    public String mermaid() {
        return SequenceChart.mermaid(trace, violated());
    }

    public String svg(Lang lang) {
        return SequenceChart.svg(title(), trace, violated(), lang);
    }

    public byte[] pcapng() {
        return Pcapng.write(this);
    }

    /**
     * The Markdown page: the title, the story in English and in Chinese, the Mermaid diagram (GitHub renders it),
     * the text chart, and links to the companions named {@code base}.json, .svg and .pcapng (null: no links).
     */
    public String markdown(String base) {
        Story s = story();
        StringBuilder b = new StringBuilder("# ").append(title()).append("\n\n");
        if (note != null) {
            b.append(note).append("\n\n");
        }
        b.append("## Story\n\n").append(s.markdown(Lang.EN)).append('\n');
        b.append("## 故事\n\n").append(s.markdown(Lang.ZH)).append('\n');
        b.append("## Sequence diagram\n\nSegments are named s1, s2, … in the order they enter the network; a "
                + "segment's fields are given where it arrives or is lost.\n\n");
        b.append("```mermaid\n").append(mermaid()).append("```\n\n");
        b.append("```\n").append(text()).append("```\n");
        if (base != null) {
            b.append("\nThe same counterexample as [SVG](").append(base).append(".svg) (time runs down the page: a "
                    + "segment's arrow runs from the step it was sent to the step it arrived), as a [capture](")
                    .append(base).append(".pcapng) for Wireshark (see counterexamples/README.md for how to read it),"
                    + " and as [JSON](").append(base).append(".json): `./tcpcheck replay ").append(base)
                    .append(".json` replays it and `./tcpcheck show ").append(base).append(".json` draws it.\n");
        }
        return b.toString();
    }
}
