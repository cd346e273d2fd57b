package org.refcheck.stress.kref;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.refcheck.stress.ActorOrders;

/**
 * The kref family's jcstress tests outside jcstress: the lookup tables with their actors one after the other in each
 * order (a sequential lookup never meets a dying entry, so every pattern and mutant is clean), and the hand-off on
 * two threads (its actors wait for each other).
 */
class KrefFamilyOrdersTest {

    private static final List<Class<?>> TABLE_TESTS = List.of(
            KrefTableMutexTests.LockedPut.class, KrefTableMutexTests.UnlockedPut.class,
            KrefTableUnlessZeroTests.GetInsideLock.class, KrefTableUnlessZeroTests.GetOutsideLock.class,
            KrefTablePutMutexTest.class);

    @Test
    void aLookupBeforeTheLastPutGetsTheEntryAndItsPutFreesIt() {
        for (Class<?> t : TABLE_TESTS) {
            String outcome = ActorOrders.sequential(t, "lookup", "lastPut");
            assertEquals("true, clean", outcome, t.getSimpleName());
            assertEquals(ACCEPTABLE, ActorOrders.grade(t, outcome), t.getSimpleName());
        }
    }

    @Test
    void aLookupAfterTheLastPutFindsNothing() {
        for (Class<?> t : TABLE_TESTS) {
            String outcome = ActorOrders.sequential(t, "lastPut", "lookup");
            assertEquals("false, clean", outcome, t.getSimpleName());
            assertEquals(ACCEPTABLE, ActorOrders.grade(t, outcome), t.getSimpleName());
        }
    }

    @Test
    void anEntryLeftInTheTableIsForbiddenForEveryPattern() {
        for (Class<?> t : TABLE_TESTS) {
            assertEquals(FORBIDDEN, ActorOrders.grade(t, "false, " + LookupVsLastPut.STILL_LINKED), t.getSimpleName());
        }
    }

    @Test
    void theHandOffWithTheGetFirstIsClean() throws InterruptedException {
        Class<?> t = KrefHandoffTests.GetBeforeHandoff.class;
        for (int i = 0; i < 20; i++) {
            String outcome = ActorOrders.concurrent(t, "creator", "worker");
            assertEquals("clean", outcome);
            assertEquals(ACCEPTABLE, ActorOrders.grade(t, outcome));
        }
    }

    @Test
    void theLateGetNeverShowsAnOutcomeItsTestForbids() throws InterruptedException {
        Class<?> t = KrefHandoffTests.GetAfterHandoff.class;
        for (int i = 0; i < 20; i++) {
            String outcome = ActorOrders.concurrent(t, "creator", "worker");
            assertNotEquals(FORBIDDEN, ActorOrders.grade(t, outcome), outcome);
        }
    }
}
