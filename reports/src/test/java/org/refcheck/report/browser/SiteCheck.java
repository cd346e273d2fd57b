package org.refcheck.report.browser;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.refcheck.report.schema.ResultJson;
import org.refcheck.report.schema.RunReport;

/**
 * The build's check of the site it generated from the actual run: every page opened in headless Chromium from its
 * {@code file:} URL, none requesting anything outside the site or reporting an error, every link leading to a file
 * of the site, the index's matrices showing
 * one cell per catalogue entry, checker and run of the results documents the site ships ({@code data/}); and a
 * screenshot of the index kept as a build artifact.
 *
 * <pre>
 * java -cp &lt;reports test class path&gt; org.refcheck.report.browser.SiteCheck reports/target/site \
 *     reports/target/site-index.png
 * </pre>
 *
 * <p>Exit status 0 when every page is clean; 1 with one line per problem; 2 for a usage error or no Chromium.
 */
public final class SiteCheck {

    private SiteCheck() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    static int run(String... args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: SiteCheck SITE_DIR SCREENSHOT.png");
            return 2;
        }
        Path site = Path.of(args[0]).toAbsolutePath();
        Optional<Path> executable = HeadlessChromium.executable();
        if (executable.isEmpty()) {
            System.err.println("refcheck site check: headless Chromium not found (install the Debian package "
                    + "chromium, or skip with -Dreports.browser.skip=true)");
            return 2;
        }
        List<Path> pages;
        try (Stream<Path> files = Files.list(site)) {
            pages = files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
        }
        List<String> problems = new ArrayList<>();
        try (HeadlessChromium chromium = HeadlessChromium.start(executable.get());
             DevTools devTools = DevTools.connect(chromium.webSocketUrl())) {
            for (Path page : pages) {
                BrowserPage p = BrowserPage.open(devTools, page.toUri().toString());
                for (String url : p.requests()) {
                    if (!url.startsWith(site.toUri().toString())) {
                        problems.add(page.getFileName() + " requested " + url);
                    }
                }
                p.errors().forEach(e -> problems.add(page.getFileName() + ": " + e));
                for (JsonNode link : p.evaluate("[...document.querySelectorAll('a[href]')].map(a => a.href)")) {
                    String target = link.asText().replaceAll("#.*", "");
                    if (!target.startsWith("file:") || !Files.isRegularFile(Path.of(URI.create(target)))) {
                        problems.add(page.getFileName() + " links to " + link.asText() + ", which is not in the site");
                    }
                }
                if (page.getFileName().toString().equals("index.html")) {
                    long cells = p.number("document.querySelectorAll('table.matrix td.cell').length");
                    long expected = expectedCells(site);
                    if (cells != expected || cells == 0) {
                        problems.add("index.html shows " + cells + " matrix cells, the documents hold " + expected);
                    }
                    p.screenshot(Path.of(args[1]));
                }
            }
        }
        problems.forEach(problem -> System.err.println("refcheck site check: FAIL: " + problem));
        System.out.println("refcheck site check: " + pages.size() + " pages opened in headless Chromium, "
                + (problems.isEmpty() ? "no outside request, no error" : problems.size() + " problem(s)")
                + "; screenshot " + args[1]);
        return problems.isEmpty() ? 0 : 1;
    }

    /** Catalogue entries x checkers x runs, over the results documents in the site's {@code data/} folder. */
    private static long expectedCells(Path site) throws java.io.IOException {
        List<RunReport> runs = new ArrayList<>();
        try (Stream<Path> files = Files.list(site.resolve("data"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                runs.add(ResultJson.read(f));
            }
        }
        Set<String> entries = new HashSet<>();
        Set<String> checkers = new HashSet<>();
        for (RunReport r : runs) {
            r.entries().forEach(e -> entries.add(e.id()));
            r.checkers().forEach(c -> checkers.add(c.id()));
        }
        return (long) entries.size() * checkers.size() * runs.size();
    }
}
