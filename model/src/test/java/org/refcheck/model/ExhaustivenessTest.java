package org.refcheck.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.refcheck.sync.Joinable;
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

    private static void spawnAll(List<Runnable> bodies) {
        List<Joinable> started = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            started.add(Threads.spawn("t" + (i + 1), bodies.get(i)));
        }
        started.forEach(Joinable::join);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void independentThreadsHaveOneTrace(int k) {
        ModelResult r = explore(() -> {
            List<Runnable> bodies = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                SharedInt own = SharedInt.of("x" + i, 0);
                bodies.add(() -> {
                    own.setVolatile(1);
                    own.getVolatile();
                    own.getAndAdd(1);
                });
            }
            spawnAll(bodies);
        });
        assertEquals(1, r.traces(), r.summary());
    }

    @ParameterizedTest
    @CsvSource({"1,1", "2,2", "3,6", "4,24", "5,120"})
    void writersOfOneCellHaveFactorialTraces(int k, long expected) {
        ModelResult r = explore(() -> {
            SharedInt x = SharedInt.of("x", 0);
            List<Runnable> bodies = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                int value = i + 1;
                bodies.add(() -> x.setVolatile(value));
            }
            spawnAll(bodies);
        });
        assertEquals(expected, r.traces(), r.summary());
    }

    @org.junit.jupiter.api.Test
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

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 8})
    void readersHavePowerOfTwoTraces(int n) {
        ModelResult r = explore(() -> {
            SharedInt x = SharedInt.of("x", 0);
            List<Runnable> bodies = new ArrayList<>();
            bodies.add(() -> x.setVolatile(1));
            for (int i = 0; i < n; i++) {
                bodies.add(x::getVolatile);
            }
            spawnAll(bodies);
        });
        assertEquals(1L << n, r.traces(), r.summary());
    }

    /** lastzero(N): N writers {@code a[j] = a[j-1] + 1}, one reader scanning from the end for a zero. */
    @ParameterizedTest
    @CsvSource({"3,12", "5,64", "8,704", "10,3328"})
    void lastZero(int n, long expected) {
        ModelResult r = explore(() -> {
            SharedInt[] a = new SharedInt[n + 1];
            for (int i = 0; i <= n; i++) {
                a[i] = SharedInt.of("a[" + i + "]", 0);
            }
            List<Runnable> bodies = new ArrayList<>();
            bodies.add(() -> {
                int i = n;
                while (a[i].getAcquire() != 0) {
                    i--;
                }
            });
            for (int j = 1; j <= n; j++) {
                int jj = j;
                bodies.add(() -> a[jj].setRelease(a[jj - 1].getAcquire() + 1));
            }
            spawnAll(bodies);
        });
        System.out.println("lastzero(" + n + "): " + r.summary());
        assertEquals(expected, r.traces(), r.summary());
    }
}
