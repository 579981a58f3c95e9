package tcpcheck.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tcpcheck.model.Variant;

/**
 * The folder counterexamples/ holds exactly what `./tcpcheck justify --out counterexamples` writes (no stale or
 * missing file, no changed byte), and every counterexample in it still replays and still violates its property.
 */
class CounterexampleFolderTest {
    private static final Path FOLDER = Path.of("..", "counterexamples");

    @Test
    void folderHoldsExactlyWhatJustifyWrites() throws IOException {
        List<VariantReport> reports = new ArrayList<>();
        for (Variant v : Variant.values()) {
            reports.add(Reports.defaults(v));
        }
        Map<String, byte[]> expected = CounterexampleFolder.files(reports, Textbook.all());
        Map<String, byte[]> actual = new TreeMap<>();
        try (Stream<Path> files = Files.list(FOLDER)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                actual.put(f.getFileName().toString(), Files.readAllBytes(f));
            }
        }
        assertEquals(expected.keySet(), actual.keySet(), "the files; regenerate with ./tcpcheck justify --out "
                + "counterexamples");
        for (String name : expected.keySet()) {
            assertEquals(new String(expected.get(name), StandardCharsets.ISO_8859_1),
                    new String(actual.get(name), StandardCharsets.ISO_8859_1), name + " is what justify writes now");
        }
    }

    @Test
    void everyStoredCounterexampleStillViolatesItsProperty() throws Exception {
        int n = 0;
        try (Stream<Path> files = Files.list(FOLDER)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (!f.toString().endsWith(".json")) {
                    continue;
                }
                CounterexampleFile.Counterexample cx = CounterexampleFile.read(Files.readString(f));
                Replay.Outcome o = Replay.replay(cx);
                assertTrue(o.reproduces(), f + ": " + o.reason());
                assertEquals(cx.length(), o.trace().length());
                n++;
            }
        }
        // Every ✗ cell of the default matrix: 5 for two-way-handshake, 1 for three-way-close, 5 for no-time-wait,
        // 1 for short-time-wait, 5 for rfc9293-text; and the textbook's story of short-time-wait × graceful-close.
        assertEquals(18, n);
    }
}
