package org.refcheck.stress.rcu;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import org.jetbrains.lincheck.Lincheck;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.rcu.CallRcu;
import org.refcheck.protocols.rcu.Rcu;
import org.refcheck.protocols.rcu.RcuCell;
import org.refcheck.protocols.rcu.RcuPointer;
import org.refcheck.protocols.rcu.RcuReader;
import org.refcheck.protocols.rcu.Srcu;
import org.refcheck.protocols.rcu.SrcuReadGuard;
import org.refcheck.protocols.rcu.mutant.ImmediateCallRcu;
import org.refcheck.protocols.revocable.AsyncRevocable;
import org.refcheck.protocols.revocable.AsyncRevocableGuard;
import org.refcheck.stress.catalogue.Checks;
import org.refcheck.stress.lincheck.ConcurrentRun;
import org.refcheck.stress.lincheck.LincheckSizes;
import org.refcheck.stress.lincheck.LincheckVerdicts;

/**
 * The RCU family under {@code Lincheck.runConcurrentTest}: an updater (or revoker) against a reader, in the threads
 * of {@link ConcurrentRun}, which joins them and asserts on the main thread (Lincheck ignores what spawned threads
 * throw); then the main thread frees what is left and fails on any lifetime violation or leak. Correct protocols
 * must pass; B14 (call_rcu without a grace period) must be reported as the use after free it is.
 *
 * <p>How to run: {@code mvn -B verify -pl stress-tests -am -Djcstress.skip=true -Drefcheck.summary.skip=true
 * -Dtest=RcuLifetimeLincheckTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("lincheck")
class RcuLifetimeLincheckTest {

    /*
     * Sizes: an invocation costs a tenth to a quarter of a second on 2 cores (facade mutexes are Semaphores, whose
     * internals Lincheck explores); a fiftieth of the configured budget. The mutant is caught within 25 invocations.
     *
     * What is not here, measured: a body whose updater waits in Rcu.synchronize() for the reader's section (a
     * synchronous replace, B13, B15, the GPIO removal) makes runConcurrentTest report "Concurrent test has hung"
     * and a TimeoutFailure after 60 s, at about the tenth invocation, for the correct protocol as for the mutants
     * (with ConcurrentRun's threads and with the facade's). Those races are checked in Lincheck's data-structure
     * mode instead (RcuCellLinearizabilityTest, GpioLinearizabilityTest), where the same waits pass.
     */
    private static final int INVOCATIONS = Math.max(30, LincheckSizes.invocations() / 50);

    private static LincheckVerdicts.Check invocations(Runnable body) {
        return () -> Lincheck.runConcurrentTest(INVOCATIONS, body);
    }

    /** An updater replacing the cell with call_rcu and then running the barrier, against one reader. */
    private static Runnable deferredReplaceVsRead(Function<Rcu, CallRcu> queue) {
        return () -> {
            LifetimeTracker heap = new LifetimeTracker();
            Rcu rcu = new Rcu("rcu");
            RcuReader reader = rcu.register();
            CallRcu deferred = queue.apply(rcu);
            RcuCell<Integer> cell = new RcuCell<>(rcu, deferred, heap, "cell", 0);
            ConcurrentRun.inThreadsNoLeakCheck(heap, () -> {
                cell.replaceDeferred(1);
                deferred.barrier();
            }, () -> cell.read(reader, v -> v));
            cell.close();
            ConcurrentRun.assertNoViolations(heap.finish());
        };
    }

    // RCU ----------------------------------------------------------------------------------------------------

    @Test
    @Checks(protocol = "rcu", variant = "callback-before-grace-period")
    void immediateCallbackIsCaught() {
        var o = LincheckVerdicts.expectCaught(invocations(deferredReplaceVsRead(ImmediateCallRcu::new)));
        assertTrue(o.failureText().contains("use after free"), o.failureText());
    }

    @Test
    @Checks(protocol = "srcu", variant = "correct")
    void srcuReadAgainstReplace() {
        LincheckVerdicts.expectPasses(invocations(() -> {
            LifetimeTracker heap = new LifetimeTracker();
            Srcu srcu = new Srcu("srcu");
            RcuPointer<Allocation> current = new RcuPointer<>("gp", heap.allocate("obj0"));
            ConcurrentRun.inThreadsNoLeakCheck(heap, () -> {
                Allocation old = current.replace(heap.allocate("obj1"));
                srcu.synchronize();
                old.free();
            }, () -> {
                try (SrcuReadGuard section = srcu.readLock()) {
                    Allocation obj = current.dereference(section);
                    obj.access();
                    obj.access();
                }
            });
            current.access().free();
            ConcurrentRun.assertNoViolations(heap.finish());
        }));
    }

    @Test
    @Checks(protocol = "async-revocable", variant = "correct")
    void asyncRevocableAccessAgainstRevoke() {
        LincheckVerdicts.expectPasses(invocations(() -> {
            LifetimeTracker heap = new LifetimeTracker();
            AsyncRevocable<String> res = new AsyncRevocable<>(heap, "res", "regs");
            ConcurrentRun.inThreadsNoLeakCheck(heap, res::revoke, () -> {
                try (AsyncRevocableGuard<String> guard = res.tryAccess()) {
                    if (guard != null) {
                        guard.get();
                        guard.get();
                    }
                }
            });
            res.drop();
            ConcurrentRun.assertNoViolations(heap.finish());
        }));
    }
}
