package org.refcheck.model.rt;

import java.util.Objects;

/**
 * Why one execution failed.
 *
 * @param kind    the oracle that fired
 * @param message what happened, in a sentence
 * @param thread  the logical thread it happened in, or -1 when no single thread is to blame (deadlock, leak)
 * @param cause   the exception, for {@link FailureKind#EXCEPTION}, else {@code null}
 */
public record Failure(FailureKind kind, String message, int thread, Throwable cause) {

    public Failure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return kind.title() + ": " + message;
    }
}
