package org.refcheck.stress.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.infra.StateCase;
import org.openjdk.jcstress.infra.TestInfo;
import org.refcheck.stress.catalogue.Checks;

/** Reads this module's own META-INF/TestList (the processor must have run) and classifies its tests. */
class JcstressResultsTest {

    @Test
    void theProcessorRanAndTheSelfChecksAreClassified() {
        Map<String, DeclaredTest.Role> roles = JcstressResults.declared("selfcheck", getClass().getClassLoader())
                .stream().collect(Collectors.toMap(DeclaredTest::shortName, DeclaredTest::role));
        assertEquals(DeclaredTest.Role.SELF_CHECK, roles.get("AllocationFreeRaceTest"), roles.toString());
        assertEquals(DeclaredTest.Role.SELF_CHECK, roles.get("MutexExclusionTest"), roles.toString());
        assertEquals(DeclaredTest.Role.CANARY, roles.get("CheckThenFreeRaceTest"), roles.toString());
    }

    @Test
    void theFilterFollowsJcstressFindSemantics() {
        List<DeclaredTest> mutex = JcstressResults.declared("MutexExclusion", getClass().getClassLoader());
        assertEquals(1, mutex.size());
        assertEquals(2, mutex.get(0).threads());
        assertEquals(List.of(), JcstressResults.declared("^NoSuchTest$", getClass().getClassLoader()));
    }

    @Test
    void theCanaryDeclaresAnInterestingOutcome() {
        DeclaredTest canary = JcstressResults.declared("CheckThenFree", getClass().getClassLoader()).get(0);
        assertTrue(canary.declaresInteresting());
    }

    @Test
    void testsOutsideTheSelfCheckPackageNeedAValidChecks() {
        ClassLoader loader = getClass().getClassLoader();
        DeclaredTest stray = JcstressResults.classify(info(Stray.class), loader);
        assertEquals(DeclaredTest.Role.UNUSABLE, stray.role());
        assertTrue(stray.problem().contains("no @Checks annotation"), stray.problem());
        DeclaredTest wrong = JcstressResults.classify(info(WrongId.class), loader);
        assertEquals(DeclaredTest.Role.UNUSABLE, wrong.role());
        assertTrue(wrong.problem().contains("names no catalogue entry"), wrong.problem());
        DeclaredTest good = JcstressResults.classify(info(GoodId.class), loader);
        assertEquals(DeclaredTest.Role.ENTRY, good.role());
        assertEquals("kref-handoff/get-after-handoff", good.entry().id());
        assertTrue(good.declaresInteresting());
    }

    @Test
    void theNewestResultFileIsChosenByTimestamp(@TempDir Path dir) throws Exception {
        assertTrue(JcstressResults.newestResultFile(dir).isEmpty());
        Files.createFile(dir.resolve("jcstress-results-2026-01-02-10-00-00.bin.gz"));
        Files.createFile(dir.resolve("jcstress-results-2026-01-02-09-59-59.bin.gz"));
        Files.createFile(dir.resolve("other.bin.gz"));
        assertEquals("jcstress-results-2026-01-02-10-00-00.bin.gz",
                JcstressResults.newestResultFile(dir).orElseThrow().getFileName().toString());
    }

    private static TestInfo info(Class<?> type) {
        TestInfo info = new TestInfo(type.getCanonicalName(), type.getName(), type.getName() + "_jcstress", "d", 2,
                List.of("a", "b"), false);
        info.addCase(new StateCase(Pattern.compile("1"), Expect.ACCEPTABLE_INTERESTING, "bug"));
        return info;
    }

    static final class Stray {
    }

    @Checks(protocol = "kref-handoff", variant = "get-before-handoff")
    static final class WrongId {
    }

    @Checks(protocol = "kref-handoff", variant = "get-after-handoff")
    static final class GoodId {
    }
}
