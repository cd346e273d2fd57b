package org.refcheck.lifetime;

import java.util.Objects;

/**
 * One lifetime violation: what went wrong, to which allocation, in which thread.
 *
 * @param kind       the oracle that fired
 * @param allocation the label of the allocation involved
 * @param detail     what the protocol was doing, e.g. {@code "access"} or {@code "free"}
 * @param thread     the name of the thread that performed the offending event
 */
public record Violation(ViolationKind kind, String allocation, String detail, String thread) {

    public Violation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(allocation, "allocation");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(thread, "thread");
    }

    @Override
    public String toString() {
        return kind.title() + " of " + allocation + ": " + kind.sentence() + " (" + detail + " in " + thread + ")";
    }
}
