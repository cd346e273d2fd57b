package org.refcheck.protocols.refcount.mutant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.lifetime.Violation;
import org.refcheck.lifetime.ViolationKind;
import org.refcheck.protocols.refcount.Actors;
import org.refcheck.protocols.refcount.Ref;
import org.refcheck.protocols.refcount.Refcount;
import org.refcheck.protocols.refcount.StepGate;
import org.refcheck.protocols.refcount.StepGate.Step;
import org.refcheck.protocols.refcount.StepGate.When;

/**
 * B11: T1 drops (2 -&gt; 1) and is stopped right after its decrement; T2 drops the last reference and frees; T1
 * continues. The mutant reads the count in freed memory; the correct drop touches nothing more.
 */
class TouchAfterDecrementRefTest {

    private final LifetimeTracker heap = new LifetimeTracker();

    interface Creator {
        Ref<String> create(LifetimeTracker heap, String value, Refcount.Factory counts);
    }

    private List<Violation> dropStoppedAfterDecrementWhileOtherDropFrees(Creator creator)
            throws InterruptedException {
        StepGate gate = new StepGate();
        Ref<String> a = creator.create(heap, "value", gate.factory());
        Ref<String> b = a.clone();
        Actors actors = new Actors();
        Thread t1 = actors.actor("T1", a::drop);
        StepGate.Pause decremented = gate.arm(t1, When.AFTER, Step.FETCH_SUB);
        t1.start();
        decremented.awaitArrival();     // T1: 2 -> 1
        b.drop();                       // T2: 1 -> 0, frees
        decremented.resume();           // T1 goes on
        actors.joinAll();
        assertTrue(a.inner().isFreed());
        return heap.finish();
    }

    @Test
    void mutantDropTouchesTheFreedInner() throws InterruptedException {
        List<Violation> found = dropStoppedAfterDecrementWhileOtherDropFrees(TouchAfterDecrementRef::create);
        assertEquals(List.of(ViolationKind.USE_AFTER_FREE), found.stream().map(Violation::kind).toList());
        assertEquals("T1", found.get(0).thread());
    }

    @Test
    void correctDropTouchesNothingAfterANonFinalDecrement() throws InterruptedException {
        List<Violation> found = dropStoppedAfterDecrementWhileOtherDropFrees(Ref::create);
        assertEquals(List.of(), found);
        assertTrue(heap.warnings().isEmpty());
    }
}
