package org.refcheck.protocols.refcount.mutant;

import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.refcount.Refcount;
import org.refcheck.protocols.refcount.RefcountWarning;
import org.refcheck.protocols.refcount.RefcountWidth;

/**
 * Mutant B1: a reference counter with {@code atomic_t} semantics, saturation removed.
 *
 * <p>Overrides {@link Refcount#saturate(RefcountWarning)} with a no-op, so the counter wraps like a plain
 * {@code atomic_t} (the pre-{@code refcount_t} kernel, and the motivation of refcount.h), silently.
 *
 * <p>Exposing interleaving (catalogue bug B1; CVE-2016-0728): an object has one holder, count 1. An error path
 * takes a reference and forgets to put it, over and over: with a {@code b}-bit counter, {@code 2^b} leaked
 * increments wrap the count around to 1. The original holder's {@code decAndTest} then sees 1 -&gt; 0 and frees
 * while all the leaked references still point at the object. Symptom: <b>use after free</b> by any leaked holder.
 * The correct {@link Refcount} saturates at the first overflow, never reaches zero again, and turns the bug into a
 * leak plus the warning {@code "refcount_t: saturated; leaking memory."}. At {@link RefcountWidth#bits(int) 3
 * bits} the wrap takes 8 increments.
 */
public class UnsaturatedRefcount extends Refcount {

    public UnsaturatedRefcount(LifetimeTracker tracker, String label, int initial, RefcountWidth width,
            Allocation owner) {
        super(tracker, label, initial, width, owner);
    }

    /** The factory of unsaturated counters of the given width. */
    public static Refcount.Factory factory(RefcountWidth width) {
        return (tracker, label, initial, owner) -> new UnsaturatedRefcount(tracker, label, initial, width, owner);
    }

    /** The bug: no SATURATED store and no warning; the counter keeps the wrapped value. */
    @Override
    protected void saturate(RefcountWarning type) {
    }
}
