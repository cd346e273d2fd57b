package org.refcheck.model.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.refcheck.model.rt.Execution;
import org.refcheck.model.rt.SchedulingStrategy;

/**
 * Exhaustive exploration split across worker threads, and across machines: the tree is cut into parts by
 * {@link PrefixSplit}, each part explored by its own optimal {@link Dpor}. Parts share no state, so a worker that
 * finishes one takes the next from a shared counter and nothing else is coordinated. A shard ({@code index} of
 * {@code count}) explores only the parts whose number is {@code index} modulo {@code count}; every machine computes
 * the same parts, so the shards of one test together cover it exactly once.
 *
 * <p>A part explores every trace with a linearization that starts with its prefix, so a trace may be explored by
 * several parts; it counts as a trace only in the one part that owns it ({@link ExplorationPrefix#owns}), so the
 * trace count is exactly the sequential one, and the other executions are the price of splitting (they count as
 * executions). Every part runs to its end, so a failure is found whichever part meets it first.
 */
public final class ParallelExploration {

    /*
     * Implementation notes. The driver thread computes the parts (short executions, cut after a few branching
     * steps; they count as executions but never as traces), then starts `workers` platform threads. Each worker
     * loops: next part number from `nextPart`, skip it unless it is this shard's, explore it to the end with a fresh
     * Dpor, checking `stop` between executions. Executions of different workers run concurrently: each has its own
     * Execution, logical threads and carriers, and the runner must account for them thread-safely.
     */

    /** Parts wanted per worker thread, so that a worker that drew a small part finds more work. */
    static final int PARTS_PER_WORKER = 8;
    /** The most branching steps a split prefix may have. */
    static final int MAX_SPLIT_STEPS = 12;

    /** Runs one execution under a strategy and accounts for it; must be safe to call from several threads. */
    public interface Runner {
        /**
         * @param countsAsTrace whether the finished execution, if not cut, counts as a trace (false for the
         *                      executions that compute the split, and for traces another part owns)
         */
        Execution run(SchedulingStrategy strategy, java.util.function.Predicate<Execution> countsAsTrace);
    }

    /** What a parallel exploration did. */
    public record Totals(int parts, int partsExplored, long sleepBlocked, boolean complete) {
    }

    private ParallelExploration() {
    }

    /**
     * Explores this shard's parts with {@code workers} threads.
     *
     * @param stop checked between executions: true when a failure should end the exploration, or a cap was hit
     */
    public static Totals explore(Runner runner, boolean commuteAdditions, int workers, int shardIndex,
            int shardCount, BooleanSupplier stop) {
        if (workers < 1 || shardCount < 1 || shardIndex < 0 || shardIndex >= shardCount) {
            throw new IllegalArgumentException("workers " + workers + ", shard " + shardIndex + "/" + shardCount);
        }
        List<ExplorationPrefix> parts = PrefixSplit.parts(s -> runner.run(s, e -> false),
                Math.max(shardCount, 1) * workers * PARTS_PER_WORKER, MAX_SPLIT_STEPS);
        AtomicInteger nextPart = new AtomicInteger();
        AtomicInteger explored = new AtomicInteger();
        AtomicLong sleepBlocked = new AtomicLong();
        AtomicInteger unfinished = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> crashed = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int w = 0; w < workers; w++) {
            Thread t = new Thread(() -> {
                for (int p = nextPart.getAndIncrement(); p < parts.size(); p = nextPart.getAndIncrement()) {
                    if (p % shardCount != shardIndex) {
                        continue;
                    }
                    if (stop.getAsBoolean()) {
                        unfinished.incrementAndGet();
                        continue;
                    }
                    ExplorationPrefix part = parts.get(p);
                    Dpor dpor = new Dpor(-1, commuteAdditions, part);
                    boolean more = true;
                    while (more && !stop.getAsBoolean()) {
                        dpor.beginExecution();
                        more = dpor.endExecution(runner.run(dpor, e -> part.owns(e.events())));
                    }
                    sleepBlocked.addAndGet(dpor.sleepBlocked());
                    if (more) {
                        unfinished.incrementAndGet();
                    }
                    explored.incrementAndGet();
                }
            }, "refcheck-worker-" + w);
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((thread, e) -> crashed.add(e));
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the exploration workers", e);
            }
        }
        if (!crashed.isEmpty()) {
            throw new IllegalStateException("an exploration worker crashed", crashed.get(0));
        }
        return new Totals(parts.size(), explored.get(), sleepBlocked.get(), unfinished.get() == 0);
    }
}
