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
import tcpcheck.properties.Pcap;
import tcpcheck.properties.Replay;
import tcpcheck.properties.SequenceChart;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Render a stored counterexample: a text sequence chart, a Mermaid sequence diagram (Markdown),"
                + " an SVG drawing, its JSON, or a capture (pcap) that Wireshark opens.")
final class ShowCommand implements Callable<Integer> {
    private static byte[] utf8(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "a counterexample (JSON)")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "text, mermaid, svg, json or pcap (default text); pcap needs --output")
    String format = "text";

    @Option(names = "--output", paramLabel = "FILE", description = "write there (atomically) instead of printing")
    java.nio.file.Path output;

    @Override
    public Integer call() throws java.io.IOException {
        if (!java.util.List.of("text", "mermaid", "svg", "json", "pcap").contains(format)) {
            throw new ParameterException(spec.commandLine(),
                    "--format must be text, mermaid, svg, json or pcap, not '" + format + "'");
        }
        if (format.equals("pcap") && output == null) {
            throw new ParameterException(spec.commandLine(), "a capture is binary: give --output FILE.pcap");
        }
        CounterexampleFile.Counterexample cx = CounterexampleInput.read(spec, file);
        Replay.Outcome o = Replay.replay(cx);
        if (o.trace().length() != cx.length()) {
            spec.commandLine().getErr().println("tcpcheck: " + file + " no longer replays (" + o.reason()
                    + "); showing the " + o.trace().length() + " steps that do");
        }
        String title = CounterexampleInput.title(cx);
        byte[] bytes;
        switch (format) {
            case "mermaid":
                bytes = utf8(SequenceChart.mermaid(title, o.trace()));
                break;
            case "json":
                bytes = utf8(CounterexampleFile.write(cx.variant(), cx.parameters(), cx.property(), cx.part(),
                        o.trace()));
                break;
            case "pcap":
                bytes = Pcap.write(o.trace());
                break;
            case "svg":
                bytes = utf8(SequenceChart.svg(title, o.trace()));
                break;
            default:
                bytes = utf8(SequenceChart.text(title, o.trace()));
        }
        if (output != null) {
            tcpcheck.properties.AtomicFiles.write(output, bytes);
        } else {
            PrintWriter w = spec.commandLine().getOut();
            w.print(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
            w.flush();
        }
        return ExitCode.HOLDS;
    }
}
