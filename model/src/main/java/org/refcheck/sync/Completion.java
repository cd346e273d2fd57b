package org.refcheck.sync;

import org.refcheck.backend.Backends;

/**
 * The kernel's {@code struct completion} (include/linux/completion.h, kernel/sched/completion.c): a count of
 * "done" events that waiters consume, for "wait until that has happened" without a spin loop.
 *
 * <pre> {@code
 * Completion gone = Completion.create("users.gone");
 * // the last user:              // the remover:
 * gone.complete();               gone await();   // returns once complete() ran
 * }</pre>
 *
 * <p>{@link #complete()} adds one done event and lets one {@link #await()} return; {@link #completeAll()} lets every
 * present and future wait return (the kernel's {@code done = UINT_MAX}). Under the model checker a waiting thread
 * is disabled, never asleep for real, and waiters nobody will complete are reported as a deadlock naming the
 * completion.
 *
 * <p>Memory consistency effects: actions before {@link #complete()} or {@link #completeAll()} happen-before actions
 * after an {@link #await()} that it let return, and after an {@link #isDone()} that returned {@code true} because of
 * it.
 */
public interface Completion {

    /** Creates a completion with no done events, from the active back-end ({@code init_completion}). */
    static Completion create(String label) {
        return Backends.active().newCompletion(label);
    }

    /** The label this completion was created with. */
    String label();

    /** {@code complete}: one more done event; wakes one waiter. */
    void complete();

    /** {@code complete_all}: every wait returns from now on. */
    void completeAll();

    /** {@code wait_for_completion}: blocks until a done event is available and consumes it. */
    void await();

    /** {@code completion_done}: whether {@link #await()} would return without blocking. */
    boolean isDone();
}
