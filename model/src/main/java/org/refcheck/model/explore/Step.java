package org.refcheck.model.explore;

import org.refcheck.model.rt.Event;
import org.refcheck.model.rt.Op;
import org.refcheck.model.rt.OpKind;

/**
 * An event as exploration remembers it for other orders of the same events: which thread, doing what to which
 * object.
 *
 * <p>The kind is what the event did where it ran ({@link #of}), which stays true wherever it is moved among
 * events it commutes with: a compare-and-set that failed, a read, is still a failing read after reads moved around
 * it. Only the event at the end of a race reversal runs in a new context, where a failed compare-and-set may
 * succeed; it carries what it may do ({@link #mayDo}), so that independence judged on steps is never too
 * optimistic.
 */
record Step(int thread, OpKind kind, long object) {

    /** The event as it happened. */
    static Step of(Event e) {
        return new Step(e.thread, e.kind, e.object);
    }

    /** The event as it may happen in another context: a compare-and-set as a write, whatever it did here. */
    static Step mayDo(Event e) {
        return new Step(e.thread, e.announced, e.object);
    }

    /** Whether {@code e} is this step performed: the same thread on the same object. */
    boolean matches(Event e) {
        return thread == e.thread && object == e.object;
    }

    /** Whether this event and {@code other}, of another thread, fail to commute. */
    boolean conflictsWith(Step other) {
        return object == other.object && object != Op.NO_OBJECT && (kind.writes() || other.kind.writes());
    }

    @Override
    public String toString() {
        return "T" + thread + ":" + kind + "@" + Long.toHexString(object);
    }
}
