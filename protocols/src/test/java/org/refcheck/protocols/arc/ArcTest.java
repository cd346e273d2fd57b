package org.refcheck.protocols.arc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.refcheck.lifetime.AllocationState;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.lifetime.Violation;
import org.refcheck.lifetime.ViolationKind;

/** Sequential behaviour of {@link Arc} under {@link ArcScheme#STD}. */
class ArcTest {

    private final LifetimeTracker heap = new LifetimeTracker();
    private final TestPayload payload = new TestPayload();

    @Test
    void createStartsWithOneStrongAndTheCollectiveWeak() {
        Arc<TestPayload> a = Arc.create(heap, payload);
        assertEquals(1, a.strongCount());
        assertEquals(0, a.weakCount());
        assertEquals(1, a.inner().weakCell().getPlain(), "the weak reference held by all strong ones");
        assertSame(ArcScheme.STD, a.scheme());
        assertEquals(AllocationState.LIVE, a.inner().allocation().state());
        a.drop();
        assertTrue(heap.finish().isEmpty());
    }

    @Test
    void getReturnsTheValueAndReportsAnAccess() {
        Arc<TestPayload> a = Arc.create(heap, payload);
        assertSame(payload, a.get());
        a.drop();
        assertTrue(heap.isClean());
        // An access through the allocation after the value was destroyed is reported.
        a.inner().access();
        assertEquals(ViolationKind.USE_AFTER_FREE, heap.violations().get(0).kind());
    }

    @Test
    void cloneAndDropMoveTheStrongCount() {
        Arc<TestPayload> a = Arc.create(heap, payload);
        Arc<TestPayload> b = a.clone();
        Arc<TestPayload> c = b.clone();
        assertEquals(3, a.strongCount());
        assertTrue(a.ptrEq(c));
        b.drop();
        assertEquals(2, a.strongCount());
        c.drop();
        assertEquals(1, a.strongCount());
        assertEquals(0, payload.drops(), "the value lives while one strong reference does");
        assertEquals(AllocationState.LIVE, a.inner().allocation().state());
        a.drop();
        assertEquals(1, payload.drops(), "the last drop runs the destructor once");
        assertEquals(AllocationState.FREED, a.inner().allocation().state());
        assertTrue(heap.finish().isEmpty());
    }

    @Test
    void tryWithResourcesDrops() {
        Arc<TestPayload> kept;
        try (Arc<TestPayload> a = Arc.create(heap, payload); Arc<TestPayload> b = a.clone()) {
            assertEquals(2, b.strongCount());
            kept = a;
        }
        assertTrue(kept.isConsumed());
        assertEquals(1, payload.drops());
        assertTrue(heap.finish().isEmpty());
    }

    @Test
    void downgradeAndUpgradeMoveBothCounts() {
        Arc<TestPayload> a = Arc.create(heap, payload);
        Weak<TestPayload> w = a.downgrade();
        assertEquals(1, a.weakCount());
        assertEquals(1, w.strongCount());
        assertEquals(1, w.weakCount());
        assertTrue(w.ptrEq(a));

        Weak<TestPayload> w2 = w.clone();
        assertEquals(2, a.weakCount());
        assertEquals(2, w2.weakCount());

        Arc<TestPayload> up = w.upgrade();
        assertNotNull(up);
        assertTrue(up.ptrEq(a));
        assertEquals(2, a.strongCount());
        assertEquals(2, w.strongCount());
        assertSame(payload, up.get());

        up.drop();
        w2.drop();
        w.drop();
        assertEquals(1, a.strongCount());
        assertEquals(0, a.weakCount());
        a.drop();
        assertTrue(heap.finish().isEmpty());
    }

    @Test
    void aWeakKeepsTheAllocationButNotTheValue() {
        Arc<TestPayload> a = Arc.create(heap, payload);
        Weak<TestPayload> w = a.downgrade();
        a.drop();
        assertEquals(1, payload.drops());
        assertEquals(AllocationState.DESTROYED, w.inner().allocation().state());
        assertNull(w.upgrade(), "upgrade never revives a zero count");
        assertEquals(0, w.strongCount());
        assertEquals(0, w.weakCount(), "Weak::weak_count is 0 once no strong reference remains");
        assertEquals(0, w.inner().strongCell().getPlain(), "a refused upgrade leaves the count at zero");
        w.drop();
        assertEquals(AllocationState.FREED, w.inner().allocation().state());
        assertTrue(heap.finish().isEmpty());
    }

