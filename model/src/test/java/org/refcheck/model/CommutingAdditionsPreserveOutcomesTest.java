package org.refcheck.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.refcheck.sync.Joinable;
import org.refcheck.sync.SharedInt;
import org.refcheck.sync.Threads;
import org.refcheck.sync.ValueClasses;

/**
 * Property test of value-aware commutation: on random small programs mixing adds that declare what they observe
 * with reads, stores, undeclared adds and compare-and-sets, exhaustive exploration with commutation must reach
 * exactly the outcomes that brute-force enumeration of every interleaving reaches, and never run more executions
 * than exploration without it.
 *
 * <p>An outcome is every value each thread observed (an observing add contributes only the interval it saw, as its
 * contract requires, and chooses the thread's next step by it) and the final cells.
 */
class CommutingAdditionsPreserveOutcomesTest {

    /** One operation of a generated program; {@code arg} is the stored value, the delta or the class split. */
    private record Operation(int kind, int cell, int arg) {
        String show() {
            return switch (kind) {
                case 0 -> "r" + cell;
                case 1 -> "w" + cell + "=" + arg;
                case 2 -> "cas" + cell + "(" + arg + "->" + (arg + 1) + ")";
                case 3 -> "add" + cell + "(" + arg + ")";
                default -> "obs" + cell + "(" + delta(arg) + " " + CLASSES[arg % CLASSES.length] + ")";
            };
        }
    }

    private static final ValueClasses[] CLASSES = {
        ValueClasses.NONE, ValueClasses.split(1, 2), ValueClasses.split(0, 1), ValueClasses.split(2),
    };

    private static int delta(int arg) {
        return arg / CLASSES.length % 2 == 0 ? 1 : -1;
    }

    private static List<List<Operation>> generate(long seed) {
        Random random = new Random(seed);
        int threads = 2 + random.nextInt(2);
        int cells = 1 + random.nextInt(2);
        List<List<Operation>> program = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<Operation> ops = new ArrayList<>();
            int n = 1 + random.nextInt(threads == 3 ? 2 : 4);
            for (int i = 0; i < n; i++) {
                int kind = random.nextInt(10) < 5 ? 4 : random.nextInt(4);   // half of them observing adds
                ops.add(new Operation(kind, random.nextInt(cells), random.nextInt(kind == 4 ? 8 : 2)));
            }
            program.add(ops);
        }
        return program;
    }

    private static ModelResult run(List<List<Operation>> program, Model.Builder builder, Set<String> outcomes) {
        return builder.stopOnFirstFailure(false).check(() -> {
            SharedInt[] cells = {SharedInt.of("c0", 1), SharedInt.of("c1", 1)};
            String[] seen = new String[program.size()];
            List<Joinable> started = new ArrayList<>();
            for (int t = 0; t < program.size(); t++) {
                int thread = t;
                started.add(Threads.spawn("t" + t, () -> {
                    StringBuilder log = new StringBuilder();
                    for (Operation op : program.get(thread)) {
                        SharedInt c = cells[op.cell];
                        switch (op.kind) {
                            case 0 -> log.append(c.getAcquire());
                            case 1 -> c.setRelease(op.arg);
                            case 2 -> log.append(c.compareAndSet(op.arg, op.arg + 1));
                            case 3 -> log.append(c.getAndAdd(1));
                            default -> {
                                ValueClasses classes = CLASSES[op.arg % CLASSES.length];
                                int k = classes.classOf(c.getAndAddRelease(delta(op.arg), classes));
                                log.append('k').append(k);
                                if (k == 0) {
                                    log.append('/').append(cells[1 - op.cell].getAcquire());   // a branch on it
                                }
                            }
                        }
                        log.append(',');
                    }
                    seen[thread] = log.toString();
                }));
            }
            started.forEach(Joinable::join);
            outcomes.add(List.of(seen) + " c0=" + cells[0].getPlain() + " c1=" + cells[1].getPlain());
        });
    }

    /** The seeds of the reduction's own property test, {@code -Drefcheck.propertySeeds=N} to run more. */
    @ParameterizedTest
    @MethodSource("org.refcheck.model.ReductionPreservesOutcomesTest#seeds")
    void commutationReachesEveryOutcomeOfEveryInterleaving(long seed) {
        List<List<Operation>> program = generate(seed);
        String shown = program.stream().map(ops -> ops.stream().map(Operation::show).toList()).toList().toString();

        Set<String> naive = new HashSet<>();
        ModelResult all = run(program, Model.builder().strategy(Model.Strategy.NAIVE), naive);
        Set<String> ordered = new HashSet<>();
        ModelResult plain = run(program, Model.builder().commuteAdditions(false), ordered);
        Set<String> commuted = new HashSet<>();
        ModelResult reduced = run(program, Model.builder().commuteAdditions(true), commuted);

        assertTrue(all.exhaustive() && plain.exhaustive() && reduced.exhaustive(), shown);
        assertEquals(naive, ordered, "outcomes without commutation, " + shown);
        assertEquals(naive, commuted, "outcomes with commutation, " + shown);
        assertTrue(reduced.executions() <= plain.executions(),
                shown + ": " + reduced.summary() + " vs " + plain.summary());
    }
}
