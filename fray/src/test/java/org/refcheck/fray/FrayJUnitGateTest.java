package org.refcheck.fray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs {@link FrayAnnotatedRows} through the JUnit Platform and fails on a silent pass: a method that Fray disabled
 * (it reports every {@code @FrayTest} as skipped, "Fray is not enabled in this JVM", on a JDK without its image and
 * agents) or aborted, a correct protocol that failed, or a mutant, or the bare thread that throws, that did not
 * fail. A {@code @FrayTest} method is a test template; Fray 0.9.2 runs all its iterations in one invocation of it.
 * Without the image Fray's runtime classes are missing and discovery fails instead, which fails this test too.
 */
class FrayJUnitGateTest {

    /** The methods that must fail (Fray stops at the first failing iteration) and those that must pass. */
    private static final Map<String, Boolean> MUST_FAIL = Map.of(
            "refDropDrop", false,
            "arcUpgradeVsLastDropPct", false,
            "arcB10FetchAddUpgrade", true,
            "krefB4UnlockedPutPct", true,
            "childThreadThrows", true);

    /** Invocations of one method by outcome. */
    private static final class Tally {
        int passed;
        int failed;
        int skipped;
        int aborted;

        @Override
        public String toString() {
            return passed + " passed, " + failed + " failed, " + skipped + " skipped, " + aborted + " aborted";
        }
    }

    @Test
    void frayRunsAndJudgesTheAnnotatedRows() {
        Map<String, Tally> byMethod = new TreeMap<>();
        List<String> containerFailures = new ArrayList<>();
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void executionSkipped(TestIdentifier id, String reason) {
                tally(byMethod, id).skipped++;
            }

            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (!id.isTest()) {
                    result.getThrowable().ifPresent(t -> containerFailures.add(id.getDisplayName() + ": " + t));
                    return;
                }
                Tally t = tally(byMethod, id);
                switch (result.getStatus()) {
                    case SUCCESSFUL -> t.passed++;
                    case FAILED -> t.failed++;
                    case ABORTED -> t.aborted++;
                    default -> throw new IllegalStateException(result.toString());
                }
            }
        };
        Launcher launcher = LauncherFactory.create();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(FrayAnnotatedRows.class))
                .build(), listener);
        System.out.println("@FrayTest rows: " + byMethod);

        assertEquals(List.of(), containerFailures, "the @FrayTest class or a method failed as a whole");
        assertEquals(MUST_FAIL.keySet(), byMethod.keySet(), "methods run: " + byMethod);
        StringBuilder problems = new StringBuilder();
        byMethod.forEach((method, t) -> {
            if (t.skipped > 0 || t.aborted > 0) {
                problems.append(method).append(": Fray disabled or aborted it (").append(t).append(")\n");
            } else if (MUST_FAIL.get(method) && t.failed == 0) {
                problems.append(method).append(": must fail, but ").append(t).append('\n');
            } else if (!MUST_FAIL.get(method) && (t.failed > 0 || t.passed == 0)) {
                problems.append(method).append(": must pass every iteration, but ").append(t).append('\n');
            }
        });
        assertTrue(problems.length() == 0, problems.toString());
    }

    private static Tally tally(Map<String, Tally> byMethod, TestIdentifier id) {
        String method = id.getUniqueIdObject().getSegments().stream()
                .filter(s -> s.getType().equals("test-template") || s.getType().equals("method"))
                .map(s -> s.getValue().replaceAll("\\(.*", ""))
                .findFirst().orElse(id.getDisplayName());
        return byMethod.computeIfAbsent(method, m -> new Tally());
    }
}
