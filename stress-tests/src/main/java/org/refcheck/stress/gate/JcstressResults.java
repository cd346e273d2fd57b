package org.refcheck.stress.gate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.infra.StateCase;
import org.openjdk.jcstress.infra.Status;
import org.openjdk.jcstress.infra.TestInfo;
import org.openjdk.jcstress.infra.collectors.DiskReadCollector;
import org.openjdk.jcstress.infra.collectors.InProcessCollector;
import org.openjdk.jcstress.infra.collectors.TestResult;
import org.openjdk.jcstress.infra.grading.GradingResult;
import org.openjdk.jcstress.infra.grading.TestGrading;
import org.openjdk.jcstress.infra.runners.TestConfig;
import org.openjdk.jcstress.infra.runners.TestList;
import org.refcheck.stress.catalogue.Catalogue;
import org.refcheck.stress.catalogue.Checks;
import org.refcheck.stress.selfcheck.Canary;
import org.refcheck.stress.verdict.OutcomeCount;

/**
 * Reads what jcstress 0.16 declared and produced: the tests in {@code META-INF/TestList} (which must be on the class
 * path, so run this from the stress-tests module's runtime class path) and the results in a
 * {@code jcstress-results-<timestamp>.bin.gz} file, through jcstress's public but undocumented collector classes.
 */
public final class JcstressResults {

    /** The package whose jcstress tests may omit {@code @Checks}: infrastructure self-checks. */
    public static final String SELF_CHECK_PACKAGE = "org.refcheck.stress.selfcheck";

    private static final Pattern RESULT_FILE = Pattern.compile("jcstress-results-.*\\.bin\\.gz");

    private JcstressResults() {
    }

    /** The newest {@code jcstress-results-*.bin.gz} in {@code dir}, by file name (a timestamp), if any. */
    public static Optional<Path> newestResultFile(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> RESULT_FILE.matcher(p.getFileName().toString()).matches())
                    .max(Comparator.comparing(p -> p.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tests in {@code META-INF/TestList} whose name the filter finds (jcstress's own {@code -t} rule). */
    public static List<DeclaredTest> declared(String filter, ClassLoader loader) {
        requireTestList();
        Pattern pattern = Pattern.compile(filter);
        return TestList.tests().stream()
                .filter(name -> pattern.matcher(name).find())
                .sorted()
                .map(name -> classify(TestList.getInfo(name), loader))
                .collect(Collectors.toList());
    }

    /** The number of tests {@code META-INF/TestList} declares. */
    public static int declaredCount() {
        requireTestList();
        return TestList.tests().size();
    }

    private static void requireTestList() {
        if (TestList.class.getResource(TestList.LIST) == null) {
            throw new IllegalStateException("no " + TestList.LIST + " on the class path: the jcstress annotation "
                    + "processor did not run, or this is not the stress-tests runtime class path");
        }
    }

    static DeclaredTest classify(TestInfo info, ClassLoader loader) {
        Class<?> type;
        try {
            type = Class.forName(info.binaryName(), false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return DeclaredTest.unusable(info.name(), info.threads(), "class " + info.binaryName()
                    + " not on the class path: " + e);
        }
        boolean interesting = info.unmatched() != null && info.unmatched().expect() == Expect.ACCEPTABLE_INTERESTING;
        for (StateCase c : info.cases()) {
            interesting |= c.expect() == Expect.ACCEPTABLE_INTERESTING;
        }
        Optional<Checks> checks = Catalogue.checksOf(type);
        if (checks.isPresent()) {
            Checks c = checks.get();
            if (Catalogue.find(c.protocol(), c.variant()).isEmpty()) {
                return DeclaredTest.unusable(info.name(), info.threads(), "@Checks(protocol = \"" + c.protocol()
                        + "\", variant = \"" + c.variant() + "\") names no catalogue entry");
            }
            return DeclaredTest.ofEntry(info.name(), info.threads(), Catalogue.get(c.protocol(), c.variant()),
                    interesting);
        }
        if (type.getPackageName().equals(SELF_CHECK_PACKAGE)) {
            return DeclaredTest.selfCheck(info.name(), info.threads(), type.isAnnotationPresent(Canary.class),
                    interesting);
        }
        return DeclaredTest.unusable(info.name(), info.threads(), "no @Checks annotation: every jcstress test "
                + "outside " + SELF_CHECK_PACKAGE + " must name its catalogue entry");
    }

    /** Reads a results file and sums each test's results over its configurations. */
    public static Map<String, ObservedTest> observed(Path resultFile) {
        InProcessCollector sink = new InProcessCollector();
        try {
            DiskReadCollector reader = new DiskReadCollector(resultFile.toString(), sink);
            try {
                reader.dump();
            } finally {
                reader.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resultFile, e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("cannot read " + resultFile + ": " + e, e);
        }
        Map<String, List<TestResult>> byTest = new TreeMap<>();
        for (TestResult r : sink.getTestResults()) {
            byTest.computeIfAbsent(r.getName(), k -> new ArrayList<>()).add(r);
        }
        Map<String, ObservedTest> observed = new LinkedHashMap<>();
        byTest.forEach((name, results) -> observed.put(name, sum(name, results)));
        return observed;
    }

    private static ObservedTest sum(String name, List<TestResult> results) {
        List<String> errors = new ArrayList<>();
        Map<String, OutcomeCount> outcomes = new TreeMap<>();
        long millis = 0;
        for (TestResult r : results) {
            TestConfig config = r.getConfig();
            if (config != null) {
                millis += (long) config.time * config.iters;
            }
            if (r.status() != Status.NORMAL) {
                String message = r.getMessages().isEmpty() ? "" : ": " + r.getMessages().get(0);
                errors.add(r.status() + " in " + describe(config) + message);
            }
            if (!TestList.tests().contains(name)) {
                continue;
            }
            TestGrading grading = r.grading();
            for (GradingResult g : grading.gradingResults.values()) {
                outcomes.merge(g.id, new OutcomeCount(g.id, g.expect.name(), g.count, g.description),
                        (a, b) -> new OutcomeCount(a.id(), a.expect(), a.samples() + b.samples(), a.description()));
            }
        }
        return new ObservedTest(name, results.size(), errors, new ArrayList<>(outcomes.values()), millis);
    }

    private static String describe(TestConfig config) {
        if (config == null) {
            return "an unknown configuration";
        }
        return "fork #" + config.forkId + " " + config.jvmArgs;
    }
}
