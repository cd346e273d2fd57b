package org.refcheck.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.model.bench.Families;
import org.refcheck.sync.SharedInt;
import org.refcheck.sync.Threads;

/**
 * Parallel exploration splits the tree into parts and still visits every Mazurkiewicz trace exactly once: on the
 * families with known counts, the traces of all parts (of all shards) are exactly the sequential count, every
 * distinct outcome is reached, and a known bug is still found.
 */
class ParallelExplorationTest {

    private static ModelResult parallel(Runnable body, int workers) {
        ModelResult r = Model.builder().maxPreemptions(-1).workers(workers).check(body);
        r.assertPassed();
        assertTrue(r.exhaustive(), r.summary());
        assertTrue(r.strategy().contains("parts"), "the split ran: " + r.summary());
        return r;
    }

    @ParameterizedTest
    @CsvSource({"writers,4,24", "writers,5,120", "readers,5,32", "readers,8,256", "lastzero,5,64",
            "lastzero,8,704", "independent,3,1", "refcount,2,20", "refcount,3,1680"})
    void everyTraceOnceAcrossTheParts(String family, int n, long traces) {
        Runnable body = switch (family) {
            case "writers" -> Families.writers(n);
            case "readers" -> Families.readers(n);
            case "lastzero" -> Families.lastZero(n);
            case "independent" -> Families.independent(n);
            default -> Families.refcount(n, 1);
        };
        for (int workers : new int[] {2, 3}) {
            ModelResult r = parallel(body, workers);
            assertEquals(traces, r.traces(), r.summary());
        }
    }

    @ParameterizedTest
    @CsvSource({"5,43", "6,144"})
    void casRotationReachesEveryClassOnce(int n, long traces) {
        Set<String> seen = Collections.synchronizedSet(new HashSet<>());
        ModelResult r = parallel(Families.casRotation(n, seen::add), 2);
        assertEquals(traces, r.traces(), r.summary());
        assertEquals(traces, seen.size(), "each trace's values are distinct: " + seen);
    }

    @Test
    void theShardsTogetherAreTheWholeExploration() {
        long traces = 0;
        for (int k = 0; k < 3; k++) {
            ModelResult r = Model.builder().workers(1).shard(k, 3).check(Families.lastZero(6));
            r.assertPassed();
            assertFalse(r.exhaustive(), "one shard is never the whole test: " + r.summary());
            traces += r.traces();
        }
        assertEquals(Model.check(Families.lastZero(6)).traces(), traces);
    }

    @Test
    void aKnownBugIsFoundAndReplays() {
        Counterexample cx = Model.builder().workers(2).check(() -> {
            LifetimeTracker heap = new LifetimeTracker();
            Allocation obj = heap.allocate("obj");
            SharedInt count = SharedInt.of("count", 2);
            Runnable drop = () -> {
                int seen = count.getVolatile();     // the bug: read, then write, not one atomic step
                count.setVolatile(seen - 1);
                if (seen == 1) {
                    obj.free();
                }
            };
            Families.spawnAll(java.util.List.of(drop, drop));   // a lost update leaks the object
        }).assertFailed();
        assertTrue(cx.replayed(), cx.render());
    }

    @Test
    void badOptionsAreRefusedInOneLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Model.builder().shard(3, 3));
        assertEquals("shard 3/3: expected 0 <= index < count", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Model.builder().workers(-1));
    }

    @Test
    void weakMemoryIsNotSplitAcrossWorkers() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Model.builder()
                .workers(2).memoryModel(org.refcheck.model.memory.MemoryModel.WEAK).check(Families.independent(2)));
        assertTrue(e.getMessage().contains("does not combine with weak memory"), e.getMessage());
    }

    @Test
    void oneWorkerWithoutShardsIsTheSequentialExploration() {
        ModelResult r = Model.builder().workers(1).check(() -> Threads.spawn("t", () -> { }).join());
        assertFalse(r.strategy().contains("parts"), r.summary());
    }
}
