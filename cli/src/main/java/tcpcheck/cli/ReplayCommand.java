package tcpcheck.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tcpcheck.properties.CounterexampleFile;
import tcpcheck.properties.Replay;
import tcpcheck.properties.SequenceChart;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Replay a counterexample, witness or scenario file against the model as it is now, printing "
                + "its chart and each step. A scenario's expectations (the states it must pass through) are checked "
                + "at their steps.",
            "Writes: standard output only.",
            "Exit 0: every step replays, every expectation is met and the recorded violation, if any, is there; 1: a "
                + "step is not enabled, an expectation is not met (the first one is named, expected against actual) "
                + "or the violation is gone (the model changed); 2: the file is not valid; 5: internal error."})
final class ReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Parameters(paramLabel = "FILE", description = "a counterexample, witness or scenario (JSON), as check, justify "
            + "and simulate write it or as scenarios/ holds them")
    Path file;

    @Override
    public Integer call() {
        CounterexampleFile.Counterexample cx = CounterexampleInput.read(spec, file);
        Replay.Outcome o = Replay.replay(cx);
        PrintWriter w = main.io().out();
        w.print(SequenceChart.text(CounterexampleInput.title(cx), o.trace(), o.reproduces() ? cx.part() : null));
        w.println();
        int i = 0;
        for (var s : o.trace().steps()) {
            w.println(i++ + ": " + (s.action() == null ? "" : s.action() + "\n   ") + s.state());
        }
        if (!o.reproduces()) {
            w.println("does not reproduce: " + o.reason());
        } else {
            if (!cx.expectations().isEmpty()) {
                w.println("replays: every expectation is met (" + cx.expectations().size() + " expectations)");
            }
            w.println(cx.property() != null ? "reproduces: " + cx.property() + " (" + cx.part() + ") is violated"
                    : "replays: all " + cx.length() + " steps are enabled");
        }
        w.flush();
        return o.reproduces() ? ExitCode.HOLDS : ExitCode.VIOLATED;
    }
}
