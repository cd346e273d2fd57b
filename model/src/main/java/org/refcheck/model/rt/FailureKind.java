package org.refcheck.model.rt;

/** The oracles of the model checker: what made an execution fail. */
public enum FailureKind {
    /** A lifetime violation: use after destroy or free, double destroy or free, leak, resurrection. */
    LIFETIME("lifetime violation"),
    /** An exception or assertion failure in some thread of the test. */
    EXCEPTION("exception"),
    /** Every live thread is blocked. */
    DEADLOCK("deadlock"),
    /** The execution exceeded the step bound: a runaway loop, possibly a livelock. */
    STEP_BOUND("possible livelock"),
    /** A predicate the test checks at the end of each execution failed. */
    PREDICATE("end-of-execution predicate"),
    /**
     * Two conflicting accesses of a cell, at least one plain, or two lifetime events of an allocation, not ordered
     * by happens-before (weak memory only).
     */
    DATA_RACE("data race"),
    /** The test did something different under the same schedule. */
    NONDETERMINISM("non-deterministic test");

    private final String title;

    FailureKind(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
