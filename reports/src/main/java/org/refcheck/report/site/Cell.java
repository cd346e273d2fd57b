package org.refcheck.report.site;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.refcheck.report.schema.CheckResult;
import org.refcheck.report.schema.CheckerState;
import org.refcheck.report.schema.ExpectedVerdict;
import org.refcheck.report.schema.Figures;
import org.refcheck.report.schema.VerdictKind;

/**
 * The verdict of one matrix cell (one catalogue entry, one checker, one run), summed over the cell's tests.
 *
 * <p>The strongest finding wins: an error, then a violation, then an inconclusive test, then a sampled pass; a cell
 * is exhaustive only if every test that ran was. A cell without tests says why: the checker did not run, the
 * catalogue's tests are pending, or the catalogue does not expect the checker to see the bug.
 *
 * @param kind      the cell's verdict
 * @param words     the verdict in words, naming the oracle of a violation
 * @param why       for NOT_RUN and ERROR: why; for a violation: how many tests caught it and how fast
 * @param caught    tests that reported a violation
 * @param ran       tests that ran (not NOT_RUN)
 * @param expected  what the catalogue demands
 * @param asExpected whether the verdict meets the demand (a cell without tests never fails it)
 */
record Cell(VerdictKind kind, String words, String why, int caught, int ran, ExpectedVerdict expected,
            boolean asExpected) {

    static Cell of(List<CheckResult> checks, ExpectedVerdict expected, CheckerState state) {
        if (checks.isEmpty()) {
            String why = !state.ran() ? state.title() + " " + state.why()
                    : expected.pending() ? "no test yet (the catalogue marks it pending)"
                    : expected.expectation().equals(ExpectedVerdict.NOT_EXPECTED) ? "no test: " + expected.reason()
                    : state.fullSet() ? "no test ran, although the catalogue asks for one"
                    : "not selected by this run's test filter";
            return new Cell(VerdictKind.NOT_RUN, VerdictKind.NOT_RUN.words(), why, 0, 0, expected, true);
        }
        int caught = 0;
        int ran = 0;
        Set<String> oracles = new LinkedHashSet<>();
        Set<VerdictKind> kinds = java.util.EnumSet.noneOf(VerdictKind.class);
        String firstWhy = "";
        for (CheckResult c : checks) {
            VerdictKind k = c.verdict().kind();
            kinds.add(k);
            if (k != VerdictKind.NOT_RUN) {
                ran++;
            }
            if (k == VerdictKind.VIOLATION) {
                caught++;
                oracles.add(c.verdict().oracle());
            }
            if ((k == VerdictKind.ERROR || k == VerdictKind.NOT_RUN || k == VerdictKind.INCONCLUSIVE)
                    && firstWhy.isEmpty()) {
                firstWhy = c.verdict().detail();
            }
        }
        VerdictKind kind = kinds.contains(VerdictKind.ERROR) ? VerdictKind.ERROR
                : kinds.contains(VerdictKind.VIOLATION) ? VerdictKind.VIOLATION
                : kinds.contains(VerdictKind.INCONCLUSIVE) ? VerdictKind.INCONCLUSIVE
                : ran == 0 ? VerdictKind.NOT_RUN
                : kinds.contains(VerdictKind.PASSED_SAMPLED) ? VerdictKind.PASSED_SAMPLED
                : VerdictKind.PASSED_EXHAUSTIVE;
        String words = kind == VerdictKind.VIOLATION ? kind.words() + ": " + String.join(", ", oracles)
                : kind.words();
        String why = switch (kind) {
            case VIOLATION -> "caught by " + caught + " of " + Html.quantity(ran, "test") + fastest(checks);
            case PASSED_EXHAUSTIVE, PASSED_SAMPLED -> Html.quantity(ran, "test");
            default -> firstWhy;
        };
        boolean met = checks.stream().filter(c -> c.verdict().kind() != VerdictKind.NOT_RUN)
                .allMatch(CheckResult::asExpected);
        return new Cell(kind, words, why, caught, ran, expected, met && kind != VerdictKind.ERROR);
    }

    /** "; first in 12 invocations, 0.3 s": the cheapest catch, in the checker's own unit. */
    private static String fastest(List<CheckResult> checks) {
        CheckResult best = null;
        for (CheckResult c : checks) {
            if (c.verdict().kind() == VerdictKind.VIOLATION
                    && (best == null || c.figures().wallMillis() < best.figures().wallMillis())) {
                best = c;
            }
        }
        if (best == null) {
            return "";
        }
        Figures f = best.figures();
        String effort = f.executions() >= 0 ? Html.quantity(f.executions(), "execution")
                : f.invocations() >= 0 ? Html.quantity(f.invocations(), "invocation")
                : f.samples() >= 0 ? Html.quantity(f.samples(), "sample") : "";
        String time = f.wallMillis() >= 0 ? Html.millis(f.wallMillis()) : "";
        String both = effort.isEmpty() ? time : time.isEmpty() ? effort : effort + ", " + time;
        return both.isEmpty() ? "" : "; fastest: " + both;
    }

    /** Whether this cell is a mutant that was caught, for the detection matrix. */
    boolean detected() {
        return kind == VerdictKind.VIOLATION;
    }

    /** What two runs compare: the verdict kind, the oracle, and for a violation how many tests caught it. */
    String comparisonKey() {
        return kind == VerdictKind.VIOLATION ? words + " " + caught + "/" + ran : words;
    }
}
