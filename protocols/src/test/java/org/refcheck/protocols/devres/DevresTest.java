package org.refcheck.protocols.devres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.lifetime.Violation;
import org.refcheck.lifetime.ViolationKind;
import org.refcheck.protocols.Errno;
import org.refcheck.protocols.devres.mutant.FifoDevres;

/** devres used by one thread: release order, remove and release of single actions, and a driver's lifetime. */
class DevresTest {

    @Test
    void releaseAllRunsEveryActionOnceLastAddedFirst() {
        Devres devres = new Devres(new LifetimeTracker(), "dev");
        List<String> ran = new ArrayList<>();
        for (String name : List.of("a", "b", "c")) {
            assertEquals(0, devres.addActionOrReset(name, () -> ran.add(name)));
        }
        assertEquals(List.of("a", "b", "c"), devres.labels());
        assertEquals(3, devres.releaseAll());
        assertEquals(List.of("c", "b", "a"), ran);
        assertEquals(0, devres.releaseAll(), "the list is empty after a release");
        assertEquals(List.of("c", "b", "a"), ran);
    }

    @Test
    void theFifoMutantRunsThemFirstAddedFirst() {
        Devres devres = new FifoDevres(new LifetimeTracker(), "dev");
        List<String> ran = new ArrayList<>();
        for (String name : List.of("a", "b", "c")) {
            devres.addAction(name, () -> ran.add(name));
        }
        devres.releaseAll();
        assertEquals(List.of("a", "b", "c"), ran);
    }

    @Test
    void removeActionUnregistersWithoutRunningAndReleaseActionRunsAtOnce() {
        Devres devres = new Devres(new LifetimeTracker(), "dev");
        List<String> ran = new ArrayList<>();
        Devres.Action a = () -> ran.add("a");
        Devres.Action b = () -> ran.add("b");
        devres.addAction("a", a);
        devres.addAction("b", b);
        assertTrue(devres.removeAction(a));
        assertFalse(devres.removeAction(a), "already removed");
        assertTrue(devres.releaseAction(b));
        assertEquals(List.of("b"), ran);
        devres.releaseAll();
        assertEquals(List.of("b"), ran);
    }

    @Test
    void managedMemoryIsFreedAtRelease() {
        LifetimeTracker heap = new LifetimeTracker();
        Devres devres = new Devres(heap, "dev");
        Allocation state = devres.alloc("state");
        assertNotNull(state, "production allocations do not fail");
        state.access();
        devres.releaseAll();
        assertEquals(List.of(), heap.finish());
    }

    @Test
    void aDriverBindsServesAUserAndUnbindsCleanly() {
        LifetimeTracker heap = new LifetimeTracker();
        DevmDriver drv = new DevmDriver(heap, "sensor0", new Devres(heap, "sensor0"));
        assertEquals(Errno.ENODEV, drv.userCall(0), "nothing registered before the probe");
        assertEquals(0, drv.bind());
        assertEquals(List.of("free sensor0.state", "disable hardware", "unregister cdev"), drv.devres().labels());
        assertEquals(0, drv.userCall(0));
        drv.unbind();
        assertEquals(Errno.ENODEV, drv.userCall(0));
        assertEquals(List.of(), heap.finish());
    }

    @Test
    void releasingFirstInFirstOutUsesTheFreedStateInTheDisable() {
        LifetimeTracker heap = new LifetimeTracker();
        DevmDriver drv = new DevmDriver(heap, "sensor0", new FifoDevres(heap, "sensor0"));
        assertEquals(0, drv.bind());
        drv.unbind();
        List<Violation> found = heap.finish();
        assertTrue(found.stream().anyMatch(v -> v.kind() == ViolationKind.USE_AFTER_FREE
                && v.allocation().equals("sensor0.state")), found.toString());
    }
}
