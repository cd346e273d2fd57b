package org.refcheck.report.site;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.refcheck.report.schema.PerformanceDocument;
import org.refcheck.report.schema.ResultFileException;
import org.refcheck.report.schema.ResultJson;
import org.refcheck.report.schema.RunReport;

/**
 * Generates the static site from one or more {@code results.json} documents; several are merged into one site with
 * a column per run and a comparison page.
 *
 * <pre>
 * java -cp &lt;reports class path&gt; org.refcheck.report.site.GenerateSite --out target/site \
 *     machine-a/results.json machine-b/results.json \
 *     --performance benchmarks/target/performance-jmh.json
 * </pre>
 *
 * <p>{@code --performance FILE} (repeatable) adds a performance document (the benchmark runner's or a checker-speed
 * harness's JSON) to {@code performance.html}.
 *
 * <p>Exit status 0 when the site is in place; 1 with one line naming the file and the problem when a document is
 * missing, truncated, malformed or of another schema version (the previous site is then left as it was); 2 for a
 * usage error.
 */
public final class GenerateSite {

    private GenerateSite() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the generator; returns the process exit status. */
    public static int run(String... args) {
        Path out = null;
        List<Path> inputs = new ArrayList<>();
        List<Path> performanceInputs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--out") && i + 1 < args.length) {
                out = Path.of(args[++i]);
            } else if (args[i].equals("--performance") && i + 1 < args.length) {
                performanceInputs.add(Path.of(args[++i]));
            } else if (args[i].startsWith("--")) {
                return usage("unknown option " + args[i]);
            } else {
                inputs.add(Path.of(args[i]));
            }
        }
        if (out == null || inputs.isEmpty()) {
            return usage("--out and at least one results.json are required");
        }
        List<RunReport> reports = new ArrayList<>();
        List<PerformanceDocument> performance = new ArrayList<>();
        try {
            for (Path in : inputs) {
                reports.add(ResultJson.read(in));
            }
            for (Path in : performanceInputs) {
                performance.add(PerformanceDocument.read(in));
            }
        } catch (ResultFileException e) {
            System.err.println("refcheck site: " + e.getMessage());
            return 1;
        }
        try {
            int pages = SiteWriter.write(reports, performance, out);
            System.out.println("refcheck site: " + pages + " pages from " + inputs.size() + " run(s) -> "
                    + out.toAbsolutePath().resolve("index.html"));
            return 0;
        } catch (IOException e) {
            System.err.println("refcheck site: cannot write " + out + ": " + e);
            return 1;
        }
    }

    private static int usage(String problem) {
        System.err.println("usage: GenerateSite --out DIR [--performance FILE]... RESULTS.json... (" + problem + ")");
        return 2;
    }
}
