package tcpcheck.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tcpcheck.properties.AtomicFiles;
import tcpcheck.properties.Lang;

/**
 * The justification report: rendered from the {@link Evidence} of one run, in English and in Chinese, as
 * {@code report.en.html} and {@code report.en.md} (and {@code .zh.}) in a folder. It never writes over a file it did
 * not write: {@link #refusal} says which file is in the way before anything is checked.
 */
public final class Report {

    /** One language's report. */
    public record Page(Lang lang, String html, String markdown, int figures) {

        public String htmlName() {
            return "report." + lang.tag() + ".html";
        }

        public String markdownName() {
            return "report." + lang.tag() + ".md";
        }
    }

    private Report() {
    }

    public static List<Page> render(Evidence e, List<Lang> langs) {
        List<Page> out = new ArrayList<>();
        for (Lang l : langs) {
            Doc d = ReportPage.render(e, l);
            out.add(new Page(l, d.html(), d.markdown(), d.figures()));
        }
        return out;
    }

    /** The files the report of these languages writes. */
    public static List<String> names(List<Lang> langs) {
        List<String> out = new ArrayList<>();
        for (Lang l : langs) {
            out.add("report." + l.tag() + ".html");
            out.add("report." + l.tag() + ".md");
        }
        return out;
    }

    /**
     * Why the report cannot be written into {@code dir}, in one line, or null: {@code dir} is not a folder, or a
     * file the report would write exists and was not written by tcpcheck report.
     */
    public static String refusal(Path dir, List<Lang> langs) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            return dir + " is not a folder";
        }
        for (String name : names(langs)) {
            Path f = dir.resolve(name);
            if (Files.isDirectory(f)) {
                return f + " is a folder; not writing the report there";
            }
            if (Files.exists(f) && !ours(f)) {
                return f + " exists and was not written by tcpcheck report; not overwriting it";
            }
        }
        return null;
    }

    private static boolean ours(Path f) throws IOException {
        byte[] head = new byte[4096];
        int n;
        try (var in = Files.newInputStream(f)) {
            n = in.readNBytes(head, 0, head.length);
        }
        String s = new String(head, 0, n, StandardCharsets.UTF_8);
        return s.contains("<meta name=\"generator\" content=\"" + Doc.GENERATOR + "\">")
                || s.startsWith("<!-- " + Doc.GENERATOR + " -->");
    }

    /** Writes the pages (each file atomically). */
    public static void write(Path dir, List<Page> pages) throws IOException {
        Files.createDirectories(dir);
        for (Page p : pages) {
            AtomicFiles.write(dir.resolve(p.htmlName()), p.html().getBytes(StandardCharsets.UTF_8));
            AtomicFiles.write(dir.resolve(p.markdownName()), p.markdown().getBytes(StandardCharsets.UTF_8));
        }
    }
}
