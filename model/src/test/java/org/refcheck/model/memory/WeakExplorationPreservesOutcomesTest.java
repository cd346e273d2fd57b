package org.refcheck.model.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.refcheck.model.Model;
import org.refcheck.model.ModelResult;
import org.refcheck.model.rt.FailureKind;
import org.refcheck.sync.Fences;
import org.refcheck.sync.Joinable;
import org.refcheck.sync.SharedInt;
import org.refcheck.sync.Threads;

/**
 * Property test of exploration under weak memory: on random small programs mixing every access mode and fence,
 * optimal DPOR with read choices reaches exactly the outcomes (values read, data races) that brute force reaches by
 * running every interleaving with every read choice of every load; and every outcome of sequential consistency is
 * also an outcome of the weak model.
 */
class WeakExplorationPreservesOutcomesTest {

    /** One operation: kind 0-3 loads (plain, opaque, acquire, volatile), 4-6 stores, 7 add, 8-10 fences. */
    private record Operation(int kind, int cell, int value) {
        String show() {
            String[] names = {"plainLoad", "opaqueLoad", "acquireLoad", "volatileLoad", "opaqueStore",
                    "releaseStore", "plainStore", "add", "fullFence", "acquireFence", "releaseFence"};
            return names[kind] + (kind < 8 ? "(c" + cell + (kind >= 4 && kind < 7 ? "=" + value : "") + ")" : "");
        }
    }

    /** Atomic operations only, except one program in four, which also has plain loads and stores (races). */
    private static List<List<Operation>> generate(long seed) {
        Random random = new Random(seed);
        boolean plain = seed % 4 == 0;
        int[] kinds = plain ? new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10} : new int[] {1, 2, 3, 4, 5, 7, 8, 9, 10};
        int threads = 2 + random.nextInt(2);
        List<List<Operation>> program = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<Operation> ops = new ArrayList<>();
            int n = 2 + random.nextInt(threads == 3 ? 2 : 3);
            for (int i = 0; i < n; i++) {
                ops.add(new Operation(kinds[random.nextInt(kinds.length)], random.nextInt(2), 1 + random.nextInt(2)));
            }
            program.add(ops);
        }
        return program;
    }

    private static Set<String> outcomes(List<List<Operation>> program, MemoryModel memory, Model.Strategy strategy) {
        Set<String> seen = new TreeSet<>();
        ModelResult r = Model.builder().memoryModel(memory).strategy(strategy).storeHistory(2)
                .stopOnFirstFailure(false)
                .onFailure(f -> seen.add(f.kind() == FailureKind.DATA_RACE ? "race" : "failed: " + f))
                .check(() -> {
                    SharedInt[] cells = {SharedInt.of("c0", 0), SharedInt.of("c1", 0)};
                    String[] reads = new String[program.size()];
                    List<Joinable> started = new ArrayList<>();
                    for (int t = 0; t < program.size(); t++) {
                        int thread = t;
                        started.add(Threads.spawn("t" + t, () -> reads[thread] = run(program.get(thread), cells)));
                    }
                    for (Joinable j : started) {
                        j.join();
                    }
                    seen.add(String.join(" | ", reads));
                });
        assertTrue(r.exhaustive() || seen.contains("race"), r.summary());
        return seen;
    }

    private static String run(List<Operation> ops, SharedInt[] cells) {
        StringBuilder seen = new StringBuilder();
        for (Operation op : ops) {
            SharedInt c = cells[op.cell];
            switch (op.kind) {
                case 0 -> seen.append(c.getPlain());
                case 1 -> seen.append(c.getOpaque());
                case 2 -> seen.append(c.getAcquire());
                case 3 -> seen.append(c.getVolatile());
                case 4 -> c.setOpaque(op.value);
                case 5 -> c.setRelease(op.value);
                case 6 -> c.setPlain(op.value);
                case 7 -> seen.append(c.getAndAddRelease(1));
                case 8 -> Fences.full();
                case 9 -> Fences.acquire();
                default -> Fences.release();
            }
            seen.append(',');
        }
        return seen.toString();
    }

    /** Seeds 1..12 by default (brute force is slow); {@code -Drefcheck.propertySeeds=N} runs N programs. */
    static LongStream seeds() {
        return LongStream.rangeClosed(1, Long.getLong("refcheck.propertySeeds", 12));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void dporReachesExactlyTheOutcomesOfBruteForce(long seed) {
        List<List<Operation>> program = generate(seed);
        String shown = program.stream().map(ops -> ops.stream().map(Operation::show).toList().toString())
                .toList().toString();
        Set<String> brute = outcomes(program, MemoryModel.WEAK, Model.Strategy.NAIVE);
        Set<String> dpor = outcomes(program, MemoryModel.WEAK, Model.Strategy.EXHAUSTIVE);
        assertEquals(brute, dpor, shown);
        if (brute.contains("race")) {
            return;   // executions that race stop at the race, before their outcome
        }
        Set<String> sc = outcomes(program, MemoryModel.SC, Model.Strategy.EXHAUSTIVE);
        assertTrue(brute.containsAll(sc), "an outcome of sequential consistency is missing under weak memory: "
                + shown + "\nSC " + sc + "\nweak " + brute);
    }
}
