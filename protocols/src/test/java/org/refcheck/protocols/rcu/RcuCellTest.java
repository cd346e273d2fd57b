package org.refcheck.protocols.rcu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.lifetime.Violation;
import org.refcheck.lifetime.ViolationKind;
import org.refcheck.protocols.rcu.mutant.ImmediateCallRcu;
import org.refcheck.protocols.rcu.mutant.UseAfterUnlockRcuCell;

class RcuCellTest {

    private final LifetimeTracker heap = new LifetimeTracker();
    private final Rcu rcu = new Rcu("rcu");
    private final RcuReader me = rcu.register();

    @Test
    void readersSeeEachPublishedValueAndEveryReplacedVersionIsFreedOnce() {
        RcuCell<Integer> cell = new RcuCell<>(rcu, new CallRcu(rcu), heap, "cell", 1);
        assertEquals(Integer.valueOf(1), cell.read(me, v -> v));
        cell.replace(2);
        assertEquals(Integer.valueOf(2), cell.read(me, v -> v));
        cell.update(me, v -> v * 10);
        assertEquals(Integer.valueOf(20), cell.read(me, v -> v));
        cell.replaceDeferred(30);
        assertEquals(Integer.valueOf(30), cell.read(me, v -> v));
        assertEquals(2, heap.unfreed().size(), "the current version and the one whose free waits for the barrier");
        cell.close();
        assertEquals(List.of(), heap.finish());
        assertEquals(4, heap.allocationCount());
    }

    @Test
    void aReaderNeverLeavesItsSectionOpen() {
        RcuCell<String> cell = new RcuCell<>(rcu, new CallRcu(rcu), heap, "cell", "x");
        cell.read(me, String::length);
        assertEquals(0, me.depth());
        try (RcuReadGuard outer = me.readLock()) {
            cell.read(me, String::length);
            assertEquals(1, me.depth(), "a nested read keeps the caller's section");
        }
        cell.close();
    }

    @Test
    void freeingBeforeAReaderIsDoneIsAUseAfterFree() {
        RcuCell<String> cell = new RcuCell<>(rcu, new ImmediateCallRcu(rcu), heap, "cell", "old");
        String seen = cell.read(me, v -> {
            cell.replaceDeferred("new");   // the mutant frees "old" here, inside this reader's section
            return v;
        });
        assertEquals("old", seen);
        cell.close();
        assertTrue(kinds(heap.finish()).contains(ViolationKind.USE_AFTER_FREE), heap.violations().toString());
    }

    @Test
    void theUseAfterUnlockMutantUsesTheVersionOutsideTheSection() {
        RcuCell<String> cell = new UseAfterUnlockRcuCell<>(rcu, new CallRcu(rcu), heap, "cell", "x");
        int depthDuringUse = cell.read(me, v -> me.depth());
        assertEquals(0, depthDuringUse, "the mutant's use ran outside the read-side section");
        cell.close();
        assertEquals(List.of(), heap.finish(), "without a concurrent updater nothing is freed early");
    }

    private static List<ViolationKind> kinds(List<Violation> violations) {
        return violations.stream().map(Violation::kind).toList();
    }
}
