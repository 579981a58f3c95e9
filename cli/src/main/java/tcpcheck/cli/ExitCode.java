package tcpcheck.cli;

import java.util.List;
import tcpcheck.checker.Verdict;
import tcpcheck.properties.PropertyVerdict;
import tcpcheck.properties.VariantReport;

/** The exit codes that CI relies on (README.md, "Exit codes"). */
public final class ExitCode {
    /** Every checked property holds (justify, sweep: every cell agrees; replay: the file reproduces). */
    public static final int HOLDS = 0;
    /** A property is violated (justify, sweep: a cell differs; replay: the file no longer reproduces). */
    public static final int VIOLATED = 1;
    /** A usage error: an unknown option, variant or property, a value out of range, an unwritable output, an
     *  invalid input file. Nothing was searched. */
    public static final int USAGE = 2;
    /** A limit cut the work short: some verdict is INCOMPLETE. */
    public static final int INCOMPLETE = 3;
    /** The model or a property threw an exception: some verdict is ERROR (reported with the trace to that state). */
    public static final int ERROR = 4;
    /** An internal error of tcpcheck: one line on stderr names a log file holding the stack trace. */
    public static final int INTERNAL = 5;
    /** Interrupted by SIGINT (Ctrl-C): 128 + 2, as the JVM exits; no output is left half-written. */
    public static final int SIGINT = 130;
    /** Stopped by SIGTERM: 128 + 15, as the JVM exits; no output is left half-written. */
    public static final int SIGTERM = 143;

    private ExitCode() {
    }

    /** 4 if any verdict is ERROR, else 1 if any is VIOLATED, else 3 if any is INCOMPLETE, else 0. */
    static int of(List<VariantReport> reports) {
        boolean violated = false;
        boolean incomplete = false;
        for (VariantReport r : reports) {
            for (PropertyVerdict p : r.results()) {
                if (p.verdict() == Verdict.ERROR) {
                    return ERROR;
                }
                violated |= p.verdict() == Verdict.VIOLATED;
                incomplete |= p.verdict() == Verdict.INCOMPLETE;
            }
        }
        return violated ? VIOLATED : incomplete ? INCOMPLETE : HOLDS;
    }
}
