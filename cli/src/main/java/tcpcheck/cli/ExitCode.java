package tcpcheck.cli;

import java.util.List;
import tcpcheck.checker.Verdict;
import tcpcheck.properties.PropertyVerdict;
import tcpcheck.properties.VariantReport;

/** The exit codes that CI relies on. */
public final class ExitCode {
    /** Every checked property holds. */
    public static final int HOLDS = 0;
    /** A property is violated. */
    public static final int VIOLATED = 1;
    /** A usage error: an unknown option, variant or property, a value out of range, an unwritable output. */
    public static final int USAGE = 2;
    /** The search was cut short by a limit: some verdict is INCOMPLETE. */
    public static final int INCOMPLETE = 3;
    /** The model or a property threw an exception: some verdict is ERROR (reported with the trace to that state). */
    public static final int ERROR = 4;

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
