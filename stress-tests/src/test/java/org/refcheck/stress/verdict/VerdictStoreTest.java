package org.refcheck.stress.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refcheck.stress.catalogue.Catalogue;
import org.refcheck.stress.catalogue.Checker;
import org.refcheck.stress.catalogue.Expectation;

class VerdictStoreTest {

    @TempDir
    Path root;

    @Test
    void recordsSurviveARoundTripWithAwkwardText() throws Exception {
        VerdictRecord r = VerdictRecord.forEntry(Checker.JCSTRESS, Catalogue.get("arc-weak", "upgrade-fetch-add"),
                "org.example.ArcTests.Upgrade_Drop", Observation.CAUGHT, "'true, 1' (use = after: free) # 25%\nx",
                35_800_000L, "samples", 10_200,
                List.of(new OutcomeCount("true, 1", "ACCEPTABLE_INTERESTING", 8_900_000, "use after free: ünïcode"),
                        new OutcomeCount("false, 0", "ACCEPTABLE", 26_900_000, "refused"),
                        new OutcomeCount(".*", "FORBIDDEN", 0, "")));
        Path file = VerdictStore.write(root, r);
        assertTrue(file.startsWith(root.resolve("jcstress")), file.toString());
        assertTrue(Files.readString(file).startsWith("checker=jcstress\nprotocol=arc-weak\n"));
        VerdictRecord back = VerdictStore.read(file);
        assertEquals(r.detail(), back.detail());
        assertEquals(r, back);
        assertEquals("B10", back.bugId());
    }

    @Test
    void twoRecordsOfTheSameTestGetTwoFiles() {
        VerdictRecord r = VerdictRecord.forSelfCheck(Checker.LINCHECK, "canary", "T#m", Expectation.CATCHES,
                Observation.CAUGHT, "IncorrectResultsFailure", 7, "invocations", 200, List.of());
        Path first = VerdictStore.write(root, r);
        Path second = VerdictStore.write(root, r);
        assertNotEquals(first, second);
        assertEquals(List.of(r, r), VerdictStore.readAll(root, Checker.LINCHECK));
    }

    @Test
    void aMissingDirectoryIsAnErrorNotAnEmptyList() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> VerdictStore.readAll(root, Checker.JCSTRESS));
        assertTrue(e.getMessage().contains("no verdict directory"), e.getMessage());
    }

    @Test
    void aMalformedRecordIsReported() throws Exception {
        Path dir = Files.createDirectories(root.resolve("lincheck"));
        Files.writeString(dir.resolve("broken.properties"), "checker=lincheck\nprotocol=x\n");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> VerdictStore.readAll(root, Checker.LINCHECK));
        assertTrue(e.getMessage().contains("broken.properties"), e.getMessage());
    }
}
