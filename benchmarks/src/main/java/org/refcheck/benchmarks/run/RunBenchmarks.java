package org.refcheck.benchmarks.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.refcheck.model.bench.PerformanceReport;

/**
 * Runs the JMH benchmarks and prints the results table, the ratios to each baseline and the design targets; writes
 * them as a performance document for the report's performance page, and JMH's own JSON beside it.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.refcheck.benchmarks.run.RunBenchmarks \
 *     --out benchmarks/target/performance-jmh.json [--include REGEX] [--quick]
 * </pre>
 *
 * <p>{@code --quick} shortens warm-up and measurement to one 200 ms iteration each (a check that everything runs,
 * not figures to quote). Exit status 0 with the tables written (targets missed included: the table says by how
 * much), 1 when a benchmark failed or the files cannot be written, 2 for a usage error.
 */
public final class RunBenchmarks {

    private RunBenchmarks() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        Path out = null;
        String include = ".*";
        boolean quick = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = i + 1 < args.length ? Path.of(args[++i]) : null;
                case "--include" -> include = i + 1 < args.length ? args[++i] : null;
                case "--quick" -> quick = true;
                default -> {
                    return usage("unknown argument " + args[i]);
                }
            }
        }
        if (out == null || include == null) {
            return usage("--out FILE is required, --include needs a regular expression");
        }
        Path jmhJson = out.resolveSibling(out.getFileName().toString().replaceFirst("\\.json$", "") + ".jmh.json");
        ChainedOptionsBuilder options = new OptionsBuilder().include("org\\.refcheck\\.benchmarks\\..*" + include)
                .resultFormat(ResultFormatType.JSON).result(jmhJson.toString()).shouldFailOnError(true);
        if (quick) {
            options.warmupIterations(1).warmupTime(org.openjdk.jmh.runner.options.TimeValue.milliseconds(200))
                    .measurementIterations(1).measurementTime(org.openjdk.jmh.runner.options.TimeValue
                            .milliseconds(200));
        }
        PerformanceReport report = new PerformanceReport("jmh", "Protocols against what users would pick instead");
        Collection<RunResult> results;
        try {
            java.nio.file.Files.createDirectories(jmhJson.toAbsolutePath().getParent());
            results = new Runner(options.build()).run();
        } catch (RunnerException | IOException e) {
            System.err.println("refcheck benchmarks: " + e.getMessage());
            return 1;
        }
        List<Measured> measured = measured(results);
        String note = "JMH 1.37, " + (quick ? "--quick (1 x 200 ms warm-up and measurement: not for quoting)"
                : "1 fork, 3 x 1 s warm-up, 5 x 1 s measurement");
        BenchmarkTables.addTo(report, measured, Comparisons.all(), note);
        System.out.println("refcheck benchmarks: " + measured.size() + " results; JMH's own JSON: "
                + jmhJson.toAbsolutePath());
        return report.printAndWrite(out, "refcheck benchmarks");
    }

    /** Every benchmark's figure; for a JMH group, the figure of each of its reader methods. */
    static List<Measured> measured(Collection<RunResult> results) {
        List<Measured> out = new ArrayList<>();
        for (RunResult r : results) {
            String benchmark = r.getParams().getBenchmark();
            String cls = benchmark.substring(0, benchmark.lastIndexOf('.'));
            String simple = cls.substring(cls.lastIndexOf('.') + 1);
            Map<String, Result> secondary = r.getSecondaryResults();
            List<String> labels = new ArrayList<>(r.getParams().getThreadGroupLabels());
            if (labels.size() > 1) {
                for (Map.Entry<String, Result> e : secondary.entrySet()) {
                    int index = labels.indexOf(e.getKey());
                    if (e.getKey().endsWith("Reader") && index >= 0) {
                        Result s = e.getValue();
                        out.add(new Measured(simple + "." + e.getKey(), r.getParams().getThreadGroups()[index],
                                s.getScore(), s.getScoreError(), s.getScoreUnit()));
                    }
                }
            } else {
                Result p = r.getPrimaryResult();
                out.add(new Measured(simple + benchmark.substring(benchmark.lastIndexOf('.')), r.getParams()
                        .getThreads(), p.getScore(), p.getScoreError(), p.getScoreUnit()));
            }
        }
        return out;
    }

    private static int usage(String problem) {
        System.err.println("usage: RunBenchmarks --out FILE [--include REGEX] [--quick] (" + problem + ")");
        return 2;
    }
}
