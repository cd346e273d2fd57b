package org.refcheck.report.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.refcheck.report.Stderr;
import org.junit.jupiter.api.io.TempDir;
import org.refcheck.model.ModelResult;
import org.refcheck.report.schema.CheckResult;
import org.refcheck.report.schema.ResultJson;
import org.refcheck.report.schema.RunReport;
import org.refcheck.report.schema.VerdictKind;
import org.refcheck.stress.catalogue.Catalogue;
import org.refcheck.stress.catalogue.Checker;
import org.refcheck.stress.verdict.Observation;
import org.refcheck.stress.verdict.OutcomeCount;
import org.refcheck.stress.verdict.VerdictRecord;
import org.refcheck.stress.verdict.VerdictStore;

/**
 * The collector over a verdict directory laid out as the stress-tests harnesses lay it out, with a real model-checker
 * counterexample.
 */
class CollectResultsTest {

    @TempDir
    Path dir;

    @Test
    void everyRecordBecomesACheckWithItsCounterexample() throws IOException {
        Path verdicts = dir.resolve("verdicts");
        ModelResult mutant = DropDrop.mutant();
        Path caught = VerdictStore.write(verdicts, VerdictRecord.forEntry(Checker.MODEL,
                Catalogue.get("ref", "touch-after-dec"), "DropDrop#mutant [2 threads]", Observation.CAUGHT,
                mutant.counterexample().failure().toString(), mutant.executions(), "executions", 5, List.of()));
        Files.writeString(caught.resolveSibling(caught.getFileName().toString().replace(".properties", ".trace.json")),
                mutant.counterexample().toJson());
        Files.writeString(caught.resolveSibling(caught.getFileName().toString().replace(".properties", ".figures")),
                "traces=" + mutant.traces() + "\nexhaustive=false\nlongestExecution=" + mutant.longestExecution()
                        + "\n");
        VerdictStore.write(verdicts, VerdictRecord.forEntry(Checker.MODEL, Catalogue.get("ref", "correct"),
                "DropDrop#correct", Observation.PASSED, "exhaustive: 2 traces", 2, "executions", 1, List.of()));
        Path lincheck = VerdictStore.write(verdicts, VerdictRecord.forEntry(Checker.LINCHECK,
                Catalogue.get("refcount", "sub-and-test-zero"), "RefcountLincheckTest#caught", Observation.CAUGHT,
                "IncorrectResultsFailure", 2, "invocations", 330, List.of()));
        Files.writeString(lincheck.resolveSibling(lincheck.getFileName().toString()
                .replace(".properties", ".failure.txt")), LincheckTraceParserTest.FAILURE);
        VerdictStore.write(verdicts, VerdictRecord.forEntry(Checker.JCSTRESS, Catalogue.get("ref", "correct"),
                "org.refcheck.stress.FourActorTest", Observation.NOT_RUN, "needs >= 4 CPUs, this host has 2", 0,
                "samples", 0, List.of()));
        VerdictStore.write(verdicts, VerdictRecord.forEntry(Checker.JCSTRESS, Catalogue.get("ref", "touch-after-dec"),
                "org.refcheck.stress.TouchTest", Observation.CAUGHT, "interesting", 1000, "samples", 2000, List.of(
                        new OutcomeCount("true, clean", "ACCEPTABLE", 990, "fine"),
                        new OutcomeCount("true, uaf", "ACCEPTABLE_INTERESTING", 10, "a drop read freed memory: use "
                                + "after free"),
                        new OutcomeCount("false, .*", "FORBIDDEN", 0, "leak"))));
        Path out = dir.resolve("out/results.json");

        int status = CollectResults.run("--verdicts", verdicts.toString(), "--jcstress-results", dir.toString(),
                "--out", out.toString(), "--machine", "test-box", "--bound", "lincheck.invocations=2000");

        assertEquals(0, status);
        RunReport run = ResultJson.read(out);
        assertEquals("test-box", run.environment().machine());
        assertEquals("2000", run.environment().bounds().get("lincheck.invocations"));
        assertEquals(Catalogue.entries().size(), run.entries().size());
        assertEquals(5, run.checks().size());
        CheckResult model = find(run, "model", "DropDrop#mutant [2 threads]");
        assertEquals(VerdictKind.VIOLATION, model.verdict().kind());
        assertEquals(mutant.counterexample().events().size(), model.counterexample().events().size());
        assertEquals(mutant.counterexample().schedule().encode(), model.counterexample().schedule());
        assertEquals(mutant.traces(), model.figures().traces(), "from the .figures file");
        assertEquals((long) mutant.longestExecution(), model.figures().more().get("longestExecution"));
        assertEquals(2, find(run, "model", "DropDrop#correct").figures().traces());
        assertEquals(VerdictKind.PASSED_EXHAUSTIVE, find(run, "model", "DropDrop#correct").verdict().kind());
        CheckResult lin = find(run, "lincheck", "RefcountLincheckTest#caught");
        assertEquals("linearizability", lin.verdict().oracle());
        assertEquals(6, lin.counterexample().events().size());
        CheckResult notRun = find(run, "jcstress", "org.refcheck.stress.FourActorTest");
        assertEquals(VerdictKind.NOT_RUN, notRun.verdict().kind());
        assertEquals("needs >= 4 CPUs, this host has 2", notRun.verdict().detail());
        CheckResult jc = find(run, "jcstress", "org.refcheck.stress.TouchTest");
        assertEquals("use after free", jc.verdict().oracle());
        assertEquals(3, jc.outcomes().size(), "the never-observed forbidden outcome is kept");
        assertTrue(run.checks().stream().filter(c -> c.verdict().kind() != VerdictKind.NOT_RUN)
                .allMatch(CheckResult::asExpected));
    }

