package org.refcheck.backend.production;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.AllocationState;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.lifetime.ViolationKind;

/**
 * The production {@link Allocation}: one state word, checked on every event, violations reported to the tracker.
 * The cost of {@link #access()} on the good path is one acquire load and a compare.
 */
final class TrackedAllocation implements Allocation {

    /*
     * Implementation notes. The state word holds an AllocationState ordinal:
     *   LIVE(0) -> DESTROYED(1)   destroy(): CAS, loser reports DOUBLE_DESTROY
     *   LIVE or DESTROYED -> FREED(2)   free(): getAndSet, an old FREED reports DOUBLE_FREE
     * access() reads the word with acquire and reports USE_AFTER_DESTROY or USE_AFTER_FREE. Because the word is
     * written with volatile RMWs, a use that races with a free in real time is seen whenever the free's RMW comes
     * first in the word's modification order: jcstress observes exactly the interleavings the hardware produced.
     */

    private static final int LIVE = 0;
    private static final int DESTROYED = 1;
    private static final int FREED = 2;
    private static final AllocationState[] STATES = AllocationState.values();

    private final LifetimeTracker tracker;
    private final String label;
    @SuppressWarnings("unused") // accessed through STATE
    private volatile int state;

    TrackedAllocation(LifetimeTracker tracker, String label) {
        this.tracker = tracker;
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public AllocationState state() {
        return STATES[stateAcquire()];
    }

    @Override
    public void access() {
        int s = stateAcquire();
        if (s != LIVE) {
            tracker.report(s == DESTROYED ? ViolationKind.USE_AFTER_DESTROY : ViolationKind.USE_AFTER_FREE, this,
                    "access");
        }
    }

    @Override
    public void destroy() {
        if (!casState(LIVE, DESTROYED)) {
            tracker.report(ViolationKind.DOUBLE_DESTROY, this, "destroy");
        }
    }

    @Override
    public void free() {
        if (getAndSetState(FREED) == FREED) {
            tracker.report(ViolationKind.DOUBLE_FREE, this, "free");
        }
    }

    @Override
    public void countRoseFromZero() {
        tracker.report(ViolationKind.RESURRECTION, this, "count rose from zero");
    }

    @Override
    public String toString() {
        return label + " (" + state().name().toLowerCase() + ")";
    }

    private int stateAcquire() {
        return (int) STATE.getAcquire(this);
    }

    private boolean casState(int expected, int newState) {
        return STATE.compareAndSet(this, expected, newState);
    }

    private int getAndSetState(int newState) {
        return (int) STATE.getAndSet(this, newState);
    }

    // VarHandle mechanics
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(TrackedAllocation.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
