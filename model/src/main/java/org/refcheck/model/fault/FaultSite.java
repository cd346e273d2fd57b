package org.refcheck.model.fault;

import java.util.Comparator;
import java.util.Objects;

/**
 * One fallible step of a test, as {@link org.refcheck.sync.Faults#mayFail} names it: the thread that reaches it,
 * the step's label, and which step of that label the thread reaches (from 1).
 *
 * <p>The identity depends only on the thread's own program order, never on how the threads interleave, so the same
 * site is the same step in every execution that reaches it, and choosing to fail it keeps each execution a function
 * of its schedule.
 *
 * @param thread     the name of the logical thread, e.g. {@code "main"}
 * @param label      the label passed to {@code Faults.mayFail}, e.g. {@code "devres node"}
 * @param occurrence 1 for the thread's first step with this label, 2 for the second, ...
 */
public record FaultSite(String thread, String label, int occurrence) implements Comparable<FaultSite> {

    private static final Comparator<FaultSite> ORDER = Comparator.comparing(FaultSite::thread)
            .thenComparing(FaultSite::label).thenComparingInt(FaultSite::occurrence);

    public FaultSite {
        Objects.requireNonNull(thread, "thread");
        Objects.requireNonNull(label, "label");
        if (occurrence < 1) {
            throw new IllegalArgumentException("occurrences count from 1: " + occurrence);
        }
        if (thread.contains(":") || label.contains("#") || label.contains(",")) {
            throw new IllegalArgumentException("a fault site's thread has no ':' and its label no '#' or ',': "
                    + thread + ": " + label);
        }
    }

    /** Parses {@link #toString()}: {@code "main: devres node#2"}. */
    public static FaultSite parse(String text) {
        int colon = text.indexOf(':');
        int hash = text.lastIndexOf('#');
        if (colon < 0 || hash < colon) {
            throw new IllegalArgumentException("not a fault site (thread: label#n): " + text);
        }
        return new FaultSite(text.substring(0, colon).trim(), text.substring(colon + 1, hash).trim(),
                Integer.parseInt(text.substring(hash + 1).trim()));
    }

    @Override
    public int compareTo(FaultSite other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return thread + ": " + label + "#" + occurrence;
    }
}
