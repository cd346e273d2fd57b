package org.refcheck.report.site;

import java.util.List;
import java.util.Map;
import org.refcheck.report.schema.PerformanceDocument;

/**
 * {@code performance.html}: every table of every performance document the site was given (the JMH benchmarks, the
 * checker's throughput, the side-by-side runs against other checkers), each with its note and chart, and the
 * environment each document was measured in (load average included: the figures of a loaded machine say so).
 */
final class PerformancePage {

    static final String FILE = "performance.html";

    private PerformancePage() {
    }

    static String render(List<PerformanceDocument> documents) {
        Page page = new Page("performance", "the protocols and the checker, measured side by side with what users "
                + "would pick instead");
        if (documents.isEmpty()) {
            page.element("p", "empty", "No performance figures in this site. Run the benchmarks (see README.md, "
                    + "\"Performance\") and pass their JSON files to GenerateSite with --performance FILE.");
            return page.finish();
        }
        page.raw("<ul class=\"toc\">\n");
        for (PerformanceDocument d : documents) {
            for (PerformanceDocument.Table t : d.tables()) {
                page.raw("<li><a href=\"#").raw(anchor(d, t)).raw("\">").text(t.title()).raw("</a></li>\n");
            }
        }
        page.raw("</ul>\n");
        for (PerformanceDocument d : documents) {
            page.raw("<section class=\"performance\">\n").element("h2", "", d.title());
            for (PerformanceDocument.Table t : d.tables()) {
                page.raw("<h3 id=\"").raw(anchor(d, t)).raw("\">").text(t.title()).raw("</h3>\n");
                page.raw(LineChart.render(t));
                page.raw(table(t));
                if (!t.note().isEmpty()) {
                    page.element("p", "note", t.note());
                }
            }
            page.raw("<details><summary>environment</summary><table class=\"environment\"><tbody>\n");
            for (Map.Entry<String, String> e : d.environment().entrySet()) {
                page.raw("<tr><th>").text(e.getKey()).raw("</th><td>").text(e.getValue()).raw("</td></tr>\n");
            }
            page.raw("</tbody></table></details>\n</section>\n");
        }
        return page.finish();
    }

    private static String anchor(PerformanceDocument d, PerformanceDocument.Table t) {
        return Html.slug(d.id() + "-" + t.id());
    }

    private static String table(PerformanceDocument.Table t) {
        StringBuilder b = new StringBuilder("<table class=\"figures\"><thead><tr>");
        for (String c : t.columns()) {
            b.append("<th>").append(Html.escape(c)).append("</th>");
        }
        b.append("</tr></thead><tbody>\n");
        for (List<Object> row : t.rows()) {
            b.append("<tr>");
            for (Object cell : row) {
                boolean number = cell instanceof Number;
                b.append(number ? "<td class=\"num\">" : "<td>").append(Html.escape(cell(cell))).append("</td>");
            }
            b.append("</tr>\n");
        }
        return b.append("</tbody></table>\n").toString();
    }

    private static String cell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Long l) {
            return Html.count(l);
        }
        if (v instanceof Double d) {
            double a = Math.abs(d);
            return a >= 1000 ? String.format(java.util.Locale.ROOT, "%,.0f", d)
                    : a >= 10 ? String.format(java.util.Locale.ROOT, "%.1f", d)
                    : String.format(java.util.Locale.ROOT, "%.3f", d);
        }
        return v.toString();
    }
}
