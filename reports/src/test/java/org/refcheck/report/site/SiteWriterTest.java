package org.refcheck.report.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refcheck.report.schema.CatalogueRow;
import org.refcheck.report.schema.RunReport;

class SiteWriterTest {

    private static final Pattern LINK = Pattern.compile("(?:href|src)=\"([^\"]*)\"");

    @TempDir
    Path dir;

    @Test
    void theMatrixHasACellPerEntryCheckerAndRun() throws IOException {
        RunReport a = Fixtures.run("a", false);
        RunReport b = Fixtures.run("b", true);
        Path site = dir.resolve("site");
        SiteWriter.write(List.of(a, b), site);
        String index = Files.readString(site.resolve("index.html"));
        long correct = a.entries().stream().filter(r -> !r.isMutant()).count();
        long mutants = a.entries().stream().filter(CatalogueRow::isMutant).count();
        int columns = a.checkers().size() * 2;
        assertEquals(correct * columns, count(section(index, "protocol-matrix"), "<td class=\"cell "));
        assertEquals(mutants * columns, count(section(index, "mutant-matrix"), "<td class=\"cell "));
        assertEquals(2, count(section(index, "mutant-matrix"), " differs\""),
                "both runs' cells of the flipped verdict are marked");
    }

    @Test
    void theComparisonListsExactlyTheCellsThatDiffer() throws IOException {
        Path site = dir.resolve("site");
        SiteWriter.write(List.of(Fixtures.run("before", false), Fixtures.run("after", true)), site);
        String comparison = Files.readString(site.resolve("comparison.html"));
        assertTrue(comparison.contains("data-differing=\"1\""), comparison);
        assertEquals(1, count(comparison, "<tr class=\"differs\">"));
        assertEquals(1, count(comparison, " changed\""));
    }

    @Test
    void hostileStringsStayText() throws IOException {
        Path site = dir.resolve("site");
        SiteWriter.write(List.of(Fixtures.run("<img src=x onerror=alert(2)>", false)), site);
        for (Path page : pages(site)) {
            String html = Files.readString(page);
            assertFalse(html.contains("<script"), page + " holds a script element");
            assertFalse(html.contains("<img"), page + " holds an injected element");
            assertFalse(html.contains("<b>bold"), page + " holds injected markup");
        }
        String index = Files.readString(site.resolve("index.html"));
        assertTrue(index.contains(Html.escape(Fixtures.HOSTILE)), "the hostile name is shown, escaped");
    }

    @Test
    void everyLinkResolvesInsideTheSiteAndNothingIsFetchedFromOutside() throws IOException {
        Path site = dir.resolve("site");
        List<RunReport> runs = List.of(Fixtures.run("a", false), Fixtures.run("b", true));
        SiteWriter.write(runs, site);
        List<Path> pages = pages(site);
        long counterexamples = runs.stream().flatMap(r -> r.checks().stream()).filter(c -> c.counterexample() != null)
                .count();
        assertEquals(4 + 2 + counterexamples, pages.size(), "index, comparison, environment, performance, protocols, "
                + "counterexamples");
        for (Path page : pages) {
            String html = Files.readString(page);
            assertFalse(html.contains("http://") || html.contains("https://"), page + " links outside");
            Matcher m = LINK.matcher(html);
            while (m.find()) {
                String target = m.group(1).replaceAll("#.*", "");
                if (!target.isEmpty()) {
                    assertTrue(Files.isRegularFile(site.resolve(target)), page.getFileName() + " links to " + target);
                }
            }
        }
    }

    @Test
    void aNewSiteReplacesTheOldOneAndLeavesNoTemporaryFolder() throws IOException {
        Path site = dir.resolve("site");
        SiteWriter.write(List.of(Fixtures.run("a", false), Fixtures.run("b", true)), site);
        SiteWriter.write(List.of(Fixtures.run("a", false)), site);
        assertFalse(Files.exists(site.resolve("cx-1-1.html")), "the second run's pages are gone");
        try (Stream<Path> siblings = Files.list(dir)) {
            assertEquals(List.of(site), siblings.toList());
        }
    }

    private static List<Path> pages(Path site) throws IOException {
        try (Stream<Path> files = Files.list(site)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    private static String section(String html, String tableId) {
        int start = html.indexOf("<table class=\"matrix\" id=\"" + tableId + "\"");
        return html.substring(start, html.indexOf("</table>", start));
    }

    static long count(String text, String needle) {
        long n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
