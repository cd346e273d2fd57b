package org.refcheck.model.rt;

/**
 * A pending operation: what a thread will do when the scheduler next lets it run.
 *
 * @param kind    what it does to the object
 * @param object  the object's identity within the execution (stable across re-executions of the same schedule)
 * @param label   the object's label, for traces
 * @param method  the facade method, e.g. {@code "getAndAddRelease"}
 * @param target  what a blocking operation waits for (the mutex of a lock, the thread of a join), else {@code null}
 */
public record Op(OpKind kind, long object, String label, String method, Object target) {

    /** Whether this operation and {@code other}, performed by different threads, fail to commute. */
    public boolean conflictsWith(OpKind otherKind, long otherObject) {
        return object == otherObject && object != NO_OBJECT && (kind.writes() || otherKind.writes());
    }

    /** The object of operations that touch no shared object (spawn, join, spin). */
    public static final long NO_OBJECT = -1L;

    @Override
    public String toString() {
        return label + "." + method;
    }
}
