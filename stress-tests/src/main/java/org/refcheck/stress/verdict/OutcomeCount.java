package org.refcheck.stress.verdict;

import java.util.Objects;

/**
 * One jcstress outcome of a test, summed over every configuration it ran in.
 *
 * @param id          the result as jcstress prints it, e.g. {@code "true, 1"}, or the declared pattern if never seen
 * @param expect      the grading: {@code ACCEPTABLE}, {@code ACCEPTABLE_INTERESTING}, {@code FORBIDDEN} or
 *                    {@code UNKNOWN}
 * @param samples     how many times it was observed (0 for a declared outcome that never occurred)
 * @param description the outcome's {@code desc}
 */
public record OutcomeCount(String id, String expect, long samples, String description) {

    public OutcomeCount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(expect, "expect");
        description = description == null ? "" : description;
    }
}
