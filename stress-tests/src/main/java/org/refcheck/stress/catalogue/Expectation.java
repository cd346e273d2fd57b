package org.refcheck.stress.catalogue;

/** What the {@link Catalogue} says one checker must conclude about one protocol or mutant. */
public enum Expectation {

    /** The checker must report the bug: every one of its tests of this entry must detect it. */
    CATCHES,

    /** The checker must find nothing: a correct protocol is never flagged. */
    PASSES,

    /**
     * The checker cannot be expected to see the bug (for example a weak-memory bug on an x86 host, or under a
     * sequentially consistent explorer); tests may exist, and whatever they observe is reported but never fails the
     * build. Always comes with a reason.
     */
    NOT_EXPECTED
}
