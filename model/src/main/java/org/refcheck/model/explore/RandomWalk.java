package org.refcheck.model.explore;

import java.util.List;
import java.util.Random;
import org.refcheck.model.rt.Execution;
import org.refcheck.model.rt.LogicalThread;
import org.refcheck.model.rt.SchedulingStrategy;

/** Uniformly random scheduling, for tests too large to exhaust; a fixed seed makes a run repeatable. */
public final class RandomWalk implements SchedulingStrategy {

    private final Random random;

    public RandomWalk(long seed) {
        this.random = new Random(seed);
    }

    @Override
    public LogicalThread choose(Execution execution, List<LogicalThread> enabled, LogicalThread current) {
        return enabled.get(random.nextInt(enabled.size()));
    }

    @Override
    public int chooseRead(Execution execution, LogicalThread reader, int alternatives) {
        return random.nextInt(alternatives);
    }
}
