package org.refcheck.stress.lincheck;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.LifetimeTracker;

/** The main-thread assertions of {@link ConcurrentRun}, without Lincheck. */
class ConcurrentRunTest {

    @Test
    void anActorsFailureIsRethrownOnTheCallingThread() {
        LifetimeTracker heap = new LifetimeTracker();
        AssertionError e = assertThrows(AssertionError.class, () -> ConcurrentRun.inThreads(heap,
                () -> { },
                () -> {
                    throw new IllegalStateException("boom in the reader");
                }));
        assertTrue(e.getMessage().startsWith("actor-2 threw"), e.getMessage());
        assertEquals("boom in the reader", e.getCause().getMessage());
    }

    @Test
    void aViolationInAnActorFailsOnTheCallingThread() {
        LifetimeTracker heap = new LifetimeTracker();
        Allocation block = heap.allocate("block");
        AssertionError e = assertThrows(AssertionError.class,
                () -> ConcurrentRun.inThreads(heap, block::free, block::free));
        assertTrue(e.getMessage().contains("double free of block"), e.getMessage());
    }

    @Test
    void theLastFailureIsKeptForAReportThatCrashes() {
        ConcurrentRun.clearLastFailure();
        assertEquals("", ConcurrentRun.lastFailure());
        LifetimeTracker heap = new LifetimeTracker();
        Allocation block = heap.allocate("block");
        AssertionError e = assertThrows(AssertionError.class,
                () -> ConcurrentRun.inThreads(heap, block::free, block::free));
        assertEquals(e.getMessage(), ConcurrentRun.lastFailure());
        ConcurrentRun.clearLastFailure();
    }

    @Test
    void aLeakFailsUnlessTheLeakCheckIsOff() {
        LifetimeTracker leaky = new LifetimeTracker();
        Allocation kept = leaky.allocate("kept");
        AssertionError e = assertThrows(AssertionError.class, () -> ConcurrentRun.inThreads(leaky, kept::access));
        assertTrue(e.getMessage().contains("leak of kept"), e.getMessage());

        LifetimeTracker other = new LifetimeTracker();
        Allocation alsoKept = other.allocate("kept");
        assertDoesNotThrow(() -> ConcurrentRun.inThreadsNoLeakCheck(other, alsoKept::access));
    }

    @Test
    void aCleanRunPassesAndCountsOneInvocation() {
        long before = InvocationCounter.read();
        LifetimeTracker heap = new LifetimeTracker();
        Allocation block = heap.allocate("block");
        assertDoesNotThrow(() -> ConcurrentRun.inThreadsNoLeakCheck(heap, block::access, block::access));
        block.free();
        assertEquals(java.util.List.of(), heap.finish());
        assertEquals(before + 1, InvocationCounter.read());
    }
}
