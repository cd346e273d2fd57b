package org.refcheck.stress.gate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.refcheck.stress.TextTable;
import org.refcheck.stress.catalogue.Catalogue;
import org.refcheck.stress.catalogue.Checker;
import org.refcheck.stress.verdict.VerdictRecord;
import org.refcheck.stress.verdict.VerdictStore;

/**
 * The jcstress gate: run right after jcstress, it reads the newest results file, holds every selected test against
 * the catalogue ({@link JcstressGateRules}), writes one verdict record per test, prints the outcome tables, and exits
 * with status 1 and one line per problem when the run must not pass.
 *
 * <pre>
 * java -cp &lt;stress-tests runtime class path&gt; org.refcheck.stress.gate.JcstressGate \
 *     --results-dir target --tests '.*' --verdicts target/verdicts [--cpus 2]
 * </pre>
 *
 * <p>The class path must hold the tests' {@code META-INF/TestList}: the module's {@code target/classes}, or
 * {@code target/jcstress.jar}.
 */
public final class JcstressGate {

    private JcstressGate() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the gate; returns the process exit status (0 pass, 1 problems, 2 usage). */
    public static int run(String... args) {
        Path resultsDir = Path.of("target");
        Path verdicts = Path.of("target", "verdicts");
        String filter = ".*";
        int cpus = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--results-dir" -> resultsDir = Path.of(value);
                case "--verdicts" -> verdicts = Path.of(value);
                case "--tests" -> filter = value;
                case "--cpus" -> cpus = Integer.parseInt(value);
                default -> {
                    System.err.println("usage: JcstressGate --results-dir DIR --tests REGEX --verdicts DIR [--cpus N]"
                            + " (unknown argument " + args[i] + ")");
                    return 2;
                }
            }
            i++;
        }
        System.out.println();
        System.out.println("refcheck jcstress gate");
        System.out.println("----------------------");
        Optional<Path> resultFile = JcstressResults.newestResultFile(resultsDir);
        if (resultFile.isEmpty()) {
            System.out.println("FAIL: no jcstress-results-*.bin.gz in " + resultsDir.toAbsolutePath()
                    + ": jcstress did not run, ran elsewhere, or found no test (it exits 0 on 'No matching tests')");
            return 1;
        }
        boolean fullSet = filter.equals(".*");
        ClassLoader loader = JcstressGate.class.getClassLoader();
        List<DeclaredTest> selected;
        Map<String, ObservedTest> observed;
        try {
            selected = JcstressResults.declared(filter, loader);
            observed = JcstressResults.observed(resultFile.get());
        } catch (RuntimeException e) {
            System.out.println("FAIL: cannot read the jcstress run: " + e.getMessage());
            e.printStackTrace(System.out);
            return 1;
        }
        System.out.println("results: " + resultFile.get().getFileName() + "; TestList declares "
                + JcstressResults.declaredCount() + " tests, filter '" + filter + "' selects " + selected.size()
                + ", " + observed.size() + " produced results; " + cpus + " CPUs"
                + (fullSet ? "" : "; catalogue coverage not checked (not the full set)"));
        GateReport report = JcstressGateRules.evaluate(selected, observed, cpus, fullSet, Catalogue.entries());

        clear(VerdictStore.directory(verdicts, Checker.JCSTRESS));
        for (VerdictRecord r : report.records()) {
            VerdictStore.write(verdicts, r);
        }
        print(report);
        return report.passed() ? 0 : 1;
    }

    private static void print(GateReport report) {
        for (VerdictRecord r : report.records()) {
            System.out.println();
            System.out.println("[" + r.observed() + "] " + DeclaredTest.shortName(r.test()) + "  -  "
                    + (r.isSelfCheck() ? "self-check" : r.entryId() + (r.bugId().isEmpty() ? "" : " (" + r.bugId()
                    + ")")) + ", expected " + r.expected());
            if (!r.outcomes().isEmpty()) {
                System.out.print(OutcomeTable.render(r.outcomes()));
            }
        }
        System.out.println();
        List<List<String>> rows = new ArrayList<>();
        for (VerdictRecord r : report.records()) {
            rows.add(List.of(DeclaredTest.shortName(r.test()), r.isSelfCheck() ? "self-check" : r.entryId(),
                    r.expected().name(), r.observed().name(), String.format(Locale.ROOT, "%,d", r.count()),
                    String.format(Locale.ROOT, "%.1f s", r.timeMillis() / 1000.0), r.detail()));
        }
        System.out.print(TextTable.render(List.of("TEST", "ENTRY", "EXPECTED", "OBSERVED", "SAMPLES", "SAMPLING",
                "DETAIL"), rows, TextTable.LEFT, TextTable.LEFT, TextTable.LEFT, TextTable.LEFT, TextTable.RIGHT,
                TextTable.RIGHT));
        for (String note : report.notes()) {
            System.out.println("note: " + note);
        }
        for (String problem : report.problems()) {
            System.out.println("FAIL: " + problem);
        }
        System.out.println(report.passed()
                ? "jcstress gate: PASSED (" + report.records().size() + " tests graded)"
                : "jcstress gate: FAILED with " + report.problems().size() + " problem(s)");
    }

    private static void clear(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir, e);
        }
    }
}
