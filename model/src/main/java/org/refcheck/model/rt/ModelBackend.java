package org.refcheck.model.rt;

import org.refcheck.backend.Backend;
import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.sync.Completion;
import org.refcheck.sync.Joinable;
import org.refcheck.sync.Mutex;
import org.refcheck.sync.SharedInt;
import org.refcheck.sync.SharedLong;
import org.refcheck.sync.SharedRef;

/**
 * The model checker's back-end, bound to every {@link Carrier}: what it creates belongs to the execution of the
 * logical thread the calling carrier runs.
 */
final class ModelBackend implements Backend {

    static final ModelBackend INSTANCE = new ModelBackend();

    private ModelBackend() {
    }

    private static Execution execution() {
        return ((Carrier) Thread.currentThread()).logical().execution;
    }

    @Override
    public String name() {
        return "model";
    }

    @Override
    public SharedInt newInt(String label, int initial) {
        return new ModelInt(execution(), label, initial);
    }

    @Override
    public SharedLong newLong(String label, long initial) {
        return new ModelLong(execution(), label, initial);
    }

    @Override
    public <V> SharedRef<V> newRef(String label, V initial) {
        return new ModelRef<>(execution(), label, initial);
    }

    @Override
    public Mutex newMutex(String label) {
        return new ModelMutex(execution(), label);
    }

    @Override
    public Completion newCompletion(String label) {
        return new ModelCompletion(execution(), label);
    }

    @Override
    public Allocation allocate(LifetimeTracker tracker, String label) {
        return new ModelAllocation(execution(), tracker, label);
    }

    @Override
    public Joinable spawn(String name, Runnable body) {
        Execution execution = execution();
        return handle(execution, execution.spawn(name, body));
    }

    @Override
    public Joinable self() {
        Execution execution = execution();
        return handle(execution, execution.currentThread());
    }

    @Override
    public void park() {
        execution().park();
    }

    private static Joinable handle(Execution execution, LogicalThread thread) {
        return new Joinable() {
            @Override
            public String name() {
                return thread.getName();
            }

            @Override
            public void join() {
                execution.joinThread(thread);
            }

            @Override
            public void unpark() {
                execution.unpark(thread);
            }
        };
    }

    @Override
    public void onSpinWait() {
        execution().spinWait();
    }

    @Override
    public void fullFence() {
        execution().fence("fullFence");
    }

    @Override
    public void acquireFence() {
        execution().fence("acquireFence");
    }

    @Override
    public void releaseFence() {
        execution().fence("releaseFence");
    }

    @Override
    public boolean mayFail(String label) {
        return org.refcheck.model.fault.FaultInjection.decide(label);
    }
}
