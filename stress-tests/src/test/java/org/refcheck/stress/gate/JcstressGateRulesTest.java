package org.refcheck.stress.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.refcheck.stress.gate.ObservedTest.ACCEPTABLE;
import static org.refcheck.stress.gate.ObservedTest.ACCEPTABLE_INTERESTING;
import static org.refcheck.stress.gate.ObservedTest.FORBIDDEN;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.refcheck.stress.catalogue.Entry;
import org.refcheck.stress.catalogue.Expected;
import org.refcheck.stress.catalogue.Original;
import org.refcheck.stress.verdict.Observation;
import org.refcheck.stress.verdict.OutcomeCount;
import org.refcheck.stress.verdict.VerdictRecord;

/** The gate's rules on synthetic runs: every rule is shown to fail the build at least once. */
class JcstressGateRulesTest {

    private static final Original O = new Original("toy", "toy.c");
    private static final Entry CORRECT = new Entry("toy", "correct", "", "a toy protocol for the gate's tests", O,
            List.of(Expected.PASSES, Expected.PASSES, Expected.PASSES));
    private static final Entry MUTANT = new Entry("toy", "racy-get", "B1", "a toy mutant for the gate's tests", O,
            List.of(Expected.CATCHES, Expected.CATCHES, Expected.CATCHES));
    private static final Entry WEAK = new Entry("toy", "no-fence", "B7", "a toy weak-memory mutant", O,
            List.of(Expected.notExpected("x86 is TSO"), Expected.notExpected("SC only"),
                    Expected.notExpected("SC only")));
    private static final Entry PENDING = new Entry("toy", "later", "B2", "a toy mutant with no tests yet", O,
            List.of(Expected.pending(Expected.CATCHES), Expected.pending(Expected.CATCHES),
                    Expected.pending(Expected.CATCHES)));
    private static final List<Entry> CATALOGUE = List.of(CORRECT, MUTANT, WEAK, PENDING);

    private static final int CPUS = 2;

    @Test
    void aGoodRunPassesAndRecordsEveryTest() {
        GateReport r = evaluate(List.of(
                        DeclaredTest.ofEntry("t.Toy.Correct", 2, CORRECT, false),
                        DeclaredTest.ofEntry("t.Toy.RacyGet", 2, MUTANT, true),
                        DeclaredTest.selfCheck("t.Canary", 2, true, true),
                        DeclaredTest.selfCheck("t.SelfCheck", 2, false, false)),
                run("t.Toy.Correct", outcome("0", ACCEPTABLE, 1000)),
                run("t.Toy.RacyGet", outcome("0", ACCEPTABLE, 900), outcome("1", ACCEPTABLE_INTERESTING, 100)),
                run("t.Canary", outcome("0", ACCEPTABLE, 900), outcome("1", ACCEPTABLE_INTERESTING, 100)),
                run("t.SelfCheck", outcome("2", ACCEPTABLE, 1000), outcome("1", FORBIDDEN, 0)));
        assertEquals(List.of(), r.problems());
        assertEquals(4, r.records().size());
        VerdictRecord mutant = r.records().get(1);
        assertEquals(Observation.CAUGHT, mutant.observed());
        assertEquals("B1", mutant.bugId());
        assertEquals(1000, mutant.count());
        assertTrue(mutant.detail().contains("10.00%"), mutant.detail());
        assertEquals(Observation.PASSED, r.records().get(0).observed());
        assertTrue(r.records().get(2).isSelfCheck());
    }

    @Test
    void nothingSelectedFails() {
        assertProblem(evaluate(List.of()), "no jcstress test was selected");
    }

    @Test
    void aSelectedTestWithoutResultsFails() {
        GateReport r = evaluate(List.of(DeclaredTest.ofEntry("t.Toy.Correct", 2, CORRECT, false)));
        assertProblem(r, "selected but produced no result");
    }

