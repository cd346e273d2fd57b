package org.refcheck.protocols.arc.mutant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.arc.Arc;
import org.refcheck.protocols.arc.ArcInner;
import org.refcheck.protocols.arc.ArcScheme;
import org.refcheck.protocols.arc.Interference;
import org.refcheck.protocols.arc.TestPayload;
import org.refcheck.protocols.arc.Weak;

/**
 * B8: T1 owns the only {@code Arc}, T2 a {@code Weak}. T1's {@code getMut} runs its first atomic step; T2 upgrades
 * its {@code Weak} and drops the {@code Weak}; T1 finishes {@code getMut}. The mutant hands out the value for mutation
 * while T2 holds an {@code Arc}; std's weak-count lock refuses.
 */
class GetMutWithoutWeakLockTest {

    /** What the interleaving produced. */
    record Outcome(TestPayload mutable, boolean t2HoldsArc, int strongWhenMutable, String violations) {
        boolean aliasing() {
            return mutable != null && t2HoldsArc;
        }
    }

    /** T2's upgrade-and-drop-Weak, run between T1's first and second atomic step of {@code isUnique}. */
    private static Outcome run(ArcScheme hooked, Interference t2) {
        LifetimeTracker heap = new LifetimeTracker();
        TestPayload payload = new TestPayload();
        Arc<TestPayload> t1 = Arc.create(heap, payload, hooked);
        Weak<TestPayload> weak = t1.downgrade();
        @SuppressWarnings("unchecked")
        Arc<TestPayload>[] t2Arc = new Arc[1];
        t2.set(() -> {
            t2Arc[0] = weak.upgrade();
            weak.drop();
        });

        TestPayload mutable = t1.getMut();
        t2.fire();   // if T1 never reached its second step, T2 still runs, after it
        int strong = t1.strongCount();
        boolean t2HoldsArc = t2Arc[0] != null;
        if (t2HoldsArc) {
            t2Arc[0].get().read();
            t2Arc[0].drop();
        }
        t1.drop();
        return new Outcome(mutable, t2HoldsArc, strong, heap.finish().toString());
    }

    @Test
    void theMutantReturnsTheValueWhileAnotherArcExists() {
        Interference t2 = new Interference();
        Outcome out = run(new GetMutWithoutWeakLock() {
            @Override
            protected boolean isSoleStrong(ArcInner<?> inner) {
                boolean one = super.isSoleStrong(inner);   // T1: strong == 1
                t2.fire();                                  // T2: upgrade (strong 2), drop the Weak (weak 1)
                return one;                                 // T1 then loads weak == 1
            }
        }, t2);
        assertNotNull(out.mutable());
        assertTrue(out.aliasing(), "getMut succeeded while T2 held an Arc: aliasing mutable access");
        assertEquals(2, out.strongWhenMutable());
        assertEquals("[]", out.violations(), "the bug corrupts no count: only the uniqueness claim is false");
    }

    @Test
    void stdRefusesInTheSameInterleaving() {
        Interference t2 = new Interference();
        Outcome out = run(new ArcScheme("std-paused-in-is-unique") {
            @Override
            protected boolean lockWeakCount(ArcInner<?> inner) {
                boolean locked = super.lockWeakCount(inner);   // T1: CAS weak 1 -> LOCKED fails, weak is 2
                t2.fire();
                return locked;
            }
        }, t2);
        assertTrue(t2.fired());
        assertNull(out.mutable());
        assertFalse(out.aliasing());
        assertEquals("[]", out.violations());
    }

    @Test
    void sequentiallyBothAgreeOnUniqueness() {
        LifetimeTracker heap = new LifetimeTracker();
        TestPayload payload = new TestPayload();
        Arc<TestPayload> a = Arc.create(heap, payload, new GetMutWithoutWeakLock());
        Weak<TestPayload> w = a.downgrade();
        assertNull(a.getMut(), "a Weak exists");
        w.drop();
        assertSame(payload, a.getMut());
        a.drop();
        assertTrue(heap.finish().isEmpty());
    }
}
