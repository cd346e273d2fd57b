package org.refcheck.report.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.refcheck.report.schema.PerformanceDocument;
import org.refcheck.report.schema.ResultFileException;
import org.refcheck.report.schema.ResultJson;
import org.refcheck.report.schema.RunReport;
import org.refcheck.report.site.SiteWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code refcheck report}: one site from the results of several runs. The shards of a run are merged into one run
 * first (see {@link ShardMerge}); different runs (machines, before and after a change) become columns side by
 * side. Every merged run is judged as {@code check} judges one, so the exit status of a sharded run's merge is the
 * exit status one whole run would have had.
 */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = Refcheck.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Build or merge a report site from results.json files of one or more runs or shards.",
                "Exit status: 0 every merged run as the catalogue demands; 1 a verdict it does not accept; "
                        + "2 bad input."})
final class ReportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RESULTS", arity = "1..*", description = "results.json files ('refcheck check' "
            + "writes one per run or shard).")
    List<Path> inputs = new ArrayList<>();

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "The site's directory.")
    Path out;

    @Option(names = "--performance", paramLabel = "FILE", description = "A performance document (the benchmark "
            + "runner's or the checker-speed harness's JSON) for the site's performance page; repeatable.")
    List<Path> performance = new ArrayList<>();

    @Option(names = "--open", negatable = true, description = "Open the site in a browser (default: when a "
            + "display is available).")
    Boolean open;

    private final PrintStream console;

    ReportCommand(PrintStream console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        List<RunReport> documents = new ArrayList<>();
        for (Path in : inputs) {
            if (!Files.isRegularFile(in)) {
                throw new UsageException("no results file " + in);
            }
            try {
                documents.add(ResultJson.read(in));
            } catch (ResultFileException e) {
                throw new UsageException(e.getMessage());
            }
        }
        List<PerformanceDocument> figures = new ArrayList<>();
        for (Path p : performance) {
            try {
                figures.add(PerformanceDocument.read(p));
            } catch (ResultFileException e) {
                throw new UsageException(e.getMessage());
            }
        }
        List<String> warnings = new ArrayList<>();
        List<RunReport> runs = ShardMerge.merge(documents, warnings);
        warnings.forEach(w -> console.println("warning: " + w));
        int pages = SiteWriter.write(runs, figures, out);
        List<String> problems = new ArrayList<>();
        for (RunReport run : runs) {
            console.println();
            console.println("run " + run.environment().machine() + ": " + run.checks().size() + " checks");
            console.print(VerdictTable.render(run));
            for (String p : Judgement.problems(run)) {
                problems.add(run.environment().machine() + ": " + p);
            }
        }
        console.println();
        console.println("report: " + out.toAbsolutePath().resolve("index.html") + " (" + pages + " pages, "
                + runs.size() + (runs.size() == 1 ? " run" : " runs") + " from " + documents.size() + " files)");
        if (open == null ? SiteOpener.hasDisplay() : open) {
            SiteOpener.open(out.toAbsolutePath().resolve("index.html"));
        }
        if (!problems.isEmpty()) {
            console.println("FAILED: " + problems.size() + " verdicts the catalogue does not accept:");
            problems.forEach(p -> console.println("  - " + p));
            return Refcheck.EXIT_VERDICTS;
        }
        console.println("OK: every verdict is what the catalogue demands");
        return Refcheck.EXIT_OK;
    }
}