    @Test
    void aTestNeedingMoreCpusIsReportedNotRunWithoutFailing() {
        GateReport r = evaluate(List.of(DeclaredTest.ofEntry("t.Toy.Correct3", 3, CORRECT, false),
                        DeclaredTest.ofEntry("t.Toy.Correct", 2, CORRECT, false)),
                run("t.Toy.Correct", outcome("0", ACCEPTABLE, 10)));
        assertEquals(List.of(), r.problems());
        assertEquals(Observation.NOT_RUN, r.records().get(0).observed());
        assertTrue(r.notes().get(0).contains("NOT RUN (needs >= 3 CPUs, this host has 2)"), r.notes().toString());
    }

    @Test
    void anAbnormalStatusFails() {
        ObservedTest broken = new ObservedTest("t.Toy.Correct", 2, List.of("VM_ERROR in fork #0 []: crashed"),
                List.of(outcome("0", ACCEPTABLE, 10)), 400);
        GateReport r = JcstressGateRules.evaluate(List.of(DeclaredTest.ofEntry("t.Toy.Correct", 2, CORRECT, false)),
                Map.of("t.Toy.Correct", broken), CPUS, false, CATALOGUE);
        assertProblem(r, "1 of 2 configurations did not finish normally: VM_ERROR");
        assertEquals(Observation.ERROR, r.records().get(0).observed());
    }

    @Test
    void aCorrectProtocolWithAForbiddenOutcomeFails() {
        GateReport r = evaluate(List.of(DeclaredTest.ofEntry("t.Toy.Correct", 2, CORRECT, false)),
                run("t.Toy.Correct", outcome("0", ACCEPTABLE, 990), outcome("1", FORBIDDEN, 10)));
        assertProblem(r, "correct protocol toy/correct was flagged: FORBIDDEN outcome '1'");
        assertEquals(Observation.CAUGHT, r.records().get(0).observed());
    }

    @Test
    void aSelfCheckWithAForbiddenOutcomeFails() {
        GateReport r = evaluate(List.of(DeclaredTest.selfCheck("t.SelfCheck", 2, false, false)),
                run("t.SelfCheck", outcome("1", FORBIDDEN, 1)));
        assertProblem(r, "self-check was flagged");
    }

    @Test
    void aMutantThatIsNeverCaughtFails() {
        GateReport r = evaluate(List.of(DeclaredTest.ofEntry("t.Toy.RacyGet", 2, MUTANT, true)),
                run("t.Toy.RacyGet", outcome("0", ACCEPTABLE, 1000), outcome("1", ACCEPTABLE_INTERESTING, 0)));
        assertProblem(r, "mutant toy/racy-get (B1) was not caught: no ACCEPTABLE_INTERESTING outcome in 1,000 "
                + "samples; the test has lost its power");
        assertEquals(Observation.PASSED, r.records().get(0).observed());
    }

    @Test
    void aMutantTestThatCannotReportTheBugFails() {
        GateReport r = evaluate(List.of(DeclaredTest.ofEntry("t.Toy.RacyGet", 2, MUTANT, false)),
                run("t.Toy.RacyGet", outcome("0", ACCEPTABLE, 1000)));
        assertProblem(r, "declares no ACCEPTABLE_INTERESTING outcome");
    }

    @Test
    void aMutantWithAForbiddenOutcomeFails() {
        GateReport r = evaluate(List.of(DeclaredTest.ofEntry("t.Toy.RacyGet", 2, MUTANT, true)),
                run("t.Toy.RacyGet", outcome("1", ACCEPTABLE_INTERESTING, 5), outcome("2", FORBIDDEN, 1)));
        assertProblem(r, "a mutant test declares its bug's outcomes ACCEPTABLE_INTERESTING");
        assertEquals(Observation.ERROR, r.records().get(0).observed());
    }

    @Test
    void aWeakMemoryMutantMayPassAndItsCatchIsOnlyANote() {
        GateReport passed = evaluate(List.of(DeclaredTest.ofEntry("t.Toy.NoFence", 2, WEAK, true)),
                run("t.Toy.NoFence", outcome("0", ACCEPTABLE, 1000)));
        assertEquals(List.of(), passed.problems());
        GateReport caught = evaluate(List.of(DeclaredTest.ofEntry("t.Toy.NoFence", 2, WEAK, true)),
                run("t.Toy.NoFence", outcome("1", ACCEPTABLE_INTERESTING, 3)));
        assertEquals(List.of(), caught.problems());
        assertTrue(caught.notes().get(0).contains("although the catalogue does not expect"), caught.notes().get(0));
    }

