package tcpcheck.properties;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tcpcheck.checker.Verdict;
import tcpcheck.model.TcpModel;

/**
 * The folder {@code counterexamples/}: for every ✗ cell of the checked matrix, the shortest counterexample as JSON
 * (replayable), as a Markdown page with its story, Mermaid sequence diagram and text chart, as an SVG drawing and as a
 * capture (pcapng) for Wireshark, and an index README.md that links to each story. {@link #files} says exactly what
 * the folder holds; {@link #write} makes the folder so. The stories are told from the traces ({@link Narrator}); the
 * index restates none of them.
 */
public final class CounterexampleFolder {

    private CounterexampleFolder() {
    }

    static String baseName(VariantReport r, PropertyVerdict p) {
        return baseName(r.variant(), r.parameters(), p.property());
    }

    /** The name of a counterexample's files, without the extension: VARIANT[-KN].PROPERTY. */
    public static String baseName(tcpcheck.model.Variant v, tcpcheck.model.Parameters params, String property) {
        return v.id() + (params.connections() > 1 ? "-K" + params.connections() : "") + "." + property;
    }

    /** The files of one counterexample, named {@code base}.json, .md, .svg and .pcapng. */
    public static Map<String, byte[]> files(String base, Explanation x) {
        Map<String, byte[]> files = new TreeMap<>();
        files.put(base + ".json", utf8(CounterexampleFile.write(x.model().variant(), x.model().parameters(),
                x.property(), x.part(), x.trace())));
        files.put(base + ".md", utf8(x.markdown(base)));
        files.put(base + ".svg", utf8(x.svg(Lang.EN)));
        files.put(base + ".pcapng", x.pcapng());
        return files;
    }

    /**
     * The files of a path to a witness ({@code check --witness}), named {@code base}.json, .md, .svg and .pcapng:
     * drawn and told like a counterexample, but reaching the witness is no violation, so the story has no last
     * sentence about a property, and the JSON names the witness as the property it replays to.
     */
    public static Map<String, byte[]> witnessFiles(String base, TcpModel model, Witness w,
                                                   tcpcheck.checker.Trace<tcpcheck.model.TcpState,
                                                           tcpcheck.model.Action> trace) {
        Explanation x = new Explanation(model, null, null, trace, "A path of " + trace.length() + " actions to the"
                + " witness " + w.id() + ": " + w.description() + (w.needs().isEmpty() ? "" : " (with " + w.needs()
                + ")") + ".");
        Map<String, byte[]> files = files(base, x);
        files.put(base + ".json", utf8(CounterexampleFile.write(model.variant(), model.parameters(), w.id(), w.id(),
                trace)));
        return files;
    }

    /** File name to content: what the folder holds after {@link #write}, without textbook stories. */
    public static Map<String, byte[]> files(List<VariantReport> reports) {
        return files(reports, List.of());
    }

    /**
     * File name to content: the counterexample of every ✗ cell, the textbook's own story where the shortest is
     * another ({@link TextbookStories}), and the index.
     */
    public static Map<String, byte[]> files(List<VariantReport> reports, List<TextbookStories.Found> textbook) {
        Map<String, byte[]> files = new TreeMap<>();
        StringBuilder index = new StringBuilder(INTRO);
        index.append("| variant | property | length | story and diagrams | files |\n|---|---|---|---|---|\n");
        for (VariantReport r : reports) {
            for (PropertyVerdict p : r.results()) {
                if (p.verdict() != Verdict.VIOLATED) {
                    continue;
                }
                String base = baseName(r, p);
                Explanation x = new Explanation(new TcpModel(r.variant(), r.parameters()), p.property(), p.part(),
                        p.trace());
                files.putAll(files(base, x));
                boolean fixed = SpecTable.expected(r.variant(), p.property()).isPresent();
                String cell = fixed ? "**" + p.property() + "**" : p.property();
                index.append(row(r.variant().id() + (r.parameters().connections() > 1 ? " (K="
                        + r.parameters().connections() + ")" : ""), cell, p.length() + " (shortest)", base));
                for (TextbookStories.Found f : textbook) {
                    if (f.story().variant() == r.variant() && f.story().property().equals(p.property())
                            && r.parameters().connections() == 1) {
                        String tb = base + "." + f.story().id();
                        files.putAll(files(tb, f.explanation()));
                        index.append(row(r.variant().id(), cell, f.explanation().trace().length() + " ("
                                + f.story().title() + ")", tb));
                    }
                }
            }
        }
        index.append(OUTRO);
        files.put("README.md", utf8(index.toString()));
        return files;
    }

    private static String row(String variant, String property, String length, String base) {
        return "| " + variant + " | " + property + " | " + length + " | [story](" + base + ".md#story), [故事]("
                + base + ".md#故事), [SVG](" + base + ".svg) | [JSON](" + base + ".json), [pcapng](" + base
                + ".pcapng) |\n";
    }

    private static final String INTRO = "# Counterexamples\n\n"
            + "The shortest counterexample of every ✗ cell of the verdict matrix, as `./tcpcheck justify --out "
            + "counterexamples` writes them (that command regenerates this folder). Cells in **bold** are the ones the"
            + " specification fixes ([docs/specification.md](../docs/specification.md), \"Verdicts\"); the others are"
            + " its open cells, as the model computes them. Where the shortest counterexample is not the story the "
            + "textbooks tell, the textbook's story is here too, found by a search constrained to traces that have it."
            + "\n\nEach counterexample has a Markdown page (its story in English and Chinese, told from the trace, "
            + "then its sequence diagram and text chart), an SVG drawing, a capture for Wireshark, and a JSON file that"
            + " `./tcpcheck replay` replays and `./tcpcheck show` draws.\n\n";

    private static final String OUTRO = "\n## Reading the drawings\n\n"
            + "Time runs down the page, one row per step. A segment's arrow runs from the step at which it was sent to "
            + "the step at which it arrived, so a segment that lingers in the network is a long, slanted arrow. Segments"
            + " are named s1, s2, … in the order they enter the network. Orange dashed arrows are old segments (their "
            + "receiver has started or ended a connection since they were sent), labelled with their connection and "
            + "age; purple ones are copies the network made, forking from their original; blue ones retransmissions; a "
            + "red cross is a loss. Dashed grey rules are ticks, with the timers' values (ticks left) on the left. The "
            + "step at which the property breaks is boxed in red.\n\n"
            + "## Reading the captures\n\n"
            + Pcapng.README;
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Writes the files into {@code dir} (see {@link OutputFolder}: each whole, never over a file tcpcheck did not
     * write) and removes the counterexamples of an earlier run that this run did not write.
     */
    public static void write(Path dir, Map<String, byte[]> files) throws IOException {
        try (OutputFolder folder = OutputFolder.open(dir)) {
            folder.write(files, true);
        }
    }
}
