package org.example.rcuref.mutant;

import org.example.rcuref.RcuRef;
import org.refcheck.lifetime.LifetimeTracker;

/**
 * {@link RcuRef} whose last {@code put()} tears the object down as soon as its subtraction reaches {@code NOREF},
 * without winning the compare-and-exchange to {@code DEAD}: a {@code get()} that raised the count between the two
 * keeps a reference to an object being freed (use after free). lib/rcuref.c's comment in
 * {@code rcuref_put_slowpath()} is exactly about this window.
 */
public class PutWithoutDeadCmpxchg extends RcuRef {

    public PutWithoutDeadCmpxchg(LifetimeTracker heap, String label) {
        super(heap, label);
    }

    @Override
    protected boolean putSlowpath(int cnt) {
        if (cnt == NOREF) {
            refcnt.setOpaque(DEAD);
            return true;
        }
        return super.putSlowpath(cnt);
    }
}
