package org.refcheck.protocols.cdev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.cdev.mutant.NoWaitCallGate;
import org.refcheck.protocols.cdev.mutant.UnfencedPercpuCallGate;

/** Sequential behaviour of the call gates, and a disconnect that really waits for a call on another thread. */
class CallGateTest {

    static List<Function<LifetimeTracker, CallGate>> gates() {
        return List.of(heap -> new LockedCallGate(heap, "dev"), heap -> new PercpuCallGate("dev", 2),
                heap -> new UnfencedPercpuCallGate("dev", 2));
    }

    @ParameterizedTest
    @MethodSource("gates")
    void callsEnterUntilTheDisconnectAndFailAfterIt(Function<LifetimeTracker, CallGate> make) {
        CallGate gate = make.apply(new LifetimeTracker());
        assertTrue(gate.enter(0));
        assertTrue(gate.enter(1), "calls on two CPUs");
        gate.exit(1);
        gate.exit(0);
        gate.disconnect();
        assertFalse(gate.enter(0), "no call enters after the disconnect");
        assertFalse(gate.enter(1));
    }

    @ParameterizedTest
    @MethodSource("gates")
    void callsNest(Function<LifetimeTracker, CallGate> make) {
        CallGate gate = make.apply(new LifetimeTracker());
        assertTrue(gate.enter(0));
        assertTrue(gate.enter(0));
        gate.exit(0);
        gate.exit(0);
        gate.disconnect();
    }

    @ParameterizedTest
    @MethodSource("gates")
    void theDisconnectWaitsForTheCallInFlight(Function<LifetimeTracker, CallGate> make) throws Exception {
        CallGate gate = make.apply(new LifetimeTracker());
        assertTrue(gate.enter(0));
        AtomicBoolean returned = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(1);
        Thread remover = new Thread(() -> {
            started.countDown();
            gate.disconnect();
            returned.set(true);
        });
        remover.start();
        started.await();
        remover.join(100);
        assertFalse(returned.get(), "the disconnect returned with a call in flight");
        gate.exit(0);
        remover.join(TimeUnit.SECONDS.toMillis(10));
        assertTrue(returned.get(), "the disconnect did not return after the last call exited");
    }

    @Test
    void anExitWithoutEnterWarnsAndLeavesTheCountAtZero() {
        LifetimeTracker heap = new LifetimeTracker();
        LockedCallGate gate = new LockedCallGate(heap, "dev");
        gate.exit(0);
        assertEquals(1, heap.warnings().size(), heap.warnings().toString());
        gate.disconnect();   // nothing in flight: returns at once
    }

    @Test
    void theNoWaitMutantReturnsWithTheCallInFlight() {
        NoWaitCallGate gate = new NoWaitCallGate(new LifetimeTracker(), "dev");
        assertTrue(gate.enter(0));
        gate.disconnect();   // returns although a call is in flight
        assertFalse(gate.enter(0));
        gate.exit(0);
    }
}
