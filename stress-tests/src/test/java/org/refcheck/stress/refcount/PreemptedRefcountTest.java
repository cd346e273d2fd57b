package org.refcheck.stress.refcount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.refcount.Refcount;

class PreemptedRefcountTest {

    private final LifetimeTracker heap = new LifetimeTracker();
    private final Allocation object = heap.allocate("object");

    private Refcount counter(PreemptedRefcount.At at, int initial) {
        return PreemptedRefcount.factory(at).create(heap, "object.refcount", initial, object);
    }

    private static long nanos(Runnable step) {
        long start = System.nanoTime();
        step.run();
        return System.nanoTime() - start;
    }

    @Test
    void countsExactlyAsRefcountDoes() {
        for (PreemptedRefcount.At at : PreemptedRefcount.At.values()) {
            Refcount refs = counter(at, 1);
            refs.inc();
            assertTrue(refs.incNotZero());
            assertEquals(3, refs.read());
            assertFalse(refs.decAndTest());
            assertFalse(refs.decAndTest());
            assertTrue(refs.decAndTest());
            assertFalse(refs.incNotZero(), "inc_not_zero still refuses zero");
            assertEquals(0, refs.observe());
        }
        assertTrue(heap.warnings().isEmpty());
    }

    @Test
    void aDecrementThatLeavesReferencesPausesTheCaller() {
        Refcount refs = counter(PreemptedRefcount.At.AFTER_NON_FINAL_DECREMENT, 2);
        assertTrue(nanos(refs::decAndTest) >= PreemptedRefcount.PAUSE_NANOS);
        assertEquals(1, refs.observe());
    }

    @Test
    void theDecrementThatReachesZeroPausesTheCallerBeforeItsRelease() {
        Refcount refs = counter(PreemptedRefcount.At.AFTER_FINAL_DECREMENT, 1);
        long[] released = new long[1];
        long start = System.nanoTime();
        if (refs.decAndTest()) {
            released[0] = System.nanoTime();
        }
        assertTrue(released[0] - start >= PreemptedRefcount.PAUSE_NANOS);
        assertEquals(0, refs.observe());
    }

    @Test
    void aReadPausesTheCallerBeforeItLoadsTheCount() {
        Refcount refs = counter(PreemptedRefcount.At.BEFORE_READ, 1);
        assertTrue(nanos(refs::read) >= PreemptedRefcount.PAUSE_NANOS);
        assertTrue(nanos(refs::incNotZero) >= PreemptedRefcount.PAUSE_NANOS);
        assertEquals(2, refs.observe());
    }

    @Test
    void theFactoryMakesCountersPreemptedWhereAsked() {
        Refcount refs = counter(PreemptedRefcount.At.BEFORE_READ, 1);
        assertEquals(PreemptedRefcount.At.BEFORE_READ, ((PreemptedRefcount) refs).at());
        assertEquals(object, refs.owner());
    }
}
