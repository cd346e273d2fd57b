package org.refcheck.model.explore;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.refcheck.model.rt.Execution;
import org.refcheck.model.rt.LogicalThread;
import org.refcheck.model.rt.SchedulingStrategy;
import org.refcheck.model.rt.StateFingerprint;

/**
 * Every interleaving, without any reduction: depth-first over the enabled threads at every step. The baseline that
 * reductions are measured and checked against; exponential even for tiny tests.
 *
 * <p>With a state cache it becomes stateful, as SPIN is: an execution that reaches a state some earlier execution
 * already reached is cut there: everything reachable from that state is explored from its first visit, and,
 * depth-first, that exploration has finished (it cannot lie on the current path, since the states along one path
 * differ in the steps taken). States without a fingerprint are never merged.
 */
public final class NaiveDfs implements SchedulingStrategy {

    /** One scheduling point: the enabled threads (by id) and which of them the current execution takes. */
    private record Choice(int[] enabled, int taken) {
    }

    private final List<Choice> path = new ArrayList<>();
    private int position;
    private final Set<StateFingerprint> visited;
    private final boolean positionsOnly;
    private long merged;

    /** Every interleaving, no cache. */
    public NaiveDfs() {
        this.visited = null;
        this.positionsOnly = false;
    }

    /**
     * Stateful exploration: every interleaving up to equal states.
     *
     * @param positionsOnly whether threads keep no hidden local state (see {@link Execution#fingerprint})
     */
    public NaiveDfs(boolean positionsOnly) {
        this.visited = new HashSet<>();
        this.positionsOnly = positionsOnly;
    }

    @Override
    public boolean usesFingerprints() {
        return visited != null;
    }

    /** Executions cut because they reached a state already explored. */
    public long merged() {
        return merged;
    }

    /** Distinct states seen (with a cache). */
    public long states() {
        return visited == null ? 0 : visited.size();
    }

    /** Prepares the next execution. */
    public void beginExecution() {
        position = 0;
    }

    @Override
    public LogicalThread choose(Execution execution, List<LogicalThread> enabled, LogicalThread current) {
        int taken;
        if (position < path.size()) {
            taken = path.get(position).taken;
        } else {
            if (visited != null) {
                StateFingerprint state = execution.fingerprint(positionsOnly);
                if (state != null && !visited.add(state)) {
                    merged++;
                    return null;
                }
            }
            int[] ids = new int[enabled.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = enabled.get(i).id();
            }
            path.add(new Choice(ids, 0));
            taken = 0;
        }
        int wanted = path.get(position).enabled[taken];
        position++;
        for (LogicalThread t : enabled) {
            if (t.id() == wanted) {
                return t;
            }
        }
        throw new IllegalStateException("the test is not deterministic: thread " + wanted + " is not enabled again");
    }

    /**
     * A weak load's choice is one more scheduling point, whose alternatives are the stores it may read: every
     * interleaving is then run with every choice of every load.
     */
    @Override
    public int chooseRead(Execution execution, LogicalThread reader, int alternatives) {
        if (position < path.size()) {
            return path.get(position++).taken;
        }
        int[] choices = new int[alternatives];
        for (int i = 0; i < alternatives; i++) {
            choices[i] = i;
        }
        path.add(new Choice(choices, 0));
        position++;
        return 0;
    }

    /** Moves to the next interleaving; returns false when all were run. */
    public boolean endExecution() {
        while (position < path.size()) {
            path.remove(path.size() - 1);
        }
        while (!path.isEmpty()) {
            Choice last = path.remove(path.size() - 1);
            if (last.taken + 1 < last.enabled.length) {
                path.add(new Choice(last.enabled, last.taken + 1));
                return true;
            }
        }
        return false;
    }
}
