package org.refcheck.report.site;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.refcheck.report.schema.PerformanceDocument;
import org.refcheck.report.schema.ResultJson;
import org.refcheck.report.schema.RunReport;

/**
 * Writes the whole site for one or more runs: {@code index.html}, {@code comparison.html}, {@code environment.html},
 * {@code performance.html} (the performance documents given, if any),
 * one {@code protocol-<id>.html} per protocol, one {@code cx-<run>-<n>.html} per counterexample, {@code style.css},
 * and the results documents themselves under {@code data/}. Everything is written into a temporary folder beside the
 * target, which replaces the target only once complete: a reader never sees half a site.
 */
public final class SiteWriter {

    /*
     * Implementation notes. The temporary folder is created beside the target, in the same file system, so that
     * moving it into place is a rename. A previous site is first renamed aside and deleted only after the new one is
     * in place: if anything fails before that, the previous site is still where it was and the temporary folder is
     * removed. Page names come from Html.slug, never from a document's strings directly.
     */

    private SiteWriter() {
    }

    /** The site-relative path of run {@code i}'s results document. */
    static String dataFile(int i) {
        return "data/results-" + i + ".json";
    }

    /** Writes the site for {@code reports}, without performance figures, into {@code out}; returns the pages. */
    public static int write(List<RunReport> reports, Path out) throws IOException {
        return write(reports, List.of(), out);
    }

    /** Writes the site for {@code reports} and {@code performance} into {@code out}; returns the number of pages. */
    public static int write(List<RunReport> reports, List<PerformanceDocument> performance, Path out)
            throws IOException {
        Runs runs = new Runs(reports);
        Path target = out.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempDirectory(target.getParent(), target.getFileName() + ".part-");
        try {
            int pages = 0;
            CounterexampleIndex counterexamples = new CounterexampleIndex(runs);
            write(temp, "index.html", IndexPage.render(runs, counterexamples));
            write(temp, "comparison.html", ComparisonPage.render(runs));
            write(temp, "environment.html", EnvironmentPage.render(runs));
            write(temp, PerformancePage.FILE, PerformancePage.render(performance));
            pages += 4;
            for (String protocol : runs.protocols()) {
                write(temp, ProtocolPage.fileName(protocol), ProtocolPage.render(runs, protocol, counterexamples));
                pages++;
            }
            for (CounterexampleIndex.Entry e : counterexamples.entries()) {
                write(temp, e.fileName(), CounterexamplePage.render(runs, e));
                pages++;
            }
            try (InputStream css = SiteWriter.class.getResourceAsStream("style.css")) {
                if (css == null) {
                    throw new IOException("style.css is missing from the refcheck-reports jar");
                }
                Files.copy(css, temp.resolve("style.css"));
            }
            Files.createDirectories(temp.resolve("data"));
            for (int i = 0; i < reports.size(); i++) {
                write(temp, dataFile(i), ResultJson.toJson(reports.get(i)));
            }
            try {
                Files.setPosixFilePermissions(temp, java.nio.file.attribute.PosixFilePermissions.fromString(
                        "rwxr-xr-x"));
            } catch (UnsupportedOperationException notPosix) {
                // the file system's default permissions apply
            }
            replace(target, temp);
            return pages;
        } finally {
            delete(temp);
        }
    }

    private static void write(Path dir, String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    /** Moves {@code temp} to {@code target}, replacing a previous site there. */
    private static void replace(Path target, Path temp) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = Files.createTempDirectory(target.getParent(), target.getFileName() + ".old-");
            Files.delete(old);
            Files.move(target, old);
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target);
        }
        if (old != null) {
            delete(old);
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
