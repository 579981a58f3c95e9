package tcpcheck.report;

import tcpcheck.checker.Verdict;
import tcpcheck.properties.TcpProperties;

/**
 * One cell of a TIME-WAIT sweep on the standard variant: the property, MSL, RTO, the losses allowed (L) and T, with
 * its verdict, the length of its shortest counterexample (0 for none) and the states explored, and whether it was
 * checked in this run or is shown as recorded from an earlier run.
 */
public record SweepCell(String property, int msl, int rto, int losses, int timeWait, Verdict verdict, int length,
                        long states, boolean recorded) {

    /** What the boundary predicts: T ≥ min(L, R) · RTO + MSL for graceful-close, T ≥ 2 · MSL − 1 for no-stale-accept. */
    public boolean predicted(int retries) {
        return property.equals(TcpProperties.GRACEFUL_CLOSE) ? timeWait >= Math.min(losses, retries) * rto + msl
                : timeWait >= 2 * msl - 1;
    }

    /** Whether the verdict agrees with the boundary (an incomplete cell does not). */
    public boolean agrees(int retries) {
        return verdict != Verdict.INCOMPLETE && (verdict == Verdict.HOLDS) == predicted(retries);
    }

    /** The command that checks this cell again. */
    public String command() {
        if (losses != 1) {
            return "./tcpcheck check --variant rfc9293-rfc1337 --L " + losses + " --MSL " + msl + " --RTO " + rto
                    + " --T " + timeWait + " --property " + property;
        }
        return "./tcpcheck sweep" + (property.equals(TcpProperties.GRACEFUL_CLOSE) ? "" : " --property " + property)
                + " --msl " + msl + " --rto " + rto + " --T " + timeWait;
    }

    /** ✓, ✗ n or ?. */
    public String symbol() {
        return verdict == Verdict.HOLDS ? "✓" : verdict == Verdict.VIOLATED ? "✗ " + length : "?";
    }
}
