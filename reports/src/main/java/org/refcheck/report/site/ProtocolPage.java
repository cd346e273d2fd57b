package org.refcheck.report.site;

import java.util.List;
import org.refcheck.report.schema.CatalogueRow;
import org.refcheck.report.schema.CheckResult;
import org.refcheck.report.schema.Figures;

/**
 * {@code protocol-<id>.html}: one protocol, its correct variant and its mutants. For each: the kernel or Rust
 * original, the description, the catalogue's demand of each checker, and each run's checks with their verdicts,
 * figures, jcstress outcomes (all declared ones) and links to counterexamples.
 */
final class ProtocolPage {

    private ProtocolPage() {
    }

    static String fileName(String protocol) {
        return "protocol-" + Html.slug(protocol) + ".html";
    }

    /**
     * The page; {@code counterexamples} names the counterexample page of a check that has one.
     */
    static String render(Runs runs, String protocol, CounterexampleIndex counterexamples) {
        List<CatalogueRow> rows = runs.rowsOf(protocol);
        CatalogueRow first = rows.get(0);
        Page page = new Page("protocol " + protocol, first.original() + " (" + first.source() + ")");
        for (CatalogueRow row : rows) {
            page.raw("<section class=\"entry\" id=\"").raw(Html.slug(row.variant())).raw("\">\n<h2>")
                    .text(row.isMutant() ? "mutant " + row.variant() + " (" + row.bugId() + ")" : "correct protocol")
                    .raw("</h2>\n");
            page.element("p", "description", row.description());
            page.raw("<p class=\"original\">Original: ").text(row.original()).raw(" — <code>").text(row.source())
                    .raw("</code></p>\n");
            for (String checker : runs.checkers()) {
                page.raw("<h3>").text(runs.checkerTitle(checker)).raw(" <span class=\"expected\">(catalogue: ")
                        .text(row.expectedOf(checker).words()).raw(")</span></h3>\n");
                for (int i = 0; i < runs.size(); i++) {
                    page.raw(checks(runs, i, row, checker, counterexamples));
                }
            }
            page.raw("</section>\n");
        }
        return page.finish();
    }

    private static String checks(Runs runs, int run, CatalogueRow row, String checker, CounterexampleIndex cx) {
        List<CheckResult> checks = runs.checks(run, row.id(), checker);
        Cell cell = runs.cell(run, row, checker);
        StringBuilder b = new StringBuilder("<div class=\"run-checks\" data-run=\"").append(run).append("\">");
        b.append("<p class=\"run-label\">").append(Html.escape(runs.label(run))).append(": <span class=\"badge ")
                .append(cell.kind().cssClass()).append("\">").append(Html.escape(cell.words())).append("</span> ")
                .append(Html.escape(cell.why())).append("</p>\n");
        for (CheckResult c : checks) {
            b.append("<div class=\"check\"><p><code>").append(Html.escape(c.test())).append("</code> ")
                    .append(Badges.of(c.verdict()))
                    .append(c.asExpected() ? "" : " <span class=\"unexpected\">unexpected</span>").append("</p>\n");
            if (!c.verdict().detail().isEmpty()) {
                b.append("<p class=\"detail\">").append(Html.escape(c.verdict().detail())).append("</p>\n");
            }
            b.append(figures(c.figures()));
            if (!c.outcomes().isEmpty()) {
                b.append(OutcomeBars.render(c.outcomes()));
            }
            String link = cx.pageOf(run, c);
            if (link != null) {
                b.append("<p><a class=\"cx-link\" href=\"").append(link).append("\">counterexample: ")
                        .append(c.counterexample().events().size()).append(" events")
                        .append(c.counterexample().schedule().isEmpty() ? "" : ", replayable").append("</a></p>\n");
            }
            b.append("</div>\n");
        }
        return b.append("</div>\n").toString();
    }

    /** The figures a check has, as a definition list. */
    static String figures(Figures f) {
        StringBuilder b = new StringBuilder("<dl class=\"figures\">");
        figure(b, "executions", f.executions());
        figure(b, "traces", f.traces());
        figure(b, "scenarios", f.scenarios());
        figure(b, "invocations", f.invocations());
        figure(b, "samples", f.samples());
        if (f.wallMillis() >= 0) {
            b.append("<dt>time</dt><dd>").append(Html.millis(f.wallMillis())).append("</dd>");
        }
        f.more().forEach((name, value) -> figure(b, Html.escape(name), value));
        return b.append("</dl>\n").toString();
    }

    private static void figure(StringBuilder b, String name, long value) {
        if (value >= 0) {
            b.append("<dt>").append(name).append("</dt><dd>").append(Html.count(value)).append("</dd>");
        }
    }
}
