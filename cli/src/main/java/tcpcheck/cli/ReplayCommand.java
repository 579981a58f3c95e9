package tcpcheck.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tcpcheck.properties.CounterexampleFile;
import tcpcheck.properties.Replay;
import tcpcheck.properties.SequenceChart;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replay a counterexample file against the model, printing each step. Exit 0: it reproduces "
                + "the recorded violation; 1: it no longer does (the model changed); 2: the file is not a valid "
                + "counterexample.")
final class ReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "a counterexample (JSON)")
    Path file;

    @Override
    public Integer call() {
        CounterexampleFile.Counterexample cx = CounterexampleInput.read(spec, file);
        Replay.Outcome o = Replay.replay(cx);
        PrintWriter w = spec.commandLine().getOut();
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
