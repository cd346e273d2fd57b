package org.refcheck.report.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.refcheck.report.Stderr;
import org.junit.jupiter.api.io.TempDir;
import org.refcheck.report.schema.ResultJson;

class GenerateSiteTest {

    @TempDir
    Path dir;

    @Test
    void twoDocumentsMakeOneMergedSite() throws IOException {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        ResultJson.write(Fixtures.run("machine-a", false), a);
        ResultJson.write(Fixtures.run("machine-b", true), b);
        Path site = dir.resolve("site");
        assertEquals(0, GenerateSite.run("--out", site.toString(), a.toString(), b.toString()));
        String index = Files.readString(site.resolve("index.html"));
        assertTrue(index.contains("2 runs merged: machine-a, machine-b"), index);
        assertEquals(ResultJson.read(b), ResultJson.read(site.resolve("data/results-1.json")),
                "the site ships the documents it was made from");
    }

    @Test
    void aBadDocumentFailsWithOneLineAndLeavesThePreviousSite() throws IOException {
        Path good = dir.resolve("good.json");
        ResultJson.write(Fixtures.run("m", false), good);
        Path site = dir.resolve("site");
        assertEquals(0, GenerateSite.run("--out", site.toString(), good.toString()));
        String before = Files.readString(site.resolve("index.html"));
        Path truncated = dir.resolve("truncated.json");
        String json = Files.readString(good);
        Files.writeString(truncated, json.substring(0, json.length() - 40));

        String err = Stderr.of(() -> assertEquals(1, GenerateSite.run("--out", site.toString(), good.toString(),
                truncated.toString())));

        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("refcheck site: " + truncated + ": line "), err);
        assertEquals(before, Files.readString(site.resolve("index.html")));
    }

    @Test
    void noInputIsAUsageError() {
        String err = Stderr.of(() -> assertEquals(2, GenerateSite.run("--out", dir.toString())));
        assertTrue(err.startsWith("usage: GenerateSite"), err);
    }
}
