package org.refcheck.model.rt;

/**
 * Thrown inside logical threads to unwind them when the model checker ends an execution early (a failure was found,
 * a deadlock, or the schedule was cut). Test code must not catch it; it extends {@link Error} so that ordinary
 * {@code catch (Exception e)} blocks do not.
 */
public final class ExecutionAborted extends Error {

    private static final long serialVersionUID = 1L;

    static final ExecutionAborted INSTANCE = new ExecutionAborted();

    private ExecutionAborted() {
        super("refcheck ended this execution", null, false, false);
    }
}
