package org.refcheck.model.explore;

import org.refcheck.model.rt.Event;
import org.refcheck.model.rt.Op;
import org.refcheck.model.rt.OpKind;

/**
 * An event as exploration remembers it: which thread, doing what to which object. Enough to decide whether two
 * events commute, and to steer a later execution to the same event.
 */
record Step(int thread, OpKind kind, long object) {

    static Step of(Event e) {
        return new Step(e.thread, e.kind, e.object);
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
