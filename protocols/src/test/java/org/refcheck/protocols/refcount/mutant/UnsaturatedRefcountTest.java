package org.refcheck.protocols.refcount.mutant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.lifetime.Violation;
import org.refcheck.lifetime.ViolationKind;
import org.refcheck.lifetime.Warning;
import org.refcheck.protocols.refcount.Ref;
import org.refcheck.protocols.refcount.Refcount;
import org.refcheck.protocols.refcount.RefcountWidth;

/**
 * B1: a leaky error path wraps an unsaturated 3-bit counter back to 1, so the real holder's drop frees the object
 * under the leaked references. The same scenario on the correct counter saturates: no use after free, the object
 * is leaked instead, and the kernel's warning says so. (The scenario itself contains the caller's leak, so the
 * correct protocol is not "clean": it reports the leak, which is what saturation is for.)
 */
class UnsaturatedRefcountTest {

    private static final RefcountWidth THREE_BITS = RefcountWidth.bits(3);

    private final LifetimeTracker heap = new LifetimeTracker();

    /** One holder; eight leaked clones (2^3); the holder drops; a leaked clone uses the value. */
    private List<Violation> leakEightThenDropAndUse(Refcount.Factory counts) {
        Ref<String> holder = Ref.create(heap, "value", counts);
        Ref<String> leaked = null;
        for (int i = 0; i < 8; i++) {
            leaked = holder.clone();   // the error path forgets the put
        }
        holder.drop();
        leaked.get();
        return heap.finish();
    }

    private static boolean has(List<Violation> found, ViolationKind kind) {
        return found.stream().anyMatch(v -> v.kind() == kind);
    }

    @Test
    void wrappedCounterFreesUnderLeakedReferences() {
        List<Violation> found = leakEightThenDropAndUse(UnsaturatedRefcount.factory(THREE_BITS));
        assertTrue(has(found, ViolationKind.USE_AFTER_FREE), found::toString);
        assertTrue(heap.warnings().isEmpty(), "atomic_t never warns");
    }

    @Test
    void saturatingCounterLeaksInsteadOfFreeing() {
        List<Violation> found = leakEightThenDropAndUse(Refcount.factory(THREE_BITS));
        assertFalse(has(found, ViolationKind.USE_AFTER_FREE), found::toString);
        assertFalse(has(found, ViolationKind.RESURRECTION), found::toString);
        assertEquals(List.of(ViolationKind.LEAK), found.stream().map(Violation::kind).toList());
        assertTrue(heap.warnings().stream().map(Warning::message)
                .anyMatch("refcount_t: saturated; leaking memory."::equals));
    }
}
