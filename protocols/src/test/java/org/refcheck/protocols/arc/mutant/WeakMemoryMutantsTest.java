package org.refcheck.protocols.arc.mutant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.refcheck.protocols.arc.ArcScheme;

/**
 * B7 ({@link DropWithoutAcquireFence}) and B9 ({@link IsUniqueRelaxedStrongLoad}) are weak-memory-only bugs: under any
 * sequential (indeed any sequentially consistent) execution they behave exactly like {@link ArcScheme#STD}. These
 * tests pin that down, and pin down the one ordering in which each differs, so that the weak-memory model checker
 * has a precise target. No unit test, lifetime oracle or interleaving-only search can catch them.
 */
class WeakMemoryMutantsTest {

    @Test
    void theScriptExercisesEveryOperationAndIsCleanUnderStd() {
        List<String> std = SequentialScript.observe(ArcScheme.STD);
        assertTrue(std.contains("getMut while shared = false"));
        assertTrue(std.contains("getMut unique = true"));
        assertTrue(std.contains("intoInner of the last = true, value 2"));
        assertTrue(std.contains("tryUnwrap unique = true"));
        assertTrue(std.contains("destructor runs = 1"));
        assertEquals("violations = []", std.get(std.size() - 1));
    }

    @Test
    void dropWithoutAcquireFenceIsSequentiallyIndistinguishable() {
        assertEquals(SequentialScript.observe(ArcScheme.STD), SequentialScript.observe(new DropWithoutAcquireFence()));
    }

    @Test
    void isUniqueRelaxedStrongLoadIsSequentiallyIndistinguishable() {
        assertEquals(SequentialScript.observe(ArcScheme.STD),
                SequentialScript.observe(new IsUniqueRelaxedStrongLoad()));
    }

    @Test
    void dropWithoutAcquireFenceLacksOnlyTheFenceAfterTheLastStrongDecrement() throws Exception {
        List<String> std = RecordingBackend.record(() -> SequentialScript.observe(ArcScheme.STD));
        List<String> b7 = RecordingBackend.record(() -> SequentialScript.observe(new DropWithoutAcquireFence()));
        List<String> expected = new ArrayList<>();
        int removed = 0;
        for (int i = 0; i < std.size(); i++) {
            boolean afterLastStrong = i > 0 && std.get(i - 1).contains(".strong ");
            if (std.get(i).equals("acquireFence") && afterLastStrong) {
                removed++;
                continue;
            }
            expected.add(std.get(i));
        }
        assertEquals(3, removed, "one per last strong reference: intoInner, tryUnwrap, drop");
        assertEquals(expected, b7);
        assertTrue(b7.contains("acquireFence"), "Weak.drop keeps its own acquire fence");
    }

    @Test
    void isUniqueRelaxedStrongLoadDiffersOnlyInTheStrongLoadMode() throws Exception {
        List<String> std = RecordingBackend.record(() -> SequentialScript.observe(ArcScheme.STD));
        List<String> b9 = RecordingBackend.record(() -> SequentialScript.observe(new IsUniqueRelaxedStrongLoad()));
        assertNotEquals(std, b9);
        List<String> expected = new ArrayList<>();
        for (String step : std) {
            expected.add(step.endsWith(".strong getAcquire") ? step.replace("getAcquire", "getOpaque") : step);
        }
        assertEquals(expected, b9);
        assertTrue(std.stream().anyMatch(s -> s.endsWith(".weak compareAndExchangeAcquire")),
                "the weak-count lock is still taken");
    }
}
