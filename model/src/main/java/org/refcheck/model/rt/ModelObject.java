package org.refcheck.model.rt;

/**
 * A shared object created inside an execution: a cell, a mutex or an allocation. Its identity is the creating
 * thread and that thread's creation count, so the same object gets the same id in every execution that replays the
 * same schedule.
 */
abstract class ModelObject {

    final Execution execution;
    final long id;
    final String label;

    ModelObject(Execution execution, String label) {
        this.execution = execution;
        this.id = execution.newObjectId();
        this.label = label;
        execution.register(this);
    }

    /** What this object holds now, for the state cache: a value with an identity stable across executions. */
    abstract Object stateValue();

    public String label() {
        return label;
    }

    /** Announces an operation on this object and waits for the turn. */
    final void schedule(OpKind kind, String method) {
        execution.schedule(new Op(kind, id, label, method, null));
    }

    final void record(OpKind kind, String method, Object read, Object written) {
        execution.record(kind, this, method, read, written);
    }
}
