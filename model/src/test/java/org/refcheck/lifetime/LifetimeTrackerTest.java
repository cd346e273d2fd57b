package org.refcheck.lifetime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LifetimeTrackerTest {

    private final LifetimeTracker tracker = new LifetimeTracker();

    private List<ViolationKind> kinds() {
        return tracker.finish().stream().map(Violation::kind).toList();
    }

    @Test
    void destroyThenFreeIsClean() {
        Allocation a = tracker.allocate("obj");
        a.access();
        a.destroy();
        a.free();
        assertEquals(List.of(), kinds());
        assertEquals(AllocationState.FREED, a.state());
    }

    @Test
    void freeWithoutSeparateDestroyIsClean() {
        tracker.allocate("obj").free();
        assertEquals(List.of(), kinds());
    }

    @Test
    void useAfterDestroyAndUseAfterFreeAreDistinguished() {
        Allocation a = tracker.allocate("obj");
        a.destroy();
        a.access();
        a.free();
        a.access();
        assertEquals(List.of(ViolationKind.USE_AFTER_DESTROY, ViolationKind.USE_AFTER_FREE), kinds());
    }

    @Test
    void doubleDestroyAndDoubleFree() {
        Allocation a = tracker.allocate("obj");
        a.destroy();
        a.destroy();
        a.free();
        a.free();
        assertEquals(List.of(ViolationKind.DOUBLE_DESTROY, ViolationKind.DOUBLE_FREE), kinds());
    }

    @Test
    void leaksAreFoundAtTheEndOnly() {
        tracker.allocate("kept");
        tracker.allocate("dropped-not-freed").destroy();
        tracker.allocate("freed").free();
        assertTrue(tracker.isClean(), "nothing is a leak before the test ends");
        List<Violation> found = tracker.finish();
        assertEquals(2, found.size());
        assertTrue(found.stream().allMatch(v -> v.kind() == ViolationKind.LEAK));
        assertEquals(List.of("kept", "dropped-not-freed"), found.stream().map(Violation::allocation).toList());
    }

    @Test
    void riseFromZeroIsResurrection() {
        Allocation a = tracker.allocate("obj");
        a.countRoseFromZero();
        a.free();
        Violation v = tracker.finish().get(0);
        assertEquals(ViolationKind.RESURRECTION, v.kind());
        assertEquals(Thread.currentThread().getName(), v.thread());
        assertTrue(v.toString().startsWith("resurrection of obj"), v.toString());
    }

    @Test
    void warningsAreRecordedNotThrownAndAreNotViolations() {
        tracker.warn("rc", "refcount_t: addition on 0; use-after-free.");
        assertEquals(1, tracker.warnings().size());
        assertEquals("refcount_t: addition on 0; use-after-free.", tracker.warnings().get(0).message());
        assertTrue(tracker.isClean());
    }

    @Test
    void racingFreesReportExactlyOneDoubleFree() throws Exception {
        for (int round = 0; round < 200; round++) {
            LifetimeTracker t = new LifetimeTracker();
            Allocation a = t.allocate("obj");
            Thread other = new Thread(a::free);
            other.start();
            a.free();
            other.join();
            assertEquals(List.of(ViolationKind.DOUBLE_FREE), t.finish().stream().map(Violation::kind).toList());
        }
    }
}
