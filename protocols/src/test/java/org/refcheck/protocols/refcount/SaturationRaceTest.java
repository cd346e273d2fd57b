package org.refcheck.protocols.refcount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.lifetime.Violation;
import org.refcheck.lifetime.ViolationKind;
import org.refcheck.protocols.refcount.StepGate.Step;
import org.refcheck.protocols.refcount.StepGate.When;

/**
 * The saturation race that refcount.h documents (catalogue bug B2): an increment is {@code fetch_add}
 * followed by a separate store of SATURATED, and increments by other threads in between walk the counter from
 * {@code MIN} back up through zero to 1, where a {@code dec_and_test} frees the object in use. A known limitation of
 * the correct protocol, unreachable at 32 bits in practice, reachable at 3 bits with six preempted incrementers.
 */
class SaturationRaceTest {

    private static final RefcountWidth THREE_BITS = RefcountWidth.bits(3);   // max 3, min -4, saturated -2

    /** Three holders (count = max); six threads clone; then one holder drops; everyone uses the value. */
    private static List<Violation> holdersAtMaxThenSixClonesAndADrop(boolean preemptBeforeSaturating)
            throws InterruptedException {
        LifetimeTracker heap = new LifetimeTracker();
        StepGate gate = new StepGate();
        Ref<String> holder = Ref.create(heap, "value", gate.factory(THREE_BITS));
        Ref<String> second = holder.clone();
        Ref<String> third = holder.clone();
        assertEquals(THREE_BITS.max(), holder.count());

        Actors actors = new Actors();
        List<StepGate.Pause> saturations = new ArrayList<>();
        List<Ref<String>> clones = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Thread t = actors.actor("inc-" + i, () -> {
                Ref<String> mine = holder.clone();
                synchronized (clones) {
                    clones.add(mine);
                }
            });
            StepGate.Pause beforeStore = gate.arm(t, When.BEFORE, Step.SATURATE);
            t.start();
            if (preemptBeforeSaturating) {
                beforeStore.awaitArrival();   // fetch_add done, SATURATED not stored yet
                saturations.add(beforeStore);
            } else {
                beforeStore.resume();
                t.join();
            }
        }
        third.drop();                         // a holder leaves: dec_and_test
        saturations.forEach(StepGate.Pause::resume);
        actors.joinAll();
        holder.get();
        second.get();
        return heap.violations();
    }

    @Test
    void preemptedIncrementersLetADecAndTestFreeAnObjectInUse() throws InterruptedException {
        List<Violation> found = holdersAtMaxThenSixClonesAndADrop(true);
        assertTrue(found.stream().anyMatch(v -> v.kind() == ViolationKind.USE_AFTER_FREE), found::toString);
    }

    @Test
    void incrementersThatStoreSaturatedPromptlyKeepTheObjectAlive() throws InterruptedException {
        List<Violation> found = holdersAtMaxThenSixClonesAndADrop(false);
        assertFalse(found.stream().anyMatch(v -> v.kind() == ViolationKind.USE_AFTER_FREE), found::toString);
        assertTrue(found.isEmpty(), found::toString);
    }
}
