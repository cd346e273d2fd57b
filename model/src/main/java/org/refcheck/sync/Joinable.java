package org.refcheck.sync;

/** A thread started with {@link Threads#spawn}, or the calling thread ({@link Threads#self()}). */
public interface Joinable {

    /** The name the thread was spawned with. */
    String name();

    /**
     * Waits until the thread has finished. If it ended with an exception or error, that failure is rethrown here,
     * wrapped in an {@link AssertionError} that names the thread.
     */
    void join();

    /**
     * Makes the thread's parking permit available, so that its next (or current) {@link Threads#park()} returns;
     * permits do not add up.
     */
    void unpark();
}