    @Test
    void aCheckerWithoutVerdictsIsRecordedAsNotRunWithWhy() throws IOException {
        Path verdicts = dir.resolve("verdicts");
        VerdictStore.write(verdicts, VerdictRecord.forEntry(Checker.MODEL, Catalogue.get("ref", "correct"),
                "DropDrop#correct", Observation.PASSED, "exhaustive: 2 traces", 2, "executions", 1, List.of()));
        Path out = dir.resolve("results.json");
        assertEquals(0, CollectResults.run("--verdicts", verdicts.toString(), "--out", out.toString(), "--skip",
                "jcstress=true"));
        RunReport run = ResultJson.read(out);
        assertEquals("skipped on purpose", run.checker("jcstress").why());
        assertFalse(run.checker("lincheck").ran());
        assertTrue(run.checker("lincheck").why().contains("did not run"), run.checker("lincheck").why());
    }

    @Test
    void aMalformedRecordFailsWithOneLineNamingTheFile() throws IOException {
        Path verdicts = dir.resolve("verdicts");
        Files.createDirectories(verdicts.resolve("lincheck"));
        Path bad = verdicts.resolve("lincheck/broken.properties");
        Files.writeString(bad, "checker=lincheck\nprotocol=ref\n");
        Path out = dir.resolve("results.json");
        String err = Stderr.of(() -> assertEquals(1, CollectResults.run("--verdicts", verdicts.toString(), "--out",
                out.toString())));
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains(bad.toString()), err);
        assertTrue(err.contains("missing key"), err);
        assertFalse(Files.exists(out), "nothing is written for bad input");
    }

    @Test
    void aMissingVerdictDirectoryIsOneLine() {
        Path missing = dir.resolve("no-verdicts");
        String err = Stderr.of(() -> assertEquals(1, CollectResults.run("--verdicts", missing.toString(), "--out",
                dir.resolve("r.json").toString())));
        assertEquals("refcheck results: " + missing + ": no verdict directory (run the stress-tests module first)",
                err.strip());
    }

    private static CheckResult find(RunReport run, String checker, String test) {
        return run.checks().stream().filter(c -> c.checker().equals(checker) && c.test().equals(test)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + checker + " check " + test));
    }
}
