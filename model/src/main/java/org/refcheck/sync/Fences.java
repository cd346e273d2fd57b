package org.refcheck.sync;

import org.refcheck.backend.Backends;

/**
 * Memory fences: the {@link java.lang.invoke.VarHandle} fences, routed through the active back-end.
 *
 * <p>Memory consistency effects: {@link #full()} orders every earlier load and store before every later one
 * ({@code smp_mb()}, {@code fence(SeqCst)}); {@link #acquire()} orders earlier loads before later loads and stores
 * ({@code smp_acquire__after_ctrl_dep()}, {@code fence(Acquire)}); {@link #release()} orders earlier loads and
 * stores before later stores ({@code fence(Release)}).
 */
public final class Fences {

    private Fences() {
    }

    /** A full fence, {@code VarHandle.fullFence()}. */
    public static void full() {
        Backends.active().fullFence();
    }

    /** An acquire fence, {@code VarHandle.acquireFence()}. */
    public static void acquire() {
        Backends.active().acquireFence();
    }

    /** A release fence, {@code VarHandle.releaseFence()}. */
    public static void release() {
        Backends.active().releaseFence();
    }
}
