package org.refcheck.report.schema;

import java.util.Objects;

/**
 * What one check concluded.
 *
 * @param kind   the verdict
 * @param oracle for VIOLATION: the oracle that fired, e.g. {@code "use after free"} or {@code "linearizability"};
 *               otherwise empty
 * @param detail one line: the failure message, why it did not run (e.g. "needs 4 CPUs"), what cut it short
 */
public record Verdict(VerdictKind kind, String oracle, String detail) {

    public Verdict {
        Objects.requireNonNull(kind, "verdict.kind is missing");
        oracle = Required.optional(oracle);
        detail = Required.optional(detail);
        if (kind == VerdictKind.VIOLATION && oracle.isBlank()) {
            throw new IllegalArgumentException("a violation names its oracle");
        }
    }

    /** The verdict in words, naming the oracle of a violation: "violation: use after free". */
    public String words() {
        return kind == VerdictKind.VIOLATION ? kind.words() + ": " + oracle : kind.words();
    }
}
