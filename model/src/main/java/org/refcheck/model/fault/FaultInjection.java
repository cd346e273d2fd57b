package org.refcheck.model.fault;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The model back-end's side of {@link org.refcheck.sync.Faults#mayFail}: decides each fallible step by the
 * {@link FaultPlan} the running {@link FaultExplorer} installed, and collects the sites the explored executions
 * reach.
 *
 * <p>With no plan installed (a plain {@code Model.check}), no step fails and nothing is collected. Only one fault
 * exploration runs at a time in a JVM; {@link #install} refuses a second one.
 */
public final class FaultInjection {

    /*
     * Implementation notes. The model checker runs exactly one logical thread at a time and hands the turn over
     * through semaphores, so the per-execution counters below, written only by the running logical thread, need no
     * further synchronisation; `active` is volatile because the driver thread installs and removes it. Occurrences
     * are counted per thread name and label and reset when the wrapped test body starts an execution
     * (beginExecution, called first thing in thread 0), so a site's identity is a function of its thread's program
     * order alone.
     *
     * Completeness of the plans explored (FaultExplorer extends a plan P only by extensions()): if some execution
     * under P + s reaches every site of P + s, let q be the site it decides last. Up to that decision the execution
     * behaves identically under P + s - q, which is explored first (by induction on size), and there it reaches
     * every site of P + s - q and then q, with no planned site after q in q's thread. Program order within a thread
     * and the set of sites reached are the same in every execution equivalent to it, so whichever representative
     * the partial-order reduction explores, q is an extension of P + s - q and P + s is generated.
     */

    private static volatile FaultInjection active;

    private final FaultPlan plan;
    private final Map<String, Integer> occurrences = new HashMap<>();
    /** Sites the current execution reached, with their position in their thread's sequence of decisions. */
    private final Map<FaultSite, Integer> current = new HashMap<>();
    /** Decisions each thread of the current execution made so far. */
    private final Map<String, Integer> decisions = new HashMap<>();
    /** Sites any execution reached. */
    private final Set<FaultSite> reached = new TreeSet<>();
    /** Sites reached by an execution that also reached every site of the plan. */
    private final Set<FaultSite> extensions = new TreeSet<>();

    private FaultInjection(FaultPlan plan) {
        this.plan = plan;
    }

    /** Installs {@code plan} for the explorations that follow, until {@link #uninstall()}. */
    static FaultInjection install(FaultPlan plan) {
        FaultInjection injection = new FaultInjection(plan);
        synchronized (FaultInjection.class) {
            if (active != null) {
                throw new IllegalStateException("another fault exploration is running in this JVM");
            }
            active = injection;
        }
        return injection;
    }

    /** Removes the installed plan; fallible steps succeed again. */
    void uninstall() {
        synchronized (FaultInjection.class) {
            if (active == this) {
                active = null;
            }
        }
    }

    /** Starts counting occurrences afresh: called at the start of every execution of the wrapped body. */
    void beginExecution() {
        endExecution();
        occurrences.clear();
    }

    private void endExecution() {
        reached.addAll(current.keySet());
        if (current.keySet().containsAll(plan.sites())) {
            for (Map.Entry<FaultSite, Integer> e : current.entrySet()) {
                if (!plan.fails(e.getKey()) && nothingPlannedAfter(e.getKey(), e.getValue())) {
                    extensions.add(e.getKey());
                }
            }
        }
        current.clear();
        decisions.clear();
    }

    /** Whether no failing site of the plan comes after {@code site} in its thread's program order. */
    private boolean nothingPlannedAfter(FaultSite site, int position) {
        for (FaultSite planned : plan.sites()) {
            if (planned.thread().equals(site.thread()) && current.get(planned) > position) {
                return false;
            }
        }
        return true;
    }

    /** The sites reached by the executions since {@link #install}, in order. */
    SortedSet<FaultSite> reached() {
        endExecution();
        return Collections.unmodifiableSortedSet(new TreeSet<>(reached));
    }

    /**
     * The sites worth adding to the plan: those reached by an execution that reached every site of the plan too,
     * and reached after every failing site of the plan in the same thread. (Failing a site that comes before a
     * planned one in program order may keep the thread from reaching the planned one; such a plan would explore
     * nothing a smaller plan did not.)
     */
    SortedSet<FaultSite> extensions() {
        endExecution();
        return Collections.unmodifiableSortedSet(new TreeSet<>(extensions));
    }

    /**
     * Whether the calling logical thread's fallible step {@code label} fails: {@code false} unless a fault
     * exploration is running and its plan names this site.
     */
    public static boolean decide(String label) {
        FaultInjection injection = active;
        if (injection == null) {
            return false;
        }
        String thread = Thread.currentThread().getName();
        int n = injection.occurrences.merge(thread + "\u0000" + label, 1, Integer::sum);
        FaultSite site = new FaultSite(thread, label, n);
        injection.current.put(site, injection.decisions.merge(thread, 1, Integer::sum));
        return injection.plan.fails(site);
    }
}
