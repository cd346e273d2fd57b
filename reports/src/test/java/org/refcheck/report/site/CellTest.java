package org.refcheck.report.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.refcheck.report.schema.CheckResult;
import org.refcheck.report.schema.CheckerState;
import org.refcheck.report.schema.ExpectedVerdict;
import org.refcheck.report.schema.Figures;
import org.refcheck.report.schema.Verdict;
import org.refcheck.report.schema.VerdictKind;

class CellTest {

    private static final ExpectedVerdict PASSES = new ExpectedVerdict(ExpectedVerdict.PASSES, "", false);
    private static final ExpectedVerdict CATCHES = new ExpectedVerdict(ExpectedVerdict.CATCHES, "", false);
    private static final CheckerState RAN = new CheckerState("model", "refcheck model checker", true, true, "");

    @Test
    void aCellIsExhaustiveOnlyIfEveryTestIs() {
        Cell cell = Cell.of(List.of(check(VerdictKind.PASSED_EXHAUSTIVE, PASSES, 10),
                check(VerdictKind.PASSED_SAMPLED, PASSES, 10)), PASSES, RAN);
        assertEquals(VerdictKind.PASSED_SAMPLED, cell.kind());
        assertEquals("2 tests", cell.why());
        assertTrue(cell.asExpected());
    }

    @Test
    void anErrorOutranksAViolation() {
        Cell cell = Cell.of(List.of(check(VerdictKind.VIOLATION, CATCHES, 10), check(VerdictKind.ERROR, CATCHES, 10)),
                CATCHES, RAN);
        assertEquals(VerdictKind.ERROR, cell.kind());
        assertFalse(cell.asExpected(), "a broken harness never meets the catalogue");
    }

    @Test
    void aViolationSaysHowManyTestsCaughtItAndTheFastest() {
        Cell cell = Cell.of(List.of(check(VerdictKind.VIOLATION, CATCHES, 900), check(VerdictKind.VIOLATION, CATCHES,
                40), check(VerdictKind.PASSED_EXHAUSTIVE, CATCHES, 5)), CATCHES, RAN);
        assertEquals("violation: use after free", cell.words());
        assertEquals("caught by 2 of 3 tests; fastest: 1 execution, 40 ms", cell.why());
        assertFalse(cell.asExpected(), "one test of a must-catch mutant missed it");
    }

    @Test
    void aCellWithoutTestsSaysWhy() {
        CheckerState skipped = new CheckerState("jcstress", "jcstress", false, false, "skipped on purpose");
        assertEquals("jcstress skipped on purpose", Cell.of(List.of(), PASSES, skipped).why());
        ExpectedVerdict pending = new ExpectedVerdict(ExpectedVerdict.CATCHES, "", true);
        assertEquals("no test yet (the catalogue marks it pending)", Cell.of(List.of(), pending, RAN).why());
        ExpectedVerdict weak = new ExpectedVerdict(ExpectedVerdict.NOT_EXPECTED, "needs weak memory", false);
        assertEquals("no test: needs weak memory", Cell.of(List.of(), weak, RAN).why());
        CheckerState filtered = new CheckerState("model", "refcheck model checker", true, false, "");
        assertEquals("not selected by this run's test filter", Cell.of(List.of(), PASSES, filtered).why());
        assertEquals(VerdictKind.NOT_RUN, Cell.of(List.of(), PASSES, filtered).kind());
    }

    private static CheckResult check(VerdictKind kind, ExpectedVerdict expected, long millis) {
        Verdict v = new Verdict(kind, kind == VerdictKind.VIOLATION ? "use after free" : "", "detail");
        return new CheckResult("ref", "touch-after-dec", "model", "T#" + kind + millis, v, expected,
                Figures.model(1, 1, millis), List.of(), null);
    }
}
