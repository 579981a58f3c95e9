package tcpcheck.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tcpcheck.model.Parameters;

/** Every parameter (docs/specification.md, Parameters) as an option: a long name for what it is, and its symbol as an alias. */
public final class ParameterOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = {"--connections", "--K"}, paramLabel = "N",
            description = "K: connections A opens one after another on the port pair, 1-7 (default 1)")
    Integer connections;

    @Option(names = {"--data", "--D"}, paramLabel = "N",
            description = "D: data units each application writes per connection, 0-7 (default 1)")
    int data = 1;

    @Option(names = {"--losses", "--L"}, paramLabel = "N", description = "L: segments the network may lose, 0-15 "
            + "(default 1)")
    int losses = 1;

    @Option(names = {"--duplicates", "--Dup"}, paramLabel = "N",
            description = "Dup: segments the network may duplicate, 0-15 (default 1)")
    int duplicates = 1;

    @Option(names = {"--capacity", "--C"}, paramLabel = "N",
            description = "C: segments in flight per direction, 1-16 (default 4); a send beyond is at the boundary")
    int capacity = 4;

    @Option(names = {"--seq-space", "--S"}, paramLabel = "N",
            description = "S: sequence numbers modulo S, 2-256 (default 8)")
    int seqSpace = 8;

    @Option(names = {"--isn-choices", "--I"}, paramLabel = "N",
            description = "I: values of the ISN clock, 2-S, dividing S (default 2)")
    int isnChoices = 2;

    @Option(names = {"--msl", "--MSL"}, paramLabel = "TICKS",
            description = "MSL: segments are delivered or lost before this age, 1-15 (default 2)")
    int msl = 2;

    @Option(names = {"--rto", "--RTO"}, paramLabel = "TICKS",
            description = "RTO: ticks before a retransmission, 1-15 (default 2)")
    int rto = 2;

    @Option(names = {"--retries", "--R"}, paramLabel = "N",
            description = "R: retransmissions before giving up, 0-15 (default 2)")
    int retries = 2;

    @Option(names = {"--time-wait", "--T"}, paramLabel = "TICKS",
            description = "T: ticks in TIME-WAIT, 0-31 (default: the variant's, 2 x MSL for the standard)")
    Integer timeWait;

    @Option(names = {"--crashes", "--Crash"}, paramLabel = "N",
            description = "Crash: endpoint crashes per behaviour, 0-3 (default 0)")
    int crashes;

    @Option(names = "--server-closes-first", description = "B's application closes right after its response")
    boolean serverClosesFirst;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "a named profile: 'incarnations' sets K = 2 (unless --connections is given)")
    String profile;

    /** The parameters, validated; a bad value is a usage error naming the parameter and its range. */
    public Parameters parameters() {
        int k = connections != null ? connections : 1;
        if (profile != null) {
            if (!profile.equals("incarnations")) {
                throw new ParameterException(spec.commandLine(),
                        "unknown profile '" + profile + "'; the profiles are: incarnations");
            }
            if (connections == null) {
                k = 2;
            }
        }
        if (timeWait != null && timeWait < 0) {
            // -1 is how the model says "the variant's own T"; on the command line that is leaving --time-wait out.
            throw new ParameterException(spec.commandLine(), "time-wait (T) must be between 0 and 31, not " + timeWait
                    + " (leave --time-wait out for the variant's own)");
        }
        try {
            return new Parameters(k, data, losses, duplicates, capacity, seqSpace, isnChoices, msl, rto, retries,
                    timeWait == null ? -1 : timeWait, crashes, serverClosesFirst);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
