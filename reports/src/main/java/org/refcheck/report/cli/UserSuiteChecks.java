package org.refcheck.report.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.refcheck.report.collect.ModelChecks;
import org.refcheck.report.schema.CatalogueRow;
import org.refcheck.report.schema.CheckResult;
import org.refcheck.report.schema.Counterexample;
import org.refcheck.report.schema.ExpectedVerdict;
import org.refcheck.report.schema.Figures;
import org.refcheck.report.schema.Verdict;
import org.refcheck.report.schema.VerdictKind;

/**
 * A user's suite results as the schema carries them: one check per test (per invocation of a parameterised one),
 * and one catalogue row per protocol and variant the suite names.
 *
 * <p>A {@code @ModelCheck} test publishes what the model checker found ({@code refcheck.*} report entries): its
 * verdict comes from them, its expectation from {@code expectFailure} (must catch) or not (must pass), and its
 * counterexample from the trace. Any other JUnit test counts as a check of the {@value #JUNIT} checker that must
 * pass: its own assertions decide.
 */
final class UserSuiteChecks {

    /** The checker id of plain JUnit tests in a user's suite. */
    static final String JUNIT = "junit";

    private final Map<String, Map<String, ExpectedVerdict>> expectations = new LinkedHashMap<>();
    private final Map<String, String> suiteOf = new LinkedHashMap<>();
    private final List<CheckResult> checks = new ArrayList<>();

    /** Converts the outcomes of the given units. */
    UserSuiteChecks(List<WorkUnit> units, List<SuiteMain.TestOutcome> outcomes) throws IOException {
        Map<String, WorkUnit> byId = new LinkedHashMap<>();
        units.forEach(u -> byId.put(u.id(), u));
        for (SuiteMain.TestOutcome o : outcomes) {
            WorkUnit unit = byId.get(o.unit());
            if (unit == null) {
                continue;
            }
            Map<String, String> e = o.entries();
            boolean model = e.containsKey("refcheck.verdict");
            String protocol = nonBlank(e.get("refcheck.protocol"), unit.protocol());
            String variant = nonBlank(e.get("refcheck.variant"), unit.variant());
            boolean mustCatch = Boolean.parseBoolean(e.getOrDefault("refcheck.expectFailure", "false"));
            String checker = model ? ModelChecks.CHECKER : JUNIT;
            ExpectedVerdict expected = new ExpectedVerdict(mustCatch ? ExpectedVerdict.CATCHES : ExpectedVerdict.PASSES,
                    "", false);
            String id = protocol + "/" + variant;
            expectations.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(checker, expected);
            suiteOf.putIfAbsent(id, o.className());
            checks.add(model ? modelCheck(protocol, variant, o, expected) : junitCheck(protocol, variant, o, expected));
        }
    }

    /** One row per protocol and variant, in the order the tests ran. */
    List<CatalogueRow> rows() {
        List<CatalogueRow> rows = new ArrayList<>();
        expectations.forEach((id, expected) -> {
            int slash = id.indexOf('/');
            rows.add(new CatalogueRow(id.substring(0, slash), id.substring(slash + 1), "",
                    "your protocol, checked by " + suiteOf.get(id), "", suiteOf.get(id), expected));
        });
        return rows;
    }

    List<CheckResult> checks() {
        return List.copyOf(checks);
    }

    /** Whether any test was a plain JUnit test. */
    boolean hasJunitChecks() {
        return checks.stream().anyMatch(c -> c.checker().equals(JUNIT));
    }

    private static CheckResult modelCheck(String protocol, String variant, SuiteMain.TestOutcome o,
                                          ExpectedVerdict expected) throws IOException {
        Map<String, String> e = o.entries();
        Figures figures = Figures.model(number(e, "refcheck.executions"), number(e, "refcheck.traces"),
                number(e, "refcheck.wallMillis"));
        boolean caught = e.get("refcheck.verdict").equals("caught");
        boolean mustCatch = expected.expectation().equals(ExpectedVerdict.CATCHES);
        Verdict verdict;
        Counterexample cx = null;
        if (caught) {
            String failure = e.getOrDefault("refcheck.failure", "failure");
            int colon = failure.indexOf(':');
            verdict = new Verdict(VerdictKind.VIOLATION, colon > 0 ? failure.substring(0, colon) : failure, failure);
            if (e.containsKey("refcheck.trace")) {
                cx = ModelChecks.counterexample(o.test(), e.get("refcheck.trace"));
            }
        } else {
            boolean exhaustive = Boolean.parseBoolean(e.get("refcheck.exhaustive"));
            verdict = new Verdict(exhaustive ? VerdictKind.PASSED_EXHAUSTIVE : VerdictKind.PASSED_SAMPLED, "",
                    e.getOrDefault("refcheck", ""));
        }
        if (o.status().equals("FAILED") && caught == mustCatch) {
            verdict = new Verdict(VerdictKind.ERROR, "", "the test failed after the model checker "
                    + (caught ? "caught the bug" : "passed") + ": " + o.message());
        }
        return new CheckResult(protocol, variant, ModelChecks.CHECKER, o.test(), verdict, expected, figures,
                List.of(), cx);
    }

    private static CheckResult junitCheck(String protocol, String variant, SuiteMain.TestOutcome o,
                                          ExpectedVerdict expected) {
        Verdict verdict = switch (o.status()) {
            case "SUCCESSFUL" -> new Verdict(VerdictKind.PASSED_SAMPLED, "", "the test's assertions held");
            case "FAILED" -> new Verdict(VerdictKind.VIOLATION, "assertion", o.message());
            default -> new Verdict(VerdictKind.NOT_RUN, "", o.message());
        };
        return new CheckResult(protocol, variant, JUNIT, o.test(), verdict, expected, Figures.NONE, List.of(), null);
    }

    private static long number(Map<String, String> e, String key) {
        try {
            return Long.parseLong(e.getOrDefault(key, "-1"));
        } catch (NumberFormatException x) {
            return -1;
        }
    }

    private static String nonBlank(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value;
    }
}
