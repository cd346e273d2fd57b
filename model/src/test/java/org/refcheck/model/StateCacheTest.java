package org.refcheck.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.model.bench.Families;
import org.refcheck.sync.SharedInt;
import org.refcheck.sync.SharedRef;

/**
 * The optional state cache merges equal states reached by different schedules, and must reach exactly the final
 * states and violations that brute-force enumeration of every interleaving reaches.
 */
class StateCacheTest {

    @ParameterizedTest
    @CsvSource({"2,1", "3,1", "2,2"})
    void refcountFamilyMergesStatesAndStillPasses(int threads, int ops) {
        ModelResult r = Model.builder().stateCache(Model.StateCache.POSITIONS).check(Families.refcount(threads, ops));
        r.assertPassed();
        assertTrue(r.exhaustive(), r.summary());
        assertTrue(r.mergedStates() > 0, r.summary());
        assertTrue(r.traces() < Families.refcountTraces(threads, ops), "merged schedules end early: " + r.summary());
    }

    @Test
    void aStateHoldingAnObjectWithoutStableIdentityIsNeverMerged() {
        ModelResult r = Model.builder().stateCache(Model.StateCache.OBSERVATIONS).check(() -> {
            SharedRef<Object> box = SharedRef.of("box", new Object());
            Families.spawnAll(List.of(() -> box.setVolatile(new Object()), () -> box.getVolatile()));
        }).assertPassed();
        assertEquals(0, r.mergedStates(), r.summary());
    }

    /**
     * A random program over two cells and one allocation, whose threads keep no hidden local state: they branch on
     * what they read, and a taken branch writes a mark cell of its own, so the operations a thread performed say
     * where it is; what they do shows only in the cells and the allocation. {@code kind}: 0 read and branch, 1
     * store, 2 add, 3 free when a cell is zero, 4 access.
     */
    private static Supplier<String> program(long seed) {
        Random random = new Random(seed);
        int threads = 2 + random.nextInt(2);
        List<int[]> ops = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int n = 1 + random.nextInt(threads == 3 ? 2 : 4);
            for (int i = 0; i < n; i++) {
                ops.add(new int[] {t, random.nextInt(5), random.nextInt(2), random.nextInt(2)});
            }
        }
        return () -> {
            LifetimeTracker heap = new LifetimeTracker();
            Allocation obj = heap.allocate("obj");
            SharedInt[] cells = {SharedInt.of("c0", 0), SharedInt.of("c1", 1)};
            List<SharedInt> marks = new ArrayList<>();
            for (int i = 0; i < ops.size(); i++) {
                marks.add(SharedInt.of("mark" + i, 0));
            }
            List<Runnable> bodies = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                bodies.add(() -> {
                    for (int i = 0; i < ops.size(); i++) {
                        int[] op = ops.get(i);
                        if (op[0] != thread) {
                            continue;
                        }
                        SharedInt c = cells[op[2]];
                        switch (op[1]) {
                            case 0 -> {
                                if (c.getAcquire() == op[3]) {
                                    marks.get(i).setOpaque(1);
                                }
                            }
                            case 1 -> c.setRelease(op[3]);
                            case 2 -> c.getAndAdd(1);
                            case 3 -> {
                                if (c.getVolatile() == 0) {
                                    obj.free();
                                }
                            }
                            default -> obj.access();
                        }
                    }
                });
            }
            Families.spawnAll(bodies);
            StringBuilder marked = new StringBuilder();
            for (SharedInt m : marks) {
                marked.append(m.getPlain());
            }
            return "c0=" + cells[0].getPlain() + " c1=" + cells[1].getPlain() + " marks " + marked + " obj "
                    + obj.state();
        };
    }

    @ParameterizedTest
    @MethodSource("org.refcheck.model.ReductionPreservesOutcomesTest#seeds")
    void theCacheReachesEveryFinalStateAndViolationOfEveryInterleaving(long seed) {
        Supplier<String> body = program(seed);
        Set<String> naive = outcomes(body, Model.builder().strategy(Model.Strategy.NAIVE));
        Set<String> merged = outcomes(body, Model.builder().stateCache(Model.StateCache.POSITIONS));
        Set<String> observed = outcomes(body, Model.builder().stateCache(Model.StateCache.OBSERVATIONS));
        assertEquals(naive, merged, "seed " + seed + " with positions only");
        assertEquals(naive, observed, "seed " + seed + " with observations");
    }

    /** Every final state (the cells and the allocation) and every violation, of every execution. */
    private static Set<String> outcomes(Supplier<String> body, Model.Builder builder) {
        Set<String> outcomes = new HashSet<>();
        ModelResult r = builder.stopOnFirstFailure(false).checkLeaks(false)
                .onFailure(failure -> outcomes.add(failure.toString()))
                .check(() -> outcomes.add(body.get()));
        assertTrue(r.exhaustive() || r.failed(), r.summary());
        return outcomes;
    }
}
