package tcpcheck.properties;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import tcpcheck.checker.Verdict;

/**
 * The folder {@code counterexamples/}: for every ✗ cell of the checked matrix, the shortest counterexample as JSON
 * (replayable) and as a Markdown file with its Mermaid sequence diagram and text chart, and an index README.md
 * that tells each story. {@link #files} says exactly what the folder holds; {@link #write} makes the folder so.
 */
public final class CounterexampleFolder {

    /** The stories of the cells SPEC section 7 fixes as ✗, in two or three sentences each. */
    private static final Map<String, String> STORIES = Map.of(
            "two-way-handshake no-stale-accept", "A's SYN is duplicated in the network. The first copy makes the whole "
                    + "connection, which A then leaves for TIME-WAIT; the old copy reaches B in LISTEN, and B, with "
                    + "no third segment to wait for, establishes a connection that is already over.",
            "two-way-handshake no-deadlock", "The same old duplicate SYN establishes B; its SYN-ACK, sent once and "
                    + "never retransmitted, is lost, and A's TIME-WAIT runs out. B waits for ever in ESTABLISHED for "
                    + "a request that never comes: no action is enabled.",
            "two-way-handshake eventually-closed", "The old duplicate SYN leaves B established and waiting for ever,"
                    + " so no fair behaviour ends with B in LISTEN.",
            "three-way-close no-data-loss", "A writes its request and closes. Without half-close, B answers A's "
                    + "FIN with FIN+ACK at once and discards the response its application had not yet written: A "
                    + "reads end of stream with none of B's data.",
            "no-time-wait graceful-close", "A acknowledges B's FIN and is CLOSED at once. A late segment of B's "
                    + "reaches the closed A, which answers with an RST; B, in LAST-ACK, is reset instead of closing.",
            "short-time-wait graceful-close", "A's last ACK is lost and its TIME-WAIT of one MSL runs out while B is "
                    + "still in LAST-ACK. B's next segment meets a CLOSED A, which answers with an RST, and B's "
                    + "connection ends by a reset.");

    private CounterexampleFolder() {
    }

    static String baseName(VariantReport r, PropertyVerdict p) {
        return r.variant().id() + (r.parameters().connections() > 1 ? "-K" + r.parameters().connections() : "")
                + "." + p.property();
    }

    /** File name to content: what the folder holds after {@link #write}. */
    public static Map<String, String> files(List<VariantReport> reports) {
        Map<String, String> files = new TreeMap<>();
        StringBuilder index = new StringBuilder("# Counterexamples\n\nThe canonical shortest counterexample of every"
                + " ✗ cell of the verdict matrix, as `./tcpcheck justify --out counterexamples` writes them (that "
                + "command regenerates this folder). Each is a JSON file that `./tcpcheck replay` replays and "
                + "`./tcpcheck show` draws, and a Markdown file with its sequence diagram. Cells in **bold** are "
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
                files.put(base + ".json", CounterexampleFile.write(r.variant(), r.parameters(), p.property(),
                        p.part(), p.trace()));
                files.put(base + ".md", SequenceChart.mermaid(title, p.trace()) + "\n" + story + "\n\n```\n"
                        + SequenceChart.text(title, p.trace()) + "```\n");
                String cell = fixed ? "**" + p.property() + "**" : p.property();
                index.append("| ").append(r.variant().id()).append(r.parameters().connections() > 1 ? " (K="
                        + r.parameters().connections() + ")" : "").append(" | ").append(cell).append(" | ")
                        .append(p.length()).append(" | [chart](").append(base).append(".md), [json](").append(base)
                        .append(".json) | ").append(story).append(" |\n");
            }
        }
        files.put("README.md", index.toString());
        return files;
    }

    /**
     * Writes the files (each atomically) and removes the counterexample files of an earlier run that this run did
     * not write: JSON files of the tcpcheck-counterexample schema and their Markdown companions, nothing else.
     */
    public static void write(Path dir, Map<String, String> files) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, String> e : files.entrySet()) {
            AtomicFiles.write(dir.resolve(e.getKey()), e.getValue());
        }
        try (Stream<Path> old = Files.list(dir)) {
            for (Path f : (Iterable<Path>) old::iterator) {
                String name = f.getFileName().toString();
                if (name.endsWith(".json") && !files.containsKey(name) && ours(f)) {
                    Files.delete(f);
                    Files.deleteIfExists(dir.resolve(name.substring(0, name.length() - 5) + ".md"));
                }
            }
        }
    }

    private static boolean ours(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8).contains("\"" + CounterexampleFile.SCHEMA + "\"");
        } catch (IOException e) {
            return false;
        }
    }
}
