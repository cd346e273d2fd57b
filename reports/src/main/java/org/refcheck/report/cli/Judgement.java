package org.refcheck.report.cli;

import java.util.ArrayList;
import java.util.List;
import org.refcheck.report.schema.CatalogueRow;
import org.refcheck.report.schema.CheckResult;
import org.refcheck.report.schema.CheckerState;
import org.refcheck.report.schema.ExpectedVerdict;
import org.refcheck.report.schema.RunReport;
import org.refcheck.report.schema.VerdictKind;

/**
 * Holds a run's results to the catalogue: a correct protocol flagged, a mutant missed, a check that broke, and,
 * for a checker that ran its whole suite, a catalogue cell that demands a test none of which ran. An empty list of
 * problems is the command's exit status 0; any problem is status 1.
 *
 * <p>It reads only the results document, so a run on one machine and the merge of many shards are judged alike.
 */
final class Judgement {

    private Judgement() {
    }

    /** One line per problem, in catalogue order. */
    static List<String> problems(RunReport run) {
        List<String> problems = new ArrayList<>();
        for (CatalogueRow row : run.entries()) {
            for (CheckerState state : run.checkers()) {
                List<CheckResult> checks = run.checks().stream()
                        .filter(c -> c.entryId().equals(row.id()) && c.checker().equals(state.id())).toList();
                ExpectedVerdict expected = row.expectedOf(state.id());
                for (CheckResult c : checks) {
                    String problem = problemOf(row, state, c);
                    if (problem != null) {
                        problems.add(problem);
                    }
                }
                boolean demanded = !expected.pending() && !expected.expectation().equals(ExpectedVerdict.NOT_EXPECTED);
                boolean anyRan = checks.stream().anyMatch(c -> c.verdict().kind() != VerdictKind.NOT_RUN);
                if (state.ran() && state.fullSet() && demanded && !anyRan) {
                    problems.add("no " + state.title() + " test ran for " + row.id() + ", although the catalogue "
                            + "says it " + expected.words());
                }
            }
        }
        for (CheckResult c : run.checks()) {
            if (c.protocol().equals(CheckResult.SELF_CHECK)) {
                String problem = problemOf(null, run.checker(c.checker()), c);
                if (problem != null) {
                    problems.add(problem);
                }
            }
        }
        return problems;
    }

    private static String problemOf(CatalogueRow row, CheckerState state, CheckResult c) {
        VerdictKind kind = c.verdict().kind();
        if (kind == VerdictKind.ERROR) {
            return "error in " + state.title() + " test " + c.test() + " (" + c.entryId() + "): "
                    + c.verdict().detail();
        }
        if (kind == VerdictKind.NOT_RUN || c.asExpected()) {
            return null;
        }
        String what = row == null ? "self-check " + c.entryId()
                : row.isMutant() ? "mutant " + row.id() + (row.bugId().isEmpty() ? "" : " (" + row.bugId() + ")")
                : "correct protocol " + row.id();
        return switch (c.expected().expectation()) {
            case ExpectedVerdict.CATCHES -> what + " was missed by " + state.title() + ": " + c.test() + " "
                    + c.verdict().words() + (c.verdict().detail().isEmpty() ? "" : " (" + c.verdict().detail() + ")");
            case ExpectedVerdict.PASSES -> what + (kind == VerdictKind.VIOLATION ? " was flagged by "
                    : " was not verified by ") + state.title() + ": " + c.test() + " "
                    + c.verdict().words() + (c.verdict().detail().isEmpty() ? "" : " (" + c.verdict().detail() + ")");
            default -> null;
        };
    }
}
