package tcpcheck.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder tcpcheck writes into: what it replaces and removes is only ever its own (issue 15, item 1), and a second
 * writer is refused while the first holds the folder (item 23).
 */
class OutputFolderTest {
    private static final Path STORED = Path.of("..", "counterexamples", "two-way-handshake.no-stale-accept.json");

    @TempDir
    Path dir;

    private Set<String> names() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return new TreeSet<>(s.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void removesOnlyItsOwnStaleCounterexamples() throws Exception {
        byte[] cx = Files.readAllBytes(STORED);
        Files.write(dir.resolve("old.graceful-close.json"), cx);
        Files.writeString(dir.resolve("old.graceful-close.md"), "chart");
        Files.writeString(dir.resolve("old.graceful-close.svg"), "<svg/>");
        Files.writeString(dir.resolve("notes.md"), "mine");
        Files.writeString(dir.resolve("data.json"), "{\"a\": 1}");
        Files.writeString(dir.resolve("data.md"), "about data.json");
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("new.no-stale-accept.json", cx);
        files.put("README.md", "# Counterexamples\n".getBytes(StandardCharsets.UTF_8));
        try (OutputFolder f = OutputFolder.open(dir)) {
            assertEquals(2, f.write(files, true).size());
        }
        assertEquals(new TreeSet<>(Set.of("README.md", "data.json", "data.md", "new.no-stale-accept.json",
                "notes.md")), names());
    }

    @Test
    void refusesBeforeWritingAnything() throws Exception {
        Files.writeString(dir.resolve("README.md"), "# My project\n");
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("a.agreement.json", Files.readAllBytes(STORED));
        files.put("README.md", "# Counterexamples\n".getBytes(StandardCharsets.UTF_8));
        try (OutputFolder f = OutputFolder.open(dir)) {
            AtomicFiles.CannotWriteException e = assertThrows(AtomicFiles.CannotWriteException.class,
                    () -> f.write(files, true));
            assertTrue(e.getMessage().startsWith("cannot write " + dir.resolve("README.md") + ": it exists and "
                    + "tcpcheck did not write it"), e.getMessage());
        }
        assertEquals(Set.of("README.md"), names());
        assertEquals("# My project\n", Files.readString(dir.resolve("README.md")));
    }

    @Test
    void aSecondWriterIsRefusedWhileTheFirstHoldsTheFolder() throws Exception {
        try (OutputFolder first = OutputFolder.open(dir)) {
            assertThrows(AtomicFiles.CannotWriteException.class, () -> OutputFolder.open(dir));
        }
        OutputFolder.open(dir).close();
    }
}
