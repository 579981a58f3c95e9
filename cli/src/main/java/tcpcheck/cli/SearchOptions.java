package tcpcheck.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tcpcheck.checker.Limits;

/** How the search runs: threads and the limits that make a verdict INCOMPLETE. */
public final class SearchOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--threads", paramLabel = "N", description = "search threads, 1-64 (default: 2, or the cores)")
    Integer threads;

    @Option(names = "--max-states", paramLabel = "N",
            description = "stop each search after N distinct states; what is left undecided is INCOMPLETE (exit 3)")
    Long maxStates;

    @Option(names = "--max-seconds", paramLabel = "S",
            description = "stop the whole command after S seconds, 1-" + Deadline.MAX_SECONDS + "; what is left "
                    + "undecided is INCOMPLETE (exit 3)")
    Long maxSeconds;

    int threads() {
        return threads(spec, threads);
    }

    /** The thread count asked for (default: 2, or the cores), checked. */
    static int threads(CommandSpec spec, Integer threads) {
        int n = threads != null ? threads : Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        if (n < 1 || n > 64) {
            throw new ParameterException(spec.commandLine(), "--threads must be between 1 and 64, not " + n);
        }
        return n;
    }

    /** The state limit (the time limit is the {@link #deadline}'s). */
    Limits limits() {
        Limits l = Limits.none();
        if (maxStates != null) {
            if (maxStates < 1) {
                throw new ParameterException(spec.commandLine(), "--max-states must be at least 1, not " + maxStates);
            }
            l = l.withMaxStates(maxStates);
        }
        return l;
    }

    /** The command's time limit, starting now. */
    Deadline deadline() {
        return deadline(spec, maxSeconds);
    }

    /** {@code --max-seconds} checked, as a deadline starting now. */
    static Deadline deadline(CommandSpec spec, Long maxSeconds) {
        if (maxSeconds != null && (maxSeconds < 1 || maxSeconds > Deadline.MAX_SECONDS)) {
            throw new ParameterException(spec.commandLine(), "--max-seconds must be between 1 and "
                    + Deadline.MAX_SECONDS + " (about 31 years), not " + maxSeconds);
        }
        return Deadline.start(maxSeconds);
    }
}
