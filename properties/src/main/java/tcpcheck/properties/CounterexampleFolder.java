package tcpcheck.properties;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tcpcheck.checker.Trace;
import tcpcheck.checker.Verdict;
import tcpcheck.model.Action;
import tcpcheck.model.Parameters;
import tcpcheck.model.TcpState;
import tcpcheck.model.Variant;

/**
 * The folder {@code counterexamples/}: for every ✗ cell of the checked matrix, the shortest counterexample as JSON
 * (replayable), as a Markdown file with its Mermaid sequence diagram and text chart, as an SVG drawing and as a
 * capture (pcap) for Wireshark, and an index README.md that tells each story. {@link #files} says exactly what the folder holds; {@link #write} makes the folder so.
 */
public final class CounterexampleFolder {

    private static final String STALE_SYN = "A's SYN is duplicated in the network. The first copy makes the whole "
            + "connection, which A then leaves for TIME-WAIT; the old copy reaches B in LISTEN, and B, with no third "
            + "segment to wait for, establishes a connection that is already over.";
    private static final String OLD_SEGMENTS = "old segments of the connection outlive it: a duplicate of A's SYN "
            + "twice brings B to SYN-RECEIVED, the first time reset by the closed A. By the second time B's "
            + "two-valued ISN clock has come round to the first connection's ISS, so an old ACK of that connection "
            + "completes the handshake: B establishes a connection that is over.";
    private static final String ASSASSINATED = "An RST ends A's TIME-WAIT early (the assassination that RFC 1337's "
            + "first fix prevents): A's duplicated last ACK reaches B, already back in LISTEN, which answers with an RST. ";

    /** Each ✗ cell's story, in two or three sentences. */
    private static final Map<String, String> STORIES = Map.ofEntries(
            Map.entry("two-way-handshake no-stale-accept", STALE_SYN),
            Map.entry("two-way-handshake no-deadlock", "The same old duplicate SYN establishes B; its SYN-ACK, sent "
                    + "once and never retransmitted, is lost, and A's TIME-WAIT runs out. B waits for ever in "
                    + "ESTABLISHED for a request that never comes: no action is enabled."),
            Map.entry("two-way-handshake eventually-closed", "The old duplicate SYN leaves B established and "
                    + "waiting for ever, so no fair behaviour ends with B in LISTEN."),
            Map.entry("two-way-handshake graceful-close", "The old duplicate SYN establishes B and its one SYN-ACK "
                    + "is lost: B's connection stays open in a state with no enabled action and never ends by the "
                    + "FIN exchange."),
            Map.entry("two-way-handshake no-data-loss", "The old duplicate SYN establishes B; the closed A answers "
                    + "B's next segment with an RST, and B's application sees its connection end without any of the "
                    + "request."),
            Map.entry("three-way-close no-data-loss", "A writes its request and closes. Without half-close, B "
                    + "answers A's FIN with FIN+ACK at once and discards the response its application had not yet "
                    + "written: A reads end of stream with none of B's data."),
            Map.entry("no-time-wait graceful-close", "A acknowledges B's FIN and is CLOSED at once. A late segment "
                    + "of B's reaches the closed A, which answers with an RST; B, in LAST-ACK, is reset instead of "
                    + "closing."),
            Map.entry("no-time-wait no-stale-accept", "Without TIME-WAIT, " + OLD_SEGMENTS),
            Map.entry("no-time-wait no-deadlock", "Without TIME-WAIT, " + OLD_SEGMENTS + " Its SYN-ACK is lost, and"
                    + " B waits for ever for a request."),
            Map.entry("no-time-wait eventually-closed", "As for no-deadlock: an old SYN and an old ACK establish B"
                    + " in a connection that is over, and B waits for ever, so no behaviour ends with B in LISTEN."),
            Map.entry("no-time-wait no-data-loss", "Without TIME-WAIT, old segments establish B in a connection "
                    + "that is over (see no-stale-accept); the closed A resets it, and B's application sees the "
                    + "connection end without any of the request."),
            Map.entry("short-time-wait graceful-close", "A's last ACK is lost and its TIME-WAIT of one MSL runs out "
                    + "while B is still in LAST-ACK. B's next segment meets a CLOSED A, which answers with an RST, "
                    + "and B's connection ends by a reset."),
            Map.entry("rfc9293-text graceful-close", ASSASSINATED + "Under RFC 9293's text (as under RFC 793) that"
                    + " RST ends A's TIME-WAIT: A's connection ends by a reset."),
            Map.entry("rfc9293-text no-stale-accept", ASSASSINATED + "With A CLOSED early, " + OLD_SEGMENTS),
            Map.entry("rfc9293-text no-deadlock", ASSASSINATED + "With A CLOSED early, an old SYN and an old "
                    + "ACK establish B in a connection that is over; its SYN-ACK is lost and B waits for ever."),
            Map.entry("rfc9293-text eventually-closed", ASSASSINATED + "With A CLOSED early, old segments leave"
                    + " B established and waiting for ever, so no behaviour ends with B in LISTEN."),
            Map.entry("rfc9293-text no-data-loss", ASSASSINATED + "With A CLOSED early, old segments establish"
                    + " B in a connection that is over, which the closed A then resets: B's application sees it end"
                    + " without any of the request."));

