package tcpcheck.report;

import java.util.List;
import tcpcheck.properties.Lang;
import tcpcheck.properties.Story;

/**
 * One document written twice as it is built: as a self-contained HTML page (inline SVG and CSS, no script, no
 * network) and as Markdown (Mermaid diagrams and text charts in place of the SVG drawings). Text given to it is
 * plain, with `code` in backticks.
 */
final class Doc {
    /** Marks a file as written by tcpcheck report; a file without it is never overwritten. */
    static final String GENERATOR = "tcpcheck report";

    private final Lang lang;
    private final StringBuilder html = new StringBuilder();
    private final StringBuilder md = new StringBuilder();
    private int figures;

    Doc(Lang lang, String title) {
        this.lang = lang;
        html.append("<!DOCTYPE html>\n<html lang=\"").append(lang == Lang.ZH ? "zh-Hans" : "en").append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n<meta name=\"generator\" content=\"").append(GENERATOR)
                .append("\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(esc(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n")
                .append("<main>\n<h1>").append(esc(title)).append("</h1>\n");
        md.append("<!-- ").append(GENERATOR).append(" -->\n# ").append(title).append("\n\n");
    }

    Lang lang() {
        return lang;
    }

    /** Text in the document's language. */
    String t(String en, String zh) {
        return lang == Lang.ZH ? zh : en;
    }

    void h2(String id, String text) {
        html.append("<h2 id=\"").append(id).append("\">").append(esc(text)).append("</h2>\n");
        md.append("## ").append(text).append("\n\n");
    }

    void h3(String id, String text) {
        html.append("<h3 id=\"").append(id).append("\">").append(esc(text)).append("</h3>\n");
        md.append("### ").append(text).append("\n\n");
    }

    void p(String text) {
        html.append("<p>").append(inline(text)).append("</p>\n");
        md.append(text).append("\n\n");
    }

    /** A paragraph set apart: what a reader should take away. */
    void answer(String text) {
        html.append("<p class=\"answer\">").append(inline(text)).append("</p>\n");
        md.append("> ").append(text).append("\n\n");
    }

    void list(List<String> items) {
        html.append("<ul>\n");
        for (String s : items) {
            html.append("<li>").append(inline(s)).append("</li>\n");
            md.append("- ").append(s).append('\n');
        }
        html.append("</ul>\n");
        md.append('\n');
    }

    /** A table; cells are plain text with `code`. */
    void table(List<String> head, List<List<String>> rows) {
        html.append("<table>\n<thead><tr>");
        for (String h : head) {
            html.append("<th>").append(inline(h)).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        md.append("| ").append(String.join(" | ", head)).append(" |\n|");
        md.append("---|".repeat(head.size())).append('\n');
        for (List<String> r : rows) {
            html.append("<tr>");
            for (String c : r) {
                html.append("<td>").append(inline(c)).append("</td>");
            }
            html.append("</tr>\n");
            md.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        html.append("</tbody>\n</table>\n");
        md.append('\n');
    }

    /** A story, one numbered item per sentence. */
    void story(Story s) {
        html.append("<ol class=\"story\">\n");
        for (Story.Sentence x : s.sentences()) {
            html.append("<li").append(x.kind() == Story.Kind.VIOLATION ? " class=\"violation\"" : "").append(">");
            if (x.step() > 0) {
                html.append("<span class=\"step\">").append(esc(t("step " + x.step(), "第 " + x.step() + " 步")))
                        .append("</span> ");
            }
            html.append(esc(x.text(lang))).append("</li>\n");
        }
        html.append("</ol>\n");
        md.append(s.markdown(lang)).append('\n');
    }

    /**
     * A figure: an SVG drawing in HTML; in Markdown its Mermaid source (null: none) and text form. The caption says
     * what it shows and the command that regenerates it.
     */
    void figure(String svg, String mermaid, String text, String caption, String command) {
        figures++;
        String prefix = "f" + figures + "-";
        String inline = svg.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", "")
                .replace("id=\"", "id=\"" + prefix).replace("url(#", "url(#" + prefix)
                .replace("aria-labelledby=\"", "aria-labelledby=\"" + prefix);
        html.append("<figure class=\"diagram\">\n<div class=\"scroll\">\n").append(inline).append("</div>\n")
                .append("<figcaption>").append(esc(t("Figure ", "图 ")) + figures + t(". ", "。"))
                .append(inline(caption)).append(" ").append(esc(t("Regenerate: ", "重新生成："))).append("<code>")
                .append(esc(command)).append("</code></figcaption>\n</figure>\n");
        md.append("**").append(t("Figure ", "图 ")).append(figures).append(t(".", "。")).append("** ").append(caption)
                .append(" ").append(t("Regenerate: ", "重新生成：")).append('`').append(command).append("`\n\n");
        if (mermaid != null) {
            md.append("```mermaid\n").append(mermaid).append("```\n\n");
        }
        if (text != null) {
            md.append("```\n").append(text).append("```\n\n");
        }
    }

    /** The number of figures so far. */
    int figures() {
        return figures;
    }

    String html() {
        return html + "</main>\n</body>\n</html>\n";
    }

    String markdown() {
        return md.toString();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Escapes, and turns `code` into code elements. */
    static String inline(String s) {
        StringBuilder b = new StringBuilder();
        String[] parts = s.split("`", -1);
        for (int i = 0; i < parts.length; i++) {
            b.append(i % 2 == 1 ? "<code>" + esc(parts[i]) + "</code>" : esc(parts[i]));
        }
        return b.toString();
    }

    private static final String CSS = """
            body { margin: 0; background: #fafafa; color: #1b1b1b;
                   font: 16px/1.6 "Noto Sans", "Noto Sans CJK SC", "DejaVu Sans", sans-serif; }
            main { max-width: 1240px; margin: 0 auto; padding: 1.5em 2em 4em; background: white; }
            h1 { font-size: 1.8em; line-height: 1.3; }
            h2 { margin-top: 2.2em; border-bottom: 2px solid #ddd; padding-bottom: .2em; }
            code { font-family: "DejaVu Sans Mono", "Noto Sans Mono CJK SC", monospace; font-size: .9em;
                   background: #f0f0f0; padding: 0 .25em; border-radius: 3px; }
            .answer { border-left: 4px solid #1f5fbf; background: #eef4fc; padding: .6em 1em; }
            table { border-collapse: collapse; margin: 1em 0; font-size: .95em; }
            th, td { border: 1px solid #ccc; padding: .25em .6em; text-align: left; vertical-align: top; }
            th { background: #f3f3f3; }
            ol.story { padding-left: 1.6em; }
            ol.story li { margin: .35em 0; }
            ol.story li.violation { color: #a00; font-weight: bold; }
            .step { display: inline-block; min-width: 4.5em; color: #666; font-variant-numeric: tabular-nums; }
            figure.diagram { margin: 1.2em 0; }
            .scroll { overflow-x: auto; border: 1px solid #ddd; }
            figcaption { font-size: .92em; color: #333; margin-top: .4em; }
            nav ol { columns: 2; }
            """;
}
