package org.refcheck.stress.selfcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jetbrains.lincheck.Lincheck;
import org.jetbrains.lincheck.datastructures.Operation;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.AllocationState;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.stress.lincheck.ConcurrentRun;
import org.refcheck.stress.lincheck.InvocationCounter;
import org.refcheck.stress.lincheck.LincheckSizes;
import org.refcheck.stress.lincheck.LincheckVerdicts;
import org.refcheck.sync.Mutex;
import org.refcheck.sync.SharedInt;

/**
 * Self-checks of the Lincheck harness on the facade itself: the facade mutex excludes, the lifetime tracker's
 * violations reach the main thread, and two canaries (a racy check-then-free under {@code runConcurrentTest}, a racy
 * increment under model checking) must be caught, so that a Lincheck run that catches nothing cannot pass unnoticed.
 */
@Tag("lincheck")
class FacadeLincheckTest {

    /*
     * The facade mutex is a java.util.concurrent Semaphore, whose AQS internals Lincheck explores as well (about
     * 20 ms per invocation); a tenth of the configured budget still covers every interleaving with few context
     * switches, which is where a broken mutex or a lost violation would show. -Pfull scales this too.
     */
    private static final int MUTEX_INVOCATIONS = Math.max(100, LincheckSizes.invocations() / 10);
    private static final int MODEL_CHECKING_ITERATIONS = Math.max(2, LincheckSizes.iterations() / 4);

    @Test
    void mutexExcludesTwoIncrements() {
        var o = LincheckVerdicts.selfCheckPasses("facade-mutex-exclusion",
                () -> Lincheck.runConcurrentTest(MUTEX_INVOCATIONS, () -> {
                    LifetimeTracker heap = new LifetimeTracker();
                    Mutex lock = Mutex.create("counter lock");
                    SharedInt counter = SharedInt.of("counter", 0);
                    Runnable increment = () -> {
                        try (Mutex.Guard held = lock.lock()) {
                            counter.setPlain(counter.getPlain() + 1);
                        }
                    };
                    ConcurrentRun.inThreads(heap, increment, increment);
                    assertEquals(2, counter.getPlain(), "an increment under the mutex was lost");
                }));
        assertTrue(o.invocations() > 0, "the invocation counter saw no invocation");
    }

    @Test
    void racyCheckThenFreeIsCaught() {
        var o = LincheckVerdicts.selfCheckCaught("check-then-free-race",
                () -> Lincheck.runConcurrentTest(LincheckSizes.invocations(), () -> {
                    LifetimeTracker heap = new LifetimeTracker();
                    Allocation block = heap.allocate("block");
                    Runnable freeIfLive = () -> {
                        if (block.state() == AllocationState.LIVE) {
                            block.free();
                        }
                    };
                    ConcurrentRun.inThreads(heap, freeIfLive, freeIfLive);
                }));
        assertTrue(o.failureText().contains("double free"), "the failure does not name the double free:\n"
                + o.failureText());
    }

    @Test
    void checkThenFreeUnderMutexPasses() {
        LincheckVerdicts.selfCheckPasses("check-then-free-under-mutex",
                () -> Lincheck.runConcurrentTest(MUTEX_INVOCATIONS, () -> {
                    LifetimeTracker heap = new LifetimeTracker();
                    Allocation block = heap.allocate("block");
                    Mutex lock = Mutex.create("block lock");
                    Runnable freeIfLive = () -> {
                        try (Mutex.Guard held = lock.lock()) {
                            if (block.state() == AllocationState.LIVE) {
                                block.free();
                            }
                        }
                    };
                    ConcurrentRun.inThreads(heap, freeIfLive, freeIfLive);
                }));
    }

    @Test
    void racyIncrementIsCaughtByModelChecking() {
        var o = LincheckVerdicts.selfCheckCaught("racy-increment-model-checking",
                () -> LincheckSizes.modelChecking().iterations(MODEL_CHECKING_ITERATIONS)
                        .threads(2).actorsPerThread(2).actorsBefore(0).actorsAfter(0)
                        .sequentialSpecification(CounterSpec.class)
                        .check(RacyCounterOps.class));
        assertEquals("IncorrectResultsFailure", o.failureKind());
        assertTrue(o.invocations() > 0, "the invocation counter saw no invocation");
    }

    @Test
    void casIncrementPassesModelChecking() {
        LincheckVerdicts.selfCheckPasses("cas-increment-model-checking",
                () -> LincheckSizes.modelChecking().iterations(MODEL_CHECKING_ITERATIONS)
                        .threads(2).actorsPerThread(2).actorsBefore(0).actorsAfter(0)
                        .sequentialSpecification(CounterSpec.class)
                        .check(CasCounterOps.class));
    }

    /** An increment as a plain read and write: two threads can both read 0 and both return 1. */
    public static class RacyCounterOps {
        private final SharedInt count = SharedInt.of("count", 0);

        public RacyCounterOps() {
            InvocationCounter.tick();
        }

        @Operation
        public int increment() {
            int next = count.getVolatile() + 1;
            count.setVolatile(next);
            return next;
        }
    }

    /** An increment as a CAS loop. */
    public static class CasCounterOps {
        private final SharedInt count = SharedInt.of("count", 0);

        public CasCounterOps() {
            InvocationCounter.tick();
        }

        @Operation
        public int increment() {
            while (true) {
                int current = count.getVolatile();
                if (count.compareAndSet(current, current + 1)) {
                    return current + 1;
                }
            }
        }
    }

    /** The sequential specification of both counters. */
    public static class CounterSpec {
        private int count;

        public int increment() {
            return ++count;
        }
    }
}