    private CounterexampleFolder() {
    }

    static String baseName(VariantReport r, PropertyVerdict p) {
        return baseName(r.variant(), r.parameters(), p.property());
    }

    /** The name of a counterexample's files, without the extension: VARIANT[-KN].PROPERTY. */
    public static String baseName(tcpcheck.model.Variant v, tcpcheck.model.Parameters params, String property) {
        return v.id() + (params.connections() > 1 ? "-K" + params.connections() : "") + "." + property;
    }

    /** File name to content: what the folder holds after {@link #write}. */
    public static Map<String, byte[]> files(List<VariantReport> reports) {
        Map<String, byte[]> files = new TreeMap<>();
        StringBuilder index = new StringBuilder("# Counterexamples\n\nThe canonical shortest counterexample of every"
                + " ✗ cell of the verdict matrix, as `./tcpcheck justify --out counterexamples` writes them (that "
                + "command regenerates this folder). Each is a JSON file that `./tcpcheck replay` replays and "
                + "`./tcpcheck show` draws, a Markdown file with its sequence diagram, and a capture Wireshark opens. Cells in **bold** are "
                + "the ones SPEC section 7 fixes; the others are its \"·\" cells, as the model computes them.\n\n"
                + "| variant | property | length | files | story |\n|---|---|---|---|---|\n");
        for (VariantReport r : reports) {
            for (PropertyVerdict p : r.results()) {
                if (p.verdict() != Verdict.VIOLATED) {
                    continue;
                }
                String base = baseName(r, p);
                String key = r.variant().id() + " " + p.property();
                boolean fixed = SpecTable.expected(r.variant(), p.property()).isPresent();
                String story = STORIES.getOrDefault(key, "The model's shortest counterexample for this cell; "
                        + "the chart tells it step by step.");
                String title = r.variant().id() + (r.parameters().connections() > 1 ? " (K="
                        + r.parameters().connections() + ")" : "") + ": " + p.property() + " violated in "
                        + p.length() + " actions";
                files.putAll(traceFiles(base, title, story, r.variant(), r.parameters(), p.property(), p.part(),
                        p.trace()));
                String cell = fixed ? "**" + p.property() + "**" : p.property();
                index.append("| ").append(r.variant().id()).append(r.parameters().connections() > 1 ? " (K="
                        + r.parameters().connections() + ")" : "").append(" | ").append(cell).append(" | ")
                        .append(p.length()).append(" | [chart](").append(base).append(".md), [json](").append(base)
                        .append(".json), [svg](").append(base).append(".svg), [pcap](").append(base).append(".pcap) | ").append(story).append(" |\n");
            }
        }
        files.put("README.md", utf8(index.toString()));
        return files;
    }

    /**
     * The four files of one trace: {@code base.json} (for replay and show), {@code base.md} (the Mermaid sequence
     * diagram, the story, the text chart), {@code base.svg} and {@code base.pcap}. Counterexamples and witnesses alike
     * are written by it.
     */
    public static Map<String, byte[]> traceFiles(String base, String title, String story, Variant v, Parameters params,
                                                 String property, String part, Trace<TcpState, Action> trace) {
        Map<String, byte[]> files = new TreeMap<>();
        files.put(base + ".json", utf8(CounterexampleFile.write(v, params, property, part, trace)));
        files.put(base + ".md", utf8(SequenceChart.mermaid(title, trace) + "\n" + story + "\n\n```\n"
                + SequenceChart.text(title, trace) + "```\n"));
        files.put(base + ".pcap", Pcap.write(trace));
        files.put(base + ".svg", utf8(SequenceChart.svg(title, trace)));
        return files;
    }

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
