package org.refcheck.report.collect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.refcheck.report.schema.CheckResult;
import org.refcheck.report.schema.CheckerState;
import org.refcheck.report.schema.Environment;
import org.refcheck.report.schema.ResultJson;
import org.refcheck.report.schema.RunReport;
import org.refcheck.stress.catalogue.Checker;
import org.refcheck.stress.gate.JcstressResults;
import org.refcheck.stress.gate.ObservedTest;

/**
 * Collects a run of the catalogue into one {@code results.json}: the verdict records the three checkers' harnesses
 * wrote, jcstress's newest results file, the catalogue, and the environment.
 *
 * <pre>
 * java -cp &lt;reports runtime class path&gt; org.refcheck.report.collect.CollectResults \
 *     --verdicts stress-tests/target/verdicts --jcstress-results stress-tests/target \
 *     --out reports/target/results/results.json [--machine NAME] [--mode NAME] [--bound KEY=VALUE]... \
 *     [--version V] [--skip CHECKER=BOOL]... [--filter CHECKER=TEST_FILTER]...
 * </pre>
 *
 * <p>A checker without a verdict directory is recorded as not run, with why ({@code --skip CHECKER=true}: on purpose).
 * {@code --filter} tells whether a checker ran its whole suite, so that the site can tell a cell left out by a test
 * filter from one whose test is missing.
 * Exit status 0 when written; 1 with one line naming the file and the problem when the input cannot be read; 2 for a
 * usage error.
 */
public final class CollectResults {

    /*
     * Implementation notes. The run's start is the modification time of its oldest verdict record (the first result
     * recorded), its end the moment of collection; a checker writes no timestamps of its own. Every exception is
     * turned into one line on standard error and exit status 1: the build shows what is wrong with which file, never
     * a stack trace.
     */

    private CollectResults() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the collector; returns the process exit status. */
    public static int run(String... args) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("usage: CollectResults --verdicts DIR --out FILE [--jcstress-results DIR] "
                    + "[--machine NAME] [--mode NAME] [--bound KEY=VALUE]... [--version V] [--skip CHECKER=BOOL]... "
                    + "[--filter CHECKER=FILTER]... ("
                    + e.getMessage() + ")");
            return 2;
        }
        try {
            RunReport report = collect(o);
            ResultJson.write(report, o.out);
            System.out.println("refcheck results: " + report.checks().size() + " checks of " + report.entries().size()
                    + " catalogue entries -> " + o.out);
            return 0;
        } catch (CollectException e) {
            System.err.println("refcheck results: " + e.getMessage());
            return 1;
        } catch (IOException | RuntimeException e) {
            System.err.println("refcheck results: cannot collect " + o.verdicts + ": " + e);
            return 1;
        }
    }

    static RunReport collect(Options o) throws IOException {
        if (!Files.isDirectory(o.verdicts)) {
            throw new CollectException(o.verdicts + ": no verdict directory (run the stress-tests module first)");
        }
        Map<String, ObservedTest> observed = Map.of();
        Optional<Path> resultFile = JcstressResults.newestResultFile(o.jcstressResults);
        if (resultFile.isPresent()) {
            try {
                observed = JcstressResults.observed(resultFile.get());
            } catch (RuntimeException e) {
                throw new CollectException(resultFile.get() + ": not a readable jcstress results file: "
                        + e.getMessage());
            }
        }
        VerdictDirectory dir = new VerdictDirectory(o.verdicts, observed);
        List<CheckerState> states = new ArrayList<>();
        List<CheckResult> checks = new ArrayList<>();
        for (Checker c : Checker.values()) {
            if (o.skipped.getOrDefault(c, false)) {
                states.add(CatalogueRows.notRun(c, "skipped on purpose"));
            } else if (!dir.ran(c)) {
                states.add(CatalogueRows.notRun(c, "left no verdicts: it did not run in this build"));
            } else {
                states.add(CatalogueRows.ran(c, o.isFullSet(c)));
                try {
                    checks.addAll(dir.checks(c));
                } catch (IllegalStateException | IllegalArgumentException e) {
                    throw new CollectException(e.getMessage());
                }
            }
        }
        Instant end = Instant.now();
        Instant start = dir.firstRecorded().map(t -> t.toInstant()).orElse(end);
        Environment env = EnvironmentProbe.probe(o.machine, o.mode, o.bounds, o.version, o.verdicts, start, end);
        return RunReport.of(env, states, CatalogueRows.all(), checks);
    }

    /** Input that cannot be collected; the message names the file and the problem. */
    static final class CollectException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CollectException(String message) {
            super(message);
        }
    }

    /** The command line. */
    static final class Options {
        Path verdicts;
        Path jcstressResults;
        Path out;
        String machine = "";
        String mode = "";
        String version = "";
        final Map<String, String> bounds = new LinkedHashMap<>();
        final Map<Checker, Boolean> skipped = new EnumMap<>(Checker.class);
        final Map<Checker, String> filters = new EnumMap<>(Checker.class);

        static Options parse(String... args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                String value = args[i + 1];
                switch (args[i]) {
                    case "--verdicts" -> o.verdicts = Path.of(value);
                    case "--jcstress-results" -> o.jcstressResults = Path.of(value);
                    case "--out" -> o.out = Path.of(value);
                    case "--machine" -> o.machine = value;
                    case "--mode" -> o.mode = value;
                    case "--version" -> o.version = value;
                    case "--bound" -> o.bounds.put(keyOf(value), value.substring(value.indexOf('=') + 1));
                    case "--skip" -> o.skipped.merge(Checker.ofId(keyOf(value)),
                            Boolean.parseBoolean(value.substring(value.indexOf('=') + 1)), Boolean::logicalOr);
                    case "--filter" -> o.filters.put(Checker.ofId(keyOf(value)),
                            value.substring(value.indexOf('=') + 1));
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            if (o.verdicts == null || o.out == null) {
                throw new IllegalArgumentException("--verdicts and --out are required");
            }
            if (o.jcstressResults == null) {
                o.jcstressResults = o.verdicts.toAbsolutePath().getParent();
            }
            return o;
        }

        /**
         * Whether the checker ran its whole suite: no filter, {@code .*}, or an unresolved Maven property such as
         * {@code ${test}} (the same rule as the stress-tests summary's).
         */
        boolean isFullSet(Checker c) {
            String filter = filters.get(c);
            return filter == null || filter.isBlank() || filter.equals(".*") || filter.startsWith("${");
        }

        private static String keyOf(String assignment) {
            int eq = assignment.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected KEY=VALUE, got '" + assignment + "'");
            }
            return assignment.substring(0, eq);
        }
    }
}
