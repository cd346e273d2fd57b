package org.refcheck.stress.cdev;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.refcheck.stress.catalogue.Checks;
import org.refcheck.stress.lincheck.LincheckSizes;
import org.refcheck.stress.lincheck.LincheckVerdicts;

/**
 * Linearizability of a character device's operations with the locked call gate against {@link CharDeviceSpec}: each
 * user's call takes effect at the gate's enter, the disconnect at its flag, and its wait makes sure no call is left
 * in flight; the lifetime tracker validates every scenario.
 *
 * <p>How to run: {@code mvn -B verify -pl stress-tests -am -Djcstress.skip=true -Drefcheck.summary.skip=true
 * -Dtest=CdevLinearizabilityTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("lincheck")
class CdevLinearizabilityTest {

    /** Every step takes the gate's facade mutex, whose internals Lincheck explores too: small sizes. */
    private static final int ITERATIONS = Math.max(2, LincheckSizes.iterations() / 5);
    private static final int INVOCATIONS = Math.max(50, LincheckSizes.invocations() / 40);

    @Test
    @Checks(protocol = "cdev-locked", variant = "correct")
    void deviceOperationsAreLinearizable() {
        LincheckVerdicts.expectPasses(() -> LincheckSizes.modelChecking().iterations(ITERATIONS)
                .invocationsPerIteration(INVOCATIONS).threads(2).actorsPerThread(2).actorsBefore(0).actorsAfter(1)
                .sequentialSpecification(CharDeviceSpec.class).check(CharDeviceOps.class));
    }
}
