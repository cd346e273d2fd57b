package org.refcheck.model.rt;

import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.AllocationState;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.lifetime.Violation;
import org.refcheck.lifetime.ViolationKind;
import org.refcheck.model.memory.AllocationHistory;
import org.refcheck.model.memory.WeakMemory;

/**
 * The model back-end's {@link Allocation}: each lifetime event is a scheduling point and an event of the trace, and
 * a violation ends the execution with a counterexample (the violation is also reported to the test's tracker).
 * Using the payload reads the allocation; destroying and freeing write it, so the model checker orders every use
 * against every destroy and free both ways. Under weak memory an {@link AllocationHistory} also fails a lifetime
 * event that happens-before does not order after a conflicting one: a free racing with a use is a use after free
 * even when the schedule ran the use first, and a use not ordered after the allocation is a data race (the object
 * was published without release and acquire).
 */
final class ModelAllocation extends ModelObject implements Allocation {

    private final LifetimeTracker tracker;
    private AllocationState state = AllocationState.LIVE;
    private final AllocationHistory history;

    ModelAllocation(Execution execution, LifetimeTracker tracker, String label) {
        super(execution, label);
        this.tracker = tracker;
        schedule(OpKind.ALLOC, "allocate");
        Event allocated = execution.record(OpKind.ALLOC, this, "allocate", null, "live");
        history = execution.memory() == null ? null : new AllocationHistory(allocated);
        execution.allocated(this);
    }

    @Override
    Object stateValue() {
        return state;
    }

    AllocationState stateRaw() {
        return state;
    }

    @Override
    public AllocationState state() {
        return state;
    }

    @Override
    public void access() {
        use("access", false);
    }

    @Override
    public void accessMutably() {
        use("accessMutably", true);
    }

    private void use(String method, boolean mutably) {
        schedule(OpKind.ACCESS, method);
        Event e = execution.record(OpKind.ACCESS, this, method, state.name().toLowerCase(), null);
        if (state == AllocationState.DESTROYED) {
            violate(ViolationKind.USE_AFTER_DESTROY, "access");
        } else if (state == AllocationState.FREED) {
            violate(ViolationKind.USE_AFTER_FREE, "access");
        }
        ordered(e, mutably, null);
    }

    @Override
    public void destroy() {
        schedule(OpKind.DESTROY, "destroy");
        AllocationState before = state;
        if (before == AllocationState.LIVE) {
            state = AllocationState.DESTROYED;
        }
        Event e = execution.record(OpKind.DESTROY, this, "destroy", before.name().toLowerCase(),
                state.name().toLowerCase());
        if (before != AllocationState.LIVE) {
            violate(ViolationKind.DOUBLE_DESTROY, "destroy");
        }
        ordered(e, true, ViolationKind.USE_AFTER_DESTROY);
    }

    @Override
    public void free() {
        schedule(OpKind.FREE, "free");
        AllocationState before = state;
        state = AllocationState.FREED;
        Event e = execution.record(OpKind.FREE, this, "free", before.name().toLowerCase(), "freed");
        if (before == AllocationState.FREED) {
            violate(ViolationKind.DOUBLE_FREE, "free");
        }
        ordered(e, true, ViolationKind.USE_AFTER_FREE);
    }

    @Override
    public void countRoseFromZero() {
        violate(ViolationKind.RESURRECTION, "count rose from zero");
    }

    /**
     * Weak memory: fails the execution if {@code e} races with an earlier lifetime event of this allocation.
     *
     * @param ends what a race of {@code e} with an earlier use is (a free racing with a use is a use after free),
     *             or {@code null} for a use, whose races are data races
     */
    private void ordered(Event e, boolean writes, ViolationKind ends) {
        if (history == null) {
            return;
        }
        WeakMemory memory = execution.memory();
        Event earlier = history.racing(memory, e, writes);
        if (earlier == null) {
            history.add(e, writes);
            return;
        }
        if (earlier == history.allocation()) {
            execution.dataRace(earlier, e, "unpublished object " + label + " (no release/acquire after its "
                    + "initialisation)");
        }
        if (ends == null) {
            execution.dataRace(earlier, e, "data race on the payload of " + label);
        }
        violate(ends, e.method + " races with " + execution.describe(earlier) + ", not ordered by happens-before "
                + "(weak memory)");
    }

    private void violate(ViolationKind kind, String detail) {
        Violation v = new Violation(kind, label, detail, Thread.currentThread().getName());
        tracker.report(v);
        execution.violation(v);
        throw ExecutionAborted.INSTANCE;
    }

    @Override
    public String toString() {
        return label + " (" + state.name().toLowerCase() + ")";
    }
}
