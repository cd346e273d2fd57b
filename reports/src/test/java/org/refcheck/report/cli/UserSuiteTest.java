package org.refcheck.report.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refcheck.report.schema.CheckResult;
import org.refcheck.report.schema.ResultJson;
import org.refcheck.report.schema.RunReport;
import org.refcheck.report.schema.VerdictKind;

/**
 * A user's own protocol through {@code refcheck check --classpath ... --suite ...}: the example project's rcuref
 * design is verified and both of its mutants caught, with counterexamples that replay; a suite whose mutant is not
 * caught, or whose correct protocol is flagged, fails the command and is named.
 */
class UserSuiteTest {

    private static final String EXAMPLE = System.getProperty("refcheck.example.classpath",
            "../examples/rcuref/target/classes:../examples/rcuref/target/test-classes");
    private static final String SUITE = "org.example.rcuref.RcuRefModelTest";

    @TempDir
    Path tmp;

    @Test
    void theExampleProtocolIsVerifiedAndItsMutantsCaught() {
        CommandRun run = CommandRun.of("check", "--no-open", "--classpath", EXAMPLE, "--suite", SUITE, "--out",
                tmp.toString());
        assertEquals(Refcheck.EXIT_OK, run.status(), run::toString);
        RunReport report = ResultJson.read(tmp.resolve("results.json"));
        Map<String, List<CheckResult>> byEntry = report.checks().stream()
                .collect(Collectors.groupingBy(CheckResult::entryId));
        assertEquals(java.util.Set.of("rcuref/correct", "rcuref/dead-zone-as-saturation",
                "rcuref/put-without-dead-cmpxchg", "RcuRefModelTest/correct"), byEntry.keySet());
        for (CheckResult c : byEntry.get("rcuref/correct")) {
            assertEquals(VerdictKind.PASSED_EXHAUSTIVE, c.verdict().kind(), c::toString);
        }
        for (String mutant : List.of("rcuref/dead-zone-as-saturation", "rcuref/put-without-dead-cmpxchg")) {
            CheckResult c = byEntry.get(mutant).get(0);
            assertEquals(VerdictKind.VIOLATION, c.verdict().kind(), c::toString);
            assertTrue(c.verdict().detail().matches("lifetime violation: (use after free|double destroy) .*"),
                    c::toString);
            assertNotNull(c.counterexample(), c::toString);
            assertTrue(c.counterexample().events().size() > 3, c::toString);
        }
        assertEquals("junit", byEntry.get("RcuRefModelTest/correct").get(0).checker());
        assertTrue(Files.exists(tmp.resolve("site").resolve("index.html")));

        CheckResult caught = byEntry.get("rcuref/dead-zone-as-saturation").get(0);
        CommandRun replay = CommandRun.of("replay", "--classpath", EXAMPLE, "--test", caught.test(),
                caught.counterexample().schedule());
        assertEquals(Refcheck.EXIT_OK, replay.status(), replay::toString);
        assertTrue(replay.out().contains("use after free of entry"), replay::toString);
    }

    @Test
    void aMissedMutantAndAFlaggedProtocolFailTheCommandByName() {
        CommandRun run = CommandRun.of("check", "--no-open", "--suite", MisjudgedSuite.class.getName(), "--out",
                tmp.toString());
        assertEquals(Refcheck.EXIT_VERDICTS, run.status(), run::toString);
        assertTrue(run.out().contains("mutant toy/claimed-bug was missed by refcheck model checker"), run::toString);
        assertTrue(run.out().contains("correct protocol toy/correct was flagged by refcheck model checker"),
                run::toString);
        assertTrue(run.out().contains("FAILED: 2 verdicts"), run::toString);
    }
}
