package org.refcheck.backend.production;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * A thread's parking permit in production: {@code LockSupport}'s permit made explicit, so that
 * {@link org.refcheck.sync.Threads#park()} never returns spuriously, as it never does under the model checker.
 */
final class ParkingPermit {

    private static final ThreadLocal<ParkingPermit> OWN =
            ThreadLocal.withInitial(() -> new ParkingPermit(Thread.currentThread()));

    private final Thread thread;
    private final AtomicBoolean available = new AtomicBoolean();

    ParkingPermit(Thread thread) {
        this.thread = thread;
    }

    /** The calling thread's permit. */
    static ParkingPermit ofCurrentThread() {
        return OWN.get();
    }

    /** Makes {@code permit} the calling thread's own; called first thing by a thread created with one. */
    static void bind(ParkingPermit permit) {
        OWN.set(permit);
    }

    /** Makes the permit available and wakes the thread if it parks. */
    void give() {
        available.set(true);
        LockSupport.unpark(thread);
    }

    /** Parks the calling thread, which owns this permit, until it is available, and consumes it. */
    void take() {
        while (!available.compareAndSet(true, false)) {
            LockSupport.park(this);
        }
    }

    Thread thread() {
        return thread;
    }
}
