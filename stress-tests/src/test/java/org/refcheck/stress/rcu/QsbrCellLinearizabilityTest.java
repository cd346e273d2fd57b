package org.refcheck.stress.rcu;

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
 * Linearizability of the urcu-qsbr cell against {@link QsbrCellSpec} (a register), with the lifetime tracker as
 * validation: reads and synchronous replaces of the correct cell must pass model checking. Every check first runs
 * X23's minimal scenario ({@link #replaceAgainstARead}), then random ones. X23 itself (a quiescent state announced
 * between the dereference and the use) is run and recorded, but Lincheck is not expected to reach its interleaving
 * at this budget; X24 (synchronize while online) hangs and X25 (an unfenced quiescent state) needs weak memory. The
 * catalogue says why for each.
 *
 * <p>How to run: {@code mvn -B verify -pl stress-tests -am -Djcstress.skip=true -Drefcheck.summary.skip=true
 * -Dtest=QsbrCellLinearizabilityTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("lincheck")
class QsbrCellLinearizabilityTest {

    /* Sizes as in RcuCellLinearizabilityTest: each replace waits for a grace period. */
    private static final int ITERATIONS = Math.max(2, LincheckSizes.iterations() / 8);
    private static final int INVOCATIONS = Math.max(100, LincheckSizes.invocations() / 20);

    private static ModelCheckingOptions modelChecking(Class<? extends QsbrCellOps> ops) {
        return LincheckSizes.modelChecking().iterations(ITERATIONS).invocationsPerIteration(INVOCATIONS)
                .threads(QsbrCellOps.THREADS).actorsPerThread(2).actorsBefore(1).actorsAfter(1)
                .addCustomScenario(replaceAgainstARead(ops))
                .sequentialSpecification(QsbrCellSpec.class);
    }

    /** X23's minimal scenario: thread 1 replaces the value while thread 2 reads it once. */
    static ExecutionScenario replaceAgainstARead(Class<? extends QsbrCellOps> ops) {
        try {
            Actor replace = new Actor(ops.getMethod("replace", int.class, int.class), List.of(1, 1));
            Actor read = new Actor(ops.getMethod("read", int.class), List.of(2));
            return new ExecutionScenario(List.of(), List.of(List.of(replace), List.of(read)), List.of(), null);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Checks(protocol = "rcu-qsbr", variant = "correct")
    void qsbrCellIsLinearizable() {
        LincheckVerdicts.expectPasses(() -> modelChecking(QsbrCellOps.Correct.class).check(QsbrCellOps.Correct.class));
    }

    /** Not expected to be caught (see the catalogue's reason); run and recorded as what Lincheck concluded. */
    @Test
    @Checks(protocol = "rcu-qsbr", variant = "quiescent-state-before-use")
    void quiescentStateBeforeUseIsObserved() {
        LincheckVerdicts.observe(() -> modelChecking(QsbrCellOps.QuiescentBeforeUse.class)
                .check(QsbrCellOps.QuiescentBeforeUse.class));
    }
}
