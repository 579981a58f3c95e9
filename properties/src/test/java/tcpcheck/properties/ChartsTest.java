package tcpcheck.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tcpcheck.checker.Trace;
import tcpcheck.model.Action;
import tcpcheck.model.TcpModel;
import tcpcheck.model.TcpState;

/**
 * The charts as a reader sees them: in every stored SVG no arrow, rule or cross crosses a label and no two labels
 * overlap, each segment's fields are written once; every text chart fits in 100 columns; Mermaid output is Mermaid
 * itself; timers are named by what they are.
 */
class ChartsTest {
    private static final Path FOLDER = Path.of("..", "counterexamples");

    private static List<Path> stored(String ext) throws Exception {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.filter(f -> f.toString().endsWith(ext)).sorted().toList();
        }
    }

    @Test
    void noLabelIsCrossedInAnyStoredDrawing() throws Exception {
        List<Path> svgs = stored(".svg");
        assertEquals(18, svgs.size(), "17 cells and one textbook story");
        for (Path f : svgs) {
            SvgGeometry g = new SvgGeometry(Files.readString(f));
            assertTrue(g.labels.size() > 20 && g.strokes.size() > 10, f + " has labels and strokes");
            assertEquals(List.of(), g.faults(), f.toString());
            assertNamedOnce(f.toString(), Files.readString(f));
        }
    }

    @Test
    void theGeometryCheckFindsACrossedLabel() throws Exception {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><text x=\"100\" y=\"50\" text-anchor=\"start\">"
                + "a label</text><line x1=\"90\" y1=\"30\" x2=\"160\" y2=\"60\"/><text x=\"120\" y=\"55\" "
                + "text-anchor=\"start\">other</text></svg>";
        List<String> faults = new SvgGeometry(svg).faults();
        assertEquals(3, faults.size(), faults.toString());
    }

    @Test
    void drawingsInChineseKeepTheirLabelsApart() throws Exception {
        VariantReport r = Reports.defaults(tcpcheck.model.Variant.TWO_WAY_HANDSHAKE);
        PropertyVerdict p = r.result(TcpProperties.NO_STALE_ACCEPT);
        Explanation x = new Explanation(new TcpModel(r.variant(), r.parameters()), p.property(), p.part(), p.trace());
        String zh = x.svg(Lang.ZH);
        assertTrue(zh.contains("旧报文段，属于连接 1，报文龄 0"), "the old SYN is labelled in Chinese");
        assertEquals(List.of(), new SvgGeometry(zh).faults());
    }

    /** Each segment's fields ("s3 <SEQ=…") appear once in a drawing. */
    private static void assertNamedOnce(String where, String svg) {
        Map<String, Integer> seen = new HashMap<>();
        Matcher m = Pattern.compile("\\b(s[0-9]+) &lt;SEQ=").matcher(svg);
        while (m.find()) {
            seen.merge(m.group(1), 1, Integer::sum);
        }
        assertFalse(seen.isEmpty(), where);
        seen.forEach((k, v) -> assertEquals(1, v, where + ": " + k + " is written " + v + " times"));
    }

    @Test
    void everyTextChartFitsIn100Columns() throws Exception {
        int charts = 0;
        for (Path f : stored(".md")) {
            if (f.getFileName().toString().equals("README.md")) {
                continue;
            }
            String md = Files.readString(f, StandardCharsets.UTF_8);
            int start = md.indexOf("```\n\n```\n") + "```\n\n```\n".length();
            String chart = md.substring(start, md.indexOf("```\n", start));
            assertTrue(chart.contains("step A"), f + ": the text chart");
            assertWithin(f.toString(), chart);
            assertTrue(md.startsWith("# "), f + " keeps its heading");
            assertTrue(md.contains("```mermaid\nsequenceDiagram\n"), f + " keeps its fences");
            charts++;
        }
        assertEquals(18, charts);
        // Random walks at larger bounds: longer traces, two connections.
        RandomWalks.Report walks = new RandomWalks().runs(3000).depth(300).seed(11).threads(2).run(
                tcpcheck.model.Variant.TWO_WAY_HANDSHAKE, tcpcheck.model.Parameters.defaults().incarnations()
                        .with(tcpcheck.model.Parameter.DATA, 2).with(tcpcheck.model.Parameter.LOSSES, 2).with(tcpcheck.model.Parameter.DUPLICATES, 2), TcpProperties.NAMES);
        int hits = 0;
        for (RandomWalks.Hit h : walks.hits()) {
            if (h != null) {
                assertWithin(h.property(), SequenceChart.text("walk " + h.property(), h.shrunk(), h.part()));
                hits++;
            }
        }
        assertTrue(hits >= 2, "the walks find violations to draw");
    }

    private static void assertWithin(String where, String chart) {
        for (String line : chart.split("\n")) {
            assertTrue(line.codePointCount(0, line.length()) <= SequenceChart.WIDTH, where + ": a line of "
                    + line.length() + " columns: " + line);
        }
    }

    @Test
    void mermaidIsMermaidAndTimersAreNamed() {
        TextbookStories.Found f = Textbook.lostLastAck();
        String mermaid = f.explanation().mermaid();
        assertTrue(mermaid.startsWith("sequenceDiagram\n"), mermaid);
        assertFalse(mermaid.contains("```") || mermaid.contains("# "), "no Markdown around it");
        String text = f.explanation().text();
        // short-time-wait: T = MSL = 2, not 2 MSL; the timers are named, with their values in ticks.
        assertTrue(text.contains("tick 1: A TIME-WAIT 1, B retransmission 1"), text);
        assertTrue(mermaid.contains("tick 2: A TIME-WAIT 0, B retransmission 0"), mermaid);
        for (String s : List.of(text, mermaid, f.explanation().svg(Lang.EN))) {
            assertFalse(s.contains("2MSL"), "no timer is called 2MSL");
        }
    }

    /** Every stored drawing's traces, for other tests. */
    static List<Trace<TcpState, Action>> traces() throws Exception {
        List<Trace<TcpState, Action>> out = new ArrayList<>();
        for (Path f : stored(".json")) {
            out.add(Replay.replay(CounterexampleFile.read(Files.readString(f))).trace());
        }
        return out;
    }
}
