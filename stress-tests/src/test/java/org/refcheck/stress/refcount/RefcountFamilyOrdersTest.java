package org.refcheck.stress.refcount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;

import org.junit.jupiter.api.Test;
import org.openjdk.jcstress.annotations.Expect;
import org.refcheck.stress.ActorOrders;

/**
 * The refcount family's jcstress tests, with their actors run one after the other in each order: the outcome is the
 * one the test declares for that order, graded as declared. The mutants whose bug needs no overlap (B1, B3) show it
 * here too; B11 needs the overlap and stays clean.
 */
class RefcountFamilyOrdersTest {

    private static void assertOrder(Class<?> test, String expected, Expect grade, String... actors) {
        String outcome = ActorOrders.sequential(test, actors);
        assertEquals(expected, outcome, test.getSimpleName() + " " + String.join(" then ", actors));
        assertEquals(grade, ActorOrders.grade(test, outcome), test.getSimpleName() + " grades '" + outcome + "'");
    }

    @Test
    void incNotZeroEitherKeepsTheObjectOrIsRefused() {
        Class<?> t = RefcountIncNotZeroVsDecAndTestTest.class;
        assertOrder(t, "true, clean", ACCEPTABLE, "lookup", "lastPut");
        assertOrder(t, "false, clean", ACCEPTABLE, "lastPut", "lookup");
    }

    @Test
    void saturationTurnsLeakedIncrementsIntoALeakInEitherOrder() {
        Class<?> t = RefcountLeakedIncrementsTests.Saturating.class;
        assertOrder(t, "-2, leak", ACCEPTABLE, "leakyErrorPath", "holder");
        assertOrder(t, "-2, leak", ACCEPTABLE, "holder", "leakyErrorPath");
    }

    @Test
    void anUnsaturatedCounterWrapsThroughZeroInEitherOrder() {
        Class<?> t = RefcountLeakedIncrementsTests.Wrapping.class;
        assertOrder(t, "0, resurrection", ACCEPTABLE_INTERESTING, "leakyErrorPath", "holder");
        assertOrder(t, "0, resurrection", ACCEPTABLE_INTERESTING, "holder", "leakyErrorPath");
    }

    @Test
    void theGuardedSubAndTestRefusesZeroAndWarns() {
        Class<?> t = RefcountSubZeroVsLastPutTests.Guarded.class;
        assertOrder(t, "false, false, clean", ACCEPTABLE, "subtractZero", "lastPut");
        assertOrder(t, "false, true, clean", ACCEPTABLE, "lastPut", "subtractZero");
    }

    @Test
    void theUnguardedSubAndTestFreesTwiceAfterTheLastPut() {
        Class<?> t = RefcountSubZeroVsLastPutTests.Unguarded.class;
        assertOrder(t, "false, false, clean", ACCEPTABLE, "subtractZero", "lastPut");
        assertOrder(t, "true, false, double free", ACCEPTABLE_INTERESTING, "lastPut", "subtractZero");
    }

    @Test
    void sequentialDropsFreeOnceWithOrWithoutTheTouchAfterDecrement() {
        for (Class<?> t : new Class<?>[] {RefDropVsDropTests.Correct.class, RefDropVsDropTests.TouchAfterDec.class}) {
            assertOrder(t, "true, clean", ACCEPTABLE, "dropFirst", "dropSecond");
            assertOrder(t, "true, clean", ACCEPTABLE, "dropSecond", "dropFirst");
        }
    }

    @Test
    void tryCloneEitherKeepsTheValueOrIsRefused() {
        Class<?> t = RefTryCloneVsLastDropTest.class;
        assertOrder(t, "true, clean", ACCEPTABLE, "tryClone", "lastDrop");
        assertOrder(t, "false, clean", ACCEPTABLE, "lastDrop", "tryClone");
    }
}
