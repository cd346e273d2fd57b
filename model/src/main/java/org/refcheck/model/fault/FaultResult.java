package org.refcheck.model.fault;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.refcheck.model.Counterexample;
import org.refcheck.model.ModelResult;
import org.refcheck.model.rt.Failure;

/**
 * What a {@link FaultExplorer} run found: one model-checking result per explored {@link FaultPlan}, in the order
 * explored (the plan without failures first), and the first plan under which some execution failed.
 *
 * @param maxFaults the most failing steps a plan had
 * @param runs      every explored plan with its result and the fallible sites its executions reached
 */
public record FaultResult(int maxFaults, List<PlanRun> runs) {

    /**
     * One plan's exploration.
     *
     * @param plan    the failing sites
     * @param result  the model checker's result under that plan
     * @param reached    the fallible sites the executions reached
     * @param extensions the sites reached by executions that reached every site of the plan as well: the sites
     *                   the plan was extended by
     */
    public record PlanRun(FaultPlan plan, ModelResult result, Set<FaultSite> reached, Set<FaultSite> extensions) {
    }

    public FaultResult {
        runs = List.copyOf(runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a fault exploration explores at least one plan");
        }
    }

    /** The first plan under which an execution failed, or {@code null}. */
    public PlanRun failing() {
        for (PlanRun r : runs) {
            if (r.result().failed()) {
                return r;
            }
        }
        return null;
    }

    /** Whether some execution under some plan failed. */
    public boolean failed() {
        return failing() != null;
    }

    /** Every fallible site some explored execution reached. */
    public Set<FaultSite> sites() {
        Set<FaultSite> all = new TreeSet<>();
        for (PlanRun r : runs) {
            all.addAll(r.reached());
        }
        return all;
    }

    /**
     * The first failure, its message prefixed with the plan that caused it and the {@code -Drefcheck.faults}
     * value that replays it; {@code null} if nothing failed.
     */
    public Counterexample counterexample() {
        PlanRun f = failing();
        if (f == null) {
            return null;
        }
        Counterexample cx = f.result().counterexample();
        Failure original = cx.failure();
        String message = "with the " + f.plan() + " (-Drefcheck.faults=\"" + f.plan().encode() + "\"): "
                + original.message();
        return new Counterexample(new Failure(original.kind(), message, original.thread(), original.cause()),
                cx.events(), cx.threadNames(), cx.schedule(), cx.replayed());
    }

    /**
     * All plans as one model-checking result: executions, traces and time summed, exhaustive when every plan's
     * exploration was, and {@link #counterexample()}.
     */
    public ModelResult combined() {
        long executions = 0;
        long traces = 0;
        long sleepBlocked = 0;
        long pruned = 0;
        long merged = 0;
        int longest = 0;
        Duration time = Duration.ZERO;
        boolean exhaustive = true;
        for (PlanRun r : runs) {
            ModelResult m = r.result();
            executions += m.executions();
            traces += m.traces();
            sleepBlocked += m.sleepBlocked();
            pruned += m.prunedBranches();
            merged += m.mergedStates();
            longest = Math.max(longest, m.longestExecution());
            time = time.plus(m.wallTime());
            exhaustive &= m.exhaustive();
        }
        String strategy = runs.get(0).result().strategy() + " x " + runs.size() + " fault plans (up to " + maxFaults
                + " failing steps of " + sites().size() + " sites)";
        return new ModelResult(strategy, executions, traces, sleepBlocked, pruned, merged, longest, time,
                exhaustive && !failed(), counterexample());
    }

    /** Throws an {@link AssertionError} with the counterexample if some execution under some plan failed. */
    public FaultResult assertPassed() {
        combined().assertPassed();
        return this;
    }

    /** Throws an {@link AssertionError} if nothing failed; returns the counterexample otherwise. */
    public Counterexample assertFailed() {
        return combined().assertFailed();
    }

    /** One line: plans, sites and the combined statistics. */
    public String summary() {
        return String.format(Locale.ROOT, "%d plans over %d fallible sites: %s", runs.size(), sites().size(),
                combined().summary());
    }
}
