package org.refcheck.model.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.refcheck.model.rt.Event;
import org.refcheck.model.rt.Execution;
import org.refcheck.model.rt.LogicalThread;
import org.refcheck.model.rt.SchedulingStrategy;

/**
 * Splits an exploration into independent parts: every schedule prefix with a given number of branching steps,
 * enumerated depth-first over every awake enabled thread with sleep sets (Godefroid, 1996). Each part is explored
 * by its own {@link Dpor} ({@link ExplorationPrefix}); the parts share nothing, so they can run in any order, in
 * parallel, or on other machines.
 *
 * <p>Why every Mazurkiewicz trace is owned by exactly one part: at a branching step every awake enabled thread is
 * tried, so every trace has a linearization that follows some prefix; a sibling tried earlier sleeps in the later
 * branches for as long as the path commutes with it, so a trace whose linearization could start with the earlier
 * sibling belongs to the earlier part only ({@link ExplorationPrefix#owns}). Below its prefix, a part's optimal
 * DPOR explores every trace from there and never reverses a race into the prefix (the other order is another
 * part).
 */
final class PrefixSplit implements SchedulingStrategy {

    /*
     * Implementation notes. `path` is the current prefix, one Level per step. A Level keeps the sleep set
     * inherited from the step before (the sleep set and covered siblings there, minus what the executed event
     * conflicts with), the awake enabled threads in thread order, the index of the one being tried, and the events
     * of the siblings already tried (covered). Each execution replays `path` and extends it until it holds
     * `branchingSteps` steps with more than one awake thread, then is cut; an execution that ends first (or fails)
     * is a part on its own. A deeper split can have fewer parts than a shallower one (a sleeping sibling may block
     * a whole branch), so the split keeps the largest list found while some execution was still cut. A step whose every enabled thread is asleep ends a branch no part needs.
     */

    private static final class Level {
        final List<Step> inherited;
        final List<Integer> awake;
        final List<Step> covered = new ArrayList<>();
        int choice;
        Step executed;

        Level(List<Step> inherited, List<Integer> awake) {
            this.inherited = inherited;
            this.awake = awake;
        }

        int thread() {
            return awake.get(choice);
        }

        /** The sleep set at the next step after {@code executed} ran here. */
        List<Step> sleepAfter() {
            List<Step> all = new ArrayList<>(inherited);
            all.addAll(covered);
            return new Node(all).sleepAfter(executed);
        }
    }

    private final int branchingSteps;
    private final List<Level> path = new ArrayList<>();
    private final List<ExplorationPrefix> parts = new ArrayList<>();
    private int position;
    private boolean blocked;
    private boolean cutAny;

    private PrefixSplit(int branchingSteps) {
        this.branchingSteps = branchingSteps;
    }

    /**
     * The parts of the exploration of the test that {@code run} executes, with the fewest branching steps that
     * give at least {@code wanted} parts (at most {@code maxBranchingSteps}; fewer parts if the test has fewer
     * branches). {@code run} runs one execution under the given strategy; it is called from this thread only.
     */
    static List<ExplorationPrefix> parts(Function<SchedulingStrategy, Execution> run, int wanted,
            int maxBranchingSteps) {
        List<ExplorationPrefix> best = List.of(ExplorationPrefix.none());
        for (int steps = 1; steps <= maxBranchingSteps && best.size() < wanted; steps++) {
            PrefixSplit split = new PrefixSplit(steps);
            do {
                split.position = 0;
                split.blocked = false;
                Execution e = run.apply(split);
                if (e.failure() != null && e.failure().kind() == org.refcheck.model.rt.FailureKind.NONDETERMINISM) {
                    return List.of(ExplorationPrefix.none());   // let one sequential exploration report it
                }
            } while (split.next());
            if (split.parts.size() > best.size()) {
                best = split.parts;
            }
            if (!split.cutAny) {
                break;   // every execution ended within the prefix: deeper prefixes split nothing more
            }
        }
        return best;
    }

    @Override
    public LogicalThread choose(Execution execution, List<LogicalThread> enabled, LogicalThread current) {
        if (position < path.size()) {
            int wanted = path.get(position).thread();
            for (LogicalThread t : enabled) {
                if (t.id() == wanted) {
                    return t;
                }
            }
            return null;   // not enabled on replay: the sequential exploration will report the non-determinism
        }
        int branching = 0;
        for (Level l : path) {
            branching += l.awake.size() > 1 ? 1 : 0;
        }
        if (branching == branchingSteps) {
            cutAny = true;
            return null;   // the prefix is long enough: cut here
        }
        List<Step> inherited = path.isEmpty() ? List.of() : path.get(path.size() - 1).sleepAfter();
        Node probe = new Node(inherited);
        List<Integer> awake = new ArrayList<>();
        for (LogicalThread t : enabled) {
            if (!probe.isAsleep(t.id())) {
                awake.add(t.id());
            }
        }
        if (awake.isEmpty()) {
            blocked = true;
            return null;
        }
        Level level = new Level(inherited, awake);
        path.add(level);
        for (LogicalThread t : enabled) {
            if (t.id() == level.thread()) {
                return t;
            }
        }
        throw new AssertionError("unreachable: an awake thread is enabled");
    }

    @Override
    public void executed(Execution execution, Event event) {
        if (position < path.size()) {
            path.get(position).executed = Step.of(event);
        }
        position++;
    }

    /** Records the part the last execution ended, then moves to the next branch; false when there is none. */
    private boolean next() {
        while (path.size() > position) {
            path.remove(path.size() - 1);   // steps chosen but never run: the execution ended before them
        }
        if (!blocked) {
            int[] threads = new int[path.size()];
            List<List<Step>> covered = new ArrayList<>();
            for (int i = 0; i < threads.length; i++) {
                threads[i] = path.get(i).thread();
                covered.add(path.get(i).covered);
            }
            parts.add(new ExplorationPrefix(threads, covered));
        }
        for (int i = path.size() - 1; i >= 0; i--) {
            Level l = path.get(i);
            if (l.executed != null) {
                l.covered.add(l.executed);
            }
            l.executed = null;
            l.choice++;
            if (l.choice < l.awake.size()) {
                return true;
            }
            path.remove(i);
        }
        return false;
    }
}
