package org.refcheck.report.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refcheck.model.bench.PerformanceReport;
import org.refcheck.report.Stderr;
import org.refcheck.report.schema.ResultJson;

class PerformancePageTest {

    @TempDir
    Path dir;

    private Path document(String scenario) throws IOException {
        PerformanceReport report = new PerformanceReport("checker", "checker throughput");
        report.table("throughput", "Executions per second", List.of("scenario", "threads", "execs/s", "note"))
                .row(scenario, 2, 1000.0, "a")
                .row(scenario, 3, 5000.0, null)
                .row("readers", 2, 200.0, "b")
                .row("readers", 3, 400.0, "c")
                .chart("threads", List.of("execs/s"), true)
                .note("measured with load average 1.5");
        Path file = dir.resolve("perf.json");
        report.write(file);
        return file;
    }

    private Path site(String... extra) throws IOException {
        Path results = dir.resolve("results.json");
        ResultJson.write(Fixtures.run("m", false), results);
        Path site = dir.resolve("site");
        String[] args = new String[extra.length + 3];
        args[0] = "--out";
        args[1] = site.toString();
        System.arraycopy(extra, 0, args, 2, extra.length);
        args[args.length - 1] = results.toString();
        assertEquals(0, GenerateSite.run(args));
        return site;
    }

    @Test
    void tablesChartsAndNotesAreShown() throws IOException {
        Path site = site("--performance", document("refcount").toString());
        String html = Files.readString(site.resolve("performance.html"));
        for (String cell : List.of("1,000", "5,000", "200.0", "400.0")) {
            assertEquals(1, count(html, "<td class=\"num\">" + cell + "</td>"), cell);
        }
        assertTrue(html.contains("<svg class=\"chart\""), html);
        assertEquals(2, count(html, "<path class=\"line "), "one line per scenario");
        assertEquals(4, count(html, "<circle class=\"point "));
        assertTrue(html.contains("(log scale)"));
        assertTrue(html.contains("measured with load average 1.5"));
        assertTrue(html.contains("load average at start"), "the environment is shown");
        assertTrue(Files.readString(site.resolve("index.html")).contains("href=\"performance.html\""));
    }

    @Test
    void withoutDocumentsThePageSaysHowToMakeThem() throws IOException {
        String html = Files.readString(site().resolve("performance.html"));
        assertTrue(html.contains("No performance figures"), html);
    }

    @Test
    void hostileScenarioNamesStayText() throws IOException {
        Path site = site("--performance", document("<script>alert(1)</script>").toString());
        String html = Files.readString(site.resolve("performance.html"));
        assertFalse(html.contains("<script"), html);
        assertTrue(html.contains("&lt;script&gt;"));
    }

    @Test
    void aBadDocumentIsOneLineAndExitOne() throws IOException {
        Path results = dir.resolve("results.json");
        ResultJson.write(Fixtures.run("m", false), results);
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"kind\": \"something-else\"}");
        String err = Stderr.of(() -> assertEquals(1, GenerateSite.run("--out", dir.resolve("site").toString(),
                "--performance", bad.toString(), results.toString())));
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains("not a refcheck performance document"), err);
        Path ragged = dir.resolve("ragged.json");
        Files.writeString(ragged, Files.readString(document("x")).replace("[\"x\", 2, 1000.0, \"a\"]", "[\"x\"]"));
        err = Stderr.of(() -> assertEquals(1, GenerateSite.run("--out", dir.resolve("site").toString(),
                "--performance", ragged.toString(), results.toString())));
        assertTrue(err.contains("tables[0].rows[0] has 1 cells for 4 columns"), err);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
