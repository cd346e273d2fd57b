package org.refcheck.report.schema;

import java.util.List;

/**
 * A failing execution, as the site's swimlane view draws it.
 *
 * @param failure   the oracle's message, e.g. {@code "lifetime violation: use after free of Ref#1"}
 * @param threads   the threads' names, by index
 * @param events    the steps in order
 * @param schedule  the replay string ({@code "0*3.1*2.0"} for the model checker), or empty if the checker has none
 * @param replay    the command that runs exactly this execution again, or empty
 * @param rawText   the checker's own text rendering of the failure (Lincheck's tables), or empty
 */
public record Counterexample(String failure, List<String> threads, List<TraceEvent> events, String schedule,
                             String replay, String rawText) {

    public Counterexample {
        failure = Required.optional(failure);
        threads = Required.list(threads, "counterexample.threads");
        events = Required.list(events, "counterexample.events");
        schedule = Required.optional(schedule);
        replay = Required.optional(replay);
        rawText = Required.optional(rawText);
        for (TraceEvent e : events) {
            if (e.thread() >= threads.size()) {
                throw new IllegalArgumentException("event " + e.index() + " runs on thread " + e.thread()
                        + ", but the counterexample names " + threads.size() + " threads");
            }
        }
    }
}
