package org.refcheck.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.refcheck.model.bench.Families;
import org.refcheck.sync.SharedInt;
import org.refcheck.sync.Threads;

/**
 * Exhaustiveness is proven, not claimed: on program families whose number of Mazurkiewicz traces is known, the
 * exploration must run exactly that many executions, none of them wasted in a sleep set.
 */
class ExhaustivenessTest {

    private static ModelResult explore(Runnable body) {
        ModelResult r = Model.builder().strategy(Model.Strategy.EXHAUSTIVE).maxPreemptions(-1).check(body);
        r.assertPassed();
        assertTrue(r.exhaustive(), r.summary());
        assertEquals(0, r.sleepBlocked(), "optimal exploration never ends in a sleep set: " + r.summary());
        assertEquals(r.executions(), r.traces(), r.summary());
        return r;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void independentThreadsHaveOneTrace(int k) {
        assertEquals(1, explore(Families.independent(k)).traces());
    }

    @ParameterizedTest
    @CsvSource({"1,1", "2,2", "3,6", "4,24", "5,120"})
    void writersOfOneCellHaveFactorialTraces(int k, long expected) {
        assertEquals(expected, explore(Families.writers(k)).traces());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 8})
    void readersHavePowerOfTwoTraces(int n) {
        assertEquals(1L << n, explore(Families.readers(n)).traces());
    }

    @ParameterizedTest
    @CsvSource({"3,12", "5,64", "8,704", "10,3328"})
    void lastZero(int n, long expected) {
        assertEquals(expected, explore(Families.lastZero(n)).traces());
    }

    @ParameterizedTest
    @CsvSource({"2,1,20", "3,1,1680", "2,2,252", "4,0,24"})
    void refcountFamilyHasTheMultinomialNumberOfTraces(int threads, int ops, long expected) {
        assertEquals(expected, Families.refcountTraces(threads, ops));
        assertEquals(expected, explore(Families.refcount(threads, ops)).traces());
    }

    /**
     * casrot(N): a compare-and-set that failed is a read, and one that may succeed once reordered is planned as a
     * write only where it is reordered, so each class is explored exactly once (the values the compare-and-sets
     * found name the class, and are all different).
     */
    @ParameterizedTest
    @CsvSource({"2,2", "3,5", "4,14", "5,43", "6,144", "7,523"})
    void casRotation(int n, long expected) {
        Set<String> seen = new HashSet<>();
        assertEquals(expected, explore(Families.casRotation(n, seen::add)).traces());
        assertEquals(expected, seen.size());
    }

    /**
     * refcount(NT, OPS) with counter operations that declare what they observe: value-aware commutation leaves a
     * handful of executions where plain Mazurkiewicz equivalence has the multinomial (756,756 for (3,2)), and
     * every one of the NT outcomes (which thread's drop frees) is still reached.
     */
    @ParameterizedTest
    @CsvSource({"2,1,3", "3,1,11", "2,2,3", "3,2,11", "4,2,49", "3,3,11"})
    void refcountWithObservingCounterOperationsCollapses(int threads, int ops, long executions) {
        Set<String> freers = new HashSet<>();
        ModelResult r = explore(Families.refcountObserving(threads, ops, freers::add));
        assertEquals(executions, r.executions(), r.summary());
        assertEquals(threads, freers.size(), "every thread is the last dropper in some execution: " + freers);
    }

    @ParameterizedTest
    @CsvSource({"2,1", "3,1", "2,2"})
    void withoutCommutationObservingAddsKeepTheMultinomial(int threads, int ops) {
        ModelResult r = Model.builder().commuteAdditions(false)
                .check(Families.refcountObserving(threads, ops, freer -> { }));
        r.assertPassed();
        assertEquals(Families.refcountTraces(threads, ops), r.traces(), r.summary());
        assertEquals(r.executions(), r.traces(), r.summary());
    }

    @Test
    void aSpawnOrdersTheSpawnersEarlierEventsBeforeTheChild() {
        ModelResult r = explore(() -> {
            SharedInt x = SharedInt.of("x", 0);
            x.setVolatile(1);
            Threads.spawn("child", () -> x.setVolatile(2)).join();
            x.setVolatile(3);
        });
        assertEquals(1, r.traces(), "spawn and join order every access here: " + r.summary());
        assertEquals(1, r.executions(), r.summary());
    }
}
