package org.refcheck.model.rt;

import org.refcheck.sync.Completion;

/**
 * The model back-end's {@link Completion}: {@link #await()} is a scheduling point that is disabled while no done
 * event is available, so a waiter never sleeps for real and one nobody completes shows up in a deadlock report.
 */
final class ModelCompletion extends ModelObject implements Completion {

    /** The kernel's {@code UINT_MAX}: completed for every waiter. */
    private static final int ALL = Integer.MAX_VALUE;

    private int done;

    ModelCompletion(Execution execution, String label) {
        super(execution, label);
    }

    @Override
    Object stateValue() {
        return done;
    }

    boolean available() {
        return done != 0;
    }

    @Override
    public void complete() {
        schedule(OpKind.SIGNAL, "complete");
        if (done != ALL) {
            done++;
        }
        record(OpKind.SIGNAL, "complete", null, shown());
    }

    @Override
    public void completeAll() {
        schedule(OpKind.SIGNAL, "completeAll");
        done = ALL;
        record(OpKind.SIGNAL, "completeAll", null, shown());
    }

    @Override
    public void await() {
        execution.schedule(new Op(OpKind.AWAIT, id, label, "await", this));
        if (done != ALL) {
            done--;
        }
        record(OpKind.AWAIT, "await", null, shown());
    }

    @Override
    public boolean isDone() {
        schedule(OpKind.READ, "isDone");
        boolean d = done != 0;
        record(OpKind.READ, "isDone", d, null);
        return d;
    }

    private String shown() {
        return done == ALL ? "done for all" : "done " + done;
    }

    @Override
    public String toString() {
        return label + " (" + shown() + ")";
    }
}
