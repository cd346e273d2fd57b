package org.refcheck.protocols.rcu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.refcheck.lifetime.LifetimeTracker;

class QsbrRcuTest {

    @Test
    void registrationPutsTheReaderOnlineAndSectionsOnlyNest() {
        QsbrRcu rcu = new QsbrRcu("qsbr");
        QsbrReader me = rcu.register();
        assertTrue(me.isOnline());
        long gp = rcu.readerSnapshot();
        assertEquals(RcuReader.State.ACTIVE_CURRENT, me.state(gp));
        try (QsbrReadGuard outer = me.readLock()) {
            try (QsbrReadGuard inner = me.readLock()) {
                assertEquals(2, me.depth());
                assertTrue(inner.isOpen());
            }
            assertEquals(1, me.depth());
            assertTrue(outer.isOpen());
        }
        assertEquals(0, me.depth());
        assertEquals(RcuReader.State.ACTIVE_CURRENT, me.state(gp), "a section changes no shared word");
        assertEquals(RcuReader.State.ACTIVE_OLD, me.state(gp + QsbrRcu.GP_CTR));
        me.offline();
        assertEquals(RcuReader.State.INACTIVE, me.state(gp + QsbrRcu.GP_CTR));
        assertThrows(IllegalStateException.class, me::readLock, "read lock while offline");
        me.online();
        assertEquals(RcuReader.State.ACTIVE_CURRENT, me.state(gp));
    }

    @Test
    void eachGracePeriodAdvancesTheCounterOnceAndAQuiescentStateCopiesIt() {
        QsbrRcu rcu = new QsbrRcu("qsbr");
        long before = rcu.readerSnapshot();
        rcu.synchronize();
        assertEquals(before, rcu.readerSnapshot(), "no registered reader: no grace period needed");
        QsbrReader me = rcu.register();
        rcu.synchronize(me);
        assertEquals(before + QsbrRcu.GP_CTR, rcu.readerSnapshot());
        assertTrue(me.isOnline(), "synchronize puts its caller back online");
        assertEquals(RcuReader.State.ACTIVE_CURRENT, me.state(rcu.readerSnapshot()));
        me.offline();
        rcu.synchronize();
        assertEquals(before + 2 * QsbrRcu.GP_CTR, rcu.readerSnapshot());
        assertFalse(me.isOnline(), "an offline caller stays offline");
    }

    @Test
    void synchronizeWaitsForAnOnlineReaderUntilItsQuiescentState() throws Exception {
        QsbrRcu rcu = new QsbrRcu("qsbr");
        QsbrReader reader = rcu.register();
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
        assertFalse(returned.get(), "synchronize returned while a reader stayed online without a quiescent state");
        try (QsbrReadGuard section = reader.readLock()) {
            assertTrue(section.isOpen());
        }
        updater.join(200);
        assertFalse(returned.get(), "closing a section is not a quiescent state");
        while (!returned.get() && updater.isAlive()) {
            reader.quiescentState();   // the increment may land after the first call
            updater.join(10);
        }
        updater.join(TimeUnit.SECONDS.toMillis(10));
        assertTrue(returned.get(), "synchronize did not return after the reader's quiescent state");
    }

    @Test
    void misuseOfReadersThrows() {
        QsbrRcu rcu = new QsbrRcu("qsbr");
        QsbrReader me = rcu.register();
        QsbrReadGuard section = me.readLock();
        assertThrows(IllegalStateException.class, me::quiescentState, "quiescent state inside a section");
        assertThrows(IllegalStateException.class, me::offline, "offline inside a section");
        assertThrows(IllegalStateException.class, me::unregister, "unregister inside a section");
        assertThrows(IllegalStateException.class, () -> rcu.synchronize(me), "synchronize inside a section");
        assertThrows(IllegalStateException.class, me::online, "online while online, inside a section");
        section.close();
        assertThrows(IllegalStateException.class, me::online, "online while online");
        QsbrRcu other = new QsbrRcu("other");
        assertThrows(IllegalArgumentException.class, () -> other.synchronize(me), "a reader of another domain");
        assertThrows(IllegalStateException.class, section::close, "double unlock");
        me.unregister();
        assertFalse(me.isOnline(), "unregister puts the reader offline");
        assertThrows(IllegalStateException.class, me::readLock, "read lock after unregister");
        assertThrows(IllegalStateException.class, me::quiescentState, "quiescent state after unregister");
        assertThrows(IllegalStateException.class, me::online, "online after unregister");
        assertThrows(IllegalStateException.class, me::unregister, "unregister twice");
        long before = rcu.readerSnapshot();
        rcu.synchronize();
        assertEquals(before, rcu.readerSnapshot(), "an unregistered reader left nobody to wait for");
    }

    @Test
    void theCellFreesAReplacedVersionAfterTheGracePeriodAndDereferenceNeedsASection() {
        LifetimeTracker heap = new LifetimeTracker();
        QsbrRcu rcu = new QsbrRcu("qsbr");
        QsbrReader me = rcu.register();
        QsbrCell<Integer> cell = new QsbrCell<>(rcu, heap, "cell", 1);
        assertEquals(1, (int) cell.read(me, v -> v));
        cell.replace(me, 2);
        assertTrue(me.isOnline());
        assertEquals(2, (int) cell.read(me, v -> v));
        QsbrReadGuard section = me.readLock();
        assertThrows(IllegalStateException.class, () -> cell.replace(me, 9), "replace inside a section");
        assertEquals(2, (int) cell.read(me, v -> v), "a refused replace publishes nothing");
        section.close();
        assertThrows(IllegalStateException.class, () -> cell.pointer().dereference(section));
        me.unregister();
        cell.replace(null, 3);
        cell.close();
        assertEquals(java.util.List.of(), heap.finish());
    }
}
