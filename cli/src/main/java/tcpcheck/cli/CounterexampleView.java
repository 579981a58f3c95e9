package tcpcheck.cli;

import java.nio.file.Path;
import java.util.List;
import tcpcheck.checker.Trace;
import tcpcheck.model.Action;
import tcpcheck.model.Parameters;
import tcpcheck.model.TcpState;
import tcpcheck.model.Variant;
import tcpcheck.properties.SequenceChart;

/**
 * What a person is shown of one counterexample, in {@code check}'s and {@code simulate}'s output and in the body of a
 * JUnit failure: its title and chart, then where its files are (or how to write them). This is the one place that
 * decides it; a story of the counterexample in words belongs here, after the chart.
 */
final class CounterexampleView {
    private CounterexampleView() {
    }

    /** "VARIANT (K=N): PROPERTY violated in N actions". */
    static String title(Variant v, Parameters p, String property, int length) {
        return v.id() + (p.connections() > 1 ? " (K=" + p.connections() + ")" : "") + ": " + property
                + " violated in " + length + " actions";
    }

    /** The chart, then the files written (the replayable JSON first), or a line saying how to write them. */
    static String describe(String title, Trace<TcpState, Action> trace, List<Path> files, String how) {
        StringBuilder b = new StringBuilder(SequenceChart.text(title, trace));
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
