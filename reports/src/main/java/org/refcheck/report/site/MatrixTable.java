package org.refcheck.report.site;

import java.util.List;
import org.refcheck.report.schema.CatalogueRow;
import org.refcheck.report.schema.ExpectedVerdict;
import org.refcheck.report.schema.VerdictKind;

/**
 * The index's two matrices: catalogue rows down, one column per checker and run across. In the protocol matrix each
 * cell shows the verdict; in the mutant detection matrix whether the mutant was caught, by how many tests and how
 * fast, or why not. Every cell says its verdict in words as well as in colour, and carries it in
 * {@code data-verdict} for machines. A cell whose verdict differs between runs is marked.
 */
final class MatrixTable {

    /*
     * Implementation notes. Columns are grouped by checker, one sub-column per run, so that a reader compares
     * machines side by side for one checker. The detection matrix colours by the catalogue's demand rather than by
     * the verdict: a caught mutant is good news (green), a missed must-catch mutant bad (red), a mutant the checker
     * is not expected to see grey.
     */

    private MatrixTable() {
    }

    /** The table for {@code rows}; {@code detection} selects the mutant detection form of the cells. */
    static String render(Runs runs, List<CatalogueRow> rows, boolean detection, String id) {
        StringBuilder b = new StringBuilder();
        b.append("<table class=\"matrix\" id=\"").append(id).append("\">\n<thead><tr><th rowspan=\"")
                .append(runs.size() > 1 ? 2 : 1).append("\">").append(detection ? "mutant" : "protocol")
                .append("</th>");
        for (String checker : runs.checkers()) {
            b.append("<th class=\"checker\" colspan=\"").append(runs.size()).append("\">")
                    .append(Html.escape(runs.checkerTitle(checker))).append("</th>");
        }
        b.append("</tr>\n");
        if (runs.size() > 1) {
            b.append("<tr>");
            for (int c = 0; c < runs.checkers().size(); c++) {
                for (int i = 0; i < runs.size(); i++) {
                    b.append("<th class=\"run\">").append(Html.escape(runs.label(i))).append("</th>");
                }
            }
            b.append("</tr>\n");
        }
        b.append("</thead>\n<tbody>\n");
        for (CatalogueRow row : rows) {
            b.append("<tr><th class=\"entry\"><a href=\"").append(ProtocolPage.fileName(row.protocol())).append('#')
                    .append(Html.slug(row.variant())).append("\">").append(Html.escape(row.protocol()));
            if (row.isMutant()) {
                b.append(" / ").append(Html.escape(row.variant())).append(" <span class=\"bug\">")
                        .append(Html.escape(row.bugId())).append("</span>");
            }
            b.append("</a></th>");
            for (String checker : runs.checkers()) {
                boolean differs = runs.size() > 1 && runs.differs(row, checker);
                for (int i = 0; i < runs.size(); i++) {
                    b.append(cell(runs.cell(i, row, checker), detection, differs));
                }
            }
            b.append("</tr>\n");
        }
        return b.append("</tbody>\n</table>\n").toString();
    }

    private static String cell(Cell cell, boolean detection, boolean differs) {
        String cls = detection ? detectionClass(cell) : cell.kind().cssClass();
        String words = detection ? detectionWords(cell) : cell.words();
        StringBuilder b = new StringBuilder("<td class=\"cell ").append(cls).append(differs ? " differs" : "")
                .append("\" data-verdict=\"").append(cell.kind().name()).append("\">");
        b.append("<span class=\"badge\">").append(Html.escape(words)).append("</span>");
        if (!cell.why().isEmpty()) {
            b.append("<span class=\"why\">").append(Html.escape(cell.why())).append("</span>");
        }
        if (!cell.asExpected()) {
            b.append("<span class=\"unexpected\">unexpected: the catalogue says ")
                    .append(Html.escape(cell.expected().words())).append("</span>");
        }
        if (differs) {
            b.append("<span class=\"differs-mark\">differs between runs</span>");
        }
        return b.append("</td>").toString();
    }

    private static String detectionClass(Cell cell) {
        if (cell.kind() == VerdictKind.ERROR || cell.kind() == VerdictKind.NOT_RUN) {
            return cell.kind().cssClass();
        }
        if (cell.detected()) {
            return "m-caught";
        }
        return ExpectedVerdict.CATCHES.equals(cell.expected().expectation()) ? "m-missed" : "m-not-expected";
    }

    private static String detectionWords(Cell cell) {
        if (cell.kind() == VerdictKind.ERROR || cell.kind() == VerdictKind.NOT_RUN) {
            return cell.words();
        }
        if (cell.detected()) {
            return "caught: " + cell.words().substring(cell.words().indexOf(':') + 2);
        }
        return ExpectedVerdict.CATCHES.equals(cell.expected().expectation()) ? "missed (" + cell.words() + ")"
                : "not caught (" + cell.words() + "; not expected: " + cell.expected().reason() + ")";
    }
}
