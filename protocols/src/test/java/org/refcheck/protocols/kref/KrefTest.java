package org.refcheck.protocols.kref;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.lifetime.Warning;
import org.refcheck.sync.Mutex;

/** Sequential semantics of {@link Kref} (include/linux/kref.h). */
class KrefTest {

    private final LifetimeTracker heap = new LifetimeTracker();
    private final Allocation obj = heap.allocate("obj");
    private final Kref kref = new Kref(heap, "obj.kref", obj);
    private final List<Kref> released = new ArrayList<>();

    @Test
    void initReadGetAndPut() {
        assertEquals(1, kref.read());
        kref.get();
        assertEquals(2, kref.read());
        assertFalse(kref.put(released::add));
        assertTrue(released.isEmpty());
        assertTrue(kref.put(k -> {
            released.add(k);
            obj.free();
        }));
        assertEquals(List.of(kref), released);
        assertEquals(List.of(), heap.finish());
        assertTrue(heap.warnings().isEmpty());
    }

    @Test
    void initResetsToOne() {
        kref.get();
        kref.init();
        assertEquals(1, kref.read());
    }

    @Test
    void getUnlessZeroRefusesAReleasedKref() {
        assertTrue(kref.getUnlessZero());
        assertEquals(2, kref.read());
        kref.refcount().set(0);
        assertFalse(kref.getUnlessZero());
        assertEquals(0, kref.read());
        assertTrue(heap.warnings().isEmpty());
    }

    @Test
    void getOnZeroWarnsAdditionOnZero() {
        kref.refcount().set(0);
        kref.get();
        assertEquals(List.of("refcount_t: addition on 0; use-after-free."),
                heap.warnings().stream().map(Warning::message).toList());
    }

    @Test
    void putMutexCallsReleaseWithTheLockHeld() {
        Mutex m = Mutex.create("table");
        kref.get();
        assertFalse(kref.putMutex((k, held) -> fail(), m));
        assertFalse(m.isLocked());
        List<Boolean> lockedInRelease = new ArrayList<>();
        assertTrue(kref.putMutex((k, held) -> {
            assertSame(kref, k);
            assertSame(m, held.mutex());
            lockedInRelease.add(m.isLocked());
            held.close();
        }, m));
        assertEquals(List.of(true), lockedInRelease);
        assertFalse(m.isLocked());
        assertEquals(0, kref.read());
    }

    @Test
    void putLockCallsReleaseWithTheLockHeld() {
        Mutex m = Mutex.create("table");
        kref.get();
        assertFalse(kref.putLock((k, held) -> fail(), m));
        List<Boolean> lockedInRelease = new ArrayList<>();
        assertTrue(kref.putLock((k, held) -> {
            lockedInRelease.add(m.isLocked());
            held.close();
        }, m));
        assertEquals(List.of(true), lockedInRelease);
        assertFalse(m.isLocked());
    }

    @Test
    void releaseMayNotBeNull() {
        assertThrows(NullPointerException.class, () -> kref.put(null));
        assertEquals(1, kref.read(), "rejected before the decrement");
    }

    private static void fail() {
        throw new AssertionError("release called for a put that was not the last");
    }
}
