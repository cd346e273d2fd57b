package org.refcheck.model.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.model.Counterexample;
import org.refcheck.model.Model;
import org.refcheck.model.rt.FailureKind;
import org.refcheck.sync.Faults;
import org.refcheck.sync.Joinable;
import org.refcheck.sync.SharedInt;
import org.refcheck.sync.Threads;

/** Fault injection: every reachable combination of failing steps is explored, and error paths are judged. */
class FaultExplorerTest {

    /** Acquires {@code a} then {@code b}; on a failure releases what it holds, unless {@code leakOnSecond}. */
    private static void acquireTwo(LifetimeTracker heap, boolean leakOnSecond) {
        if (Faults.mayFail("alloc a")) {
            return;
        }
        Allocation a = heap.allocate("a");
        if (Faults.mayFail("alloc b")) {
            if (!leakOnSecond) {
                a.free();
            }
            return;
        }
        Allocation b = heap.allocate("b");
        b.free();
        a.free();
    }

    @Test
    void everyFailurePointIsExploredAndACorrectUnwindPasses() {
        FaultResult r = FaultExplorer.check(Model.builder(), 2, () -> acquireTwo(new LifetimeTracker(), false));
        r.assertPassed();
        assertEquals(Set.of(new FaultSite("main", "alloc a", 1), new FaultSite("main", "alloc b", 1)), r.sites());
        List<String> plans = new ArrayList<>();
        r.runs().forEach(run -> plans.add(run.plan().encode()));
        // {a, b} is never explored: once "alloc a" fails, "alloc b" is not reached.
        assertEquals(List.of("", "main: alloc a#1", "main: alloc b#1"), plans, r.summary());
        assertTrue(r.combined().exhaustive(), r.summary());
    }

    @Test
    void anErrorPathThatForgetsAReleaseIsALeakNamingTheInjectedFailure() {
        FaultResult r = FaultExplorer.check(Model.builder(), 1, () -> acquireTwo(new LifetimeTracker(), true));
        Counterexample cx = r.assertFailed();
        assertEquals(FailureKind.LIFETIME, cx.failure().kind(), cx.render());
        assertTrue(cx.failure().message().contains("main: alloc b#1"), cx.render());
        assertTrue(cx.failure().message().contains("leak of a"), cx.render());
        assertTrue(cx.replayed(), cx.render());
    }

    @Test
    void withoutInjectionTheLeakyPathIsNeverTaken() {
        Model.check(() -> acquireTwo(new LifetimeTracker(), true)).assertPassed();
        assertFalse(Faults.mayFail("production"), "production steps never fail");
    }

    @Test
    void sitesAreNamedByThreadAndOccurrenceWhateverTheInterleaving() {
        FaultResult r = FaultExplorer.check(Model.builder(), 2, () -> {
            SharedInt failures = SharedInt.of("failures", 0);
            Joinable t = Threads.spawn("worker", () -> {
                for (int i = 0; i < 2; i++) {
                    if (Faults.mayFail("step")) {
                        failures.getAndAdd(1);
                    }
                }
            });
            if (Faults.mayFail("step")) {
                failures.getAndAdd(1);
            }
            t.join();
        });
        r.assertPassed();
        assertEquals(Set.of(new FaultSite("main", "step", 1), new FaultSite("worker", "step", 1),
                new FaultSite("worker", "step", 2)), r.sites());
        // no failure, three single failures, three pairs
        assertEquals(7, r.runs().size(), r.summary());
    }

    @Test
    void aPlanEncodesAndParsesBack() {
        FaultPlan plan = FaultPlan.of(new FaultSite("T1", "devres node", 2), new FaultSite("main", "irq", 1));
        assertEquals("T1: devres node#2, main: irq#1", plan.encode());
        assertEquals(plan, FaultPlan.parse(plan.encode()));
        assertEquals(FaultPlan.NONE, FaultPlan.parse(""));
    }
}
