package org.refcheck.report.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refcheck.report.site.Fixtures;

class ResultJsonTest {

    @TempDir
    Path dir;

    @Test
    void aDocumentSurvivesWritingAndReading() throws IOException {
        RunReport run = Fixtures.run("machine-a", false);
        Path file = dir.resolve("results.json");
        ResultJson.write(run, file);
        RunReport back = ResultJson.read(file);
        assertEquals(run, back);
        assertTrue(Files.readString(file).contains("\"schemaVersion\" : 1"));
        assertFalse(Files.readString(file).contains("\"mutant\""), "derived properties are not stored");
    }

    @Test
    void aMissingFileIsNamed() {
        Path file = dir.resolve("nowhere.json");
        ResultFileException e = assertThrows(ResultFileException.class, () -> ResultJson.read(file));
        assertEquals(file + ": no such file", e.getMessage());
    }

    @Test
    void aTruncatedDocumentIsRefusedWithItsPosition() throws IOException {
        String json = ResultJson.toJson(Fixtures.run("m", false));
        Path file = dir.resolve("truncated.json");
        ResultFileException e = refused(file, json.substring(0, json.length() / 2));
        assertTrue(e.getMessage().startsWith(file + ": line "), e.getMessage());
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void anotherSchemaVersionIsRefusedAsSuch() throws IOException {
        String json = ResultJson.toJson(Fixtures.run("m", false)).replace("\"schemaVersion\" : 1",
                "\"schemaVersion\" : 2");
        Path file = dir.resolve("v2.json");
        ResultFileException e = refused(file, json);
        assertEquals(file + ": schema version 2, but this refcheck reads version 1", e.getMessage());
    }

    @Test
    void otherJsonIsNotTakenForResults() throws IOException {
        Path file = dir.resolve("other.json");
        ResultFileException e = refused(file, "{\"name\": \"package.json\"}");
        assertTrue(e.getMessage().contains("not a refcheck results document"), e.getMessage());
    }

    @Test
    void aMissingRequiredFieldIsNamed() throws IOException {
        String json = ResultJson.toJson(Fixtures.run("m", false)).replace("\"machine\" : \"m\",", "");
        Path file = dir.resolve("no-machine.json");
        ResultFileException e = refused(file, json);
        assertTrue(e.getMessage().contains("environment.machine is missing"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void anUnknownFieldIsRefusedWithItsPath() throws IOException {
        String json = ResultJson.toJson(Fixtures.run("m", false)).replace("\"cpuCount\" : 2,",
                "\"cpuCount\" : 2, \"gpuCount\" : 1,");
        Path file = dir.resolve("unknown.json");
        ResultFileException e = refused(file, json);
        assertTrue(e.getMessage().contains("gpuCount"), e.getMessage());
        assertTrue(e.getMessage().contains("environment"), e.getMessage());
    }

    @Test
    void aViolationMustNameItsOracle() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Verdict(VerdictKind.VIOLATION, "", "something failed"));
        assertEquals("a violation names its oracle", e.getMessage());
    }

    @Test
    void aCheckOfAnUnlistedCheckerIsRefused() {
        RunReport run = Fixtures.run("m", false);
        CheckResult c = run.checks().get(0);
        CheckResult stray = new CheckResult(c.protocol(), c.variant(), "fray", c.test(), c.verdict(), c.expected(),
                c.figures(), c.outcomes(), null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunReport.of(
                run.environment(), run.checkers(), run.entries(), java.util.List.of(stray)));
        assertTrue(e.getMessage().contains("'fray'"), e.getMessage());
    }

    /** Writes {@code text} to {@code file} and reads it back, which must fail. */
    private static ResultFileException refused(Path file, String text) throws IOException {
        Files.writeString(file, text);
        return assertThrows(ResultFileException.class, () -> ResultJson.read(file));
    }
}
