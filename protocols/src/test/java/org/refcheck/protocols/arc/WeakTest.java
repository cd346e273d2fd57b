package org.refcheck.protocols.arc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.refcheck.lifetime.AllocationState;
import org.refcheck.lifetime.LifetimeTracker;

/** Sequential behaviour of {@link Weak} under {@link ArcScheme#STD}. */
class WeakTest {

    private final LifetimeTracker heap = new LifetimeTracker();
    private final TestPayload payload = new TestPayload();

    @Test
    void aDanglingWeakTouchesNothing() {
        Weak<TestPayload> w = Weak.newDangling();
        assertNull(w.upgrade());
        assertEquals(0, w.strongCount());
        assertEquals(0, w.weakCount());
        Weak<TestPayload> copy = w.clone();
        assertTrue(copy.ptrEq(w), "dangling Weaks compare equal");
        copy.drop();
        w.drop();
        assertTrue(w.isConsumed());
        assertEquals(0, heap.allocationCount());
        assertThrows(IllegalStateException.class, w::drop);
    }

    @Test
    void cloneAndDropMoveTheWeakCount() {
        Arc<TestPayload> a = Arc.create(heap, payload);
        Weak<TestPayload> w = a.downgrade();
        Weak<TestPayload> w2 = w.clone();
        Weak<TestPayload> w3 = w2.clone();
        assertEquals(3, a.weakCount());
        assertEquals(4, a.inner().weakCell().getPlain(), "three Weaks plus the collective one");
        w3.drop();
        w.drop();
        assertEquals(1, a.weakCount());
        a.drop();
        assertEquals(AllocationState.DESTROYED, w2.inner().allocation().state());
        w2.drop();
        assertEquals(AllocationState.FREED, w2.inner().allocation().state());
        assertTrue(heap.finish().isEmpty());
    }

    @Test
    void theLastWeakFreesAfterTheValueWasDestroyed() {
        Arc<TestPayload> a = Arc.create(heap, payload);
        Weak<TestPayload> w = a.downgrade();
        Arc<TestPayload> up = w.upgrade();
        assertNotNull(up);
        a.drop();
        up.drop();
        assertEquals(1, payload.drops());
        assertEquals(0, w.strongCount());
        w.drop();
        assertEquals(AllocationState.FREED, w.inner().allocation().state());
        assertTrue(heap.finish().isEmpty());
    }

    @Test
    void aDroppedWeakCannotBeUsed() {
        Arc<TestPayload> a = Arc.create(heap, payload);
        Weak<TestPayload> w = a.downgrade();
        w.close();
        assertThrows(IllegalStateException.class, w::upgrade);
        assertThrows(IllegalStateException.class, w::clone);
        assertThrows(IllegalStateException.class, w::drop);
        assertThrows(IllegalStateException.class, w::strongCount);
        assertEquals(0, a.weakCount(), "the double drop never reached the counter");
        a.drop();
        assertTrue(heap.finish().isEmpty());
    }

    @Test
    void weakCloneAbortsPastMaxRefcount() {
        Arc<TestPayload> a = Arc.create(heap, payload);
        Weak<TestPayload> w = a.downgrade();
        a.inner().weakCell().setPlain(Integer.MIN_VALUE);
        assertThrows(ArcAbortError.class, w::clone);
        a.inner().weakCell().setPlain(2);
        w.drop();
        a.drop();
        assertTrue(heap.finish().isEmpty());
    }
}
