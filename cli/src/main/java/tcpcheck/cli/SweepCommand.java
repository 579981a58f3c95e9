package tcpcheck.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tcpcheck.checker.Verdict;
import tcpcheck.properties.TcpProperties;
import tcpcheck.properties.TimeWaitSweep;
import tcpcheck.properties.Verification;

@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Sweep T against RTO and MSL on the standard variant rfc9293-rfc1337 (other bounds at their defaults) and report where "
                + "a property stops holding: graceful-close (one connection) against T >= RTO + MSL, or "
                + "no-stale-accept (two connections, the incarnations profile) against T >= 2 MSL - 1. Each cell "
                + "stops at its first counterexample. Exit 0: every cell agrees with the boundary; 1: a cell does "
                + "not; 3: a cell is incomplete.")
final class SweepCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--property", paramLabel = "P",
            description = "graceful-close (default) or no-stale-accept (checked with K = 2)")
    String property = TcpProperties.GRACEFUL_CLOSE;

    @Option(names = "--msl", paramLabel = "TICKS", split = ",", description = "the MSL values (default 2,3)")
    List<Integer> msls = new ArrayList<>(List.of(2, 3));

    @Option(names = "--rto", paramLabel = "TICKS", split = ",",
            description = "the RTO values (default: every value from 1 to MSL)")
    List<Integer> rtos;

    @Option(names = {"--time-wait", "--T"}, paramLabel = "TICKS", split = ",",
            description = "the T values (default: every value from 0 to 2 x MSL + 2)")
    List<Integer> timeWaits;

    @Mixin
    SearchOptions search;

    @Override
    public Integer call() {
        for (int m : msls) {
            if (m < 1 || m > 6) {
                throw new ParameterException(spec.commandLine(), "--msl values must be between 1 and 6, not " + m);
            }
        }
        if (timeWaits != null) {
            for (int t : timeWaits) {
                if (t < 0 || t > 31) {
                    throw new ParameterException(spec.commandLine(),
                            "--time-wait values must be between 0 and 31, not " + t);
                }
            }
        }
        TimeWaitSweep sweep;
        try {
            sweep = new TimeWaitSweep(new Verification().threads(search.threads()).limits(search.limits()), property);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        String column = property + (property.equals(TcpProperties.NO_STALE_ACCEPT) ? " (K=2)" : "");
        PrintWriter w = spec.commandLine().getOut();
        w.printf("MSL RTO  T  %-22s  %-14s  states%n", column, sweep.boundary());
        w.flush();
        int[] disagree = {0};
        boolean[] incomplete = {false};
        for (int m : msls) {
            List<Integer> rs = new ArrayList<>();
            for (int r = 1; r <= m; r++) {
                if (rtos == null || rtos.contains(r)) {
                    rs.add(r);
                }
            }
            sweep.sweep(m, rs, timeWaits != null ? timeWaits : TimeWaitSweep.timeWaits(m), c -> {
                boolean predicted = sweep.predicted(c.msl(), c.rto(), c.timeWait());
                incomplete[0] |= c.verdict() == Verdict.INCOMPLETE;
                boolean agrees = c.verdict() == (predicted ? Verdict.HOLDS : Verdict.VIOLATED);
                if (!agrees && c.verdict() != Verdict.INCOMPLETE) {
                    disagree[0]++;
                }
                w.printf("%3d %3d %2d  %-22s  %-14s  %,d%s%n", c.msl(), c.rto(), c.timeWait(),
                        c.verdict() == Verdict.VIOLATED ? "✗ " + c.counterexampleLength() : c.verdict() == Verdict.HOLDS
                                ? "✓" : "? incomplete", predicted ? "yes" : "no", c.states(),
                        agrees || c.verdict() == Verdict.INCOMPLETE ? "" : "  <- differs");
                w.flush();
            });
        }
        w.println(disagree[0] == 0
                ? "the sweep confirms: " + property + " holds exactly when " + sweep.boundary()
                        + (incomplete[0] ? " (in every cell decided)" : "")
                : disagree[0] + " cell(s) differ from " + sweep.boundary());
        w.flush();
        return disagree[0] > 0 ? ExitCode.VIOLATED : incomplete[0] ? ExitCode.INCOMPLETE : ExitCode.HOLDS;
    }
}
