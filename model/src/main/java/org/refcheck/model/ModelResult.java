package org.refcheck.model;

import java.time.Duration;

/**
 * What one model-checking run found, and what it cost.
 *
 * @param strategy        how schedules were chosen: {@code exhaustive}, {@code random}, {@code pct} or {@code replay}
 * @param executions      executions run (including ones cut short)
 * @param traces          executions that ran to their end (for exhaustive exploration: Mazurkiewicz traces)
 * @param sleepBlocked    executions abandoned because every enabled thread was asleep (zero when optimal)
 * @param prunedBranches  branches dropped by the preemption bound
 * @param mergedStates    executions cut by the state cache because they reached a state already explored
 * @param longestExecution the most events in one execution
 * @param wallTime        elapsed time
 * @param exhaustive      whether every schedule was covered: exhaustive strategy, no bound pruned anything, no cap
 * @param counterexample  the first failing execution, or {@code null}
 */
public record ModelResult(String strategy, long executions, long traces, long sleepBlocked, long prunedBranches,
        long mergedStates, int longestExecution, Duration wallTime, boolean exhaustive, Counterexample counterexample) {

    /** Whether some execution failed. */
    public boolean failed() {
        return counterexample != null;
    }

    /** Throws an {@link AssertionError} with the counterexample if some execution failed. */
    public ModelResult assertPassed() {
        if (counterexample != null) {
            throw new AssertionError("refcheck found a failing execution after " + executions + " executions:\n"
                    + counterexample.render());
        }
        return this;
    }

    /** Throws an {@link AssertionError} if no execution failed (a check that must catch a known bug). */
    public Counterexample assertFailed() {
        if (counterexample == null) {
            throw new AssertionError("refcheck found no failing execution in " + executions + " executions ("
                    + (exhaustive ? "exhaustive" : "not exhaustive") + ")");
        }
        return counterexample;
    }

    /** One line of statistics. */
    public String summary() {
        double seconds = wallTime.toNanos() / 1e9;
        return String.format(java.util.Locale.ROOT,
                "%s: %d executions, %d traces, %d sleep-blocked, %d pruned,%s longest %d steps, %.3f s (%.0f executions/s)%s%s",
                strategy, executions, traces, sleepBlocked, prunedBranches,
                mergedStates > 0 ? " " + mergedStates + " merged," : "", longestExecution, seconds,
                seconds > 0 ? executions / seconds : 0.0, exhaustive ? ", exhaustive" : "",
                counterexample == null ? "" : ", FAILED: " + counterexample.failure());
    }
}
