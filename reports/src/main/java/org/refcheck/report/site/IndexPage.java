package org.refcheck.report.site;

import java.util.List;
import org.refcheck.report.schema.CatalogueRow;
import org.refcheck.report.schema.CheckResult;
import org.refcheck.report.schema.Environment;
import org.refcheck.report.schema.VerdictKind;

/**
 * {@code index.html}: the totals first (per run), then the protocol × checker matrix, the mutant detection matrix,
 * the infrastructure self-checks, the environment, and links to the protocol pages.
 */
final class IndexPage {

    private IndexPage() {
    }

    static String render(Runs runs, CounterexampleIndex counterexamples) {
        Page page = new Page("refcheck results", runs.size() == 1 ? "one run: " + runs.label(0)
                : runs.size() + " runs merged: " + String.join(", ", labels(runs)));
        page.raw("<section id=\"totals\"><h2>Totals</h2>\n");
        for (int i = 0; i < runs.size(); i++) {
            page.raw(totals(runs, i));
        }
        page.raw("</section>\n");
        List<CatalogueRow> correct = runs.rows().stream().filter(r -> !r.isMutant()).toList();
        List<CatalogueRow> mutants = runs.rows().stream().filter(CatalogueRow::isMutant).toList();
        page.raw("<section><h2>Protocols × checkers</h2>\n<p class=\"legend\">A correct protocol must pass. ")
                .raw(legend()).raw("</p>\n")
                .raw(MatrixTable.render(runs, correct, false, "protocol-matrix")).raw("</section>\n");
        page.raw("<section><h2>Mutant detection</h2>\n<p class=\"legend\">Each mutant is a protocol with one known "
                        + "bug. A checker the catalogue says must catch it and does not has lost its power.</p>\n")
                .raw(MatrixTable.render(runs, mutants, true, "mutant-matrix")).raw("</section>\n");
        page.raw(selfChecks(runs, counterexamples));
        page.raw("<section id=\"environment\"><h2>Environment</h2>\n").raw(EnvironmentPage.table(runs))
                .raw("</section>\n");
        page.raw("<section><h2>Protocol pages</h2>\n<ul class=\"protocols\">\n");
        for (String protocol : runs.protocols()) {
            CatalogueRow first = runs.rowsOf(protocol).get(0);
            page.raw("<li><a href=\"").raw(ProtocolPage.fileName(protocol)).raw("\">").text(protocol).raw("</a> — ")
                    .text(first.original()).raw("</li>\n");
        }
        page.raw("</ul></section>\n");
        return page.finish();
    }

    private static List<String> labels(Runs runs) {
        return java.util.stream.IntStream.range(0, runs.size()).mapToObj(runs::label).toList();
    }

    private static String legend() {
        StringBuilder b = new StringBuilder("Verdicts: ");
        for (VerdictKind k : VerdictKind.values()) {
            b.append("<span class=\"badge ").append(k.cssClass()).append("\">").append(Html.escape(k.words()))
                    .append("</span> ");
        }
        return b.toString();
    }

    private static String totals(Runs runs, int i) {
        Environment env = runs.run(i).environment();
        List<CheckResult> checks = runs.run(i).checks();
        long mutants = runs.rows().stream().filter(CatalogueRow::isMutant).count();
        long caught = runs.rows().stream().filter(CatalogueRow::isMutant)
                .filter(r -> runs.checkers().stream().anyMatch(c -> runs.cell(i, r, c).detected())).count();
        long uncatchable = runs.rows().stream().filter(CatalogueRow::isMutant)
                .filter(r -> runs.checkers().stream().noneMatch(c -> r.expectedOf(c).expectation()
                        .equals(org.refcheck.report.schema.ExpectedVerdict.CATCHES))).count();
        long flagged = runs.rows().stream().filter(r -> !r.isMutant())
                .filter(r -> runs.checkers().stream().anyMatch(c -> runs.cell(i, r, c).detected())).count();
        long unexpected = checks.stream().filter(c -> c.verdict().kind() != VerdictKind.NOT_RUN)
                .filter(c -> !c.asExpected()).count();
        long notRun = checks.stream().filter(c -> c.verdict().kind() == VerdictKind.NOT_RUN).count();
        long errors = checks.stream().filter(c -> c.verdict().kind() == VerdictKind.ERROR).count();
        long protocols = runs.rows().stream().filter(r -> !r.isMutant()).count();
        StringBuilder b = new StringBuilder("<div class=\"totals").append(unexpected + errors + flagged > 0
                ? " bad" : " good").append("\" data-run=\"").append(i).append("\"><h3>")
                .append(Html.escape(runs.label(i))).append("</h3><p class=\"headline\">")
                .append(protocols).append(" protocols, ").append(runs.checkers().size()).append(" checkers, ")
                .append(checks.size()).append(" checks; correct protocols flagged: ").append(flagged)
                .append("; mutants caught: ").append(caught).append('/').append(mutants)
                .append(uncatchable == 0 ? "" : " (" + uncatchable + " not expected of any checker)")
                .append("</p><p>")
                .append(unexpected).append(" unexpected verdicts, ").append(errors).append(" errors, ")
                .append(notRun).append(" tests not run. ").append(Html.escape(env.jvmVendor())).append(' ')
                .append(Html.escape(env.jvmVersion())).append(", ").append(env.cpuCount()).append(" CPUs, mode ")
                .append(Html.escape(env.mode())).append(", ").append(Html.escape(env.startTime())).append(" to ")
                .append(Html.escape(env.endTime())).append(" (<a href=\"environment.html\">environment</a>)</p>");
        for (int c = 0; c < runs.run(i).checkers().size(); c++) {
            var state = runs.run(i).checkers().get(c);
            if (!state.ran()) {
                b.append("<p class=\"not-run\">").append(Html.escape(state.title())).append(": not run, ")
                        .append(Html.escape(state.why())).append("</p>");
            }
        }
        return b.append("</div>\n").toString();
    }

    private static String selfChecks(Runs runs, CounterexampleIndex counterexamples) {
        StringBuilder b = new StringBuilder("<section><h2>Self-checks and canaries</h2>\n<p class=\"legend\">"
                + "Harness tests with no catalogue entry: a canary must be caught, or its checker proves nothing."
                + "</p>\n<table class=\"checks\" id=\"selfchecks\"><thead><tr><th>run</th><th>checker</th>"
                + "<th>self-check</th><th>verdict</th><th>expected</th><th>trace</th></tr></thead><tbody>\n");
        for (int i = 0; i < runs.size(); i++) {
            for (CheckResult c : runs.run(i).checks()) {
                if (c.protocol().equals(CheckResult.SELF_CHECK)) {
                    b.append("<tr><td>").append(Html.escape(runs.label(i))).append("</td><td>")
                            .append(Html.escape(runs.checkerTitle(c.checker()))).append("</td><td>")
                            .append(Html.escape(c.variant())).append("</td><td>").append(Badges.of(c.verdict()))
                            .append("</td><td>").append(Html.escape(c.expected().words()))
                            .append(c.asExpected() ? "" : " <span class=\"unexpected\">unexpected</span>")
                            .append("</td><td>");
                    String cx = counterexamples.pageOf(i, c);
                    if (cx != null) {
                        b.append("<a class=\"cx-link\" href=\"").append(cx).append("\">counterexample</a>");
                    }
                    b.append("</td></tr>\n");
                }
            }
        }
        return b.append("</tbody></table></section>\n").toString();
    }
}
