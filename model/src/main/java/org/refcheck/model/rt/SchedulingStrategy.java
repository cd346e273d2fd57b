package org.refcheck.model.rt;

import java.util.List;

/**
 * Decides, at every scheduling point of an execution, which thread runs next. Exhaustive exploration (dynamic
 * partial-order reduction), random walks, PCT and replay of a recorded schedule are strategies.
 */
public interface SchedulingStrategy {

    /**
     * Picks the thread whose pending operation runs next.
     *
     * @param execution the execution, at a state where every live thread waits at a pending operation
     * @param enabled   the threads whose pending operation can run now, in thread order; never empty
     * @param current   the thread that ran last (it may be finished or blocked), or {@code null} at the start
     * @return one of {@code enabled}, or {@code null} to cut the execution here (it is abandoned, not failed)
     */
    LogicalThread choose(Execution execution, List<LogicalThread> enabled, LogicalThread current);

    /**
     * Whether this strategy reads {@link Execution#fingerprint} (a state cache does): only then does an execution
     * keep the per-thread digests a fingerprint needs, so other strategies pay nothing for them.
     */
    default boolean usesFingerprints() {
        return false;
    }

    /** Called after each operation has run, in order. */
    default void executed(Execution execution, Event event) {
    }
}
