package org.refcheck.report.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.refcheck.report.schema.CatalogueRow;
import org.refcheck.report.schema.CheckResult;
import org.refcheck.report.schema.CheckerState;
import org.refcheck.report.schema.Counterexample;
import org.refcheck.report.schema.Environment;
import org.refcheck.report.schema.ExpectedVerdict;
import org.refcheck.report.schema.Figures;
import org.refcheck.report.schema.Outcome;
import org.refcheck.report.schema.RunReport;
import org.refcheck.report.schema.TraceEvent;
import org.refcheck.report.schema.Verdict;
import org.refcheck.report.schema.VerdictKind;

/**
 * Small results documents for the site's tests: two protocols (one named by a hostile string), each with a mutant,
 * three checkers, one check per cell, a jcstress outcome table with a forbidden outcome never observed, and a
 * counterexample with a preemption, and a caught canary (a self-check, outside the catalogue) with its counterexample.
 * {@link #run(String, boolean)} can flip one verdict, for merge tests.
 */
public final class Fixtures {

    /** A protocol id no catalogue would allow: it must stay text on every page. */
    public static final String HOSTILE = "<script>alert(1)</script>";

    public static final List<String> CHECKERS = List.of("jcstress", "lincheck", "model");

    private Fixtures() {
    }

    /** A run on {@code machine}; with {@code flipped}, the model checker misses the hostile protocol's mutant. */
    public static RunReport run(String machine, boolean flipped) {
        List<CatalogueRow> rows = List.of(
                row("refcount", "correct", "", ExpectedVerdict.PASSES),
                row("refcount", "sub-and-test-zero", "B3", ExpectedVerdict.CATCHES),
                row(HOSTILE, "correct", "", ExpectedVerdict.PASSES),
                row(HOSTILE, "bug-\"quoted\" & <b>bold</b>", "X9", ExpectedVerdict.CATCHES));
        List<CheckResult> checks = new ArrayList<>();
        for (CatalogueRow r : rows) {
            for (String checker : CHECKERS) {
                boolean miss = flipped && r.protocol().equals(HOSTILE) && r.isMutant() && checker.equals("model");
                checks.add(check(r, checker, r.isMutant() && !miss));
            }
        }
        CatalogueRow canary = new CatalogueRow(CheckResult.SELF_CHECK, "racy-increment", "", "", "", "",
                Map.of("lincheck", new ExpectedVerdict(ExpectedVerdict.CATCHES, "", false)));
        checks.add(check(canary, "lincheck", true));
        List<CheckerState> states = List.of(new CheckerState("jcstress", "jcstress", true, true, ""),
                new CheckerState("lincheck", "Lincheck", true, true, ""),
                new CheckerState("model", "refcheck model checker", true, true, ""));
        Environment env = new Environment(machine, "Debian", "17.0.15+6", "Linux 6.1 amd64", 2, "a CPU <model>",
                "verify", Map.of("lincheck.invocations", "2000"), "0.1.0-SNAPSHOT", "abc123", "2026-12-01T10:00:00Z",
                "2026-12-01T10:12:00Z");
        return RunReport.of(env, states, rows, checks);
    }

    private static CatalogueRow row(String protocol, String variant, String bug, String expectation) {
        ExpectedVerdict e = new ExpectedVerdict(expectation, "", false);
        return new CatalogueRow(protocol, variant, bug, "what " + protocol + " does <i>here</i>", "kref & friends",
                "include/linux/kref.h", Map.of("jcstress", e, "lincheck", e, "model", e));
    }

    private static CheckResult check(CatalogueRow r, String checker, boolean caught) {
        ExpectedVerdict expected = r.expectedOf(checker);
        String test = "org.example." + checker + "Test#" + r.variant() + " <em>";
        Verdict verdict = caught ? new Verdict(VerdictKind.VIOLATION, "use after free", "found it <fast>")
                : checker.equals("model") ? new Verdict(VerdictKind.PASSED_EXHAUSTIVE, "", "exhaustive: 6 traces")
                : new Verdict(VerdictKind.PASSED_SAMPLED, "", "no failure");
        Figures figures = switch (checker) {
            case "model" -> Figures.model(6, 6, 3);
            case "lincheck" -> Figures.lincheck(-1, 200, 1500);
            default -> Figures.jcstress(1_000_000, 2000);
        };
        List<Outcome> outcomes = checker.equals("jcstress") ? List.of(
                new Outcome("true, clean", "ACCEPTABLE", caught ? 700_000 : 1_000_000, "one drop freed it"),
                new Outcome("true, .*use after free.*", caught ? "ACCEPTABLE_INTERESTING" : "FORBIDDEN",
                        caught ? 300_000 : 0, "a drop touched <freed> memory"),
                new Outcome("false, .*", "FORBIDDEN", 0, "neither drop freed it: leak")) : List.of();
        Counterexample cx = caught && !checker.equals("jcstress") ? counterexample(r) : null;
        return new CheckResult(r.protocol(), r.variant(), checker, test, verdict, expected, figures, outcomes, cx);
    }

    private static Counterexample counterexample(CatalogueRow r) {
        List<TraceEvent> events = List.of(
                new TraceEvent(0, 0, 0, "RMW", "refcount.getAndAdd(-1): 2 -> 1", "2", "1", "Ref.java:40"),
                new TraceEvent(1, 1, 0, "RMW", "refcount.getAndAdd(-1): 1 -> 0", "1", "0", "Ref.java:40"),
                new TraceEvent(2, 1, 0, "FREE", "value.free <" + r.protocol() + ">", "", "", "Ref.java:44"),
                new TraceEvent(3, 0, 1, "ACCESS", "value.access -> freed", "freed", "", "Ref.java:47"));
        return new Counterexample("lifetime violation: use after free of " + r.protocol(), List.of("main", "T1"),
                events, "0.1*2.0", "mvn -Drefcheck.replay=0.1*2.0 '<x>'", "raw <text>");
    }
}
