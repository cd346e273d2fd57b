package org.refcheck.protocols.revocable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.refcheck.lifetime.AllocationState;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.lifetime.ViolationKind;
import org.refcheck.protocols.rcu.Rcu;
import org.refcheck.protocols.rcu.RcuReader;
import org.refcheck.protocols.revocable.mutant.RevokeWithoutGracePeriod;

class RevocableTest {

    private final LifetimeTracker heap = new LifetimeTracker();
    private final Rcu rcu = new Rcu("rcu");
    private final RcuReader me = rcu.register();

    @Test
    void accessSucceedsUntilRevokedAndOnlyTheFirstRevokeRevokes() {
        Revocable<String> r = new Revocable<>(rcu, heap, "res", "regs");
        try (RevocableGuard<String> g = r.tryAccess(me)) {
            assertNotNull(g);
            assertEquals("regs", g.get());
            assertTrue(me.inReadSection(), "a guard holds a read-side section");
        }
        assertFalse(me.inReadSection());
        assertEquals(4, r.tryAccessWith(me, String::length));
        assertTrue(r.revoke());
        assertFalse(r.revoke(), "a second revoke finds it revoked");
        assertNull(r.tryAccess(me));
        assertFalse(me.inReadSection(), "a refused access leaves no section open");
        assertNull(r.tryAccessWith(me, String::length));
        r.drop();
        assertEquals(List.of(), heap.finish());
    }

    @Test
    void dropWithoutRevokeDropsTheDataOnce() {
        Revocable<String> r = new Revocable<>(rcu, heap, "res", "regs");
        r.drop();
        assertEquals(List.of(), heap.finish());
    }

    @Test
    void aGuardIsUselessOnceClosed() {
        Revocable<String> r = new Revocable<>(rcu, heap, "res", "regs");
        RevocableGuard<String> g = r.tryAccess(me);
        g.close();
        assertThrows(IllegalStateException.class, g::get);
        r.drop();
    }

    @Test
    void revokingWithoutAGracePeriodDropsUnderAGuard() {
        Revocable<String> r = new RevokeWithoutGracePeriod<>(rcu, heap, "res", "regs");
        try (RevocableGuard<String> g = r.tryAccess(me)) {
            assertTrue(r.revoke(), "the mutant does not wait for the guard's section (the correct one would hang)");
            g.get();
        }
        r.drop();
        assertEquals(List.of(ViolationKind.USE_AFTER_DESTROY),
                heap.finish().stream().map(v -> v.kind()).toList());
    }

    @Test
    void revokeAfterTheLastGuardClosedDropsAtOnce() {
        Revocable<String> r = new Revocable<>(rcu, heap, "res", "regs");
        r.tryAccessWith(me, String::length);
        r.revoke();
        assertEquals(1, heap.unfreed().size());
        assertEquals(AllocationState.DESTROYED, heap.unfreed().get(0).state(), "revoked data is dropped, its memory freed later");
        r.drop();
        assertTrue(heap.finish().isEmpty());
    }
}
