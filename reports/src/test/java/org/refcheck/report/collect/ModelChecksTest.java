package org.refcheck.report.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.refcheck.model.ModelResult;
import org.refcheck.report.schema.CheckResult;
import org.refcheck.report.schema.ExpectedVerdict;
import org.refcheck.report.schema.VerdictKind;

class ModelChecksTest {

    private static final ExpectedVerdict PASSES = new ExpectedVerdict(ExpectedVerdict.PASSES, "", false);
    private static final ExpectedVerdict CATCHES = new ExpectedVerdict(ExpectedVerdict.CATCHES, "", false);

    @Test
    void anExhaustivePassKeepsItsCounts() {
        ModelResult r = DropDrop.correct();
        CheckResult c = ModelChecks.of("ref", "correct", "DropDrop#correct", PASSES, r);
        assertEquals(VerdictKind.PASSED_EXHAUSTIVE, c.verdict().kind());
        assertEquals(r.executions(), c.figures().executions());
        assertEquals(r.traces(), c.figures().traces());
        assertEquals((long) r.longestExecution(), c.figures().more().get("longestExecution"));
        assertEquals(r.prunedBranches(), c.figures().more().get("prunedBranches"));
        assertNull(c.counterexample());
        assertTrue(c.asExpected());
    }

    @Test
    void aFailureBecomesAViolationWithItsWholeTraceAndReplay() {
        ModelResult r = DropDrop.mutant();
        CheckResult c = ModelChecks.of("ref", "touch-after-dec", "DropDrop#mutant", CATCHES, r);
        assertEquals(VerdictKind.VIOLATION, c.verdict().kind());
        assertEquals("use after free", c.verdict().oracle());
        assertNotNull(c.counterexample());
        assertEquals(r.counterexample().events().size(), c.counterexample().events().size());
        assertEquals(r.counterexample().threadNames(), c.counterexample().threads());
        assertEquals(r.counterexample().schedule().encode(), c.counterexample().schedule());
        assertTrue(c.counterexample().replay().endsWith("' " + c.counterexample().schedule()),
                c.counterexample().replay());
        assertTrue(c.asExpected());
    }

    @Test
    void theReplayCommandNamesTheCheckWithItsShapeQuotedForTheShell() {
        assertEquals("./refcheck replay --test 'org.refcheck.stress.model.ModelCatalogueTest#refDropDrop "
                        + "[drop || drop, 2 threads]' 0*3.1",
                ModelChecks.replayCommand("org.refcheck.stress.model.ModelCatalogueTest#refDropDrop [drop || drop, "
                        + "2 threads]", "0*3.1"));
        assertEquals("./refcheck replay --test 'A#it'\\''s' 0", ModelChecks.replayCommand("A#it's", "0"));
    }
}
