package org.refcheck.stress.verdict;

/**
 * What one test of one checker observed, before it is held against the catalogue's expectation.
 *
 * <p>For jcstress, CAUGHT means: for a mutant test, some {@code ACCEPTABLE_INTERESTING} outcome occurred; for any
 * other test, some {@code FORBIDDEN} outcome occurred. For Lincheck, CAUGHT means Lincheck reported a failure.
 */
public enum Observation {

    /** The checker reported the bug (or flagged the protocol). */
    CAUGHT,

    /** The checker ran the test and reported nothing. */
    PASSED,

    /** The test did not run, for a stated reason that is not a harness failure (e.g. it needs more CPUs). */
    NOT_RUN,

    /** The harness, the VM or the test itself broke: no verdict either way. */
    ERROR
}
