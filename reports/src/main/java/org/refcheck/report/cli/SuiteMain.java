package org.refcheck.report.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The runner inside a child JVM: runs the JUnit units listed in a file (one unique id per line) and prints one
 * event line per unit for the parent's progress line. With {@code --results FILE} it also writes every test's
 * outcome and the {@code refcheck.*} report entries of {@code @ModelCheck} tests as JSON (a user suite's results).
 *
 * <pre>
 * java -cp CLASSPATH org.refcheck.report.cli.SuiteMain --units units.txt [--results results.json]
 * </pre>
 *
 * <p>Events, tab-separated (unique ids hold spaces): {@code @@refcheck started UID}, {@code @@refcheck finished UID
 * STATUS}, and {@code @@refcheck missing
 * UID} for a unit the class path does not have. Exit status 0 when every unit ran and succeeded, 1 when a test
 * failed, 2 for bad arguments, 3 when a unit is missing.
 */
public final class SuiteMain {

    /** The prefix of event lines. */
    static final String EVENT = "@@refcheck ";

    private SuiteMain() {
    }

    /** One test's outcome, as the results file holds it. */
    public record TestOutcome(String unit, String test, String className, String method, String display,
                              String status, String message, Map<String, String> entries) {
    }

    public static void main(String[] args) throws IOException {
        Path units = null;
        Path results = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--units" -> units = Path.of(args[i + 1]);
                case "--results" -> results = Path.of(args[i + 1]);
                default -> {
                    System.err.println("SuiteMain: unknown argument " + args[i]);
                    System.exit(2);
                }
            }
        }
        if (units == null) {
            System.err.println("usage: SuiteMain --units FILE [--results FILE]");
            System.exit(2);
        }
        System.exit(run(Files.readAllLines(units, StandardCharsets.UTF_8), results));
    }

    static int run(List<String> unitIds, Path results) throws IOException {
        Set<String> wanted = new LinkedHashSet<>();
        unitIds.stream().filter(s -> !s.isBlank()).forEach(wanted::add);
        Listener listener = new Listener(wanted);
        var request = LauncherDiscoveryRequestBuilder.request()
                .selectors(wanted.stream().map(DiscoverySelectors::selectUniqueId).toList())
                .build();
        LauncherFactory.create().execute(request, listener);
        if (results != null) {
            Path tmp = results.resolveSibling(results.getFileName() + ".tmp");
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), listener.outcomes);
            Files.move(tmp, results, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        Set<String> missing = new LinkedHashSet<>(wanted);
        missing.removeAll(listener.seen);
        for (String m : missing) {
            System.out.println(EVENT + "missing\t" + m);
        }
        return !missing.isEmpty() ? 3 : listener.failed ? 1 : 0;
    }

    /** Prints the events and keeps the outcomes. */
    private static final class Listener implements TestExecutionListener {
        private final Set<String> wanted;
        private final Set<String> seen = new LinkedHashSet<>();
        private final Map<String, Map<String, String>> entries = new LinkedHashMap<>();
        private final List<TestOutcome> outcomes = new ArrayList<>();
        private TestPlan plan;
        private boolean failed;

        Listener(Set<String> wanted) {
            this.wanted = wanted;
        }

        @Override
        public void testPlanExecutionStarted(TestPlan testPlan) {
            plan = testPlan;
        }

        @Override
        public void executionStarted(TestIdentifier id) {
            if (wanted.contains(id.getUniqueId())) {
                seen.add(id.getUniqueId());
                System.out.println(EVENT + "started\t" + id.getUniqueId());
            }
        }

        @Override
        public void executionSkipped(TestIdentifier id, String reason) {
            if (wanted.contains(id.getUniqueId())) {
                seen.add(id.getUniqueId());
                System.out.println(EVENT + "finished\t" + id.getUniqueId() + "\tSKIPPED");
            }
            if (id.isTest() || wanted.contains(id.getUniqueId())) {
                record(id, "SKIPPED", reason);
            }
        }

        @Override
        public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
            entries.computeIfAbsent(id.getUniqueId(), k -> new LinkedHashMap<>()).putAll(entry.getKeyValuePairs());
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            String status = result.getStatus().name();
            if (id.isTest()) {
                failed |= result.getStatus() == TestExecutionResult.Status.FAILED;
                record(id, status, result.getThrowable().map(Throwable::toString).orElse(""));
            }
            if (wanted.contains(id.getUniqueId())) {
                if (!id.isTest()) {
                    failed |= result.getStatus() == TestExecutionResult.Status.FAILED;
                }
                System.out.println(EVENT + "finished\t" + id.getUniqueId() + "\t" + status);
            }
        }

        private void record(TestIdentifier id, String status, String message) {
            String unit = unitOf(id);
            String className = "";
            String method = "";
            if (id.getSource().orElse(null) instanceof MethodSource m) {
                className = m.getClassName();
                method = m.getMethodName();
            } else if (unit != null
                    && plan.getTestIdentifier(unit).getSource().orElse(null) instanceof MethodSource m) {
                className = m.getClassName();
                method = m.getMethodName();
            }
            String test = className + "#" + method
                    + (id.getUniqueId().equals(unit) ? "" : " " + id.getDisplayName());
            outcomes.add(new TestOutcome(unit == null ? id.getUniqueId() : unit, test, className, method,
                    id.getDisplayName(), status, message, entries.getOrDefault(id.getUniqueId(), Map.of())));
        }

        /** The wanted unit this test belongs to (itself, or the parameterised method above it). */
        private String unitOf(TestIdentifier id) {
            TestIdentifier at = id;
            while (at != null) {
                if (wanted.contains(at.getUniqueId())) {
                    return at.getUniqueId();
                }
                at = at.getParentIdObject().map(plan::getTestIdentifier).orElse(null);
            }
            return null;
        }
    }
}
