package org.refcheck.benchmarks.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.refcheck.benchmarks.cdev.CallGateVsLocks;
import org.refcheck.benchmarks.facade.FacadeVsVarHandle;
import org.refcheck.benchmarks.refcount.AtomicIntegerCounted;
import org.refcheck.benchmarks.refcount.RefcountVsAtomicInteger;

/** Each benchmark body once, outside JMH: the pairs compute the same thing, and nothing is left unbalanced. */
class BenchmarkBodiesTest {

    @Test
    void facadeAndVarHandleTwinsDoTheSame() {
        FacadeVsVarHandle b = new FacadeVsVarHandle();
        assertEquals(0, b.getAndAdd());
        assertEquals(0, b.getAndAddVarHandle());
        assertEquals(1, b.getAcquire());
        assertEquals(1, b.getAcquireVarHandle());
        assertTrue(b.compareAndSet());
        assertTrue(b.compareAndSetVarHandle());
        b.setRelease();
        b.setReleaseVarHandle();
        assertEquals(1, b.getAcquire());
        assertEquals(1, b.getAcquireVarHandle());
        Object first = b.getAndSetRef();
        assertTrue(b.getAndSetRef() != first);
        b.fullFence();
        b.fullFenceVarHandle();
    }

    @Test
    void refcountPairsLeaveTheCountAsTheyFoundIt() {
        RefcountVsAtomicInteger b = new RefcountVsAtomicInteger();
        for (int i = 0; i < 3; i++) {
            assertEquals("payload", b.refCloneDrop());
            assertEquals("payload", b.arcCloneDrop());
            assertEquals("payload", b.arcUpgradeDrop());
            assertEquals("payload", b.atomicCloneDrop());
            assertEquals("payload", b.atomicUpgradeDrop());
        }
    }

    @Test
    void atomicBaselineFreesAtZeroAndRefusesToUpgradeThen() {
        AtomicIntegerCounted<String> c = new AtomicIntegerCounted<>("v");
        assertTrue(c.tryRetain());
        c.release();
        c.release();
        assertEquals(null, c.get());
        assertFalse(c.tryRetain());
    }

    @Test
    void everyGateLetsACallInAndOut() {
        CallGateVsLocks b = new CallGateVsLocks();
        CallGateVsLocks.Cpu cpu = new CallGateVsLocks.Cpu();
        cpu.pick(b);
        for (int i = 0; i < 3; i++) {
            assertTrue(b.percpuGate(cpu));
            assertTrue(b.lockedGate());
            assertTrue(b.semaphore());
            assertTrue(b.readWriteLock());
        }
    }
}
