package org.refcheck.report.schema;

import java.util.List;
import java.util.Objects;

/**
 * What one test of one checker concluded about one catalogue entry (or infrastructure self-check).
 *
 * @param protocol       the protocol id, or {@value #SELF_CHECK} for an infrastructure self-check
 * @param variant        {@code "correct"}, the mutant's bug name, or the self-check's name
 * @param checker        the checker's id, e.g. {@code "jcstress"}
 * @param test           the test: a jcstress test class, {@code Class#method} for Lincheck and the model checker
 * @param verdict        what it concluded
 * @param expected       what the catalogue demands of this checker for this entry
 * @param figures        counts and time
 * @param outcomes       jcstress: every declared outcome with its samples, the never-observed ones too
 * @param counterexample the failing execution, or {@code null}
 */
public record CheckResult(String protocol, String variant, String checker, String test, Verdict verdict,
                          ExpectedVerdict expected, Figures figures, List<Outcome> outcomes,
                          Counterexample counterexample) {

    /** The protocol id of infrastructure self-checks. */
    public static final String SELF_CHECK = "selfcheck";

    public CheckResult {
        Required.text(protocol, "checks[].protocol");
        Required.text(variant, "checks[].variant");
        Required.text(checker, "checks[].checker");
        Required.text(test, "checks[].test");
        Objects.requireNonNull(verdict, "checks[].verdict is missing (" + test + ")");
        Objects.requireNonNull(expected, "checks[].expected is missing (" + test + ")");
        figures = figures == null ? Figures.NONE : figures;
        outcomes = outcomes == null ? List.of() : Required.list(outcomes, "checks[].outcomes");
    }

    /** {@code protocol/variant}. */
    public String entryId() {
        return protocol + "/" + variant;
    }

    /** Whether the verdict is what the catalogue demands. */
    public boolean asExpected() {
        return expected.isMetBy(verdict);
    }
}
