package org.refcheck.backend;

import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.sync.Completion;
import org.refcheck.sync.Joinable;
import org.refcheck.sync.Mutex;
import org.refcheck.sync.SharedInt;
import org.refcheck.sync.SharedLong;
import org.refcheck.sync.SharedRef;

/**
 * What the facade's thin types ({@link SharedInt}, {@link org.refcheck.sync.Fences}, {@link Mutex}, ...) forward
 * to. A back-end creates the cells, mutexes and allocations protocol code uses, and implements the fences.
 *
 * <p>Two back-ends exist: the production back-end ({@link Backends#production()}), plain {@code VarHandle} code used
 * by production callers, jcstress and Lincheck; and the model checker's, which makes every operation a scheduling
 * point and records it. {@link Backends#active()} is the one switch point between them.
 */
public interface Backend {

    /** A short name, e.g. {@code "production"}; shown in reports and asserted by tests. */
    String name();

    SharedInt newInt(String label, int initial);

    SharedLong newLong(String label, long initial);

    <V> SharedRef<V> newRef(String label, V initial);

    Mutex newMutex(String label);

    Completion newCompletion(String label);

    /** Creates an allocation owned by {@code tracker}; the tracker registers it. */
    Allocation allocate(LifetimeTracker tracker, String label);

    /** Starts a thread of the test. */
    Joinable spawn(String name, Runnable body);

    /** The calling thread's handle. */
    Joinable self();

    /** Blocks until the calling thread's parking permit is available and consumes it. */
    void park();

    /** One iteration of a spin loop found nothing changed. */
    void onSpinWait();

    void fullFence();

    void acquireFence();

    void releaseFence();

    /**
     * Whether the fallible step named {@code label} (an allocation, a registration) fails this time; see
     * {@link org.refcheck.sync.Faults}. The production back-end never fails a step; the model checker fails the
     * steps its fault-injection driver chose for the current exploration.
     */
    boolean mayFail(String label);
}
