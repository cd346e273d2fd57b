package org.refcheck.model.explore;

import java.util.List;
import org.refcheck.model.rt.Execution;
import org.refcheck.model.rt.Failure;
import org.refcheck.model.rt.FailureKind;
import org.refcheck.model.rt.LogicalThread;
import org.refcheck.model.rt.SchedulingStrategy;

/** Runs one recorded {@link Schedule} again, step for step; a step the test no longer allows is non-determinism. */
public final class Replay implements SchedulingStrategy {

    private final int[] threads;
    private final int[] reads;
    private int position;

    public Replay(Schedule schedule) {
        this.threads = schedule.threads();
        this.reads = schedule.reads();
    }

    /** The read choice the schedule recorded for the step just chosen (its position is already consumed). */
    @Override
    public int chooseRead(Execution execution, LogicalThread reader, int alternatives) {
        int step = position - 1;
        return step >= 0 && step < reads.length ? reads[step] : 0;
    }

    @Override
    public LogicalThread choose(Execution execution, List<LogicalThread> enabled, LogicalThread current) {
        if (position >= threads.length) {
            for (LogicalThread t : enabled) {
                if (t == current) {
                    return t;
                }
            }
            return enabled.get(0);
        }
        int wanted = threads[position++];
        for (LogicalThread t : enabled) {
            if (t.id() == wanted) {
                return t;
            }
        }
        execution.fail(new Failure(FailureKind.NONDETERMINISM, "the schedule asks thread " + wanted + " to run at step "
                + (position - 1) + ", but it is not enabled there: the schedule belongs to another test, or the test "
                + "depends on something besides the schedule", wanted, null));
        return null;
    }
}
