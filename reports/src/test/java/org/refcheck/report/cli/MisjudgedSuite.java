package org.refcheck.report.cli;

import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.model.junit.ModelCheck;
import org.refcheck.sync.Joinable;
import org.refcheck.sync.SharedInt;
import org.refcheck.sync.Threads;

/**
 * A user suite whose claims are wrong, for {@link UserSuiteTest}: a "mutant" that has no bug, and a "correct"
 * protocol that frees twice. Not a test class of this build (its name does not end in Test): the refcheck command
 * runs it with {@code --suite}.
 */
class MisjudgedSuite {

    /** Two holders, each drop an atomic decrement; the one that reaches zero frees. Correct. */
    private static void dropDrop(boolean racyCheck) {
        LifetimeTracker heap = new LifetimeTracker();
        Allocation obj = heap.allocate("obj");
        SharedInt count = SharedInt.of("count", 2);
        Runnable drop = () -> {
            if (racyCheck) {
                count.getAndAdd(-1);
                if (count.getVolatile() == 0) {
                    obj.free();
                }
            } else if (count.getAndAdd(-1) == 1) {
                obj.free();
            }
        };
        Joinable t = Threads.spawn("other", drop);
        drop.run();
        t.join();
    }

    @ModelCheck(protocol = "toy", variant = "claimed-bug", expectFailure = true)
    void claimsABugThatIsNotThere() {
        dropDrop(false);
    }

    @ModelCheck(protocol = "toy", variant = "correct")
    void claimsCorrectButFreesTwice() {
        dropDrop(true);
    }
}
