package org.refcheck.protocols.kref.mutant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.lifetime.Violation;
import org.refcheck.lifetime.ViolationKind;
import org.refcheck.lifetime.Warning;
import org.refcheck.protocols.kref.KrefHandoff;
import org.refcheck.protocols.kref.KrefHandoffTest;

/** B6: with the get after the hand-off, a worker that runs to completion first frees the object under the creator. */
class LateGetKrefHandoffTest {

    private static List<Violation> workerRunsToCompletionFirst(KrefHandoff<String> h, LifetimeTracker heap) {
        h.handOff(KrefHandoffTest.RUN_WORKER_TO_COMPLETION);
        h.creatorDone();
        return heap.finish();
    }

    @Test
    void lateGetIncrementsAFreedObjectFromZero() {
        LifetimeTracker heap = new LifetimeTracker();
        List<Violation> found = workerRunsToCompletionFirst(new LateGetKrefHandoff<>(heap, "payload"), heap);
        assertTrue(found.stream().anyMatch(v -> v.kind() == ViolationKind.USE_AFTER_FREE), found::toString);
        assertTrue(found.stream().anyMatch(v -> v.kind() == ViolationKind.RESURRECTION), found::toString);
        assertTrue(heap.warnings().stream().map(Warning::message)
                .anyMatch("refcount_t: addition on 0; use-after-free."::equals));
    }

    @Test
    void getBeforeTheHandOffIsCleanInTheSameSchedule() {
        LifetimeTracker heap = new LifetimeTracker();
        List<Violation> found = workerRunsToCompletionFirst(new KrefHandoff<>(heap, "payload"), heap);
        assertEquals(List.of(), found);
        assertTrue(heap.warnings().isEmpty());
    }
}
