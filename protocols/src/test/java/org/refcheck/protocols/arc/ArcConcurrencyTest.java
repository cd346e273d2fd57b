package org.refcheck.protocols.arc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.refcheck.lifetime.LifetimeTracker;

/**
 * Small real-thread smoke tests of {@link ArcScheme#STD}: whatever the interleaving, the outcome asserted here must
 * hold. They are no substitute for the jcstress and model-checker suites; they only catch gross breakage early.
 */
class ArcConcurrencyTest {

    private static final int ROUNDS = 2_000;

    @Test
    void racingDropsDestroyAndFreeExactlyOnce() throws Exception {
        LifetimeTracker heap = new LifetimeTracker();
        List<TestPayload> payloads = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            TestPayload p = new TestPayload();
            payloads.add(p);
            Arc<TestPayload> a = Arc.create(heap, p);
            Arc<TestPayload> b = a.clone();
            Weak<TestPayload> w = a.downgrade();
            race(a::drop, () -> {
                Arc<TestPayload> up = w.upgrade();
                if (up != null) {
                    up.get().read();
                    up.drop();
                }
                b.drop();
                w.drop();
            });
        }
        for (TestPayload p : payloads) {
            assertEquals(1, p.drops());
        }
        assertTrue(heap.finish().isEmpty(), () -> heap.violations().toString());
    }

    @Test
    void intoInnerOnEveryCloneReturnsTheValueOnce() throws Exception {
        LifetimeTracker heap = new LifetimeTracker();
        AtomicInteger returned = new AtomicInteger();
        for (int round = 0; round < ROUNDS; round++) {
            Arc<TestPayload> a = Arc.create(heap, new TestPayload());
            Arc<TestPayload> b = a.clone();
            race(() -> count(a.intoInner(), returned), () -> count(b.intoInner(), returned));
        }
        assertEquals(ROUNDS, returned.get());
        assertTrue(heap.finish().isEmpty(), () -> heap.violations().toString());
    }

    @Test
    void getMutNeverSucceedsWhileAnUpgradedArcExists() throws Exception {
        LifetimeTracker heap = new LifetimeTracker();
        AtomicInteger aliasing = new AtomicInteger();
        for (int round = 0; round < ROUNDS; round++) {
            Arc<TestPayload> a = Arc.create(heap, new TestPayload());
            Weak<TestPayload> w = a.downgrade();
            @SuppressWarnings("unchecked")
            Arc<TestPayload>[] up = new Arc[1];
            boolean[] mut = new boolean[1];
            race(() -> mut[0] = a.getMut() != null, () -> {
                up[0] = w.upgrade();
                w.drop();
            });
            // getMut can succeed only once the Weak is gone, and the Weak is dropped only after its upgrade made
            // a second Arc, which is still held here: both cannot be true.
            if (mut[0] && up[0] != null) {
                aliasing.incrementAndGet();
            }
            up[0].drop();
            a.drop();
        }
        assertEquals(0, aliasing.get());
        assertTrue(heap.finish().isEmpty(), () -> heap.violations().toString());
    }

    private static void count(TestPayload value, AtomicInteger returned) {
        if (value != null) {
            returned.incrementAndGet();
        }
    }

    private static void race(Runnable first, Runnable second) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        Throwable[] failure = new Throwable[1];
        Thread other = new Thread(() -> {
            try {
                start.await();
                second.run();
            } catch (Throwable t) {
                failure[0] = t;
            }
        });
        other.start();
        start.await();
        first.run();
        other.join();
        if (failure[0] != null) {
            throw new AssertionError(failure[0]);
        }
    }
}
