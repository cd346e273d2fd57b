package org.refcheck.stress.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.refcheck.stress.catalogue.Checker;
import org.refcheck.stress.catalogue.Entry;
import org.refcheck.stress.catalogue.Expectation;
import org.refcheck.stress.catalogue.Expected;
import org.refcheck.stress.catalogue.Original;
import org.refcheck.stress.verdict.Observation;
import org.refcheck.stress.verdict.VerdictRecord;

/** The summary's rules on synthetic verdicts: every rule is shown to fail the build at least once. */
class SummaryRulesTest {

    private static final Original O = new Original("toy", "toy.c");
    private static final Entry CORRECT = new Entry("toy", "correct", "", "a toy protocol for the summary's tests", O,
            List.of(Expected.PASSES, Expected.PASSES, Expected.PASSES));
    private static final Entry MUTANT = new Entry("toy", "racy-get", "B1", "a toy mutant for the summary's tests", O,
            List.of(Expected.CATCHES, Expected.CATCHES, Expected.CATCHES));
    private static final Entry WEAK = new Entry("toy", "no-fence", "B7", "a toy weak-memory mutant", O,
            List.of(Expected.notExpected("x86 is TSO"), Expected.notExpected("SC only"),
                    Expected.notExpected("SC only")));
    private static final Entry PENDING = new Entry("toy", "later", "B2", "a toy mutant with no tests yet", O,
            List.of(Expected.pending(Expected.CATCHES), Expected.pending(Expected.CATCHES),
                    Expected.pending(Expected.CATCHES)));
    private static final List<Entry> CATALOGUE = List.of(CORRECT, MUTANT, WEAK, PENDING);

    @Test
    void aGoodRunPassesAndShowsTheMatrix() {
        SummaryRules.Report r = SummaryRules.evaluate(CATALOGUE, List.of(
                CheckerRun.ran(Checker.JCSTRESS, good(Checker.JCSTRESS), true),
                CheckerRun.ran(Checker.LINCHECK, good(Checker.LINCHECK), true),
                CheckerRun.ran(Checker.MODEL, good(Checker.MODEL), true)));
        assertEquals(List.of(), r.problems());
        assertTrue(r.text().contains("toy/racy-get"), r.text());
        assertTrue(r.text().contains("ok CATCHES: caught 1/1, 35.8M samples, 10.2 s"), r.text());
        assertTrue(r.text().contains("ok PASSES: passed 0/1"), r.text());
        assertTrue(r.text().contains("PEND CATCHES: pending"), r.text());
        assertTrue(r.text().contains("n/a NOT_EXPECTED: no test"), r.text());
        assertTrue(r.text().contains("jcstress: mutants caught 1/1"), r.text());
        assertTrue(r.text().contains("canary"), r.text());
    }

    @Test
    void aMissingVerdictDirectoryFails() {
        SummaryRules.Report r = SummaryRules.evaluate(CATALOGUE, List.of(
                CheckerRun.ran(Checker.JCSTRESS, good(Checker.JCSTRESS), true),
                CheckerRun.missing(Checker.LINCHECK, "no verdict directory target/verdicts/lincheck"),
                CheckerRun.ran(Checker.MODEL, good(Checker.MODEL), true)));
        assertProblem(r, "Lincheck: no verdict directory");
    }

    @Test
    void aSkippedCheckerIsShownButDoesNotFail() {
        SummaryRules.Report r = SummaryRules.evaluate(CATALOGUE, List.of(
                CheckerRun.ran(Checker.JCSTRESS, good(Checker.JCSTRESS), true),
                CheckerRun.skipped(Checker.LINCHECK, "skipped on purpose"),
                CheckerRun.ran(Checker.MODEL, good(Checker.MODEL), true)));
        assertEquals(List.of(), r.problems());
        assertTrue(r.text().contains("SKIP CATCHES: skipped on purpose"), r.text());
    }

    @Test
    void aCheckerThatRanNothingFails() {
        SummaryRules.Report r = SummaryRules.evaluate(CATALOGUE, List.of(
                CheckerRun.ran(Checker.JCSTRESS, good(Checker.JCSTRESS), true),
                CheckerRun.ran(Checker.LINCHECK, List.of(), false),
                CheckerRun.ran(Checker.MODEL, good(Checker.MODEL), true)));
        assertProblem(r, "Lincheck ran nothing");
    }

