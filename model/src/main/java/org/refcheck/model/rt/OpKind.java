package org.refcheck.model.rt;

/**
 * What a scheduling point does to the object it names. The model checker's dependence relation is built on these:
 * two operations of different threads on the same object are dependent unless both only read it.
 */
public enum OpKind {
    /** A load, or a compare-and-set that failed (it wrote nothing). */
    READ(false),
    /** A store. */
    WRITE(true),
    /** A read-modify-write: getAndAdd, getAndSet, a compare-and-set that succeeded (or may succeed). */
    RMW(true),
    /** Taking a mutex; enabled only while the mutex is free. */
    LOCK(true),
    /** Releasing a mutex. */
    UNLOCK(true),
    /** Starting a thread. */
    SPAWN(false),
    /** Waiting for a completion; enabled only while a done event is available, which it consumes. */
    AWAIT(true),
    /** Completing a completion: one more done event, or done for every waiter. */
    SIGNAL(true),
    /** Parking; enabled only while the thread's permit is available, which it consumes. */
    PARK(true),
    /** Making a thread's parking permit available. */
    UNPARK(true),
    /** Waiting for a thread to finish; enabled only once it has. */
    JOIN(false),
    /** One spin-loop iteration found nothing changed; enabled once another thread has written. */
    SPIN(false),
    /** A memory fence; under sequential consistency it orders nothing more and conflicts with nothing. */
    FENCE(false),
    /**
     * A full fence under weak memory: full fences run in one total order that decides what later loads see, so
     * every two of them conflict, on the fence order ({@link Execution#FENCE_ORDER}).
     */
    FULL_FENCE(true),
    /** Creating a tracked allocation. */
    ALLOC(true),
    /** Using the payload of a tracked allocation. */
    ACCESS(false),
    /** Dropping the value of a tracked allocation. */
    DESTROY(true),
    /** Releasing a tracked allocation. */
    FREE(true);

    private final boolean writes;

    OpKind(boolean writes) {
        this.writes = writes;
    }

    /** Whether this operation changes its object, so that it conflicts with every other access to it. */
    public boolean writes() {
        return writes;
    }
}
