package org.refcheck.stress.rcu;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.refcheck.stress.catalogue.Checks;
import org.refcheck.stress.lincheck.LincheckSizes;
import org.refcheck.stress.lincheck.LincheckVerdicts;

/**
 * Linearizability of the RCU-protected cell against {@link RcuCellSpec} (a register with an increment), with the
 * lifetime tracker as validation: reads, synchronous replaces and read-copy-update increments of the correct cell
 * must pass model checking; B13 (the version used after its section ended) keeps linearizable results but touches
 * freed versions, which the validation reports. Every check first runs B15's minimal scenario
 * ({@link #twoReplacesAgainstARead}), then random ones; B15 itself (a one-phase grace period) is run and recorded,
 * but Lincheck is not expected to reach its interleaving at this budget (the catalogue says why).
 *
 * <p>How to run: {@code mvn -B verify -pl stress-tests -am -Djcstress.skip=true -Drefcheck.summary.skip=true
 * -Dtest=RcuCellLinearizabilityTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("lincheck")
class RcuCellLinearizabilityTest {

    /* Sizes as in RevocableLinearizabilityTest: each replace and increment waits for a grace period. */
    private static final int ITERATIONS = Math.max(2, LincheckSizes.iterations() / 8);
    private static final int INVOCATIONS = Math.max(100, LincheckSizes.invocations() / 20);

    private static ModelCheckingOptions modelChecking(Class<? extends RcuCellOps> ops) {
        return LincheckSizes.modelChecking().iterations(ITERATIONS).invocationsPerIteration(INVOCATIONS)
                .threads(RcuCellOps.THREADS).actorsPerThread(2).actorsBefore(1).actorsAfter(1)
                .addCustomScenario(twoReplacesAgainstARead(ops))
                .sequentialSpecification(RcuCellSpec.class);
    }

    /**
     * B15's minimal scenario: thread 1 replaces the value twice (two grace periods) while thread 2 reads it once.
     * The one-phase grace period frees the version a reader published a stale phase for.
     */
    static ExecutionScenario twoReplacesAgainstARead(Class<? extends RcuCellOps> ops) {
        try {
            Actor replace1 = new Actor(ops.getMethod("replace", int.class), List.of(1));
            Actor replace2 = new Actor(ops.getMethod("replace", int.class), List.of(2));
            Actor read = new Actor(ops.getMethod("read", int.class), List.of(2));
            return new ExecutionScenario(List.of(), List.of(List.of(replace1, replace2), List.of(read)), List.of(),
                    null);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Checks(protocol = "rcu", variant = "correct")
    void rcuCellIsLinearizable() {
        LincheckVerdicts.expectPasses(() -> modelChecking(RcuCellOps.Correct.class).check(RcuCellOps.Correct.class));
    }

    @Test
    @Checks(protocol = "rcu", variant = "use-after-unlock")
    void useAfterUnlockIsCaught() {
        var o = LincheckVerdicts.expectCaught(() -> modelChecking(RcuCellOps.UseAfterUnlock.class).check(RcuCellOps.UseAfterUnlock.class));
        assertTrue(o.failureText().contains("use after free"), o.failureText());
    }

    /** Not expected to be caught (see the catalogue's reason); run and recorded as what Lincheck concluded. */
    @Test
    @Checks(protocol = "rcu", variant = "one-phase-grace-period")
    void onePhaseGracePeriodIsObserved() {
        LincheckVerdicts.observe(() -> modelChecking(RcuCellOps.OnePhase.class).check(RcuCellOps.OnePhase.class));
    }
}
