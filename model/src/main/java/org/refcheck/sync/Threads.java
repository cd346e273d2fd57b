package org.refcheck.sync;

import org.refcheck.backend.Backends;

/**
 * Threads of a test, started and joined through the facade so that the model checker controls them.
 *
 * <p>A test body spawns its racing threads here instead of with {@code new Thread}: under the production back-end
 * these are platform threads, under the model checker they are logical threads that run one at a time in the
 * order the exploration chooses. {@link Joinable#join()} rethrows, on the joining thread, any exception or
 * assertion failure of the joined thread, so failures in spawned threads are never lost (a test asserts on the
 * main thread).
 *
 * <p>Spin loops call {@link #onSpinWait()} once per iteration: in production it is {@link Thread#onSpinWait()}; under
 * the model checker it tells the scheduler that this thread cannot make progress until another thread writes.
 *
 * <p>Memory consistency effects: actions before {@link #spawn} happen-before the spawned body; actions of the body
 * happen-before {@link Joinable#join()} returns; actions before {@link Joinable#unpark()} happen-before the
 * {@link #park()} it lets return.
 */
public final class Threads {

    private Threads() {
    }

    /** Starts {@code body} in a new thread of the test, named {@code name}. */
    public static Joinable spawn(String name, Runnable body) {
        return Backends.active().spawn(name, body);
    }

    /** The calling thread, as a handle another thread can {@link Joinable#unpark()}. */
    public static Joinable self() {
        return Backends.active().self();
    }

    /**
     * Blocks until the calling thread's parking permit is available and consumes it ({@code LockSupport.park}
     * without its spurious returns). Under the model checker a parked thread is disabled, and one that nobody will
     * unpark shows up in a deadlock report.
     */
    public static void park() {
        Backends.active().park();
    }

    /** One iteration of a spin loop is over and nothing changed: let other threads run. */
    public static void onSpinWait() {
        Backends.active().onSpinWait();
    }
}
