package org.refcheck.report.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refcheck.report.schema.CatalogueRow;
import org.refcheck.report.schema.CheckResult;
import org.refcheck.report.schema.RunReport;
import org.refcheck.report.schema.VerdictKind;
import org.refcheck.report.site.Fixtures;
import org.refcheck.report.site.SiteWriter;

/**
 * The generated site in a real browser: headless Chromium opens it from a {@code file:} URL and the test checks what
 * a reader would get. No request leaves the site's folder, no page reports an error, the matrices show one cell per
 * entry, checker and run with the verdicts the documents hold, a counterexample page shows every event, and a
 * protocol named {@code <script>alert(1)</script>} stays text.
 *
 * <p>Needs Chromium ({@code apt-get install chromium}; {@code .ci/run} installs it). Without it the test fails; it
 * is skipped only when {@code -Dreports.browser.skip=true} says so. The index's screenshot is kept in
 * {@code reports/target/browser/index.png}.
 */
class SiteInBrowserTest {

    @TempDir
    static Path dir;

    private static List<RunReport> runs;
    private static Path site;
    private static HeadlessChromium chromium;
    private static DevTools devTools;

    @BeforeAll
    static void openBrowser() throws Exception {
        if (Boolean.getBoolean("reports.browser.skip")) {
            System.out.println("[reports] SKIPPED on purpose: the browser tests (-Dreports.browser.skip=true)");
            Assumptions.abort("browser tests skipped on purpose (-Dreports.browser.skip=true)");
        }
        Optional<Path> executable = HeadlessChromium.executable();
        if (executable.isEmpty()) {
            fail("headless Chromium not found: install the Debian package chromium (.ci/run does), point "
                    + "-Dreports.chromium at it, or skip these tests with -Dreports.browser.skip=true");
        }
        runs = List.of(Fixtures.run("machine-a", false), Fixtures.run("machine-b", true));
        site = dir.resolve("site");
        org.refcheck.model.bench.PerformanceReport perf = new org.refcheck.model.bench.PerformanceReport("checker",
                "checker throughput");
        perf.table("throughput", "Executions per second", List.of("scenario", "threads", "execs/s"))
                .row("refcount", 2, 3_500.0).row("refcount", 3, 7_500.0).row("readers", 2, 7_000.0)
                .row("readers", 3, 5_700.0).chart("threads", List.of("execs/s"), true);
        Path perfFile = dir.resolve("performance.json");
        perf.write(perfFile);
        SiteWriter.write(runs, List.of(org.refcheck.report.schema.PerformanceDocument.read(perfFile)), site);
        chromium = HeadlessChromium.start(executable.get());
        devTools = DevTools.connect(chromium.webSocketUrl());
    }

