package tcpcheck.cli;

import java.nio.file.Path;
import java.util.List;
import tcpcheck.model.Parameters;
import tcpcheck.model.TcpModel;
import tcpcheck.model.Variant;
import tcpcheck.properties.Explanation;
import tcpcheck.properties.Lang;
import tcpcheck.properties.PropertyVerdict;

/**
 * What a person is shown of one counterexample, in {@code check}'s and {@code simulate}'s output and in the body of a
 * JUnit failure: its title and chart (the violating step marked), its story in English (the {@link Explanation}'s,
 * as {@code show} and the Markdown pages tell it), then where its files are (or how to write them). This is the one
 * place that decides it.
 */
final class CounterexampleView {
    private CounterexampleView() {
    }

    /** "VARIANT (K=N): PROPERTY violated in N actions". */
    static String title(Variant v, Parameters p, String property, int length) {
        return v.id() + (p.connections() > 1 ? " (K=" + p.connections() + ")" : "") + ": " + property
                + " violated in " + length + " actions";
    }

    /** The counterexample of a verdict, to be described. */
    static Explanation explanation(Variant v, Parameters p, PropertyVerdict verdict) {
        return new Explanation(new TcpModel(v, p), verdict.property(), verdict.part(), verdict.trace());
    }

    /**
     * The chart, the story, then the files written (the replayable JSON first), or a line saying how to write them.
     */
    static String describe(String title, Explanation x, List<Path> files, String how) {
        StringBuilder b = new StringBuilder(x.text(title));
        String story = x.story().text(Lang.EN);
        if (!story.isEmpty()) {
            b.append('\n').append(story);
        }
        b.append('\n');
        if (files.isEmpty()) {
            b.append("not written to a file: ").append(how).append('\n');
        } else {
            for (Path f : files) {
                if (f.toString().endsWith(".json")) {
                    b.append("written: ").append(f).append(" (tcpcheck replay ").append(f).append(")\n");
                }
            }
            for (Path f : files) {
                if (!f.toString().endsWith(".json")) {
                    b.append("written: ").append(f).append('\n');
                }
            }
        }
        return b.toString();
    }
}
