package org.refcheck.model.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.refcheck.model.Model;
import org.refcheck.model.ModelResult;
import org.refcheck.model.rt.FailureKind;
import org.refcheck.sync.Fences;
import org.refcheck.sync.Joinable;
import org.refcheck.sync.SharedInt;
import org.refcheck.sync.Threads;

/**
 * Runs a litmus test exhaustively and collects its outcomes: the values its threads read, as {@code "r1 r2 ..."},
 * or {@code "race"} for executions that failed with a data race.
 */
final class Litmus {

    /** The access mode of every load and store of a litmus test. */
    enum Mode {
        PLAIN, OPAQUE, RELEASE_ACQUIRE, VOLATILE;

        int get(SharedInt c) {
            return switch (this) {
                case PLAIN -> c.getPlain();
                case OPAQUE -> c.getOpaque();
                case RELEASE_ACQUIRE -> c.getAcquire();
                case VOLATILE -> c.getVolatile();
            };
        }

        void set(SharedInt c, int v) {
            switch (this) {
                case PLAIN -> c.setPlain(v);
                case OPAQUE -> c.setOpaque(v);
                case RELEASE_ACQUIRE -> c.setRelease(v);
                case VOLATILE -> c.setVolatile(v);
            }
        }
    }

    /** One thread of a litmus test: reads cells, writes cells, and records what it read in {@code out}. */
    @FunctionalInterface
    interface Body {
        void run(SharedInt x, SharedInt y, int[] out);
    }

    /** A full fence, for the fenced variants. */
    static void fence() {
        Fences.full();
    }

    private Litmus() {
    }

    /** Every outcome of {@code threads} under {@code memory}; {@code reads} is how many results they record. */
    static Set<String> outcomes(MemoryModel memory, Model.Strategy strategy, int reads, Body... threads) {
        Set<String> seen = new TreeSet<>();
        ModelResult r = Model.builder().memoryModel(memory).strategy(strategy).stopOnFirstFailure(false)
                .onFailure(f -> seen.add(f.kind() == FailureKind.DATA_RACE ? "race" : "failed: " + f))
                .check(() -> {
                    SharedInt x = SharedInt.of("x", 0);
                    SharedInt y = SharedInt.of("y", 0);
                    int[] out = new int[reads];
                    List<Joinable> started = new ArrayList<>();
                    for (int i = 0; i < threads.length; i++) {
                        Body b = threads[i];
                        started.add(Threads.spawn("T" + (i + 1), () -> b.run(x, y, out)));
                    }
                    for (Joinable j : started) {
                        j.join();
                    }
                    StringBuilder s = new StringBuilder();
                    for (int v : out) {
                        s.append(s.length() == 0 ? "" : " ").append(v);
                    }
                    seen.add(s.toString());
                });
        if (!r.exhaustive() && !seen.contains("race")) {
            throw new AssertionError("litmus test not explored exhaustively: " + r.summary());
        }
        return seen;
    }

    static Set<String> outcomes(MemoryModel memory, int reads, Body... threads) {
        return outcomes(memory, Model.Strategy.EXHAUSTIVE, reads, threads);
    }

    static Set<String> set(String... outcomes) {
        return new TreeSet<>(List.of(outcomes));
    }
}
