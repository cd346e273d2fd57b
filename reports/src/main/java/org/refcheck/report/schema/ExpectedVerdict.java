package org.refcheck.report.schema;

/**
 * What the catalogue demands of one checker for one entry.
 *
 * @param expectation {@value #CATCHES}, {@value #PASSES} or {@value #NOT_EXPECTED}
 * @param reason      for NOT_EXPECTED: why the checker cannot be expected to see the bug; otherwise empty
 * @param pending     whether the tests backing this cell are still to be written
 */
public record ExpectedVerdict(String expectation, String reason, boolean pending) {

    public static final String CATCHES = "CATCHES";
    public static final String PASSES = "PASSES";
    public static final String NOT_EXPECTED = "NOT_EXPECTED";

    public ExpectedVerdict {
        Required.text(expectation, "expected.expectation");
        if (!expectation.equals(CATCHES) && !expectation.equals(PASSES) && !expectation.equals(NOT_EXPECTED)) {
            throw new IllegalArgumentException("expected.expectation '" + expectation + "' is none of "
                    + CATCHES + ", " + PASSES + ", " + NOT_EXPECTED);
        }
        reason = Required.optional(reason);
    }

    /** Whether {@code verdict} is what this cell demands (anything is, for NOT_EXPECTED). */
    public boolean isMetBy(Verdict verdict) {
        return switch (expectation) {
            case CATCHES -> verdict.kind() == VerdictKind.VIOLATION;
            case PASSES -> verdict.kind().passed();
            default -> true;
        };
    }

    /** The demand in words, e.g. "must catch". */
    public String words() {
        String text = switch (expectation) {
            case CATCHES -> "must catch";
            case PASSES -> "must pass";
            default -> "not expected to catch: " + reason;
        };
        return pending ? text + " (tests pending)" : text;
    }
}
