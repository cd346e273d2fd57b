package org.refcheck.stress.kref;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.util.function.BiFunction;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Ref;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.L_Result;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.kref.KrefHandoff;
import org.refcheck.protocols.kref.mutant.LateGetKrefHandoff;
import org.refcheck.stress.LifetimeFindings;
import org.refcheck.stress.catalogue.Checks;

/**
 * A creator hands a kref-counted object to a worker thread, then uses it and puts its own reference, while the worker
 * uses it and puts the reference it was handed (kref.rst rule 1). The creator takes the worker's reference with
 * {@code kref_get} <em>before</em> the hand-off, so neither put can free the object under the other side. Catalogue
 * bug B6 takes it after the hand-off ("BAD BAD BAD"): a worker that runs to completion first puts the only
 * reference and frees the object, and the creator's late {@code kref_get} increments the count of freed memory from
 * zero.
 *
 * <p>The worker is the second actor. The creator's spawn publishes the task to it and returns once the worker is
 * running, as {@code Thread.start()} returns once the new thread is alive (and as {@code kthread_run} wakes a thread
 * that may run at once on another CPU): that is when a real creator's next statement races with the worker's whole
 * body, and it leaves the late {@code kref_get} racing with the worker's use and put instead of with the worker's
 * start-up.
 *
 * <p>How to run these tests: {@code java -jar stress-tests/target/jcstress.jar -t KrefHandoffTests}
 */
public final class KrefHandoffTests {

    private KrefHandoffTests() {
    }

    /** kref.rst rule 1: {@code kref_get} before passing the pointer on. */
    @JCStressTest
    @Checks(protocol = "kref-handoff", variant = "correct")
    @Description("The creator takes the worker's kref_get before handing the object off: whichever put is last "
            + "frees it, after both sides are done.")
    @Ref("Documentation/core-api/kref.rst (rule 1)")
    @Ref("include/linux/kref.h (kref_get, kref_put)")
    @Outcome(id = "clean", expect = ACCEPTABLE,
            desc = "both sides used the object and put their own reference; the last put freed it, once")
    @Outcome(id = ".*(use after free|resurrection).*", expect = FORBIDDEN,
            desc = "a put freed the object while the other side still needed it, or a kref_get found it at zero")
    @Outcome(expect = FORBIDDEN, desc = "the object leaked or was freed twice")
    @State
    public static class GetBeforeHandoff {

        private final HandoffScenario scenario = new HandoffScenario(KrefHandoff::new);

        /** The creator: hands the object off, then uses it and puts its reference. */
        @Actor
        public void creator() {
            scenario.creator();
        }

        /** The worker: waits for the hand-off, signals that it runs, uses the object and puts its reference. */
        @Actor
        public void worker() {
            scenario.worker();
        }

        /** What the lifetime tracker found. */
        @Arbiter
        public void arbiter(L_Result r) {
            r.r1 = scenario.finish();
        }
    }

    /** Mutant B6: the creator's {@code kref_get} comes after the hand-off ({@link LateGetKrefHandoff}). */
    @JCStressTest
    @Checks(protocol = "kref-handoff", variant = "get-after-handoff")
    @Description("The creator takes its kref_get after handing the object off: a worker that is done first frees "
            + "the object, and the late get increments freed memory from zero.")
    @Ref("Documentation/core-api/kref.rst (rule 1, \"BAD BAD BAD\")")
    @Ref("include/linux/kref.h (kref_get, kref_put)")
    @Outcome(id = "clean", expect = ACCEPTABLE,
            desc = "the late kref_get still came before the worker's put: the object lived until the last put")
    @Outcome(id = "use after free & resurrection", expect = ACCEPTABLE_INTERESTING,
            desc = "the worker put the only reference and freed the object first; the creator's kref_get took the "
                    + "count of freed memory from zero, and the creator used it: resurrection, use after free")
    @Outcome(id = "resurrection", expect = ACCEPTABLE_INTERESTING,
            desc = "the late kref_get found the count at zero between the worker's decrement and its free: the "
                    + "count rose from zero on an object already committed to being freed")
    @Outcome(id = ".*(use after free|resurrection).*", expect = ACCEPTABLE_INTERESTING,
            desc = "another combination of the late get's violations")
    @Outcome(expect = FORBIDDEN,
            desc = "a leak or a double free without a use after free: impossible even with the late get, which "
                    + "saturates the count it finds at zero")
    @State
    public static class GetAfterHandoff {

        private final HandoffScenario scenario = new HandoffScenario(LateGetKrefHandoff::new);

        /** The creator: hands the object off, then uses it and puts its reference. */
        @Actor
        public void creator() {
            scenario.creator();
        }

        /** The worker: waits for the hand-off, signals that it runs, uses the object and puts its reference. */
        @Actor
        public void worker() {
            scenario.worker();
        }

        /** What the lifetime tracker found. */
        @Arbiter
        public void arbiter(L_Result r) {
            r.r1 = scenario.finish();
        }
    }

    /**
     * One hand-off: the object, and the mailbox through which the creator's spawn passes the worker's task to the
     * worker actor.
     */
    static final class HandoffScenario {

        private final LifetimeTracker heap = new LifetimeTracker();
        private final KrefHandoff<String> handoff;
        private volatile Runnable mailbox;
        private volatile boolean running;

        HandoffScenario(BiFunction<LifetimeTracker, String, KrefHandoff<String>> create) {
            handoff = create.apply(heap, "payload");
        }

        void creator() {
            handoff.handOff(this::start);
            handoff.creatorDone();
        }

        void worker() {
            Runnable task;
            while ((task = mailbox) == null) {
                Thread.onSpinWait();
            }
            running = true;
            task.run();
        }

        String finish() {
            return LifetimeFindings.finish(heap);
        }

        /** The spawn: publishes the task and returns once the worker runs, like {@code Thread.start()}. */
        private void start(Runnable task) {
            mailbox = task;
            while (!running) {
                Thread.onSpinWait();
            }
        }
    }
}
