package org.refcheck.model;

import java.util.List;
import org.refcheck.model.explore.Schedule;
import org.refcheck.model.rt.Event;
import org.refcheck.model.rt.Failure;
import org.refcheck.model.trace.ThreadColumns;
import org.refcheck.model.trace.TraceJson;

/**
 * A failing execution: what went wrong, every event up to the failure with its source location, and the schedule
 * that replays it.
 *
 * @param failure     the oracle that fired and its message
 * @param events      the events in order (with source locations, recorded while replaying the schedule)
 * @param threadNames the logical threads' names, by id
 * @param schedule    the schedule; {@code Model.builder().replay(schedule.encode())} runs this execution again
 * @param replayed    whether replaying the schedule reproduced the same kind of failure
 */
public record Counterexample(Failure failure, List<Event> events, List<String> threadNames, Schedule schedule,
        boolean replayed) {

    /** The trace as text columns, one per thread, preceded by the failure and the replay line. */
    public String render() {
        return failure + "\n" + "replay: -Drefcheck.replay=" + schedule.encode() + "  ("
                + schedule.switches() + " context switches, " + events.size() + " steps"
                + (replayed ? "" : "; WARNING: replaying did not reproduce it") + ")\n"
                + ThreadColumns.render(events, threadNames);
    }

    /** The trace as JSON, for reports. */
    public String toJson() {
        return TraceJson.render(events, threadNames, failure.toString(), schedule.encode());
    }

    @Override
    public String toString() {
        return render();
    }
}
