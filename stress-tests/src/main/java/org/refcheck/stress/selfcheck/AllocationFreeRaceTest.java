package org.refcheck.stress.selfcheck;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Ref;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;
import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.AllocationState;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.lifetime.ViolationKind;

/**
 * Self-check of the lifetime tracker under real races: two threads free the same tracked allocation at once, and
 * exactly one of the two frees must be reported as a double free, whichever wins. Every protocol test relies on this
 * (a tracker that missed racing frees would make every double-free mutant look correct).
 *
 * <p>How to run this test: {@code java -jar stress-tests/target/jcstress.jar -t AllocationFreeRaceTest}
 */
@JCStressTest
@Description("Two threads free the same tracked allocation: the tracker reports exactly one double free.")
@Ref("stress-tests/src/main/java/org/refcheck/stress/selfcheck/AllocationFreeRaceTest.java")
@Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "one free won, the other was reported as a double free")
@Outcome(id = "0, 1", expect = FORBIDDEN, desc = "the losing free went unreported: double frees would slip through")
@Outcome(id = "2, 1", expect = FORBIDDEN, desc = "both frees were reported: correct protocols would be flagged")
@Outcome(expect = FORBIDDEN, desc = "the allocation is not freed after two frees, or other violations appeared")
@State
public class AllocationFreeRaceTest {

    private final LifetimeTracker heap = new LifetimeTracker();
    private final Allocation block = heap.allocate("block");

    /** First freeing thread. */
    @Actor
    public void freeFirst() {
        block.free();
    }

    /** Second freeing thread. */
    @Actor
    public void freeSecond() {
        block.free();
    }

    /** Counts double frees (r1) and checks the final state (r2 = 1 if freed); any other violation shows as r1 > 2. */
    @Arbiter
    public void arbiter(II_Result r) {
        int doubleFrees = 0;
        int others = 0;
        for (var v : heap.violations()) {
            if (v.kind() == ViolationKind.DOUBLE_FREE) {
                doubleFrees++;
            } else {
                others++;
            }
        }
        r.r1 = doubleFrees + 10 * others;
        r.r2 = block.state() == AllocationState.FREED ? 1 : 0;
    }
}
