package org.example.rcuref.mutant;

import org.example.rcuref.RcuRef;
import org.refcheck.lifetime.LifetimeTracker;

/**
 * {@link RcuRef} with refcount_t's saturation rule in {@code get()}: every negative result counts as saturation,
 * so a {@code get()} on a dead object succeeds and hands out a reference to an object already torn down (use after
 * free), where rcuref's dead zone makes it fail.
 */
public class DeadZoneAsSaturation extends RcuRef {

    public DeadZoneAsSaturation(LifetimeTracker heap, String label) {
        super(heap, label);
    }

    @Override
    protected boolean getSlowpath() {
        refcnt.setOpaque(SATURATED);
        return true;
    }
}