    @Test
    void getMutOnlyWhenUnique() {
        Arc<TestPayload> a = Arc.create(heap, payload);
        assertTrue(a.isUnique());
        assertSame(payload, a.getMut());

        Arc<TestPayload> b = a.clone();
        assertFalse(a.isUnique());
        assertNull(a.getMut(), "another Arc exists");
        b.drop();
        assertSame(payload, a.getMut());

        Weak<TestPayload> w = a.downgrade();
        assertFalse(a.isUnique());
        assertNull(a.getMut(), "a Weak exists and could be upgraded");
        w.drop();
        assertSame(payload, a.getMut());

        assertEquals(1, a.inner().weakCell().getPlain(), "isUnique unlocks the weak count");
        a.drop();
        assertTrue(heap.finish().isEmpty());
    }

    @Test
    void intoInnerReturnsTheValueExactlyOnce() {
        Arc<TestPayload> a = Arc.create(heap, payload);
        List<Arc<TestPayload>> clones = List.of(a, a.clone(), a.clone(), a.clone());
        int returned = 0;
        for (Arc<TestPayload> each : clones) {
            TestPayload value = each.intoInner();
            assertTrue(each.isConsumed());
            if (value != null) {
                assertSame(payload, value);
                returned++;
            }
        }
        assertEquals(1, returned);
        assertEquals(0, payload.drops(), "a moved-out value is not dropped by the Arc");
        assertEquals(AllocationState.FREED, a.inner().allocation().state());
        assertTrue(heap.finish().isEmpty());
    }

    @Test
    void intoInnerWithAWeakLeavesTheAllocationToTheWeak() {
        Arc<TestPayload> a = Arc.create(heap, payload);
        Weak<TestPayload> w = a.downgrade();
        assertSame(payload, a.intoInner());
        assertEquals(AllocationState.DESTROYED, w.inner().allocation().state());
        assertNull(w.upgrade());
        w.drop();
        assertTrue(heap.finish().isEmpty());
    }

    @Test
    void tryUnwrapFailsWhileSharedAndLeavesTheHandleUsable() {
        Arc<TestPayload> a = Arc.create(heap, payload);
        Arc<TestPayload> b = a.clone();
        assertNull(a.tryUnwrap());
        assertFalse(a.isConsumed());
        assertEquals(2, a.strongCount(), "a failed tryUnwrap changes no count");
        b.drop();
        assertSame(payload, a.tryUnwrap());
        assertTrue(a.isConsumed());
        assertEquals(0, payload.drops());
        assertTrue(heap.finish().isEmpty());
    }

    @Test
    void nestedArcDropsItsInnerArc() {
        Arc<TestPayload> inner = Arc.create(heap, payload);
        Arc<Arc<TestPayload>> outer = Arc.create(heap, inner.clone());
        inner.drop();
        assertEquals(0, payload.drops());
        outer.drop();
        assertEquals(1, payload.drops(), "dropping the outer value dropped the inner Arc, its last strong");
        assertTrue(heap.finish().isEmpty());
    }

    @Test
    void anArcNeverDroppedIsALeak() {
        Arc<TestPayload> a = Arc.create(heap, payload);
        Arc<TestPayload> b = a.clone();
        b.drop();
        List<Violation> found = heap.finish();
        assertEquals(1, found.size());
        assertEquals(ViolationKind.LEAK, found.get(0).kind());
        assertEquals(a.inner().label(), found.get(0).allocation());
    }

    @Test
    void aWeakNeverDroppedLeaksTheAllocation() {
        Arc<TestPayload> a = Arc.create(heap, payload);
        a.downgrade();
        a.drop();
        assertEquals(1, payload.drops(), "the value itself was destroyed");
        List<Violation> found = heap.finish();
        assertEquals(1, found.size());
        assertEquals(ViolationKind.LEAK, found.get(0).kind());
        assertTrue(found.get(0).detail().contains("destroyed"));
    }

    @Test
    void aDroppedHandleCannotBeUsed() {
        Arc<TestPayload> a = Arc.create(heap, payload);
        Arc<TestPayload> b = a.clone();
        b.drop();
        assertThrows(IllegalStateException.class, b::drop);
        assertThrows(IllegalStateException.class, b::get);
        assertThrows(IllegalStateException.class, b::clone);
        assertThrows(IllegalStateException.class, b::downgrade);
        assertThrows(IllegalStateException.class, b::getMut);
        assertThrows(IllegalStateException.class, b::intoInner);
        assertThrows(IllegalStateException.class, b::strongCount);
        assertEquals(1, a.strongCount(), "no misuse reached the counter");
        a.intoInner();
        assertThrows(IllegalStateException.class, a::close);
        assertTrue(heap.finish().isEmpty());
    }

