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
        description = {"Replay a counterexample file against the model as it is now, printing its chart and each "
                + "step.",
            "Writes: standard output only.",
            "Exit 0: it reproduces the recorded violation; 1: it no longer does (the model changed); 2: the file is "
                + "not a valid counterexample; 5: internal error."})
final class ReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Parameters(paramLabel = "FILE", description = "a counterexample (JSON), as check, justify and simulate write it")
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
        w.println(o.reproduces() ? "reproduces: " + cx.property() + " (" + cx.part() + ") is violated"
                : "does not reproduce: " + o.reason());
        w.flush();
        return o.reproduces() ? ExitCode.HOLDS : ExitCode.VIOLATED;
    }
}
