package org.refcheck.sync;

import org.refcheck.backend.Backends;

/**
 * A non-reentrant mutual-exclusion lock, the facade's {@code struct mutex} / {@code spinlock_t}.
 *
 * <p>Locking returns a {@link Guard}; closing the guard unlocks, so try-with-resources gives the kernel's
 * {@code guard(mutex)} scoping:
 *
 * <pre> {@code
 * try (Mutex.Guard held = tableLock.lock()) {
 *     entry = table.getPlain();
 * }}</pre>
 *
 * <p>A thread that locks a mutex it already holds blocks forever, as in the kernel: under the model checker that
 * is reported as a deadlock instead of a hang. A guard may be handed to another method that unlocks it, the way
 * {@code kref_put_mutex} calls its release function with the mutex held.
 *
 * <p>Memory consistency effects: actions before {@link Guard#close()} happen-before actions after a later
 * {@link #lock()} of the same mutex returns.
 */
public interface Mutex {

    /** Creates an unlocked mutex with the given label, from the active back-end. */
    static Mutex create(String label) {
        return Backends.active().newMutex(label);
    }

    /** The label this mutex was created with. */
    String label();

    /** Blocks until the mutex is free, takes it, and returns the guard that releases it. */
    Guard lock();

    /** Takes the mutex if it is free; returns {@code null} otherwise. */
    Guard tryLock();

    /** Whether some thread holds the mutex right now (a racy snapshot, for assertions). */
    boolean isLocked();

    /** Proof of holding a {@link Mutex}; {@link #close()} unlocks it exactly once. */
    interface Guard extends AutoCloseable {

        /** The mutex this guard holds. */
        Mutex mutex();

        /**
         * Unlocks the mutex.
         *
         * @throws IllegalStateException if this guard already unlocked it
         */
        @Override
        void close();
    }
}
