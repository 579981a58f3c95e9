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
import tcpcheck.model.TcpModel;
import tcpcheck.properties.Explanation;
import tcpcheck.properties.Lang;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Render a stored counterexample: its story and text sequence chart, a Mermaid sequence diagram,"
                + " an SVG drawing, its JSON, or a capture Wireshark opens (pcapng with a capture point at each"
                + " endpoint and comments on the decisive packets, or the older libpcap format).")
final class ShowCommand implements Callable<Integer> {
    private static byte[] utf8(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "a counterexample (JSON)")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "text, mermaid, svg, json, pcapng or pcap (default text); the captures need --output")
    String format = "text";

    @Option(names = "--output", paramLabel = "FILE", description = "write there (atomically) instead of printing")
    java.nio.file.Path output;

    @Override
    public Integer call() throws java.io.IOException {
        if (!java.util.List.of("text", "mermaid", "svg", "json", "pcapng", "pcap").contains(format)) {
            throw new ParameterException(spec.commandLine(),
                    "--format must be text, mermaid, svg, json, pcapng or pcap, not '" + format + "'");
        }
        if (format.startsWith("pcap") && output == null) {
            throw new ParameterException(spec.commandLine(), "a capture is binary: give --output FILE." + format);
        }
        CounterexampleFile.Counterexample cx = CounterexampleInput.read(spec, file);
        Replay.Outcome o = Replay.replay(cx);
        if (o.trace().length() != cx.length()) {
            spec.commandLine().getErr().println("tcpcheck: " + file + " no longer replays (" + o.reason()
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
            tcpcheck.properties.AtomicFiles.write(output, bytes);
        } else {
            PrintWriter w = spec.commandLine().getOut();
            w.print(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
            w.flush();
        }
        return ExitCode.HOLDS;
    }
}
