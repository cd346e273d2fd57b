package org.refcheck.stress.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refcheck.stress.catalogue.Catalogue;
import org.refcheck.stress.catalogue.Checker;
import org.refcheck.stress.catalogue.Entry;
import org.refcheck.stress.catalogue.Expectation;
import org.refcheck.stress.catalogue.Expected;
import org.refcheck.stress.verdict.Observation;
import org.refcheck.stress.verdict.VerdictRecord;
import org.refcheck.stress.verdict.VerdictStore;

/** The summary's command line against the real catalogue, on verdict directories built by hand. */
class SummaryTest {

    @TempDir
    Path root;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream saved;

    @BeforeEach
    void captureOutput() {
        saved = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreOutput() {
        System.setOut(saved);
    }

    @Test
    void passesWhenEveryVerdictAgreesWithTheCatalogue() throws Exception {
        selfCheck(Checker.JCSTRESS);
        selfCheck(Checker.LINCHECK);
        selfCheck(Checker.MODEL);
        assertEquals(0, Summary.run(withSubsets("--verdicts", root.toString(), "--skip", "jcstress=false")),
                output());
        assertTrue(output().contains("refcheck summary: PASSED"), output());
        assertTrue(Files.readString(root.resolve("summary.txt")).contains("arc-weak/upgrade-fetch-add"));
    }

    @Test
    void failsWhenAVerdictDirectoryIsMissing() {
        selfCheck(Checker.JCSTRESS);
        assertEquals(1, Summary.run("--verdicts", root.toString()));
        assertTrue(output().contains("FAIL: Lincheck: no verdict directory"), output());
    }

    @Test
    void aDeliberateSkipIsNotAFailure() {
        selfCheck(Checker.JCSTRESS);
        selfCheck(Checker.MODEL);
        assertEquals(0, Summary.run(withSubsets("--verdicts", root.toString(), "--skip", "lincheck=false",
                "--skip", "lincheck=true")), output());
        assertTrue(output().contains("SKIP"), output());
    }

    @Test
    void failsWhenACheckerRanNothing() throws Exception {
        selfCheck(Checker.JCSTRESS);
        Files.createDirectories(root.resolve("lincheck"));
        assertEquals(1, Summary.run("--verdicts", root.toString()));
        assertTrue(output().contains("FAIL: Lincheck ran nothing"), output());
    }

    @Test
    void failsOnAMalformedRecord() throws Exception {
        selfCheck(Checker.JCSTRESS);
        Files.writeString(Files.createDirectories(root.resolve("lincheck")).resolve("x.properties"), "checker=x\n");
        assertEquals(1, Summary.run("--verdicts", root.toString()));
        assertTrue(output().contains("FAIL: cannot read the Lincheck verdicts: malformed verdict record"), output());
    }

    @Test
    void rejectsUnknownArguments() {
        assertEquals(2, Summary.run("--verdict", root.toString()));
    }

    @Test
    void theFullSetIsRecognised() {
        for (String full : List.of("", ".*", "${test}")) {
            assertTrue(Summary.isFullSet(full), full);
        }
        assertTrue(!Summary.isFullSet("Kref.*"));
    }

    /**
     * A canary's record for {@code checker}, and for every entry whose cell for it requires tests (the cells already
     * taken out of pending) a record that agrees with the catalogue.
     */
    private void selfCheck(Checker checker) {
        VerdictStore.write(root, VerdictRecord.forSelfCheck(checker, "canary", "T#canary", Expectation.CATCHES,
                Observation.CAUGHT, "seen", 10, "samples", 5, List.of()));
        assertTrue(Catalogue.entries().size() > 0);
        for (Entry e : Catalogue.entries()) {
            Expected expected = e.expected(checker);
            if (expected.requiresTests()) {
                Observation agreeing = expected.expectation() == Expectation.CATCHES
                        ? Observation.CAUGHT : Observation.PASSED;
                VerdictStore.write(root, VerdictRecord.forEntry(checker, e, "T#" + e.id(), agreeing, "as expected",
                        10, "samples", 5, List.of()));
            }
        }
    }

    /**
     * The arguments plus a subset filter for every checker, so that coverage of the catalogue is not checked: these
     * tests hold self-check records only, and must not depend on which catalogue cells have tests by now.
     */
    private static String[] withSubsets(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        for (Checker c : Checker.values()) {
            all.add("--filter");
            all.add(c.id() + "=SelfCheckOnly");
        }
        return all.toArray(new String[0]);
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
