package org.refcheck.stress.catalogue;

import java.util.Objects;

/**
 * One cell of the {@link Catalogue}: what one checker must conclude about one entry, why (for
 * {@link Expectation#NOT_EXPECTED}), and whether the tests that back it are still to be written.
 *
 * <p>A cell is written {@link #CATCHES}, {@link #PASSES}, {@code notExpected("reason")}, or {@code pending(...)} of
 * one of those. A pending cell is an explicit debt: the summary shows it as {@code PENDING}, and the gates fail as soon
 * as a test for a pending cell exists, so the mark is removed in the same change that adds the test.
 *
 * @param expectation  the verdict the checker must reach
 * @param reason       why the checker is not expected to see the bug; empty unless {@code NOT_EXPECTED}
 * @param testsPending whether no test for this checker and entry exists yet
 */
public record Expected(Expectation expectation, String reason, boolean testsPending) {

    /** The checker must report the bug. */
    public static final Expected CATCHES = new Expected(Expectation.CATCHES, "", false);

    /** The checker must find nothing. */
    public static final Expected PASSES = new Expected(Expectation.PASSES, "", false);

    public Expected {
        Objects.requireNonNull(expectation, "expectation");
        Objects.requireNonNull(reason, "reason");
        if (expectation == Expectation.NOT_EXPECTED && reason.isBlank()) {
            throw new IllegalArgumentException("NOT_EXPECTED needs a reason");
        }
        if (expectation != Expectation.NOT_EXPECTED && !reason.isEmpty()) {
            throw new IllegalArgumentException("only NOT_EXPECTED carries a reason, not " + expectation);
        }
    }

    /** The checker cannot be expected to see the bug, for the given reason. */
    public static Expected notExpected(String reason) {
        return new Expected(Expectation.NOT_EXPECTED, reason, false);
    }

    /** The same expectation, marked as having no tests yet. */
    public static Expected pending(Expected expected) {
        return new Expected(expected.expectation, expected.reason, true);
    }

    /** Whether the gates must see this checker's tests for the entry: CATCHES or PASSES, and not pending. */
    public boolean requiresTests() {
        return expectation != Expectation.NOT_EXPECTED && !testsPending;
    }

    @Override
    public String toString() {
        String text = expectation.name();
        if (expectation == Expectation.NOT_EXPECTED) {
            text += " (" + reason + ")";
        }
        return testsPending ? text + " [pending]" : text;
    }
}