    @Test
    void aCanaryThatNeverSingsFails() {
        GateReport r = evaluate(List.of(DeclaredTest.selfCheck("t.Canary", 2, true, true)),
                run("t.Canary", outcome("0", ACCEPTABLE, 1000)));
        assertProblem(r, "canary never showed its race");
    }

    @Test
    void aTestWithoutUsableChecksFails() {
        GateReport r = evaluate(List.of(DeclaredTest.unusable("t.Stray", 2, "no @Checks annotation")),
                run("t.Stray", outcome("0", ACCEPTABLE, 10)));
        assertProblem(r, "Stray: no @Checks annotation");
    }

    @Test
    void aTestOfAPendingCellFails() {
        GateReport r = evaluate(List.of(DeclaredTest.ofEntry("t.Toy.Later", 2, PENDING, true)),
                run("t.Toy.Later", outcome("1", ACCEPTABLE_INTERESTING, 10)));
        assertProblem(r, "still marked pending");
    }

    @Test
    void aRunWithoutSamplesFails() {
        GateReport r = evaluate(List.of(DeclaredTest.ofEntry("t.Toy.Correct", 2, CORRECT, false)),
                run("t.Toy.Correct", outcome("0", ACCEPTABLE, 0)));
        assertProblem(r, "collected no samples");
    }

    @Test
    void theFullSetMustCoverEveryCellThatRequiresTests() {
        List<DeclaredTest> onlyCorrect = List.of(DeclaredTest.ofEntry("t.Toy.Correct", 2, CORRECT, false));
        Map<String, ObservedTest> ran = observed(run("t.Toy.Correct", outcome("0", ACCEPTABLE, 10)));
        GateReport full = JcstressGateRules.evaluate(onlyCorrect, ran, CPUS, true, CATALOGUE);
        assertEquals(1, full.problems().size(), full.problems().toString());
        assertProblem(full, "toy/racy-get: the catalogue expects jcstress to catch it, but no jcstress test has "
                + "@Checks(protocol = \"toy\", variant = \"racy-get\")");
        GateReport subset = JcstressGateRules.evaluate(onlyCorrect, ran, CPUS, false, CATALOGUE);
        assertEquals(List.of(), subset.problems());
    }

    @Test
    void coverageNeedsATestThatRan() {
        List<DeclaredTest> tests = List.of(DeclaredTest.ofEntry("t.Toy.Correct", 2, CORRECT, false),
                DeclaredTest.ofEntry("t.Toy.RacyGet3", 3, MUTANT, true));
        GateReport r = JcstressGateRules.evaluate(tests,
                observed(run("t.Toy.Correct", outcome("0", ACCEPTABLE, 10))), CPUS, true, CATALOGUE);
        assertProblem(r, "none of its jcstress tests could run on this host");
    }

    private static GateReport evaluate(List<DeclaredTest> tests, ObservedTest... runs) {
        return JcstressGateRules.evaluate(tests, observed(runs), CPUS, false, CATALOGUE);
    }

    private static Map<String, ObservedTest> observed(ObservedTest... runs) {
        Map<String, ObservedTest> map = new LinkedHashMap<>();
        for (ObservedTest r : runs) {
            map.put(r.name(), r);
        }
        return map;
    }

    private static ObservedTest run(String name, OutcomeCount... outcomes) {
        return new ObservedTest(name, 2, List.of(), List.of(outcomes), 400);
    }

    private static OutcomeCount outcome(String id, String expect, long samples) {
        return new OutcomeCount(id, expect, samples, "outcome " + id);
    }

    private static void assertProblem(GateReport report, String fragment) {
        assertTrue(report.problems().stream().anyMatch(p -> p.contains(fragment)),
                "expected a problem containing '" + fragment + "', got " + report.problems());
        assertTrue(!report.passed());
    }
}
