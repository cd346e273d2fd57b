package org.refcheck.lifetime;

/**
 * One tracked allocation: the memory behind a reference-counted object, and the value stored in it.
 *
 * <p>Protocol code reports four lifetime events, and the {@link LifetimeTracker} that handed out the allocation turns
 * impossible sequences into {@link Violation}s:
 * <ul>
 *   <li>{@link #access()}: the protocol or its user touches the payload or a field of the allocation;</li>
 *   <li>{@link #destroy()}: the value is dropped ({@code drop_in_place}, a release callback's teardown);</li>
 *   <li>{@link #free()}: the allocation itself is released ({@code kfree}, {@code dealloc});</li>
 *   <li>{@link #countRoseFromZero()}: a reference count of this object went from zero to non-zero.</li>
 * </ul>
 *
 * <p>Memory consistency effects: none beyond those of the events' own bookkeeping; recording an event does not
 * order the protocol's accesses, so it cannot hide a missing fence.
 */
public interface Allocation {

    /** The label given at allocation, e.g. {@code "Arc#1"}. */
    String label();

    /** The current state (a racy snapshot). */
    AllocationState state();

    /** The payload is used; a violation if the value was destroyed or the allocation freed. */
    void access();

    /**
     * The payload is changed through a unique reference ({@code get_mut}, {@code &mut T}): a use that conflicts
     * with every other use. A violation where {@link #access()} would be one; the model checker's weak memory
     * model also fails an execution where it is not ordered after another thread's use.
     */
    default void accessMutably() {
        access();
    }

    /** The value is dropped; a violation if it already was. */
    void destroy();

    /** The allocation is released (dropping the value too if it was still live); a violation if already freed. */
    void free();

    /**
     * A reference count of this object rose from zero. Once a count reached zero its holder is committed to
     * destroying the object, so any rise from zero is a resurrection.
     */
    void countRoseFromZero();
}
