package org.refcheck.sync;

import org.refcheck.backend.Backends;

/**
 * Fallible steps: the points where protocol code allocates or registers something and must cope with a refusal
 * ({@code kmalloc} returning {@code NULL}, {@code devres_alloc} failing, a registration returning {@code -ENOMEM}).
 *
 * <pre> {@code
 * if (Faults.mayFail("devres node")) {
 *     return Errno.ENOMEM;         // the error path under test
 * }
 * }</pre>
 *
 * <p>In production, and under jcstress and Lincheck, {@link #mayFail} always returns {@code false}: the step
 * succeeds and the call costs one back-end lookup. Under refcheck's model checker, the fault-injection driver
 * ({@code org.refcheck.model.fault.FaultExplorer}) first counts the fallible steps an execution reaches and then
 * explores the test again once per chosen set of failing steps, so that every error path is run and checked by the
 * lifetime oracles (a leak is an acquisition some error path forgot to release; a double free, one released twice).
 *
 * <p>A step is identified by the thread that reaches it, its label and how many steps of that label the thread
 * reached before it; give the test's threads distinct names. Whether a step fails depends only on that identity,
 * never on the schedule.
 *
 * <p>Memory consistency effects: none; deciding a step orders no memory access.
 */
public final class Faults {

    private Faults() {
    }

    /** Whether the fallible step named {@code label} fails this time: never in production. */
    public static boolean mayFail(String label) {
        return Backends.active().mayFail(label);
    }
}
