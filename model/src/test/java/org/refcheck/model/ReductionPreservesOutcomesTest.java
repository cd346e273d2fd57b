package org.refcheck.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.refcheck.sync.Joinable;
import org.refcheck.sync.SharedInt;
import org.refcheck.sync.Threads;

/**
 * Property test of the reduction: on random small programs, optimal DPOR must run exactly one execution per
 * equivalence class that brute-force enumeration of every interleaving finds, and reach exactly the same set of
 * outcomes.
 *
 * <p>The equivalence class of an interleaving is computed here independently of the checker: for each cell, the
 * order of its writes and which writes each read falls between.
 */
class ReductionPreservesOutcomesTest {

    /** One operation of a generated program. */
    private record Operation(int kind, int cell, int value) {
        String show() {
            return switch (kind) {
                case 0 -> "r" + cell;
                case 1 -> "w" + cell + "=" + value;
                case 2 -> "add" + cell;
                default -> "cas" + cell + "(" + value + "->" + (value + 1) + ")";
            };
        }
    }

    /**
     * What one execution did, in order: thread, operation index, cell, whether it wrote, and whether it may write
     * (a compare-and-set may, even when it failed).
     */
    private record Access(int thread, int index, int cell, boolean wrote, boolean mayWrite) {
    }

    private static List<List<Operation>> generate(long seed) {
        Random random = new Random(seed);
        int threads = 2 + random.nextInt(2);
        int cells = 1 + random.nextInt(2);
        List<List<Operation>> program = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<Operation> ops = new ArrayList<>();
            int n = 1 + random.nextInt(threads == 3 ? 2 : 3);
            for (int i = 0; i < n; i++) {
                ops.add(new Operation(random.nextInt(4), random.nextInt(cells), random.nextInt(2)));
            }
            program.add(ops);
        }
        return program;
    }

    /** Runs the program under {@code strategy}, collecting each execution's class and outcome. */
    private static ModelResult run(List<List<Operation>> program, Model.Strategy strategy, Set<String> classes,
            Set<String> coarseClasses, Set<String> outcomes) {
        return run(program, Model.builder().strategy(strategy), classes, coarseClasses, outcomes);
    }

    private static ModelResult run(List<List<Operation>> program, Model.Builder builder, Set<String> classes,
            Set<String> coarseClasses, Set<String> outcomes) {
        return builder.stopOnFirstFailure(false).check(() -> {
            SharedInt[] cells = {SharedInt.of("c0", 0), SharedInt.of("c1", 0)};
            List<Access> log = new ArrayList<>();
            String[] reads = new String[program.size()];
            List<Joinable> started = new ArrayList<>();
            for (int t = 0; t < program.size(); t++) {
                int thread = t;
                started.add(Threads.spawn("t" + t, () -> {
                    StringBuilder seen = new StringBuilder();
                    List<Operation> ops = program.get(thread);
                    for (int i = 0; i < ops.size(); i++) {
                        Operation op = ops.get(i);
                        SharedInt c = cells[op.cell];
                        boolean wrote = switch (op.kind) {
                            case 0 -> {
                                seen.append(c.getAcquire()).append(',');
                                yield false;
                            }
                            case 1 -> {
                                c.setRelease(op.value);
                                yield true;
                            }
                            case 2 -> {
                                seen.append(c.getAndAdd(1)).append(',');
                                yield true;
                            }
                            default -> {
                                boolean ok = c.compareAndSet(op.value, op.value + 1);
                                seen.append(ok).append(',');
                                yield ok;
                            }
                        };
                        log.add(new Access(thread, i, op.cell, wrote, op.kind != 0));
                    }
                    reads[thread] = seen.toString();
                }));
            }
            started.forEach(Joinable::join);
            classes.add(canonical(log, false));
            coarseClasses.add(canonical(log, true));
            outcomes.add(List.of(reads) + " c0=" + cells[0].getPlain() + " c1=" + cells[1].getPlain());
        });
    }

    /**
     * Per cell: the writes in order, and the set of reads between consecutive writes. {@code coarse} counts every
     * compare-and-set as a write, the equivalence under which a failed one does not commute with reads.
     */
    private static String canonical(List<Access> log, boolean coarse) {
        TreeMap<Integer, List<String>> perCell = new TreeMap<>();
        TreeMap<Integer, List<String>> pendingReads = new TreeMap<>();
        for (Access a : log) {
            List<String> seq = perCell.computeIfAbsent(a.cell, k -> new ArrayList<>());
            List<String> reads = pendingReads.computeIfAbsent(a.cell, k -> new ArrayList<>());
            String id = "t" + a.thread + "#" + a.index;
            if (coarse ? a.mayWrite : a.wrote) {
                Collections.sort(reads);
                seq.add("R" + reads);
                reads.clear();
                seq.add("W" + id);
            } else {
                reads.add(id);
            }
        }
        pendingReads.forEach((cell, reads) -> {
            Collections.sort(reads);
            perCell.get(cell).add("R" + reads);
        });
        return perCell.toString();
    }

    /** Seeds 1..60 by default; {@code -Drefcheck.propertySeeds=N} runs N programs. */
    static LongStream seeds() {
        return LongStream.rangeClosed(1, Long.getLong("refcheck.propertySeeds", 60));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void dporRunsOneExecutionPerClassAndReachesEveryOutcome(long seed) {
        List<List<Operation>> program = generate(seed);
        String shown = program.stream().map(ops -> ops.stream().map(Operation::show).toList()).toList().toString();
        Set<String> naiveClasses = new HashSet<>();
        Set<String> naiveCoarse = new HashSet<>();
        Set<String> naiveOutcomes = new HashSet<>();
        ModelResult naive = run(program, Model.Strategy.NAIVE, naiveClasses, naiveCoarse, naiveOutcomes);
        assertTrue(naive.exhaustive(), naive.summary());

        Set<String> dporClasses = new HashSet<>();
        Set<String> dporOutcomes = new HashSet<>();
        ModelResult dpor = run(program, Model.Strategy.EXHAUSTIVE, dporClasses, new HashSet<>(), dporOutcomes);
        assertTrue(dpor.exhaustive(), dpor.summary());

        assertEquals(naiveOutcomes, dporOutcomes, "outcomes of " + shown);
        assertEquals(naiveClasses, dporClasses, "equivalence classes of " + shown);
        assertEquals(naiveClasses.size(), dpor.executions(),
                "one execution per class for " + shown + ": " + dpor.summary() + " vs " + naive.summary());
    }

    /** Parallel exploration (3 workers, so the split goes deep) reaches every class and counts each once. */
    @ParameterizedTest
    @MethodSource("seeds")
    void parallelExplorationCountsEveryClassOnce(long seed) {
        List<List<Operation>> program = generate(seed);
        Set<String> naiveClasses = new HashSet<>();
        Set<String> naiveOutcomes = new HashSet<>();
        run(program, Model.Strategy.NAIVE, naiveClasses, new HashSet<>(), naiveOutcomes);
        Set<String> classes = Collections.synchronizedSet(new HashSet<>());
        Set<String> outcomes = Collections.synchronizedSet(new HashSet<>());
        ModelResult parallel = run(program, Model.builder().workers(3), classes,
                Collections.synchronizedSet(new HashSet<>()), outcomes);
        assertTrue(parallel.exhaustive(), parallel.summary());
        assertEquals(naiveOutcomes, outcomes, "outcomes of seed " + seed);
        assertEquals(naiveClasses, classes, "equivalence classes of seed " + seed);
        assertEquals(naiveClasses.size(), parallel.traces(), "traces of seed " + seed + ": " + parallel.summary());
    }
}
