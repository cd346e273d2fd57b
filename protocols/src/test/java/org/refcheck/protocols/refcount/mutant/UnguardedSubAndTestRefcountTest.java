package org.refcheck.protocols.refcount.mutant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.lifetime.Violation;
import org.refcheck.lifetime.ViolationKind;
import org.refcheck.lifetime.Warning;
import org.refcheck.protocols.refcount.Refcount;
import org.refcheck.protocols.refcount.RefcountWidth;

/**
 * B3: after the last holder freed the object, a buggy path calls {@code sub_and_test(0)} on the zero counter. The
 * pre-2024 counter answers {@code true} and the object is freed twice; the mainline counter answers {@code false}
 * and warns. The counter lives outside the object here (as the function-return tracing counter that motivated the
 * fix did), so touching it is not itself a use after free.
 */
class UnguardedSubAndTestRefcountTest {

    private final LifetimeTracker heap = new LifetimeTracker();

    private List<Violation> lastPutThenSubZero(Refcount.Factory counts) {
        Allocation obj = heap.allocate("obj");
        Refcount refs = counts.create(heap, "obj.users", 1, null);
        if (refs.decAndTest()) {
            obj.free();          // the last holder
        }
        if (refs.subAndTest(0)) {
            obj.free();          // the buggy path, holding "0 references"
        }
        return heap.finish();
    }

    @Test
    void unguardedSubAndTestFreesTwice() {
        List<Violation> found = lastPutThenSubZero(UnguardedSubAndTestRefcount.factory(RefcountWidth.FULL));
        assertEquals(List.of(ViolationKind.DOUBLE_FREE), found.stream().map(Violation::kind).toList());
        assertTrue(heap.warnings().isEmpty());
    }

    @Test
    void mainlineSubAndTestRefusesAndWarns() {
        List<Violation> found = lastPutThenSubZero(Refcount.factory());
        assertEquals(List.of(), found);
        assertEquals(List.of("refcount_t: underflow; use-after-free."),
                heap.warnings().stream().map(Warning::message).toList());
    }
}
