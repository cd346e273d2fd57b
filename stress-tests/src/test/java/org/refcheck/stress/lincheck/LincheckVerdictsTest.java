package org.refcheck.stress.lincheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.jetbrains.lincheck.LincheckAssertionError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.stress.catalogue.Catalogue;
import org.refcheck.stress.catalogue.Checker;
import org.refcheck.stress.catalogue.Checks;
import org.refcheck.stress.catalogue.Entry;
import org.refcheck.stress.catalogue.Expected;
import org.refcheck.stress.catalogue.Expectation;
import org.refcheck.stress.verdict.Observation;
import org.refcheck.stress.verdict.VerdictRecord;
import org.refcheck.stress.verdict.VerdictStore;

/** The harness's own rules, with checks that do not need Lincheck; records go to a temporary directory. */
class LincheckVerdictsTest {

    @TempDir
    Path root;

    private String saved;

    @BeforeEach
    void redirectRecords() {
        saved = System.getProperty("refcheck.verdicts");
        System.setProperty("refcheck.verdicts", root.toString());
    }

    @AfterEach
    void restore() {
        if (saved == null) {
            System.clearProperty("refcheck.verdicts");
        } else {
            System.setProperty("refcheck.verdicts", saved);
        }
    }

    @Test
    void aCanaryThatLincheckDoesNotCatchFailsAndIsRecorded() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> LincheckVerdicts.selfCheckCaught("silent-canary", () -> { }));
        assertTrue(e.getMessage().contains("lost its power"), e.getMessage());
        List<VerdictRecord> records = VerdictStore.readAll(root, Checker.LINCHECK);
        assertEquals(1, records.size());
        VerdictRecord r = records.get(0);
        assertEquals(Expectation.CATCHES, r.expected());
        assertEquals(Observation.PASSED, r.observed());
        assertEquals(LincheckVerdictsTest.class.getName() + "#aCanaryThatLincheckDoesNotCatchFailsAndIsRecorded",
                r.test());
    }

    @Test
    void aPendingCellCannotBeTestedUntilTheMarkIsRemoved() {
        // A copy of a real row with every cell pending again, so the rule stays tested once the catalogue is filled.
        Entry real = Catalogue.get("arc-weak", "upgrade-fetch-add");
        Entry pending = new Entry(real.protocol(), real.variant(), real.bugId(), real.description(), real.original(),
                real.expectations().stream().map(Expected::pending).collect(Collectors.toList()));
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> LincheckVerdicts.expectCaught(pending, () -> { }));
        assertTrue(e.getMessage().contains("still pending"), e.getMessage());
    }

    @Test
    void theAssertedVerdictMustMatchTheCatalogue() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> LincheckVerdicts.expectPasses(Catalogue.get("arc-weak", "drop-without-acquire-fence"),
                        () -> { }));
        assertTrue(e.getMessage().contains("expects Lincheck NOT_EXPECTED"), e.getMessage());
    }

    @Test
    void observeRecordsWithoutJudging() {
        LincheckVerdicts.Outcome o = LincheckVerdicts.observe(
                Catalogue.get("arc-weak", "get-mut-relaxed-strong"), () -> { });
        assertTrue(!o.caught());
        VerdictRecord r = VerdictStore.readAll(root, Checker.LINCHECK).get(0);
        assertEquals("B9", r.bugId());
        assertEquals(Expectation.NOT_EXPECTED, r.expected());
    }

    @Test
    void otherExceptionsPropagate() {
        assertThrows(IllegalStateException.class, () -> LincheckVerdicts.selfCheckPasses("throws", () -> {
            throw new IllegalStateException("harness bug");
        }));
    }

    @Test
    void aFailureWhoseReportCrashedStillCountsAsCaught() {
        LincheckVerdicts.Outcome o = LincheckVerdicts.selfCheckCaught("report-crash", () -> {
            LifetimeTracker heap = new LifetimeTracker();
            Allocation block = heap.allocate("block");
            assertThrows(AssertionError.class, () -> ConcurrentRun.inThreads(heap, block::free, block::free));
            IndexOutOfBoundsException crash = new IndexOutOfBoundsException("Index 2 out of bounds for length 2");
            crash.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("org.jetbrains.kotlinx.lincheck.trace.TraceNodesKt", "traceToTree",
                        "TraceNodes.kt", 217),
                new StackTraceElement(LincheckAssertionError.class.getName(), "<init>",
                        "LincheckAssertionError.kt", 16)});
            throw crash;
        });
        assertEquals(LincheckVerdicts.UNRENDERED_FAILURE, o.failureKind());
        assertTrue(o.failureText().contains("double free of block"), o.failureText());
        assertEquals(Observation.CAUGHT, VerdictStore.readAll(root, Checker.LINCHECK).get(0).observed());
    }

    @Test
    void theRecordedDetailNamesTheFirstThrowable() {
        String text = "= Concurrent test failed =\n\njava.lang.AssertionError: 1 lifetime violation(s):\n"
                + "  double free of block: the allocation was freed twice (free in actor-1)\n\tat x.y(Z.java:1)\n";
        assertEquals(": java.lang.AssertionError: 1 lifetime violation(s): double free of block: the allocation was "
                + "freed twice (free in actor-1)", LincheckVerdicts.firstThrowable(text));
        assertEquals("", LincheckVerdicts.firstThrowable("= Invalid execution results =\n| a | b |"));
    }

    @Test
    @Checks(protocol = "arc-weak", variant = "get-mut-relaxed-strong")
    void theEntryCanComeFromChecksOnTheTestMethod() {
        LincheckVerdicts.observe(() -> { });
        VerdictRecord r = VerdictStore.readAll(root, Checker.LINCHECK).get(0);
        assertEquals("arc-weak/get-mut-relaxed-strong", r.entryId());
        assertEquals(LincheckVerdictsTest.class.getName() + "#theEntryCanComeFromChecksOnTheTestMethod", r.test());
    }

    @Test
    @Checks(protocol = "kref-handoff", variant = "get-after-handoff")
    void checksOnTheTestMethodStillHonoursTheCatalogue() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> LincheckVerdicts.expectPasses(() -> { }));
        assertTrue(e.getMessage().contains("kref-handoff/get-after-handoff (B6): the catalogue expects Lincheck "
                + "CATCHES, but the test asserts PASSES"), e.getMessage());
    }

    @Test
    void aTestWithoutChecksMustPassTheEntry() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> LincheckVerdicts.expectPasses(() -> { }));
        assertTrue(e.getMessage().contains("has no @Checks"), e.getMessage());
    }
}
