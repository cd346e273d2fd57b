package org.refcheck.backend.production;

import java.lang.invoke.VarHandle;
import org.refcheck.backend.Backend;
import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.sync.Completion;
import org.refcheck.sync.Joinable;
import org.refcheck.sync.Mutex;
import org.refcheck.sync.SharedInt;
import org.refcheck.sync.SharedLong;
import org.refcheck.sync.SharedRef;

/** The production back-end: every cell is a field accessed through a {@code VarHandle}, fences are its fences. */
public final class VarHandleBackend implements Backend {

    @Override
    public String name() {
        return "production";
    }

    @Override
    public SharedInt newInt(String label, int initial) {
        return new VarHandleInt(label, initial);
    }

    @Override
    public SharedLong newLong(String label, long initial) {
        return new VarHandleLong(label, initial);
    }

    @Override
    public <V> SharedRef<V> newRef(String label, V initial) {
        return new VarHandleRef<>(label, initial);
    }

    @Override
    public Mutex newMutex(String label) {
        return new BlockingMutex(label);
    }

    @Override
    public Completion newCompletion(String label) {
        return new BlockingCompletion(label);
    }

    @Override
    public Allocation allocate(LifetimeTracker tracker, String label) {
        return new TrackedAllocation(tracker, label);
    }

    @Override
    public Joinable spawn(String name, Runnable body) {
        return PlatformThread.start(name, body);
    }

    @Override
    public Joinable self() {
        return PlatformThread.self();
    }

    @Override
    public void park() {
        ParkingPermit.ofCurrentThread().take();
    }

    @Override
    public void onSpinWait() {
        Thread.onSpinWait();
    }

    @Override
    public void fullFence() {
        VarHandle.fullFence();
    }

    @Override
    public void acquireFence() {
        VarHandle.acquireFence();
    }

    @Override
    public void releaseFence() {
        VarHandle.releaseFence();
    }

    /** Production steps fail only for real: an injected failure never happens here. */
    @Override
    public boolean mayFail(String label) {
        return false;
    }
}
