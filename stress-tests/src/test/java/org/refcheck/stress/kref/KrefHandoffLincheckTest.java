package org.refcheck.stress.kref;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Executor;
import org.jetbrains.lincheck.Lincheck;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.kref.KrefHandoff;
import org.refcheck.protocols.kref.mutant.LateGetKrefHandoff;
import org.refcheck.stress.catalogue.Checks;
import org.refcheck.stress.lincheck.ConcurrentRun;
import org.refcheck.stress.lincheck.LincheckSizes;
import org.refcheck.stress.lincheck.LincheckVerdicts;

/**
 * Rule 1 of Documentation/core-api/kref.rst under {@code Lincheck.runConcurrentTest}: a creator hands a kref-counted
 * object to a worker thread it starts, and both use the object and put their reference. Taking the worker's
 * reference before the hand-off frees the object exactly once in every interleaving; taking it after (B6) lets a
 * worker that runs to completion free the object first, so the creator's late {@code kref_get} revives freed memory.
 *
 * <p>The creator runs in a thread of {@link ConcurrentRun}, starts the worker itself (that is the hand-off) and joins
 * it at its very end, after its own put; whatever the worker throws is rethrown by the creator, and every verdict
 * is asserted on the main thread.
 *
 * <p>How to run: {@code mvn -B verify -pl stress-tests -am -Djcstress.skip=true -Drefcheck.summary.skip=true
 * -Dtest=KrefHandoffLincheckTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("lincheck")
class KrefHandoffLincheckTest {

    /**
     * A creator and the worker it starts: model checking exhausts their schedules by itself in about 330
     * invocations (measured, about 50 s on two busy CPUs); a twentieth of the configured budget covers those with
     * few context switches. The mutant is caught within 10 invocations.
     */
    private static final int INVOCATIONS = Math.max(100, LincheckSizes.invocations() / 20);

    @FunctionalInterface
    private interface HandoffMaker {
        KrefHandoff<String> make(LifetimeTracker heap, String payload);
    }

    /** Starts the worker on its own thread and, at the creator's end, joins it and rethrows what it threw. */
    private static final class WorkerThread implements Executor {
        private Thread thread;
        private final Throwable[] thrown = new Throwable[1];

        @Override
        public void execute(Runnable task) {
            thread = new Thread(() -> {
                try {
                    task.run();
                } catch (Throwable t) {
                    thrown[0] = t;
                }
            }, "worker");
            thread.start();
        }

        void join() {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while joining the worker", e);
            }
            if (thrown[0] != null) {
                throw new AssertionError("the worker threw " + thrown[0], thrown[0]);
            }
        }
    }

    private static void creatorHandsOff(HandoffMaker maker) {
        LifetimeTracker heap = new LifetimeTracker();
        KrefHandoff<String> handoff = maker.make(heap, "payload");
        ConcurrentRun.inThreads(heap, () -> {
            WorkerThread worker = new WorkerThread();
            handoff.handOff(worker);
            handoff.creatorDone();
            worker.join();
        });
    }

    @Test
    @Checks(protocol = "kref-handoff", variant = "correct")
    void getBeforeTheHandOffFreesOnce() {
        LincheckVerdicts.expectPasses(() -> Lincheck.runConcurrentTest(INVOCATIONS,
                () -> creatorHandsOff(KrefHandoff::new)));
    }

    @Test
    @Checks(protocol = "kref-handoff", variant = "get-after-handoff")
    void getAfterTheHandOffIsCaught() {
        var o = LincheckVerdicts.expectCaught(() -> Lincheck.runConcurrentTest(INVOCATIONS,
                () -> creatorHandsOff(LateGetKrefHandoff::new)));
        assertTrue(o.failureText().contains("use after free") || o.failureText().contains("resurrection"),
                o.failureText());
    }
}
