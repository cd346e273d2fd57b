package org.refcheck.protocols.rcu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class RcuTest {

    @Test
    void readSectionsNestAndTheOutermostUnlockEndsThem() {
        Rcu rcu = new Rcu("rcu");
        RcuReader me = rcu.register();
        assertFalse(me.inReadSection());
        try (RcuReadGuard outer = me.readLock()) {
            assertEquals(1, me.depth());
            try (RcuReadGuard inner = me.readLock()) {
                assertEquals(2, me.depth());
                assertTrue(inner.isOpen());
            }
            assertEquals(1, me.depth());
            assertTrue(outer.isOpen());
        }
        assertEquals(0, me.depth());
        assertSame(rcu, me.domain());
    }

    @Test
    void readersAreClassifiedByThePhaseTheyStartedIn() {
        Rcu rcu = new Rcu("rcu");
        RcuReader me = rcu.register();
        long phase0 = rcu.readerSnapshot();
        assertEquals(RcuReader.State.INACTIVE, me.state(phase0));
        try (RcuReadGuard section = me.readLock()) {
            assertEquals(RcuReader.State.ACTIVE_CURRENT, me.state(phase0));
            assertEquals(RcuReader.State.ACTIVE_OLD, me.state(phase0 ^ Rcu.PHASE));
        }
        assertEquals(RcuReader.State.INACTIVE, me.state(phase0 ^ Rcu.PHASE));
    }

    @Test
    void eachGracePeriodFlipsThePhaseOnce() {
        Rcu rcu = new Rcu("rcu");
        rcu.register();
        long before = rcu.readerSnapshot();
        rcu.synchronize();
        assertEquals(before ^ Rcu.PHASE, rcu.readerSnapshot());
        rcu.synchronize();
        assertEquals(before, rcu.readerSnapshot());
    }

    @Test
    void synchronizeWithoutReadersOrWithIdleReadersReturns() {
        Rcu rcu = new Rcu("rcu");
        long before = rcu.readerSnapshot();
        rcu.synchronize();
        assertEquals(before, rcu.readerSnapshot(), "no registered reader: no grace period needed");
        RcuReader idle = rcu.register();
        try (RcuReadGuard s = idle.readLock()) {
            assertTrue(s.isOpen());
        }
        rcu.synchronize();
        assertEquals(before ^ Rcu.PHASE, rcu.readerSnapshot());
    }

    @Test
    void synchronizeWaitsForAReaderThatWasInsideItsSection() throws Exception {
        Rcu rcu = new Rcu("rcu");
        RcuReader reader = rcu.register();
        RcuReadGuard section = reader.readLock();
        AtomicBoolean returned = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(1);
        Thread updater = new Thread(() -> {
            started.countDown();
            rcu.synchronize();
            returned.set(true);
        });
        updater.start();
        started.await();
        updater.join(200);
        assertFalse(returned.get(), "synchronize returned while a pre-existing reader was inside its section");
        section.close();
        updater.join(TimeUnit.SECONDS.toMillis(10));
        assertTrue(returned.get(), "synchronize did not return after the reader left its section");
    }

    @Test
    void misuseOfGuardsAndReadersThrows() {
        Rcu rcu = new Rcu("rcu");
        RcuReader me = rcu.register();
        RcuReadGuard section = me.readLock();
        assertThrows(IllegalStateException.class, me::unregister, "unregister inside a section");
        section.close();
        assertThrows(IllegalStateException.class, section::close, "double unlock");
        me.unregister();
        assertThrows(IllegalStateException.class, me::readLock, "read lock after unregister");
        assertThrows(IllegalStateException.class, me::unregister, "unregister twice");
        long before = rcu.readerSnapshot();
        rcu.synchronize();
        assertEquals(before, rcu.readerSnapshot(), "an unregistered reader left nobody to wait for");
    }

    @Test
    void dereferenceNeedsAnOpenSection() {
        Rcu rcu = new Rcu("rcu");
        RcuReader me = rcu.register();
        RcuPointer<String> p = new RcuPointer<>("p", "first");
        RcuReadGuard section = me.readLock();
        assertEquals("first", p.dereference(section));
        assertEquals("first", p.replace("second"));
        assertEquals("second", p.dereference(section));
        section.close();
        assertThrows(IllegalStateException.class, () -> p.dereference(section));
        p.assign("third");
        assertEquals("third", p.access());
    }
}
