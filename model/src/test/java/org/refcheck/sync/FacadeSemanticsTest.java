package org.refcheck.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The production cells behave as the VarHandle access modes they are named after. */
class FacadeSemanticsTest {

    @Test
    void intCellReadModesAndWrites() {
        SharedInt c = SharedInt.of("c", 5);
        assertEquals("c", c.label());
        assertEquals(5, c.getPlain());
        c.setOpaque(6);
        assertEquals(6, c.getOpaque());
        c.setRelease(7);
        assertEquals(7, c.getAcquire());
        c.setVolatile(8);
        assertEquals(8, c.getVolatile());
        c.setPlain(9);
        assertEquals(9, c.getVolatile());
    }

    @Test
    void intCellReadModifyWrite() {
        SharedInt c = SharedInt.of("c", 1);
        assertEquals(1, c.getAndAdd(2));
        assertEquals(3, c.getAndAddAcquire(-1));
        assertEquals(2, c.getAndAddRelease(-2));
        assertEquals(0, c.getAndSet(4));
        assertEquals(4, c.getAndSetAcquire(5));
        assertEquals(5, c.getAndSetRelease(6));
        assertFalse(c.compareAndSet(0, 1));
        assertTrue(c.compareAndSet(6, 7));
        assertEquals(7, c.compareAndExchange(0, 1), "a failed exchange returns the witness");
        assertEquals(7, c.compareAndExchangeAcquire(7, 8));
        assertEquals(8, c.compareAndExchangeRelease(8, 9));
        assertEquals(9, c.getVolatile());
        while (!c.weakCompareAndSetPlain(9, 10)) { /* may fail spuriously */ }
        while (!c.weakCompareAndSet(10, 11)) { }
        while (!c.weakCompareAndSetAcquire(11, 12)) { }
        while (!c.weakCompareAndSetRelease(12, 13)) { }
        assertFalse(c.weakCompareAndSet(0, 1), "a weak CAS never succeeds on a wrong expectation");
        assertEquals(13, c.getPlain());
    }

    @Test
    void intCellWrapsLikeJavaInt() {
        SharedInt c = SharedInt.of("c", Integer.MAX_VALUE);
        assertEquals(Integer.MAX_VALUE, c.getAndAdd(1));
        assertEquals(Integer.MIN_VALUE, c.getPlain());
    }

    @Test
    void longCell() {
        SharedLong c = SharedLong.of("l", Long.MAX_VALUE - 1);
        assertEquals(Long.MAX_VALUE - 1, c.getAndAddRelease(1));
        assertEquals(Long.MAX_VALUE, c.compareAndExchange(Long.MAX_VALUE, 3L));
        assertEquals(3L, c.getAcquire());
    }

    @Test
    void refCellComparesByIdentity() {
        String a = new String("x");
        String b = new String("x");
        SharedRef<String> r = SharedRef.of("r", a);
        assertFalse(r.compareAndSet(b, "y"), "equal but not identical must fail");
        assertSame(a, r.compareAndExchangeAcquire(a, b));
        assertSame(b, r.getAndSetRelease(null));
        assertNull(r.getAcquire());
    }

    @Test
    void mutexIsExclusiveNotReentrantAndGuardsUnlockOnce() throws Exception {
        Mutex m = Mutex.create("m");
        Mutex.Guard g = m.lock();
        assertTrue(m.isLocked());
        assertSame(m, g.mutex());
        assertNull(m.tryLock(), "not reentrant");
        Thread other = new Thread(() -> {
            try (Mutex.Guard held = m.lock()) {
                assertTrue(m.isLocked());
            }
        });
        other.start();
        other.join(100);
        assertTrue(other.isAlive(), "another thread must block while the mutex is held");
        g.close();
        other.join();
        assertFalse(m.isLocked());
        assertThrows(IllegalStateException.class, g::close);
    }

    @Test
    void mutexExcludesConcurrentIncrements() throws Exception {
        Mutex m = Mutex.create("m");
        SharedInt plain = SharedInt.of("counter", 0);
        Runnable work = () -> {
            for (int i = 0; i < 20_000; i++) {
                try (Mutex.Guard held = m.lock()) {
                    plain.setPlain(plain.getPlain() + 1);
                }
            }
        };
        Thread t1 = new Thread(work);
        Thread t2 = new Thread(work);
        t1.start();
        t2.start();
        t1.join();
        t2.join();
        assertEquals(40_000, plain.getVolatile());
    }
}
