package tcpcheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tcpcheck.properties.Lang;
import tcpcheck.report.Evidence;
import tcpcheck.report.Report;

@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write the justification report: why TCP has three handshakes, four waves and a TIME-WAIT of "
                + "2 MSL, answered by the evidence this run checks (a few minutes on two cores; the sweep cells too "
                + "large for that are shown as recorded, marked so, with their commands), in English and Chinese.",
            "Writes: DIR/report.LANG.html (self-contained: inline SVG and CSS, no network, no JavaScript) and "
                + "DIR/report.LANG.md; never over a file it did not write (refused in one line before any check).",
            "Exit 0: every cell checked agrees with the specification and the sweep's boundaries; 1: one does not; "
                + "2: usage error or a file in the way; 3: a check was cut short; 5: internal error."})
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Option(names = "--lang", paramLabel = "LANG", description = "en, zh or all (default all)")
    String lang = "all";

    @Option(names = "--out", paramLabel = "DIR", description = "the folder to write into (default: justification)")
    Path out = Path.of("justification");

    @Option(names = "--threads", paramLabel = "N", description = "search threads, 1-64 (default: 2, or the cores)")
    Integer threads;

    @Override
    public Integer call() throws IOException {
        List<Lang> langs;
        switch (lang) {
            case "en":
                langs = List.of(Lang.EN);
                break;
            case "zh":
                langs = List.of(Lang.ZH);
                break;
            case "all":
                langs = List.of(Lang.EN, Lang.ZH);
                break;
            default:
                throw new ParameterException(spec.commandLine(), "--lang must be en, zh or all, not '" + lang + "'");
        }
        int n = SearchOptions.threads(spec, threads);
        Io io = main.io();
        String refusal = Report.refusal(out, langs);
        if (refusal != null) {
            io.err().println("tcpcheck: " + refusal);
            io.err().flush();
            return ExitCode.USAGE;
        }
        PrintWriter w = io.out();
        StatusLine status = io.status();
        status.task("report", "checking");
        Evidence e = Evidence.gather(Evidence.Plan.full(), n, s -> status.detail(s, null));
        status.phase("rendering");
        long t0 = System.nanoTime();
        List<Report.Page> pages = Report.render(e, langs);
        double render = (System.nanoTime() - t0) / 1e9;
        status.phase("writing");
        Report.write(out, pages);
        status.done();
        for (Report.Page p : pages) {
            w.println(String.format(Locale.ROOT, "wrote %s (%,d bytes, %d figures) and %s (%,d bytes)",
                    out.resolve(p.htmlName()), p.html().getBytes(StandardCharsets.UTF_8).length, p.figures(),
                    out.resolve(p.markdownName()), p.markdown().getBytes(StandardCharsets.UTF_8).length));
        }
        w.println(String.format(Locale.ROOT, "checked in %.0f s, rendered in %.2f s; open %s in a browser",
                e.seconds(), render, out.resolve(pages.get(0).htmlName())));
        w.flush();
        return e.incomplete() ? ExitCode.INCOMPLETE : e.agrees() ? ExitCode.HOLDS : ExitCode.VIOLATED;
    }
}