    @Test
    void cloneAbortsAfterItsIncrementPassesMaxRefcount() {
        Arc<TestPayload> a = Arc.create(heap, payload);
        a.inner().strongCell().setPlain(ArcInner.MAX_REFCOUNT);
        Arc<TestPayload> atMax = a.clone();   // old == MAX_REFCOUNT is still allowed, as in std
        assertEquals(Integer.MIN_VALUE, a.inner().strongCell().getPlain());
        assertThrows(ArcAbortError.class, a::clone);
        assertEquals(Integer.MIN_VALUE + 1, a.inner().strongCell().getPlain(),
                "std checks after the increment: the aborting clone already added one");
        a.inner().strongCell().setPlain(2);
        atMax.drop();
        a.drop();
        assertTrue(heap.finish().isEmpty());
    }

    @Test
    void upgradeAndDowngradePanicBeforeIncrementingPastMaxRefcount() {
        Arc<TestPayload> a = Arc.create(heap, payload);
        Weak<TestPayload> w = a.downgrade();
        a.inner().strongCell().setPlain(Integer.MIN_VALUE);
        ArithmeticException upgrade = assertThrows(ArithmeticException.class, w::upgrade);
        assertEquals(ArcInner.OVERFLOW_MESSAGE, upgrade.getMessage());
        assertEquals(Integer.MIN_VALUE, a.inner().strongCell().getPlain(), "the panic left the count unchanged");
        a.inner().strongCell().setPlain(1);

        a.inner().weakCell().setPlain(Integer.MIN_VALUE);
        assertThrows(ArithmeticException.class, a::downgrade);
        assertEquals(Integer.MIN_VALUE, a.inner().weakCell().getPlain());
        a.inner().weakCell().setPlain(2);

        w.drop();
        a.drop();
        assertTrue(heap.finish().isEmpty());
    }

    @Test
    void downgradeWaitsWhileIsUniqueHoldsTheWeakLock() throws Exception {
        Thread[] downgrader = new Thread[1];
        int[] weakCountWhileLocked = new int[1];
        boolean[] waitedForUnlock = new boolean[1];
        ArcScheme hooked = new ArcScheme("std-paused-while-locked") {
            @Override
            protected boolean isSoleStrong(ArcInner<?> inner) {
                if (downgrader[0] != null && downgrader[0].getState() == Thread.State.NEW) {
                    downgrader[0].start();
                    try {
                        downgrader[0].join(200);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    waitedForUnlock[0] = downgrader[0].isAlive();
                    weakCountWhileLocked[0] = inner.weakOpaque();
                }
                return super.isSoleStrong(inner);
            }
        };
        Arc<TestPayload> a = Arc.create(heap, payload, hooked);
        Arc<TestPayload> b = a.clone();
        @SuppressWarnings("unchecked")
        Weak<TestPayload>[] made = new Weak[1];
        downgrader[0] = new Thread(() -> made[0] = b.downgrade(), "downgrader");

        assertFalse(a.isUnique(), "two strong references");
        downgrader[0].join(10_000);

        assertEquals(ArcInner.LOCKED, weakCountWhileLocked[0]);
        assertTrue(waitedForUnlock[0], "downgrade spun while the weak count was locked");
        assertNotNull(made[0]);
        assertEquals(1, a.weakCount());
        made[0].drop();
        b.drop();
        a.drop();
        assertTrue(heap.finish().isEmpty());
    }

    @Test
    void weakCountReadsZeroWhileLocked() {
        int[] seen = new int[1];
        @SuppressWarnings("unchecked")
        Arc<TestPayload>[] self = new Arc[1];
        ArcScheme hooked = new ArcScheme("std-peek-while-locked") {
            @Override
            protected boolean isSoleStrong(ArcInner<?> inner) {
                seen[0] = self[0].weakCount();
                return super.isSoleStrong(inner);
            }
        };
        self[0] = Arc.create(heap, payload, hooked);
        assertTrue(self[0].isUnique());
        assertEquals(0, seen[0], "std: the count was 0 just before the lock was taken");
        self[0].drop();
        assertTrue(heap.finish().isEmpty());
    }

    @Test
    void createRejectsNulls() {
        assertThrows(NullPointerException.class, () -> Arc.create(heap, null));
        assertThrows(NullPointerException.class, () -> Arc.create(heap, payload, null));
        assertEquals(0, heap.allocationCount());
    }
}
