package org.refcheck.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.sync.Faults;
import org.refcheck.sync.Fences;
import org.refcheck.sync.Joinable;
import org.refcheck.sync.Completion;
import org.refcheck.sync.Mutex;
import org.refcheck.sync.SharedInt;
import org.refcheck.sync.SharedLong;
import org.refcheck.sync.SharedRef;
import org.junit.jupiter.api.Test;

/** Proves which back-end is active: production everywhere, except in threads bound to another back-end. */
class BackendsTest {

    @Test
    void ordinaryThreadsUseTheProductionBackend() throws Exception {
        assertEquals("production", Backends.active().name());
        assertSame(Backends.production(), Backends.active());
        AtomicReference<Backend> seen = new AtomicReference<>();
        Thread plain = new Thread(() -> seen.set(Backends.active()));
        plain.start();
        plain.join();
        assertSame(Backends.production(), seen.get());
        assertEquals("VarHandleInt", SharedInt.of("c", 0).getClass().getSimpleName());
    }

    @Test
    void boundThreadsRouteEveryFacadeOperationToTheirBackend() throws Exception {
        RecordingBackend recording = new RecordingBackend();
        AtomicReference<Backend> seen = new AtomicReference<>();
        BackendThread bound = new BackendThread(recording, () -> {
            seen.set(Backends.active());
            SharedInt.of("i", 1);
            SharedLong.of("l", 2L);
            SharedRef.of("r", "x");
            Mutex.create("m");
            Completion.create("c");
            new LifetimeTracker().allocate("a");
            Fences.full();
            Fences.acquire();
            Fences.release();
            Faults.mayFail("f");
        }, "bound");
        bound.start();
        bound.join();
        assertSame(recording, seen.get());
        assertEquals(List.of("newInt i", "newLong l", "newRef r", "newMutex m", "newCompletion c", "allocate a",
                "fullFence", "acquireFence", "releaseFence", "mayFail f"), recording.calls);
        assertNotSame(recording, Backends.active(), "binding must not leak into other threads");
    }

    /** Records each call and delegates to production, so the created objects work. */
    private static final class RecordingBackend implements Backend {
        final List<String> calls = new ArrayList<>();
        private final Backend production = Backends.production();

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public SharedInt newInt(String label, int initial) {
            calls.add("newInt " + label);
            return production.newInt(label, initial);
        }

        @Override
        public SharedLong newLong(String label, long initial) {
            calls.add("newLong " + label);
            return production.newLong(label, initial);
        }

        @Override
        public <V> SharedRef<V> newRef(String label, V initial) {
            calls.add("newRef " + label);
            return production.newRef(label, initial);
        }

        @Override
        public Mutex newMutex(String label) {
            calls.add("newMutex " + label);
            return production.newMutex(label);
        }

        @Override
        public Completion newCompletion(String label) {
            calls.add("newCompletion " + label);
            return production.newCompletion(label);
        }

        @Override
        public Allocation allocate(LifetimeTracker tracker, String label) {
            calls.add("allocate " + label);
            return production.allocate(tracker, label);
        }

        @Override
        public Joinable spawn(String name, Runnable body) {
            calls.add("spawn " + name);
            return production.spawn(name, body);
        }

        @Override
        public Joinable self() {
            return production.self();
        }

        @Override
        public void park() {
            production.park();
        }

        @Override
        public void onSpinWait() {
            calls.add("onSpinWait");
        }

        @Override
        public void fullFence() {
            calls.add("fullFence");
        }

        @Override
        public void acquireFence() {
            calls.add("acquireFence");
        }

        @Override
        public void releaseFence() {
            calls.add("releaseFence");
        }

        @Override
        public boolean mayFail(String label) {
            calls.add("mayFail " + label);
            return production.mayFail(label);
        }
    }
}
