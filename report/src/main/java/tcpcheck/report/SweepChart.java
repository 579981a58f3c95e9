package tcpcheck.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tcpcheck.checker.Verdict;
import tcpcheck.properties.Lang;
import tcpcheck.properties.TcpProperties;

/**
 * The TIME-WAIT sweep of one property as an SVG chart: T across, one row per MSL and RTO, a cell per check (✓ or ✗
 * with the counterexample's length), solid when checked in this run and dashed with † when recorded from an earlier
 * run, and the boundary's line between the cells where the formula says the property starts to hold.
 */
final class SweepChart {
    private static final int LEFT = 150;
    private static final int TOP = 58;
    private static final int CELL_W = 66;
    private static final int CELL_H = 32;

    private SweepChart() {
    }

    /** The cells to draw: this run's, then recorded ones for the places this run did not check (L = 1 only). */
    static List<SweepCell> merged(List<SweepCell> run, List<SweepCell> recorded, String property) {
        Map<String, SweepCell> by = new TreeMap<>();
        for (SweepCell c : recorded) {
            if (c.property().equals(property) && c.losses() == 1) {
                by.put(key(c), c);
            }
        }
        for (SweepCell c : run) {
            by.put(key(c), c);
        }
        List<SweepCell> out = new ArrayList<>(by.values());
        out.sort(Comparator.comparingInt(SweepCell::msl).thenComparingInt(SweepCell::rto)
                .thenComparingInt(SweepCell::timeWait));
        return out;
    }

    private static String key(SweepCell c) {
        return String.format(Locale.ROOT, "%02d %02d %02d", c.msl(), c.rto(), c.timeWait());
    }

    static String svg(String property, List<SweepCell> cells, Lang lang, String idPrefix) {
        boolean zh = lang == Lang.ZH;
        boolean graceful = property.equals(TcpProperties.GRACEFUL_CLOSE);
        List<int[]> rows = new ArrayList<>();
        int maxT = 0;
        for (SweepCell c : cells) {
            maxT = Math.max(maxT, c.timeWait());
            if (rows.stream().noneMatch(r -> r[0] == c.msl() && r[1] == c.rto())) {
                rows.add(new int[] {c.msl(), c.rto()});
            }
        }
        int width = LEFT + (maxT + 1) * CELL_W + 20;
        int height = TOP + rows.size() * CELL_H + 110;
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"DejaVu Sans Mono, Noto Sans Mono CJK SC, monospace\" "
                + "font-size=\"12\" role=\"img\" aria-labelledby=\"%s-title\">%n", width, height, width, height,
                idPrefix));
        b.append("<title id=\"").append(idPrefix).append("-title\">").append(esc(property + (zh ? " 的 TIME-WAIT 扫描"
                : ": the TIME-WAIT sweep"))).append("</title>\n");
        b.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        text(b, 8, 20, "start", "bold", (zh ? "TIME-WAIT 扫描：" : "TIME-WAIT sweep: ") + property
                + (graceful ? "" : (zh ? "（两个连接，K = 2）" : " (two connections, K = 2)")));
        text(b, 8, TOP - 10, "start", "normal", "MSL, RTO \\ T");
        for (int t = 0; t <= maxT; t++) {
            text(b, LEFT + t * CELL_W + CELL_W / 2.0, TOP - 10, "middle", "bold", String.valueOf(t));
        }
        for (int i = 0; i < rows.size(); i++) {
            int[] r = rows.get(i);
            int y = TOP + i * CELL_H;
            text(b, 8, y + CELL_H / 2.0 + 4, "start", "normal", "MSL " + r[0] + ", RTO " + r[1]);
            for (SweepCell c : cells) {
                if (c.msl() != r[0] || c.rto() != r[1]) {
                    continue;
                }
                int x = LEFT + c.timeWait() * CELL_W;
                boolean holds = c.verdict() == Verdict.HOLDS;
                String fill = c.verdict() == Verdict.INCOMPLETE ? "#eeeeee" : holds ? (c.recorded() ? "#e8f5e9"
                        : "#a5d6a7") : (c.recorded() ? "#fdecea" : "#ef9a9a");
                b.append(String.format(Locale.ROOT, "<rect class=\"cell %s\" x=\"%d\" y=\"%d\" width=\"%d\" "
                                + "height=\"%d\" fill=\"%s\" stroke=\"#555\"%s/>%n", c.recorded() ? "recorded" : "run",
                        x + 2, y + 2, CELL_W - 4, CELL_H - 4, fill, c.recorded() ? " stroke-dasharray=\"3,2\"" : ""));
                text(b, x + CELL_W / 2.0, y + CELL_H / 2.0 + 4, "middle", c.recorded() ? "normal" : "bold",
                        c.symbol() + (c.recorded() ? "†" : ""));
            }
        }
        // The boundary: between T = bound - 1 and T = bound on each row, joined from row to row.
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            int[] r = rows.get(i);
            int bound = graceful ? r[1] + r[0] : 2 * r[0] - 1;
            double x = LEFT + Math.min(bound, maxT + 1) * CELL_W;
            int y = TOP + i * CELL_H;
            path.append(i == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f,%d L%.1f,%d", x, y, x,
                    y + CELL_H));
        }
        b.append("<path class=\"boundary\" d=\"").append(path).append("\" fill=\"none\" stroke=\"#1f5fbf\" "
                + "stroke-width=\"3\"/>\n");
        int y = TOP + rows.size() * CELL_H + 24;
        b.append(String.format(Locale.ROOT, "<line x1=\"8\" y1=\"%d\" x2=\"40\" y2=\"%d\" stroke=\"#1f5fbf\" "
                + "stroke-width=\"3\"/>%n", y - 4, y - 4));
        text(b, 48, y, "start", "normal", (zh ? "边界：" : "the boundary: ") + (graceful ? "T ≥ RTO + MSL"
                : "T ≥ 2·MSL − 1") + (zh ? "（线右侧预测成立 ✓）" : " (✓ predicted right of the line)"));
        y += 22;
        text(b, 8, y, "start", "normal", zh ? "实色：本次运行检验；虚线框加 †：早先运行的记录（命令见下表）"
                : "solid: checked in this run; dashed with †: recorded from an earlier run (commands below)");
        y += 22;
        text(b, 8, y, "start", "normal", zh ? "✗ n：最短反例有 n 个动作；✓：在界限内所有行为中成立"
                : "✗ n: the shortest counterexample has n actions; ✓: holds in every behaviour within the bounds");
        return b.append("</svg>\n").toString();
    }

    private static void text(StringBuilder b, double x, double y, String anchor, String weight, String s) {
        b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-weight=\"%s\">%s"
                + "</text>%n", x, y, anchor, weight, esc(s)));
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
