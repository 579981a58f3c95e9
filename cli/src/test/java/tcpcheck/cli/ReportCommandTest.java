package tcpcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tcpcheck report} refuses, in one line and with exit 2 and before checking anything, to write over a file it
 * did not write, into a path that is not a folder, or in a language it does not have. (The report itself is
 * rendered and checked in a browser by the report module's ReportTest.)
 */
class ReportCommandTest {
    @TempDir
    Path dir;

    @Test
    void refusesToOverwriteAFileItDidNotWrite() throws Exception {
        Path notes = dir.resolve("report.zh.html");
        Files.writeString(notes, "<p>my own page</p>\n");
        CommandLineTest.Run r = CommandLineTest.run("report", "--out", dir.toString());
        assertEquals(ExitCode.USAGE, r.exit());
        assertEquals("tcpcheck: " + notes + " exists and was not written by tcpcheck report; not overwriting it\n",
                r.err());
        assertEquals("", r.out());
        assertEquals("<p>my own page</p>\n", Files.readString(notes), "the file is untouched");
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "nothing else written");
        }
    }

    @Test
    void refusesAFileAsTheFolderAndAnUnknownLanguage() throws Exception {
        Path file = dir.resolve("report");
        Files.writeString(file, "x");
        CommandLineTest.Run r = CommandLineTest.run("report", "--out", file.toString());
        assertEquals(ExitCode.USAGE, r.exit());
        assertEquals("tcpcheck: " + file + " is not a folder\n", r.err());
        CommandLineTest.Run l = CommandLineTest.run("report", "--lang", "fr", "--out", dir.toString());
        assertEquals(ExitCode.USAGE, l.exit());
        assertTrue(l.err().startsWith("tcpcheck: --lang must be en, zh or all, not 'fr'\n"), l.err());
    }
}
