package org.refcheck.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.model.rt.FailureKind;
import org.refcheck.sync.Joinable;
import org.refcheck.sync.Mutex;
import org.refcheck.sync.SharedInt;
import org.refcheck.sync.Threads;

/** Each oracle fires on a program that has its bug, with a counterexample that replays, and not on its fix. */
class OraclesTest {

    /** Two threads drop a shared count; the one that sees 1 frees. {@code racy} reads then writes. */
    private static Runnable dropDrop(boolean racy) {
        return () -> {
            LifetimeTracker heap = new LifetimeTracker();
            Allocation obj = heap.allocate("obj");
            SharedInt count = SharedInt.of("count", 2);
            Runnable drop = () -> {
                obj.access();
                boolean last;
                if (racy) {
                    int c = count.getAcquire();
                    count.setRelease(c - 1);
                    last = c == 1;
                } else {
                    last = count.getAndAddRelease(-1) == 1;
                }
                if (last) {
                    obj.free();
                }
            };
            Joinable t = Threads.spawn("dropper", drop);
            drop.run();
            t.join();
        };
    }

    @Test
    void correctDropIsVerifiedExhaustively() {
        ModelResult r = Model.check(dropDrop(false)).assertPassed();
        assertTrue(r.exhaustive());
        assertEquals(2, r.traces(), r.summary());
    }

    @Test
    void racyDropLeaksAndTheCounterexampleReplays() {
        ModelResult r = Model.check(dropDrop(true));
        Counterexample cx = r.assertFailed();
        assertEquals(FailureKind.LIFETIME, cx.failure().kind());
        assertTrue(cx.replayed(), "the schedule must reproduce the failure");
        assertTrue(cx.schedule().switches() <= 2, "one preemption suffices, so the shown trace has at most two "
                + "context switches: " + cx.schedule());
        assertTrue(cx.failure().message().contains("leak") || cx.failure().message().contains("free"),
                cx.failure().message());
        ModelResult again = Model.builder().replay(cx.schedule().encode()).check(dropDrop(true));
        assertEquals(cx.failure().kind(), again.assertFailed().failure().kind());
        assertEquals(1, again.executions());
        String text = cx.render();
        assertTrue(text.contains("main") && text.contains("dropper") && text.contains("count."), text);
        assertTrue(text.contains("OraclesTest.java:"), "events carry source lines: " + text);
        assertTrue(cx.toJson().startsWith("{\"failure\":"), cx.toJson());
    }

    @Test
    void useAfterFreeIsFound() {
        Counterexample cx = Model.check(() -> {
            LifetimeTracker heap = new LifetimeTracker();
            Allocation obj = heap.allocate("obj");
            Joinable t = Threads.spawn("freer", obj::free);
            obj.access();
            t.join();
        }).assertFailed();
        assertTrue(cx.failure().message().startsWith("use after free of obj"), cx.failure().message());
    }

    @Test
    void exceptionInASpawnedThreadIsAFailure() {
        Counterexample cx = Model.check(() -> {
            SharedInt x = SharedInt.of("x", 0);
            Joinable t = Threads.spawn("checker", () -> {
                if (x.getVolatile() == 1) {
                    throw new AssertionError("saw the write");
                }
            });
            x.setVolatile(1);
            t.join();
        }).assertFailed();
        assertEquals(FailureKind.EXCEPTION, cx.failure().kind());
        assertTrue(cx.failure().message().contains("checker threw java.lang.AssertionError: saw the write"),
                cx.failure().message());
    }

    @Test
    void lockOrderInversionDeadlocksAndNamesTheWaiters() {
        Counterexample cx = Model.check(() -> {
            Mutex a = Mutex.create("A");
            Mutex b = Mutex.create("B");
            Joinable t = Threads.spawn("second", () -> {
                try (Mutex.Guard gb = b.lock(); Mutex.Guard ga = a.lock()) {
                    // both held
                }
            });
            try (Mutex.Guard ga = a.lock(); Mutex.Guard gb = b.lock()) {
                // both held
            }
            t.join();
        }).assertFailed();
        assertEquals(FailureKind.DEADLOCK, cx.failure().kind());
        String m = cx.failure().message();
        assertTrue(m.contains("main waits for B held by second") && m.contains("second waits for A held by main"), m);
    }

    @Test
    void consistentLockOrderIsVerifiedWithBothAcquisitionOrders() {
        AtomicInteger firstHolder = new AtomicInteger();
        ModelResult r = Model.check(() -> {
            Mutex a = Mutex.create("A");
            SharedInt x = SharedInt.of("x", 0);
            Joinable t = Threads.spawn("second", () -> {
                try (Mutex.Guard g = a.lock()) {
                    x.setPlain(x.getPlain() + 1);
                }
            });
            try (Mutex.Guard g = a.lock()) {
                x.setPlain(x.getPlain() + 1);
            }
            t.join();
            if (x.getPlain() != 2) {
                throw new AssertionError("lost update under a mutex");
            }
        }).assertPassed();
        assertEquals(2, r.traces(), "both orders of acquiring the mutex, and nothing else: " + r.summary());
    }