    @Test
    void aFlaggedCorrectProtocolFails() {
        List<VerdictRecord> records = new ArrayList<>(good(Checker.LINCHECK));
        records.set(0, entry(Checker.LINCHECK, CORRECT, Observation.CAUGHT));
        SummaryRules.Report r = SummaryRules.evaluate(CATALOGUE, List.of(
                CheckerRun.ran(Checker.JCSTRESS, good(Checker.JCSTRESS), true),
                CheckerRun.ran(Checker.LINCHECK, records, true),
                CheckerRun.ran(Checker.MODEL, good(Checker.MODEL), true)));
        assertProblem(r, "toy/correct: correct protocol flagged by Lincheck");
        assertTrue(r.text().contains("FAIL PASSES: caught 1/1"), r.text());
    }

    @Test
    void aMutantThatWasNotCaughtFails() {
        List<VerdictRecord> records = new ArrayList<>(good(Checker.JCSTRESS));
        records.add(entry(Checker.JCSTRESS, MUTANT, Observation.PASSED));
        SummaryRules.Report r = SummaryRules.evaluate(CATALOGUE, List.of(
                CheckerRun.ran(Checker.JCSTRESS, records, true),
                CheckerRun.ran(Checker.LINCHECK, good(Checker.LINCHECK), true),
                CheckerRun.ran(Checker.MODEL, good(Checker.MODEL), true)));
        assertProblem(r, "toy/racy-get (B1): jcstress test");
        assertProblem(r, "did not catch the mutant the catalogue says it catches");
        assertTrue(r.text().contains("FAIL CATCHES: mixed 1/2"), r.text());
        assertTrue(r.text().contains("jcstress: mutants caught 0/1"), r.text());
    }

    @Test
    void aMutantWithoutTestsFailsOnlyWhenTheWholeSuiteRan() {
        List<VerdictRecord> withoutMutant = good(Checker.LINCHECK).stream()
                .filter(v -> !v.variant().equals("racy-get")).toList();
        SummaryRules.Report full = SummaryRules.evaluate(CATALOGUE, List.of(
                CheckerRun.ran(Checker.JCSTRESS, good(Checker.JCSTRESS), true),
                CheckerRun.ran(Checker.LINCHECK, withoutMutant, true),
                CheckerRun.ran(Checker.MODEL, good(Checker.MODEL), true)));
        assertProblem(full, "toy/racy-get: the catalogue expects Lincheck to catch it, but no Lincheck test of it ran");
        SummaryRules.Report subset = SummaryRules.evaluate(CATALOGUE, List.of(
                CheckerRun.ran(Checker.JCSTRESS, good(Checker.JCSTRESS), true),
                CheckerRun.ran(Checker.LINCHECK, withoutMutant, false),
                CheckerRun.ran(Checker.MODEL, good(Checker.MODEL), true)));
        assertEquals(List.of(), subset.problems());
    }

    @Test
    void aTestOfAPendingCellFails() {
        List<VerdictRecord> records = new ArrayList<>(good(Checker.LINCHECK));
        records.add(entry(Checker.LINCHECK, PENDING, Observation.CAUGHT));
        SummaryRules.Report r = SummaryRules.evaluate(CATALOGUE, List.of(
                CheckerRun.ran(Checker.JCSTRESS, good(Checker.JCSTRESS), true),
                CheckerRun.ran(Checker.LINCHECK, records, true),
                CheckerRun.ran(Checker.MODEL, good(Checker.MODEL), true)));
        assertProblem(r, "toy/later: Lincheck tests exist but the catalogue cell is still pending");
    }

    @Test
    void anErrorRecordFails() {
        List<VerdictRecord> records = new ArrayList<>(good(Checker.JCSTRESS));
        records.add(entry(Checker.JCSTRESS, CORRECT, Observation.ERROR));
        SummaryRules.Report r = SummaryRules.evaluate(CATALOGUE, List.of(
                CheckerRun.ran(Checker.JCSTRESS, records, true),
                CheckerRun.ran(Checker.LINCHECK, good(Checker.LINCHECK), true),
                CheckerRun.ran(Checker.MODEL, good(Checker.MODEL), true)));
        assertProblem(r, "toy/correct: jcstress test");
        assertProblem(r, "broke");
    }

