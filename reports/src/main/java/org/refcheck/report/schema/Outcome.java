package org.refcheck.report.schema;

/**
 * One declared or observed outcome of a jcstress test, summed over its configurations.
 *
 * @param id          the result as jcstress prints it, e.g. {@code "true, 1"}
 * @param expect      {@code ACCEPTABLE}, {@code ACCEPTABLE_INTERESTING}, {@code FORBIDDEN} or {@code UNKNOWN}
 * @param samples     times observed; 0 for a declared outcome never seen (the report shows those too)
 * @param description the outcome's sentence
 */
public record Outcome(String id, String expect, long samples, String description) {

    public Outcome {
        Required.text(id, "outcomes[].id");
        Required.text(expect, "outcomes[].expect");
        description = Required.optional(description);
        if (samples < 0) {
            throw new IllegalArgumentException("outcome '" + id + "' has negative samples " + samples);
        }
    }
}
