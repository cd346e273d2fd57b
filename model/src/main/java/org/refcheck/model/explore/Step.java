package org.refcheck.model.explore;

import org.refcheck.model.rt.Event;
import org.refcheck.model.rt.Op;
import org.refcheck.model.rt.OpKind;

/**
 * An event as exploration remembers it for other orders of the same events: which thread, doing what to which
 * object. The kind is what the event may do (a compare-and-set that failed here may succeed once reordered), so
 * that independence judged on steps is never too optimistic.
 */
record Step(int thread, OpKind kind, long object) {

    static Step of(Event e) {
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
