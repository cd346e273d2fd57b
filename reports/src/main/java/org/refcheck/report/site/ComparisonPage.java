package org.refcheck.report.site;

import org.refcheck.report.schema.CatalogueRow;

/**
 * {@code comparison.html}: the cells (entry × checker) whose verdict differs between the runs, each run's verdict
 * side by side, the differing ones highlighted. With one run there is nothing to compare, and the page says so.
 */
final class ComparisonPage {

    private ComparisonPage() {
    }

    static String render(Runs runs) {
        Page page = new Page("comparison", runs.size() == 1 ? "one run: nothing to compare"
                : "verdicts that differ between " + runs.size() + " runs");
        if (runs.size() == 1) {
            return page.element("p", "", "Merge several results.json files into one site (several machines, or "
                    + "before and after a change) to compare their verdicts here.").finish();
        }
        StringBuilder b = new StringBuilder("<table class=\"comparison\" id=\"comparison\"><thead><tr><th>entry</th>"
                + "<th>checker</th>");
        for (int i = 0; i < runs.size(); i++) {
            b.append("<th>").append(Html.escape(runs.label(i))).append("</th>");
        }
        b.append("</tr></thead><tbody>\n");
        int differing = 0;
        int cells = 0;
        for (CatalogueRow row : runs.rows()) {
            for (String checker : runs.checkers()) {
                cells++;
                if (!runs.differs(row, checker)) {
                    continue;
                }
                differing++;
                b.append("<tr class=\"differs\"><th><a href=\"").append(ProtocolPage.fileName(row.protocol()))
                        .append('#').append(Html.slug(row.variant())).append("\">").append(Html.escape(row.id()))
                        .append("</a></th><td>").append(Html.escape(runs.checkerTitle(checker))).append("</td>");
                String first = runs.cell(0, row, checker).comparisonKey();
                for (int i = 0; i < runs.size(); i++) {
                    Cell cell = runs.cell(i, row, checker);
                    boolean changed = !cell.comparisonKey().equals(first);
                    b.append("<td class=\"cell ").append(cell.kind().cssClass()).append(changed ? " changed" : "")
                            .append("\" data-verdict=\"").append(cell.kind().name()).append("\"><span class=\"badge\">")
                            .append(Html.escape(cell.words())).append("</span><span class=\"why\">")
                            .append(Html.escape(cell.why())).append("</span></td>");
                }
                b.append("</tr>\n");
            }
        }
        b.append("</tbody></table>\n");
        page.raw("<p class=\"headline\" id=\"comparison-count\" data-differing=\"").raw(Integer.toString(differing))
                .raw("\">").text(differing + " of " + cells + " cells differ between the runs.").raw("</p>\n");
        return page.raw(differing == 0 ? "" : b.toString()).finish();
    }
}
