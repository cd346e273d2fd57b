package org.refcheck.stress.selfcheck;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Ref;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;
import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.AllocationState;
import org.refcheck.lifetime.LifetimeTracker;

/**
 * Canary of the jcstress run: two threads each free a tracked allocation if they see it live, a check-then-act race
 * with no lock, so both can see it live and free it twice. The gate requires that this double free shows up in
 * every run: if it never does, the run did not race (both actors shared one CPU, or the JIT serialised them), and a
 * correct protocol "passing" in the same run proves nothing.
 *
 * <p>How to run this test: {@code java -jar stress-tests/target/jcstress.jar -t CheckThenFreeRaceTest}
 */
@Canary
@JCStressTest
@Description("Unlocked check-then-free by two threads: the double free must be observed, or the run did not race.")
@Ref("stress-tests/src/main/java/org/refcheck/stress/selfcheck/CheckThenFreeRaceTest.java")
@Outcome(id = "0", expect = ACCEPTABLE, desc = "one thread freed, the other saw the block freed and backed off")
@Outcome(id = "1", expect = ACCEPTABLE_INTERESTING, desc = "both saw the block live and freed it: double free")
@Outcome(expect = FORBIDDEN, desc = "more than one violation from two frees")
@State
public class CheckThenFreeRaceTest {

    private final LifetimeTracker heap = new LifetimeTracker();
    private final Allocation block = heap.allocate("block");

    /** First thread: free if live. */
    @Actor
    public void freeIfLiveFirst() {
        freeIfLive();
    }

    /** Second thread: free if live. */
    @Actor
    public void freeIfLiveSecond() {
        freeIfLive();
    }

    /** The number of violations the tracker reported. */
    @Arbiter
    public void arbiter(I_Result r) {
        r.r1 = heap.violations().size();
    }

    private void freeIfLive() {
        if (block.state() == AllocationState.LIVE) {
            block.free();
        }
    }
}
