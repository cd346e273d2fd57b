package org.refcheck.model.rt;

import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.AllocationState;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.lifetime.Violation;
import org.refcheck.lifetime.ViolationKind;

/**
 * The model back-end's {@link Allocation}: each lifetime event is a scheduling point and an event of the trace, and
 * a violation ends the execution with a counterexample (the violation is also reported to the test's tracker).
 * Using the payload reads the allocation; destroying and freeing write it, so the model checker orders every use
 * against every destroy and free both ways.
 */
final class ModelAllocation extends ModelObject implements Allocation {

    private final LifetimeTracker tracker;
    private AllocationState state = AllocationState.LIVE;

    ModelAllocation(Execution execution, LifetimeTracker tracker, String label) {
        super(execution, label);
        this.tracker = tracker;
        schedule(OpKind.ALLOC, "allocate");
        record(OpKind.ALLOC, "allocate", null, "live");
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
        schedule(OpKind.ACCESS, "access");
        record(OpKind.ACCESS, "access", state.name().toLowerCase(), null);
        if (state == AllocationState.DESTROYED) {
            violate(ViolationKind.USE_AFTER_DESTROY, "access");
        } else if (state == AllocationState.FREED) {
            violate(ViolationKind.USE_AFTER_FREE, "access");
        }
    }

    @Override
    public void destroy() {
        schedule(OpKind.DESTROY, "destroy");
        AllocationState before = state;
        if (before == AllocationState.LIVE) {
            state = AllocationState.DESTROYED;
        }
        record(OpKind.DESTROY, "destroy", before.name().toLowerCase(), state.name().toLowerCase());
        if (before != AllocationState.LIVE) {
            violate(ViolationKind.DOUBLE_DESTROY, "destroy");
        }
    }

    @Override
    public void free() {
        schedule(OpKind.FREE, "free");
        AllocationState before = state;
        state = AllocationState.FREED;
        record(OpKind.FREE, "free", before.name().toLowerCase(), "freed");
        if (before == AllocationState.FREED) {
            violate(ViolationKind.DOUBLE_FREE, "free");
        }
    }

    @Override
    public void countRoseFromZero() {
        violate(ViolationKind.RESURRECTION, "count rose from zero");
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
