package tcpcheck.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tcpcheck.properties.CounterexampleFile;
import tcpcheck.properties.Pcap;
import tcpcheck.properties.Replay;
import tcpcheck.model.TcpModel;
import tcpcheck.properties.Explanation;
import tcpcheck.properties.Lang;

@Command(name = "show", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Render a stored counterexample: its story and text sequence chart, a Mermaid sequence diagram"
                + " (Mermaid itself, no Markdown around it), an SVG drawing, its JSON, or a capture Wireshark opens:"
                + " pcapng (a capture point at each endpoint, comments on the decisive packets) or the older pcap.",
            "Writes: standard output, or with --output FILE that one file (through a symbolic link, to its target; "
                + "never half-written). A capture is binary: it goes to a pipe or a file, not to a terminal.",
            "Exit 0: shown; 2: usage error or not a valid counterexample file; 5: internal error."})
final class ShowCommand implements Callable<Integer> {
    static final List<String> FORMATS = List.of("text", "mermaid", "svg", "json", "pcapng", "pcap");

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Parameters(paramLabel = "FILE", description = "a counterexample (JSON), as check, justify and simulate write it")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "text (default), mermaid, svg, json, pcapng or pcap")
    String format = "text";

    @Option(names = "--output", paramLabel = "FILE", description = "write there instead of standard output")
    Path output;

    @Override
    public Integer call() throws IOException {
        if (!FORMATS.contains(format)) {
            throw new ParameterException(spec.commandLine(),
                    "--format must be text, mermaid, svg, json, pcapng or pcap, not '" + format + "'");
        }
        Io io = main.io();
        if (format.startsWith("pcap") && output == null && io.terminal().stdout()) {
            throw new ParameterException(spec.commandLine(), "a capture is binary and standard output is a terminal:"
                    + " give --output FILE." + format + ", or pipe it (tcpcheck show " + file + " --format " + format
                    + " | tshark -r -)");
        }
        try (Outputs outputs = new Outputs(io.status(), "show")) {
            if (output != null) {
                outputs.file(output);
            }
            CounterexampleFile.Counterexample cx = CounterexampleInput.read(spec, file);
            Replay.Outcome o = Replay.replay(cx);
            if (o.trace().length() != cx.length()) {
                io.err().println("tcpcheck: " + file + " no longer replays (" + o.reason()
                        + "); showing the " + o.trace().length() + " steps that do");
            }
            // A trace that no longer replays to its end is shown as far as it goes, without claiming the violation.
            boolean whole = o.reproduces();
            Explanation x = new Explanation(new TcpModel(cx.variant(), cx.parameters()), whole ? cx.property() : null,
                    whole ? cx.part() : null, o.trace());
            byte[] bytes;
            switch (format) {
                case "mermaid":
                    bytes = utf8(x.mermaid());
                    break;
                case "json":
                    bytes = utf8(CounterexampleFile.write(cx.variant(), cx.parameters(), cx.property(), cx.part(),
                            o.trace()));
                    break;
                case "pcapng":
                    bytes = x.pcapng();
                    break;
                case "pcap":
                    bytes = Pcap.write(o.trace());
                    break;
                case "svg":
                    bytes = utf8(x.svg(Lang.EN));
                    break;
                default:
                    bytes = utf8(x.text() + "\n" + x.story().text(Lang.EN));
            }
            if (output != null) {
                outputs.write(output, bytes);
                io.status().done();
            } else {
                io.binary(bytes);
            }
            return ExitCode.HOLDS;
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