    @Test
    void aSilentCanaryOrAFlaggedSelfCheckFails() {
        List<VerdictRecord> records = new ArrayList<>(good(Checker.LINCHECK));
        records.add(VerdictRecord.forSelfCheck(Checker.LINCHECK, "canary-2", "T#canary2", Expectation.CATCHES,
                Observation.PASSED, "no failure", 2000, "invocations", 900, List.of()));
        records.add(VerdictRecord.forSelfCheck(Checker.LINCHECK, "mutex", "T#mutex", Expectation.PASSES,
                Observation.CAUGHT, "IncorrectResultsFailure", 20, "invocations", 900, List.of()));
        SummaryRules.Report r = SummaryRules.evaluate(CATALOGUE, List.of(
                CheckerRun.ran(Checker.JCSTRESS, good(Checker.JCSTRESS), true),
                CheckerRun.ran(Checker.LINCHECK, records, true),
                CheckerRun.ran(Checker.MODEL, good(Checker.MODEL), true)));
        assertProblem(r, "Lincheck self-check canary-2 is a canary and was not caught");
        assertProblem(r, "Lincheck self-check mutex was flagged");
    }

    @Test
    void aRecordForAnUnknownEntryFails() {
        List<VerdictRecord> records = new ArrayList<>(good(Checker.JCSTRESS));
        Entry stranger = new Entry("other", "correct", "", "not in the toy catalogue at all", O,
                List.of(Expected.PASSES, Expected.PASSES, Expected.PASSES));
        records.add(entry(Checker.JCSTRESS, stranger, Observation.PASSED));
        SummaryRules.Report r = SummaryRules.evaluate(CATALOGUE, List.of(
                CheckerRun.ran(Checker.JCSTRESS, records, true),
                CheckerRun.ran(Checker.LINCHECK, good(Checker.LINCHECK), true),
                CheckerRun.ran(Checker.MODEL, good(Checker.MODEL), true)));
        assertProblem(r, "records other/correct, which is not in the catalogue");
    }

    @Test
    void notRunTestsAreShownAndDoNotCountAsCoverage() {
        List<VerdictRecord> records = new ArrayList<>(good(Checker.JCSTRESS));
        records.removeIf(v -> v.variant().equals("correct"));
        records.add(VerdictRecord.forEntry(Checker.JCSTRESS, CORRECT, "t.Toy.Correct3", Observation.NOT_RUN,
                "needs >= 3 CPUs, this host has 2", 0, "samples", 0, List.of()));
        SummaryRules.Report r = SummaryRules.evaluate(CATALOGUE, List.of(
                CheckerRun.ran(Checker.JCSTRESS, records, true),
                CheckerRun.ran(Checker.LINCHECK, good(Checker.LINCHECK), true),
                CheckerRun.ran(Checker.MODEL, good(Checker.MODEL), true)));
        assertProblem(r, "toy/correct: the catalogue expects jcstress to pass it, but no jcstress test of it ran");
        assertTrue(r.text().contains("not run (needs >= 3 CPUs"), r.text());
    }

    @Test
    void aCheckerWithoutAnyRunFails() {
        SummaryRules.Report r = SummaryRules.evaluate(CATALOGUE, List.of(
                CheckerRun.ran(Checker.JCSTRESS, good(Checker.JCSTRESS), true),
                CheckerRun.ran(Checker.MODEL, good(Checker.MODEL), true)));
        assertProblem(r, "Lincheck: the summary was given no run");
    }

    private static List<VerdictRecord> good(Checker checker) {
        return List.of(entry(checker, CORRECT, Observation.PASSED),
                entry(checker, MUTANT, Observation.CAUGHT),
                VerdictRecord.forSelfCheck(checker, "canary", "T#canary", Expectation.CATCHES, Observation.CAUGHT,
                        "race seen", 1000, "samples", 400, List.of()));
    }

    private static VerdictRecord entry(Checker checker, Entry e, Observation observed) {
        return VerdictRecord.forEntry(checker, e, "t." + e.variant(), observed, observed.name().toLowerCase(),
                35_800_000L, "samples", 10_200, List.of());
    }

    private static void assertProblem(SummaryRules.Report report, String fragment) {
        assertTrue(report.problems().stream().anyMatch(p -> p.contains(fragment)),
                "expected a problem containing '" + fragment + "', got " + report.problems());
        assertFalse(report.passed());
    }
}
