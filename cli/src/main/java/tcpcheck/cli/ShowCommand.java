package tcpcheck.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tcpcheck.properties.CounterexampleFile;
import tcpcheck.properties.Replay;
import tcpcheck.properties.SequenceChart;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Render a stored counterexample: a text sequence chart, a Mermaid sequence diagram (Markdown)"
                + " or its JSON.")
final class ShowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "a counterexample (JSON)")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text, mermaid or json (default text)")
    String format = "text";

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("mermaid") && !format.equals("json")) {
            throw new ParameterException(spec.commandLine(),
                    "--format must be text, mermaid or json, not '" + format + "'");
        }
        CounterexampleFile.Counterexample cx = CounterexampleInput.read(spec, file);
        Replay.Outcome o = Replay.replay(cx);
        if (o.trace().length() != cx.length()) {
            spec.commandLine().getErr().println("tcpcheck: " + file + " no longer replays (" + o.reason()
                    + "); showing the " + o.trace().length() + " steps that do");
        }
        PrintWriter w = spec.commandLine().getOut();
        String title = CounterexampleInput.title(cx);
        switch (format) {
            case "mermaid":
                w.print(SequenceChart.mermaid(title, o.trace()));
                break;
            case "json":
                w.print(CounterexampleFile.write(cx.variant(), cx.parameters(), cx.property(), cx.part(),
                        o.trace()));
                break;
            default:
                w.print(SequenceChart.text(title, o.trace()));
        }
        w.flush();
        return ExitCode.HOLDS;
    }
}
