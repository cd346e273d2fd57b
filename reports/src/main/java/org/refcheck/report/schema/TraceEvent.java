package org.refcheck.report.schema;

/**
 * One step of a counterexample, in global order.
 *
 * @param index    position in the trace, from 0
 * @param thread   index of the thread (into {@link Counterexample#threads()}) that performed it
 * @param depth    call nesting within its thread, from 0 (Lincheck's traces nest calls; the model checker's are flat)
 * @param kind     what it did, e.g. {@code RMW}, {@code FREE}, {@code ACCESS}; for Lincheck {@code STEP} or
 *                 {@code SWITCH}
 * @param text     the step as one line, e.g. {@code "refcount.getAndAddRelease(-1): 1 -> 0"}
 * @param read     the value read, or empty
 * @param written  the value written, or empty
 * @param location the source line that performed it, e.g. {@code "Ref.java:57"}, or empty
 */
public record TraceEvent(int index, int thread, int depth, String kind, String text, String read, String written,
                         String location) {

    /** The kind of a context-switch marker row in a Lincheck trace. */
    public static final String SWITCH = "SWITCH";

    public TraceEvent {
        Required.text(kind, "events[].kind");
        Required.text(text, "events[].text");
        read = Required.optional(read);
        written = Required.optional(written);
        location = Required.optional(location);
        if (thread < 0 || depth < 0) {
            throw new IllegalArgumentException("event " + index + " has a negative thread or depth");
        }
    }
}
