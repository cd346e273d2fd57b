package org.refcheck.model.fault;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import org.refcheck.model.Model;
import org.refcheck.model.ModelResult;

/**
 * refcheck's fault injection: explores a test once without injected failures and then once per set of failing
 * fallible steps ({@link org.refcheck.sync.Faults#mayFail}), up to a number of simultaneous failures, each time
 * with the model checker's full exploration of schedules and all its oracles.
 *
 * <pre> {@code
 * FaultResult r = FaultExplorer.check(Model.builder(), 2, () -> {
 *     LifetimeTracker heap = new LifetimeTracker();
 *     Devres devres = new Devres("dev");
 *     if (driver.probe(devres) != 0) {
 *         devres.releaseAll();          // what the driver core does when probe fails
 *     }
 *     ...
 * });
 * r.assertPassed();                     // every error path released what it acquired, once, in reverse order
 * }</pre>
 *
 * <p>The sites to fail are discovered, not declared: the exploration with plan {@code P} reports every fallible
 * step its executions reached, and for each site {@code s} not in {@code P} that an execution reaching all of
 * {@code P}'s sites also reached, the plan {@code P + s} is explored next, while {@code P} has fewer than
 * {@code maxFaults} sites. So every combination of up to
 * {@code maxFaults} failures that some schedule can reach is explored, including failures on error paths that only
 * an earlier failure opens. A leak found this way is an acquisition an error path forgot to undo; a double free or
 * a use after free, a release run twice or in the wrong order.
 *
 * <p>{@code -Drefcheck.faults=<plan>} (the value a counterexample prints, e.g. {@code "main: devres node#2"})
 * restricts the run to that one plan; with {@code -Drefcheck.replay} it replays one failing execution.
 */
public final class FaultExplorer {

    /*
     * Implementation notes. Plans are explored breadth first (by size), each exactly once (`seen`). A fault site is
     * decided inside the running logical thread without a scheduling point: the decision is a function of the
     * thread's program order (FaultSite), so it behaves like an input fixed per plan and dynamic partial-order
     * reduction stays sound within each plan's exploration. The wrapped body resets the per-execution occurrence
     * counts before the test body runs, in every execution including the replay of a counterexample.
     */

    private FaultExplorer() {
    }

    /**
     * Explores {@code body} under every reachable plan of at most {@code maxFaults} failing steps, with the given
     * options (strategy, bounds, leak checking) for each plan's exploration.
     *
     * @return every plan's result; the run stops at the first plan whose exploration failed if the options stop on
     *     the first failure (the default)
     */
    public static FaultResult check(Model.Builder options, int maxFaults, Runnable body) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(body, "body");
        if (maxFaults < 0) {
            throw new IllegalArgumentException("maxFaults must be at least 0: " + maxFaults);
        }
        String only = System.getProperty("refcheck.faults");
        List<FaultResult.PlanRun> runs = new ArrayList<>();
        if (only != null) {
            runs.add(explore(options, FaultPlan.parse(only), body));
            return new FaultResult(maxFaults, runs);
        }
        Queue<FaultPlan> queue = new ArrayDeque<>(List.of(FaultPlan.NONE));
        Set<FaultPlan> seen = new HashSet<>(queue);
        while (!queue.isEmpty()) {
            FaultPlan plan = queue.remove();
            FaultResult.PlanRun run = explore(options, plan, body);
            runs.add(run);
            if (run.result().failed()) {
                break;
            }
            if (plan.size() < maxFaults) {
                for (FaultSite site : run.extensions()) {
                    FaultPlan next = plan.with(site);
                    if (!plan.fails(site) && seen.add(next)) {
                        queue.add(next);
                    }
                }
            }
        }
        return new FaultResult(maxFaults, runs);
    }

    private static FaultResult.PlanRun explore(Model.Builder options, FaultPlan plan, Runnable body) {
        FaultInjection injection = FaultInjection.install(plan);
        try {
            ModelResult result = options.check(() -> {
                injection.beginExecution();
                body.run();
            });
            return new FaultResult.PlanRun(plan, result, injection.reached(), injection.extensions());
        } finally {
            injection.uninstall();
        }
    }
}
