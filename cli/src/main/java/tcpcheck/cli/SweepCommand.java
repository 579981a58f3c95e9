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
import tcpcheck.properties.TimeWaitSweep;
import tcpcheck.properties.Verification;

@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Sweep T against RTO and MSL on rfc9293 (other bounds at SPEC's defaults) and report where "
                + "graceful-close stops holding, against the boundary T >= RTO + MSL. Exit 0: every cell agrees "
                + "with the boundary; 1: a cell does not; 3: a cell is incomplete.")
final class SweepCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--msl", paramLabel = "TICKS", split = ",", description = "the MSL values (default 2,3)")
    List<Integer> msls = new ArrayList<>(List.of(2, 3));

    @Option(names = "--rto", paramLabel = "TICKS", split = ",",
            description = "the RTO values (default: every value from 1 to MSL)")
    List<Integer> rtos;

    @Mixin
    SearchOptions search;

    @Override
    public Integer call() {
        for (int m : msls) {
            if (m < 1 || m > 6) {
                throw new ParameterException(spec.commandLine(), "--msl values must be between 1 and 6, not " + m);
            }
        }
        PrintWriter w = spec.commandLine().getOut();
        w.println("MSL RTO  T  graceful-close  T >= RTO + MSL  states");
        w.flush();
        int[] disagree = {0};
        boolean[] incomplete = {false};
        TimeWaitSweep sweep = new TimeWaitSweep(new Verification().threads(search.threads())
                .limits(search.limits()));
        for (int m : msls) {
            List<Integer> rs = new ArrayList<>();
            for (int r = 1; r <= m; r++) {
                if (rtos == null || rtos.contains(r)) {
                    rs.add(r);
                }
            }
            sweep.sweep(m, rs, c -> {
                boolean predicted = TimeWaitSweep.predicted(c.msl(), c.rto(), c.timeWait());
                incomplete[0] |= c.verdict() == Verdict.INCOMPLETE;
                boolean agrees = c.verdict() == (predicted ? Verdict.HOLDS : Verdict.VIOLATED);
                if (!agrees && c.verdict() != Verdict.INCOMPLETE) {
                    disagree[0]++;
                }
                w.printf("%3d %3d %2d  %-14s  %-14s  %,d%s%n", c.msl(), c.rto(), c.timeWait(),
                        c.verdict() == Verdict.VIOLATED ? "✗ " + c.counterexampleLength() : c.verdict() == Verdict.HOLDS
                                ? "✓" : "? incomplete", predicted ? "yes" : "no", c.states(),
                        agrees ? "" : "  <- differs");
                w.flush();
            });
        }
        w.println(disagree[0] == 0 ? "the sweep confirms: graceful-close holds exactly when T >= RTO + MSL"
                : disagree[0] + " cell(s) differ from T >= RTO + MSL");
        w.flush();
        return disagree[0] > 0 ? ExitCode.VIOLATED : incomplete[0] ? ExitCode.INCOMPLETE : ExitCode.HOLDS;
    }
}
