package tcpcheck.properties;

import tcpcheck.checker.Trace;
import tcpcheck.checker.Verdict;
import tcpcheck.model.Action;
import tcpcheck.model.TcpState;

/**
 * The verdict on one property for one variant: over the behaviours it is judged on, and, apart, over those
 * where an endpoint gave up or crashed.
 *
 * @param trace the shortest counterexample, or null
 * @param part the engine property that the counterexample violates (a property may have several parts)
 * @param afterAbort the verdict of the after-an-abort check
 * @param afterAbortTrace its shortest counterexample, or null
 */
public record PropertyVerdict(String property, Verdict verdict, Trace<TcpState, Action> trace, String detail,
                              String part, Verdict afterAbort, Trace<TcpState, Action> afterAbortTrace) {

    /** The counterexample's length in actions, or -1. */
    public int length() {
        return trace == null ? -1 : trace.length();
    }

    /** ✓, ✗, ? (incomplete) or ! (error: the model or a property threw), as the verdict tables print it. */
    public String symbol() {
        switch (verdict) {
            case HOLDS:
                return "✓";
            case VIOLATED:
                return "✗";
            case ERROR:
                return "!";
            default:
                return "?";
        }
    }
}
