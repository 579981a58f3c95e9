package tcpcheck.properties;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The geometry of a drawing as a person sees it: every label's box (monospace widths as {@link SequenceChart} lays
 * them out, CJK characters wider) and every stroke (lines, the strokes of paths, the sides of rectangles). It says
 * which labels an arrow or a rule crosses, and which labels overlap.
 */
final class SvgGeometry {
    record Box(String text, double x0, double y0, double x1, double y1) {
        boolean overlaps(Box o) {
            return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1;
        }
    }

    record Stroke(String what, double x0, double y0, double x1, double y1) {
    }

    final List<Box> labels = new ArrayList<>();
    final List<Stroke> strokes = new ArrayList<>();

    SvgGeometry(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        NodeList texts = d.getElementsByTagName("text");
        for (int i = 0; i < texts.getLength(); i++) {
            Element t = (Element) texts.item(i);
            String s = t.getTextContent();
            double x = num(t, "x");
            double y = num(t, "y");
            double w = SequenceChart.width(s);
            String anchor = t.getAttribute("text-anchor");
            double left = anchor.equals("end") ? x - w : anchor.equals("middle") ? x - w / 2 : x;
            labels.add(new Box(s, left, y - SequenceChart.FONT * 0.85, left + w, y + SequenceChart.FONT * 0.25));
        }
        NodeList lines = d.getElementsByTagName("line");
        for (int i = 0; i < lines.getLength(); i++) {
            Element l = (Element) lines.item(i);
            strokes.add(new Stroke("line " + l.getAttribute("class"), num(l, "x1"), num(l, "y1"),
                    num(l, "x2"), num(l, "y2")));
        }
        NodeList rects = d.getElementsByTagName("rect");
        for (int i = 0; i < rects.getLength(); i++) {
            Element r = (Element) rects.item(i);
            if (r.getAttribute("fill").equals("white")) {
                continue;
            }
            double x = num(r, "x");
            double y = num(r, "y");
            double w = num(r, "width");
            double h = num(r, "height");
            strokes.add(new Stroke("rect", x, y, x + w, y));
            strokes.add(new Stroke("rect", x, y + h, x + w, y + h));
            strokes.add(new Stroke("rect", x, y, x, y + h));
            strokes.add(new Stroke("rect", x + w, y, x + w, y + h));
        }
        NodeList paths = d.getElementsByTagName("path");
        for (int i = 0; i < paths.getLength(); i++) {
            Element p = (Element) paths.item(i);
            if (p.getParentNode().getNodeName().equals("marker")) {
                continue;
            }
            // The crosses: "Mx,y l12,12 m0,-12 l-12,12".
            String[] n = p.getAttribute("d").replaceAll("[^0-9.,-]+", " ").trim().split("[ ,]+");
            double x = Double.parseDouble(n[0]);
            double y = Double.parseDouble(n[1]);
            strokes.add(new Stroke("cross", x, y, x + 12, y + 12));
            strokes.add(new Stroke("cross", x + 12, y, x, y + 12));
        }
    }

    private static double num(Element e, String a) {
        return Double.parseDouble(e.getAttribute(a));
    }

    /** The labels a stroke crosses, and the pairs of labels that overlap, as readable lines. */
    List<String> faults() {
        List<String> out = new ArrayList<>();
        for (Stroke s : strokes) {
            for (Box b : labels) {
                if (crosses(s, b)) {
                    out.add(s.what() + " crosses label '" + b.text() + "'");
                }
            }
        }
        for (int i = 0; i < labels.size(); i++) {
            for (int j = i + 1; j < labels.size(); j++) {
                if (labels.get(i).overlaps(labels.get(j))) {
                    out.add("label '" + labels.get(i).text() + "' overlaps label '" + labels.get(j).text() + "'");
                }
            }
        }
        return out;
    }

    /** Whether a segment meets the inside of a box (Liang-Barsky clipping). */
    static boolean crosses(Stroke s, Box b) {
        double t0 = 0;
        double t1 = 1;
        double dx = s.x1() - s.x0();
        double dy = s.y1() - s.y0();
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {s.x0() - b.x0(), b.x1() - s.x0(), s.y0() - b.y0(), b.y1() - s.y0()};
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] <= 0) {
                    return false;
                }
            } else {
                double r = q[i] / p[i];
                if (p[i] < 0) {
                    t0 = Math.max(t0, r);
                } else {
                    t1 = Math.min(t1, r);
                }
            }
        }
        return t0 < t1;
    }
}