    @AfterAll
    static void closeBrowser() throws Exception {
        if (devTools != null) {
            devTools.close();
        }
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theIndexShowsEveryCellWithTheDocumentsVerdicts() throws Exception {
        BrowserPage index = open("index.html");
        for (boolean mutants : List.of(false, true)) {
            String table = mutants ? "#mutant-matrix" : "#protocol-matrix";
            List<VerdictKind> expected = cellVerdicts(mutants);
            assertEquals(expected.size(), index.number("document.querySelectorAll('" + table + " td.cell').length"));
            for (VerdictKind kind : VerdictKind.values()) {
                long want = expected.stream().filter(k -> k == kind).count();
                assertEquals(want, index.number("document.querySelectorAll('" + table + " td.cell[data-verdict=\""
                        + kind.name() + "\"]').length"), table + " cells showing " + kind);
            }
            assertEquals(expected.size(), index.number("[...document.querySelectorAll('" + table
                    + " td.cell .badge')].filter(b => b.innerText.trim().length > 0).length"), "every cell in words");
        }
        index.screenshot(artifacts().resolve("index.png"));
        assertTrue(Files.size(artifacts().resolve("index.png")) > 10_000, "a screenshot with content");
    }

    @Test
    void thePerformancePageDrawsItsChart() throws Exception {
        BrowserPage p = open("performance.html");
        assertEquals(1, p.number("document.querySelectorAll('svg.chart').length"));
        assertEquals(2, p.number("document.querySelectorAll('svg.chart path.line').length"));
        assertEquals(4, p.number("document.querySelectorAll('table.figures tbody tr').length"));
        assertEquals(List.of(), p.errors());
        p.screenshot(artifacts().resolve("performance.png"));
    }

    @Test
    void aHostileProtocolNameStaysText() throws Exception {
        for (String page : List.of("index.html", protocolPageOfHostile())) {
            BrowserPage p = open(page);
            assertEquals(0, p.number("document.querySelectorAll('script').length"), page);
            assertEquals(0, p.number("document.querySelectorAll('img, b, i, em').length"), page);
            assertTrue(p.evaluate("document.body.innerText.includes('" + Fixtures.HOSTILE + "')").asBoolean(),
                    page + " shows the name as text");
            assertEquals(List.of(), p.errors(), page);
        }
    }

    @Test
    void aCounterexamplePageShowsEveryEventAndTheReplayCommand() throws Exception {
        CheckResult model = runs.get(0).checks().stream()
                .filter(c -> c.checker().equals("model") && c.counterexample() != null).findFirst().orElseThrow();
        int n = 1 + runs.get(0).checks().stream().filter(c -> c.counterexample() != null).toList().indexOf(model);
        BrowserPage p = open("cx-0-" + n + ".html");
        assertEquals(model.counterexample().events().size(),
                p.number("document.querySelectorAll('table.swimlanes tr.event').length"));
        assertEquals(model.counterexample().threads().size(),
                p.number("document.querySelectorAll('table.swimlanes th.lane').length"));
        assertEquals(1, p.number("document.querySelectorAll('table.swimlanes tr.switch.preemption').length"),
                "main is preempted once and runs again");
        assertEquals(model.counterexample().replay(), p.evaluate("document.querySelector('pre.replay').innerText")
                .asText());
    }

    @Test
    void noPageRequestsAnythingOutsideTheSiteOrReportsAnError() throws Exception {
        List<Path> pages;
        try (Stream<Path> files = Files.list(site)) {
            pages = files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
        }
        assertTrue(pages.size() > 5, "pages: " + pages);
        for (Path page : pages) {
            BrowserPage p = open(page.getFileName().toString());
            for (String url : p.requests()) {
                assertTrue(url.startsWith(site.toUri().toString()), page.getFileName() + " requested " + url);
            }
            assertTrue(p.requests().stream().anyMatch(u -> u.endsWith("style.css")), "the stylesheet loads");
            assertEquals(List.of(), p.errors(), page.getFileName().toString());
        }
    }

    @Test
    void theProbeSeesConsoleErrorsAndFailedLoads() throws Exception {
        Path bad = dir.resolve("probe-check.html");
        Files.writeString(bad, "<!DOCTYPE html><html><body><img src=\"missing.png\">"
                + "<script>console.error('probe')</script></body></html>");
        BrowserPage p = BrowserPage.open(devTools, bad.toUri().toString());
        List<String> errors = p.errors();
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("console.error")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("missing.png")), errors.toString());
        assertTrue(p.requests().stream().anyMatch(u -> u.endsWith("missing.png")), p.requests().toString());
    }

    private static BrowserPage open(String page) throws Exception {
        return BrowserPage.open(devTools, site.resolve(page).toUri().toString());
    }

    /** The verdict of every matrix cell, in the documents: fixtures hold exactly one check per cell. */
    private static List<VerdictKind> cellVerdicts(boolean mutants) {
        List<VerdictKind> kinds = new java.util.ArrayList<>();
        for (CatalogueRow row : runs.get(0).entries()) {
            if (row.isMutant() != mutants) {
                continue;
            }
            for (RunReport run : runs) {
                for (var checker : run.checkers()) {
                    List<CheckResult> cell = run.checks().stream().filter(c -> c.entryId().equals(row.id())
                            && c.checker().equals(checker.id())).toList();
                    assertEquals(1, cell.size(), "one check per cell in the fixtures");
                    kinds.add(cell.get(0).verdict().kind());
                }
            }
        }
        return kinds;
    }

    private static String protocolPageOfHostile() throws Exception {
        try (Stream<Path> files = Files.list(site)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(f -> f.startsWith("protocol-") && !f.equals("protocol-refcount.html")).findFirst()
                    .orElseThrow();
        }
    }

    private static Path artifacts() {
        return Path.of(System.getProperty("reports.artifacts", "target/browser"));
    }
}
