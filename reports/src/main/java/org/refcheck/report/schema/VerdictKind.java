package org.refcheck.report.schema;

/**
 * The small, fixed taxonomy of what one check concluded. It keeps apart "the protocol is wrong" (VIOLATION), "the
 * harness broke" (ERROR) and "we did not check" (NOT_RUN, INCONCLUSIVE), and says how strong a pass is.
 */
public enum VerdictKind {

    /** Every execution within the bounds was explored and none failed (refcheck's model checker). */
    PASSED_EXHAUSTIVE("passed exhaustively", true),

    /** Samples, invocations or random schedules were tried and none failed: evidence, not proof. */
    PASSED_SAMPLED("passed sampled", true),

    /** An oracle fired: use after free, double free, leak, resurrection, linearizability, a forbidden outcome. */
    VIOLATION("violation", false),

    /** The harness, the VM or the test broke: no verdict either way. */
    ERROR("error", false),

    /** The check did not run, for a stated reason (e.g. it needs 4 CPUs, the checker was skipped). */
    NOT_RUN("not run", false),

    /** It ran but cannot vouch either way: a bound, a cap or a timeout cut the search short. */
    INCONCLUSIVE("inconclusive", false);

    private final String words;
    private final boolean passed;

    VerdictKind(String words, boolean passed) {
        this.words = words;
        this.passed = passed;
    }

    /** The verdict in words, e.g. "passed exhaustively". */
    public String words() {
        return words;
    }

    /** Whether this is a pass of either strength. */
    public boolean passed() {
        return passed;
    }

    /** The CSS class the site colours it by, e.g. {@code "v-violation"}. */
    public String cssClass() {
        return "v-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
