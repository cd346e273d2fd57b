package org.refcheck.protocols.refcount.mutant;

import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.refcount.Refcount;
import org.refcheck.protocols.refcount.RefcountWarning;
import org.refcheck.protocols.refcount.RefcountWidth;
import org.refcheck.sync.Fences;

/**
 * Mutant B3: {@code refcount_sub_and_test} without the {@code old > 0} guard, as lib/refcount.c was before
 * "refcount: Report UAF for refcount_sub_and_test(0) when counter==0" (2024).
 *
 * <p>Overrides {@link Refcount#testAfterSub(int, int)}: it answers {@code true} whenever {@code old == i}, and warns
 * only when {@code old < 0 || old - i < 0}.
 *
 * <p>Exposing interleaving (catalogue bug B3; lkdtm REFCOUNT_SUB_AND_TEST_ZERO): the last holder's
 * {@code decAndTest} takes the count 1 -&gt; 0 and frees the object. A buggy path that computed it holds zero
 * references then calls {@code subAndTest(0)}: {@code old == 0 == i}, so it is told it dropped the last reference
 * and frees the object again. Symptom: <b>double free</b>, with no warning. The correct counter returns
 * {@code false}, saturates and warns {@code "refcount_t: underflow; use-after-free."}.
 */
public class UnguardedSubAndTestRefcount extends Refcount {

    public UnguardedSubAndTestRefcount(LifetimeTracker tracker, String label, int initial, RefcountWidth width,
            Allocation owner) {
        super(tracker, label, initial, width, owner);
    }

    /** The factory of such counters of the given width. */
    public static Refcount.Factory factory(RefcountWidth width) {
        return (tracker, label, initial, owner) ->
                new UnguardedSubAndTestRefcount(tracker, label, initial, width, owner);
    }

    /** The bug: {@code old == i} suffices, so {@code subAndTest(0)} on a zero counter returns {@code true}. */
    @Override
    protected boolean testAfterSub(int old, int i) {
        if (old == i) {
            Fences.acquire();
            return true;
        }
        if (old < 0 || width().wrap(old - i) < 0) {
            saturate(RefcountWarning.SUB_UAF);
        }
        return false;
    }
}
