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

class AsyncRevocableTest {

    private final LifetimeTracker heap = new LifetimeTracker();

    @Test
    void revokeWithoutUsersDropsAtOnce() {
        AsyncRevocable<String> r = new AsyncRevocable<>(heap, "res", "regs");
        assertEquals(4, r.tryAccessWith(String::length));
        assertTrue(r.revoke());
        assertEquals(AllocationState.DESTROYED, heap.unfreed().get(0).state());
        assertFalse(r.revoke());
        assertNull(r.tryAccess());
        r.drop();
        assertEquals(List.of(), heap.finish());
    }

    @Test
    void theLastUserAfterRevokeDrops() {
        AsyncRevocable<String> r = new AsyncRevocable<>(heap, "res", "regs");
        AsyncRevocableGuard<String> first = r.tryAccess();
        AsyncRevocableGuard<String> second = r.tryAccess();
        assertNotNull(first);
        assertTrue(r.revoke(), "revoke does not wait for users");
        assertNull(r.tryAccess(), "no new users after revoke");
        assertEquals("regs", first.get());
        first.close();
        assertEquals(AllocationState.LIVE, heap.unfreed().get(0).state(), "a user remains");
        assertEquals("regs", second.get());
        second.close();
        assertEquals(AllocationState.DESTROYED, heap.unfreed().get(0).state(), "the last user dropped it");
        r.drop();
        assertEquals(List.of(), heap.finish());
    }

    @Test
    void dropWithoutRevokeDropsTheDataAndGuardsCannotBeReused() {
        AsyncRevocable<String> r = new AsyncRevocable<>(heap, "res", "regs");
        AsyncRevocableGuard<String> g = r.tryAccess();
        g.close();
        assertThrows(IllegalStateException.class, g::get);
        assertThrows(IllegalStateException.class, g::close);
        r.drop();
        assertEquals(List.of(), heap.finish());
    }

    @Test
    void theRevokedBitAndTheCountShareOneWord() {
        assertEquals(Integer.MIN_VALUE, AsyncRevocable.REVOKED);
        assertEquals(Integer.MAX_VALUE, AsyncRevocable.SATURATED_COUNT);
        assertEquals(Integer.MAX_VALUE, AsyncRevocable.COUNT_MASK);
    }
}
