package org.refcheck.model.rt;

import java.util.ArrayDeque;
import java.util.concurrent.Semaphore;
import org.refcheck.backend.BackendThread;

/**
 * A pooled platform thread that runs logical threads of model-checked executions, one after another. Reusing
 * carriers saves starting a platform thread for every logical thread of every execution.
 */
final class Carrier extends BackendThread {

    private static final ArrayDeque<Carrier> IDLE = new ArrayDeque<>();
    private static int created;

    private final Semaphore work = new Semaphore(0);
    private volatile LogicalThread assigned;

    private Carrier(int number) {
        super(ModelBackend.INSTANCE, null, "refcheck-carrier-" + number);
        setDaemon(true);
    }

    /** Runs {@code logical} on an idle carrier, starting a new one if none is idle. */
    static void start(LogicalThread logical) {
        Carrier c;
        synchronized (IDLE) {
            c = IDLE.pollFirst();
            if (c == null) {
                c = new Carrier(++created);
                c.start();
            }
        }
        c.assigned = logical;
        c.work.release();
    }

    /** The logical thread this carrier runs now, or {@code null} between assignments. */
    LogicalThread logical() {
        return assigned;
    }

    @Override
    public void run() {
        while (true) {
            work.acquireUninterruptibly();
            LogicalThread logical = assigned;
            setName(logical.getName());
            logical.runBody();
            assigned = null;
            setName("refcheck-carrier");
            synchronized (IDLE) {
                IDLE.addFirst(this);
            }
            logical.execution.carrierReleased();
        }
    }
}
