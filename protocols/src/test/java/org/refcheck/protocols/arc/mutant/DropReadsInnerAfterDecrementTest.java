package org.refcheck.protocols.arc.mutant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.lifetime.Violation;
import org.refcheck.lifetime.ViolationKind;
import org.refcheck.protocols.arc.Arc;
import org.refcheck.protocols.arc.ArcInner;
import org.refcheck.protocols.arc.ArcScheme;
import org.refcheck.protocols.arc.Interference;
import org.refcheck.protocols.arc.TestPayload;

/**
 * B11: T1 and T2 each hold an {@code Arc}, no {@code Weak}. T1's drop decrements 2 to 1 and is preempted; T2 drops
 * the last one and frees; T1 resumes. The mutant then reads the freed allocation; std returns right after its
 * decrement and touches nothing.
 */
class DropReadsInnerAfterDecrementTest {

    private static List<Violation> preemptedAfterDecrement(ArcScheme hooked, Interference t2, LifetimeTracker heap) {
        Arc<TestPayload> t1 = Arc.create(heap, new TestPayload(), hooked);
        Arc<TestPayload> t2Arc = t1.clone();
        t2.set(t2Arc::drop);
        t1.drop();
        assertTrue(t2.fired());
        return heap.finish();
    }

    @Test
    void theMutantReadsTheAllocationAfterTheOtherThreadFreedIt() {
        Interference t2 = new Interference();
        List<Violation> found = preemptedAfterDecrement(new DropReadsInnerAfterDecrement() {
            @Override
            protected void traceAfterNonFinalDecrement(ArcInner<?> inner) {
                t2.fire();                                  // T2: 1 -> 0, destroy, weak 1 -> 0, free
                super.traceAfterNonFinalDecrement(inner);   // T1: reads the freed allocation
            }
        }, t2, new LifetimeTracker());
        assertEquals(1, found.size(), found::toString);
        assertEquals(ViolationKind.USE_AFTER_FREE, found.get(0).kind());
    }

    @Test
    void stdTouchesNothingAfterItsDecrementInTheSameInterleaving() {
        Interference t2 = new Interference();
        List<Violation> found = preemptedAfterDecrement(new ArcScheme("std-preempted-after-decrement") {
            @Override
            protected void dropStrong(ArcInner<?> inner) {
                super.dropStrong(inner);   // T1: 2 -> 1 and return; nothing after the decrement
                t2.fire();                 // T2: the last drop
            }
        }, t2, new LifetimeTracker());
        assertTrue(found.isEmpty(), found::toString);
    }

    @Test
    void sequentiallyTheMutantIsHarmless() {
        LifetimeTracker heap = new LifetimeTracker();
        Arc<TestPayload> a = Arc.create(heap, new TestPayload(), new DropReadsInnerAfterDecrement());
        Arc<TestPayload> b = a.clone();
        a.drop();
        b.drop();
        assertTrue(heap.finish().isEmpty());
    }
}