    @Test
    void selfDeadlockOnANonReentrantMutex() {
        Counterexample cx = Model.check(() -> {
            Mutex m = Mutex.create("M");
            try (Mutex.Guard outer = m.lock(); Mutex.Guard inner = m.lock()) {
                // unreachable
            }
        }).assertFailed();
        assertEquals(FailureKind.DEADLOCK, cx.failure().kind());
    }

    @Test
    void runawayLoopIsAPossibleLivelockNotAPass() {
        Counterexample cx = Model.builder().maxSteps(200).check(() -> {
            SharedInt flag = SharedInt.of("flag", 0);
            while (flag.getVolatile() == 0) {
                // nobody will ever set it
            }
        }).assertFailed();
        assertEquals(FailureKind.STEP_BOUND, cx.failure().kind());
    }

    @Test
    void spinWaitingForAThreadThatNeverWritesIsReported() {
        Counterexample cx = Model.check(() -> {
            SharedInt flag = SharedInt.of("flag", 0);
            while (flag.getVolatile() == 0) {
                Threads.onSpinWait();
            }
        }).assertFailed();
        assertEquals(FailureKind.DEADLOCK, cx.failure().kind());
        assertTrue(cx.failure().message().contains("spins"), cx.failure().message());
    }

    @Test
    void spinWaitingForAWriterTerminates() {
        ModelResult r = Model.check(() -> {
            SharedInt flag = SharedInt.of("flag", 0);
            Joinable t = Threads.spawn("setter", () -> flag.setRelease(1));
            while (flag.getAcquire() == 0) {
                Threads.onSpinWait();
            }
            t.join();
        }).assertPassed();
        assertTrue(r.exhaustive(), r.summary());
    }

    @Test
    void endOfExecutionPredicates() {
        Counterexample cx = Model.builder().atEnd(() -> {
            throw new AssertionError("always false");
        }).check(() -> SharedInt.of("x", 0).getPlain()).assertFailed();
        assertEquals(FailureKind.PREDICATE, cx.failure().kind());
    }

    @Test
    void aTestThatDependsOnSomethingBesidesTheScheduleIsNonDeterministic() {
        AtomicInteger runs = new AtomicInteger();
        Counterexample cx = Model.check(() -> {
            SharedInt x = SharedInt.of("x", 0);
            SharedInt y = SharedInt.of("y", 0);
            SharedInt z = SharedInt.of("z", 0);
            Joinable t = Threads.spawn("writer", () -> x.setVolatile(1));
            if (runs.incrementAndGet() % 2 == 0) {
                y.getVolatile();   // depends on a counter outside the model, not on the schedule
            } else {
                z.getVolatile();
            }
            x.getVolatile();
            t.join();
        }).assertFailed();
        assertEquals(FailureKind.NONDETERMINISM, cx.failure().kind());
    }

    @Test
    void leaksAreFoundAtTheEndAndCanBeSwitchedOff() {
        Runnable leaky = () -> new LifetimeTracker().allocate("kept");
        assertTrue(Model.check(leaky).assertFailed().failure().message().startsWith("leak of kept"));
        assertFalse(Model.builder().checkLeaks(false).check(leaky).failed());
    }

    @Test
    void facadeObjectsCannotBeUsedFromUncontrolledThreads() throws Exception {
        SharedInt[] escaped = new SharedInt[1];
        Model.builder().checkLeaks(false).check(() -> escaped[0] = SharedInt.of("x", 0));
        Thread outsider = new Thread(() -> assertThrows(IllegalStateException.class, escaped[0]::getVolatile));
        outsider.start();
        outsider.join();
        assertNotNull(escaped[0]);
    }

    @Test
    void randomAndPctStrategiesFindTheRacyDrop() {
        assertTrue(Model.builder().strategy(Model.Strategy.RANDOM).iterations(500).seed(1).check(dropDrop(true))
                .failed());
        assertTrue(Model.builder().strategy(Model.Strategy.PCT).iterations(500).seed(1).check(dropDrop(true))
                .failed());
        assertFalse(Model.builder().strategy(Model.Strategy.RANDOM).iterations(200).check(dropDrop(false)).failed());
    }

    @Test
    void preemptionBoundZeroMissesWhatNeedsAPreemption() {
        ModelResult bounded = Model.builder().maxPreemptions(0).check(dropDrop(true));
        assertFalse(bounded.exhaustive());
        ModelResult unbounded = Model.check(dropDrop(true));
        assertTrue(unbounded.failed());
    }

    /**
     * A wait loop that reads two cells before it spins: the other thread may write both between the loop's first
     * read and its spin, which must still wake it (a spin waits for writes since its iteration began).
     */
    @Test
    void aWriteBetweenTheLoopsReadsAndItsSpinIsNotLost() {
        ModelResult r = Model.check(() -> {
            SharedInt x = SharedInt.of("x", 0);
            SharedInt y = SharedInt.of("y", 0);
            Joinable setter = Threads.spawn("setter", () -> {
                x.setRelease(1);
                y.setRelease(1);
            });
            while (!(x.getAcquire() == 1 & y.getAcquire() == 1)) {
                Threads.onSpinWait();
            }
            setter.join();
        }).assertPassed();
        assertTrue(r.exhaustive(), r.summary());
    }
}
