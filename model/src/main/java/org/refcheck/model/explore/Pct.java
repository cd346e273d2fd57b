package org.refcheck.model.explore;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.refcheck.model.rt.Execution;
import org.refcheck.model.rt.LogicalThread;
import org.refcheck.model.rt.SchedulingStrategy;

/**
 * Probabilistic concurrency testing (Burckhardt, Kothari, Musuvathi, Nagarakatte, ASPLOS 2010): threads get random
 * distinct priorities, the highest-priority enabled thread runs, and at {@code depth - 1} random steps the running
 * thread drops to the lowest priority. A bug of depth d is found with probability at least 1/(n k^(d-1)) per
 * execution, for n threads and k steps.
 */
public final class Pct implements SchedulingStrategy {

    private final Random random;
    private final int depth;
    private int expectedSteps;
    private final Map<Integer, Integer> priority = new HashMap<>();
    private int[] changePoints = new int[0];
    private int step;
    private int lowest;

    /**
     * @param seed          for repeatable runs
     * @param depth         the bug depth to target (number of ordering constraints), at least 1
     * @param expectedSteps an estimate of the number of steps per execution
     */
    public Pct(long seed, int depth, int expectedSteps) {
        this.random = new Random(seed);
        this.depth = Math.max(1, depth);
        this.expectedSteps = Math.max(1, expectedSteps);
    }

    /** Starts a new execution with fresh priorities and change points. */
    public void beginExecution() {
        priority.clear();
        step = 0;
        lowest = 0;
        changePoints = new int[depth - 1];
        for (int i = 0; i < changePoints.length; i++) {
            changePoints[i] = 1 + random.nextInt(expectedSteps);
        }
    }

    /** Learns the length of executions, so change points spread over the whole run. */
    public void endExecution(Execution execution) {
        expectedSteps = Math.max(expectedSteps, execution.events().size());
    }

    @Override
    public LogicalThread choose(Execution execution, List<LogicalThread> enabled, LogicalThread current) {
        step++;
        for (LogicalThread t : enabled) {
            priority.computeIfAbsent(t.id(), id -> depth + random.nextInt(1 << 20));
        }
        for (int point : changePoints) {
            if (point == step && current != null && priority.containsKey(current.id())) {
                priority.put(current.id(), --lowest);
            }
        }
        LogicalThread best = enabled.get(0);
        for (LogicalThread t : enabled) {
            if (priority.get(t.id()) > priority.get(best.id())) {
                best = t;
            }
        }
        return best;
    }
}
