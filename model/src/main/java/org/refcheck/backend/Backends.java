package org.refcheck.backend;

import org.refcheck.backend.production.VarHandleBackend;

/**
 * The one switch point between back-ends.
 *
 * <p>{@link #active()} returns the back-end of the calling thread: the one a {@link BackendThread} is bound to, or
 * the production back-end for every other thread. Cells are bound to their back-end when they are created, so the
 * switch is consulted when a cell, mutex or allocation is created and when a fence runs, never on a cell access.
 */
public final class Backends {

    /*
     * Implementation notes: the check is Thread.currentThread() (an intrinsic) and one exact-class-hierarchy test
     * against BackendThread, a class rather than an interface so that the JIT compiles it to a constant-depth
     * supertype check. With no model thread running, the branch is never taken and the fence call inlines to the
     * bare VarHandle fence; cell calls are monomorphic interface calls on VarHandle cells and inline the same way.
     */

    private static final Backend PRODUCTION = new VarHandleBackend();

    private Backends() {
    }

    /** The back-end of the calling thread. */
    public static Backend active() {
        Thread current = Thread.currentThread();
        if (current instanceof BackendThread bound) {
            return bound.backend();
        }
        return PRODUCTION;
    }

    /** The production back-end: plain {@code VarHandle} code. */
    public static Backend production() {
        return PRODUCTION;
    }
}
