package org.refcheck.protocols.rcu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class SrcuTest {

    @Test
    void eachGracePeriodMovesReadersToTheOtherIndex() {
        Srcu srcu = new Srcu("srcu");
        int first;
        try (SrcuReadGuard g = srcu.readLock()) {
            first = g.index();
        }
        srcu.synchronize();
        try (SrcuReadGuard g = srcu.readLock()) {
            assertNotEquals(first, g.index());
        }
        srcu.synchronize();
        try (SrcuReadGuard g = srcu.readLock()) {
            assertEquals(first, g.index());
        }
    }

    @Test
    void sectionsOverlapAndNestWithTheirOwnIndices() {
        Srcu srcu = new Srcu("srcu");
        SrcuReadGuard outer = srcu.readLock();
        SrcuReadGuard inner = srcu.readLock();
        assertEquals(outer.index(), inner.index());
        inner.close();
        assertTrue(outer.isOpen());
        outer.close();
        assertFalse(outer.isOpen());
        assertThrows(IllegalStateException.class, outer::close, "a second unlock would unbalance the counts");
        srcu.synchronize();
    }

    @Test
    void synchronizeWaitsForAnOpenSectionEvenIfAnotherThreadClosesIt() throws Exception {
        Srcu srcu = new Srcu("srcu");
        SrcuReadGuard section = srcu.readLock();
        AtomicBoolean returned = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(1);
        Thread updater = new Thread(() -> {
            started.countDown();
            srcu.synchronize();
            returned.set(true);
        });
        updater.start();
        started.await();
        updater.join(200);
        assertFalse(returned.get(), "synchronize_srcu returned under a live reader");
        Thread closer = new Thread(section::close);
        closer.start();
        closer.join();
        updater.join(TimeUnit.SECONDS.toMillis(10));
        assertTrue(returned.get(), "synchronize_srcu did not return after the reader left");
    }

    @Test
    void aSectionOpenedAfterTheFlipDoesNotHoldUpTheGracePeriod() {
        Srcu srcu = new Srcu("srcu");
        srcu.synchronize();
        try (SrcuReadGuard late = srcu.readLock()) {
            RcuPointer<String> p = new RcuPointer<>("p", "v");
            assertEquals("v", p.dereference(late));
        }
        srcu.synchronize();
    }
}
