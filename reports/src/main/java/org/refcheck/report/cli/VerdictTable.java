package org.refcheck.report.cli;

import java.util.ArrayList;
import java.util.List;
import org.refcheck.report.schema.CatalogueRow;
import org.refcheck.report.schema.CheckResult;
import org.refcheck.report.schema.CheckerState;
import org.refcheck.report.schema.ExpectedVerdict;
import org.refcheck.report.schema.RunReport;
import org.refcheck.report.schema.VerdictKind;
import org.refcheck.stress.TextTable;

/**
 * The verdicts of a run as a text table for the terminal: one row per protocol and mutant, one column per checker
 * that ran, each cell what the catalogue demands and what the checker concluded, e.g. {@code must catch: caught
 * 2/2}, {@code must pass: passed 3/3}, {@code MISSED 0/2}, {@code FLAGGED 1/3}; {@code -} where no test ran.
 */
final class VerdictTable {

    private VerdictTable() {
    }

    static String render(RunReport run) {
        List<CheckerState> ran = run.checkers().stream().filter(CheckerState::ran).toList();
        List<String> header = new ArrayList<>(List.of("ENTRY", "BUG"));
        ran.forEach(c -> header.add(c.title()));
        List<List<String>> rows = new ArrayList<>();
        for (CatalogueRow row : run.entries()) {
            List<String> cells = new ArrayList<>(List.of(row.id(), row.bugId().isEmpty() ? "-" : row.bugId()));
            boolean any = false;
            for (CheckerState c : ran) {
                List<CheckResult> checks = run.checks().stream()
                        .filter(k -> k.entryId().equals(row.id()) && k.checker().equals(c.id())
                                && k.verdict().kind() != VerdictKind.NOT_RUN).toList();
                any |= !checks.isEmpty();
                cells.add(cell(row.expectedOf(c.id()), checks));
            }
            if (any) {
                rows.add(cells);
            }
        }
        return TextTable.render(header, rows);
    }

    static String cell(ExpectedVerdict expected, List<CheckResult> checks) {
        if (checks.isEmpty()) {
            return "-";
        }
        long caught = checks.stream().filter(c -> c.verdict().kind() == VerdictKind.VIOLATION).count();
        long errors = checks.stream().filter(c -> c.verdict().kind() == VerdictKind.ERROR).count();
        long passed = checks.stream().filter(c -> c.verdict().kind().passed()).count();
        int n = checks.size();
        if (errors > 0) {
            return "ERROR " + errors + "/" + n;
        }
        return switch (expected.expectation()) {
            case ExpectedVerdict.CATCHES -> caught == n ? "ok caught " + n + "/" + n
                    : "MISSED " + (n - caught) + "/" + n;
            case ExpectedVerdict.PASSES -> passed == n ? "ok passed " + n + "/" + n
                    : caught > 0 ? "FLAGGED " + caught + "/" + n : "UNVERIFIED " + (n - passed) + "/" + n;
            default -> "n/a " + (caught > 0 ? "caught " + caught + "/" + n : "passed " + passed + "/" + n);
        };
    }
}
