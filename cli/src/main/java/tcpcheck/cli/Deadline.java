package tcpcheck.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tcpcheck.checker.Limits;
import tcpcheck.checker.Statistics;
import tcpcheck.checker.Verdict;
import tcpcheck.model.Parameters;
import tcpcheck.model.Variant;
import tcpcheck.properties.PropertyVerdict;
import tcpcheck.properties.VariantReport;

/**
 * {@code --max-seconds}: a bound on the whole command, counted from its start, not on each variant or cell. Each
 * search gets the time that is left; a variant or cell that would start after the limit is not started and is
 * INCOMPLETE.
 */
final class Deadline {
    /** The largest {@code --max-seconds}: about 31 years, far below what nanoseconds in a long can count. */
    static final long MAX_SECONDS = 1_000_000_000L;

    private final Long maxSeconds;
    private final long start;

    private Deadline(Long maxSeconds) {
        this.maxSeconds = maxSeconds;
        this.start = System.nanoTime();
    }

    /** The deadline of a command that starts now; {@code maxSeconds} is checked already, or null for none. */
    static Deadline start(Long maxSeconds) {
        return new Deadline(maxSeconds);
    }

    boolean bounded() {
        return maxSeconds != null;
    }

    /** Nanoseconds left (at least 1 while some are), or {@link Long#MAX_VALUE} without a limit. */
    long remainingNanos() {
        if (maxSeconds == null) {
            return Long.MAX_VALUE;
        }
        return Math.max(0, maxSeconds * 1_000_000_000L - (System.nanoTime() - start));
    }

    boolean expired() {
        return maxSeconds != null && remainingNanos() == 0;
    }

    /** The limits for a search that starts now. */
    Limits limits(Limits base) {
        return maxSeconds == null ? base : base.withMaxNanos(Math.max(1, remainingNanos()));
    }

    /** What the time limit is, as the reports say it. */
    String reason() {
        return "time limit of " + maxSeconds + " s reached (--max-seconds, for the whole command)";
    }

    /** The time left, for the status line, or "" without a limit. */
    String estimate() {
        return maxSeconds == null ? "" : String.format(Locale.ROOT, "%d s left of --max-seconds",
                (remainingNanos() + 999_999_999L) / 1_000_000_000L);
    }

    /**
     * The report as the user should read it: the engine's "time limit of N s" (N the time that was left for this
     * search) said as the command's limit.
     */
    VariantReport explain(VariantReport r) {
        if (maxSeconds == null || !isTimeLimit(r.incompleteReason())) {
            return r;
        }
        List<PropertyVerdict> results = new ArrayList<>();
        for (PropertyVerdict p : r.results()) {
            results.add(isTimeLimit(p.detail()) ? new PropertyVerdict(p.property(), p.verdict(), p.trace(), reason(),
                    p.part(), p.afterAbort(), p.afterAbortTrace()) : p);
        }
        return new VariantReport(r.variant(), r.parameters(), r.statistics(), r.maxInFlight(), results, reason());
    }

    private static boolean isTimeLimit(String reason) {
        return reason != null && reason.startsWith("time limit of ");
    }

    /** The report of a variant or cell not started because the time limit was reached before it. */
    VariantReport notStarted(Variant v, Parameters p, List<String> properties) {
        List<PropertyVerdict> results = new ArrayList<>();
        String why = reason() + " before this check started";
        for (String n : properties) {
            results.add(new PropertyVerdict(n, Verdict.INCOMPLETE, null, why, n, Verdict.INCOMPLETE, null));
        }
        return new VariantReport(v, p, new Statistics(0, 0, 0, 0, 0, 0, 0, 0, Map.of()), 0, results, why);
    }
}
