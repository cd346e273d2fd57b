package org.refcheck.stress.model;

import org.opentest4j.AssertionFailedError;
import org.refcheck.model.Counterexample;
import org.refcheck.model.Model;
import org.refcheck.model.ModelResult;
import org.refcheck.model.fault.FaultExplorer;
import org.refcheck.model.fault.FaultResult;
import org.refcheck.stress.catalogue.Checker;
import org.refcheck.stress.catalogue.Entry;
import org.refcheck.stress.catalogue.Expectation;
import org.refcheck.stress.harness.CallingTest;

/**
 * {@link ModelVerdicts} with fault injection: the scenario is explored exhaustively once without injected failures
 * and once per reachable plan of up to {@code maxFaults} failing steps ({@link FaultExplorer}), and the verdict over
 * all plans is recorded and asserted the same way.
 *
 * <pre> {@code
 * @Test @Checks(protocol = "devres", variant = "add-action-no-reset")
 * void leakOnErrorPath() { FaultVerdicts.expectCaught("bind || user, 2 threads", 1, scenario); }
 * }</pre>
 */
public final class FaultVerdicts {

    private FaultVerdicts() {
    }

    /** The correct protocol of the calling test's entry: no execution under any plan may fail. */
    public static FaultResult expectPasses(String shape, int maxFaults, Runnable scenario) {
        Entry entry = CallingTest.entry();
        CallingTest.requireExpectation(entry, Checker.MODEL, Expectation.PASSES);
        FaultResult r = FaultExplorer.check(Model.builder().maxPreemptions(-1), maxFaults, scenario);
        ModelResult all = r.combined();
        ModelVerdicts.record(entry, shape + ", faults <= " + maxFaults, all);
        if (all.failed()) {
            throw new AssertionFailedError("the model checker flagged the correct protocol " + entry + " (" + shape
                    + "):\n" + all.counterexample().render());
        }
        if (!all.exhaustive()) {
            throw new AssertionFailedError(entry + " (" + shape + ") was not explored exhaustively: " + r.summary());
        }
        return r;
    }

    /** A mutant of the calling test's entry: some execution under some plan must fail, and replay. */
    public static Counterexample expectCaught(String shape, int maxFaults, Runnable scenario) {
        Entry entry = CallingTest.entry();
        CallingTest.requireExpectation(entry, Checker.MODEL, Expectation.CATCHES);
        FaultResult r = FaultExplorer.check(Model.builder().maxPreemptions(-1), maxFaults, scenario);
        ModelResult all = r.combined();
        ModelVerdicts.record(entry, shape + ", faults <= " + maxFaults, all);
        if (!all.failed()) {
            throw new AssertionFailedError("fault injection did not catch " + entry + " (" + shape + "): "
                    + r.summary());
        }
        if (!all.counterexample().replayed()) {
            throw new AssertionFailedError("the counterexample for " + entry + " does not replay:\n"
                    + all.counterexample().render());
        }
        return all.counterexample();
    }
}
