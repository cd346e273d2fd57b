package org.refcheck.stress.cdev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;

import org.junit.jupiter.api.Test;
import org.refcheck.stress.ActorOrders;
import org.refcheck.stress.debugfs.DebugfsReadVsTeardownTest;
import org.refcheck.stress.devres.DevresCallVsUnbindTests;

/**
 * The device family's jcstress tests outside jcstress, their two actors one after the other: the outcome each order
 * produces is the id the test declares for it, graded as intended (a typo in an id would send it to the default).
 */
class DeviceFamilyOrdersTest {

    @Test
    void aCallBeforeTheDisconnectRunsAndOneAfterIsRefused() {
        for (Class<?> t : new Class<?>[] {CdevCallVsDisconnectTests.Locked.class, CdevCallVsDisconnectTests.NoWait.class,
            CdevPercpuStoreBufferingTests.Fenced.class, CdevPercpuStoreBufferingTests.Unfenced.class}) {
            String before = ActorOrders.sequential(t, "user", "disconnect");
            assertEquals("called, drained, clean", before, t.getSimpleName());
            assertEquals(ACCEPTABLE, ActorOrders.grade(t, before), t.getSimpleName());
            String after = ActorOrders.sequential(t, "disconnect", "user");
            assertEquals("refused, drained, clean", after, t.getSimpleName());
            assertEquals(ACCEPTABLE, ActorOrders.grade(t, after), t.getSimpleName());
        }
    }

    @Test
    void devmStateIsFreedUnderAFileClosedAfterTheDisconnect() {
        Class<?> t = CdevCallVsDisconnectTests.DevmState.class;
        assertEquals(ACCEPTABLE, ActorOrders.grade(t, ActorOrders.sequential(t, "user", "disconnect")));
        String late = ActorOrders.sequential(t, "disconnect", "user");
        assertEquals("refused, drained, use after free", late);
        assertEquals(ACCEPTABLE_INTERESTING, ActorOrders.grade(t, late));
    }

    @Test
    void aDebugfsReadBeforeTheTeardownRunsAndOneAfterFailsWithEio() {
        Class<?> t = DebugfsReadVsTeardownTest.class;
        assertEquals("read, clean", ActorOrders.sequential(t, "read", "teardown"));
        assertEquals("refused, clean", ActorOrders.sequential(t, "teardown", "read"));
        assertEquals(ACCEPTABLE, ActorOrders.grade(t, "refused, clean"));
    }

    @Test
    void devresUnbindsLastInFirstOutAndTheFifoMutantAlwaysUsesTheFreedState() {
        Class<?> lifo = DevresCallVsUnbindTests.Lifo.class;
        assertEquals("called, clean", ActorOrders.sequential(lifo, "user", "unbind"));
        assertEquals("unregistered, clean", ActorOrders.sequential(lifo, "unbind", "user"));
        assertEquals(ACCEPTABLE, ActorOrders.grade(lifo, "unregistered, clean"));
        Class<?> fifo = DevresCallVsUnbindTests.Fifo.class;
        for (String[] order : new String[][] {{"user", "unbind"}, {"unbind", "user"}}) {
            String outcome = ActorOrders.sequential(fifo, order);
            assertEquals(ACCEPTABLE_INTERESTING, ActorOrders.grade(fifo, outcome), outcome);
        }
    }
}
