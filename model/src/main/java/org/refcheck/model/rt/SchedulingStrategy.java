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

    /**
     * Picks which of the stores a weak load may read it reads (weak memory only): 0 is the latest, as sequential
     * consistency would read, higher numbers older stores.
     *
     * @param reader       the thread performing the load (it has been chosen to run)
     * @param alternatives how many stores the load may read, at least 2
     * @return a number in {@code [0, alternatives)}, or a negative number to cut the execution here
     */
    default int chooseRead(Execution execution, LogicalThread reader, int alternatives) {
        return 0;
    }

    /** Called after each operation has run, in order. */
    default void executed(Execution execution, Event event) {
    }
}
