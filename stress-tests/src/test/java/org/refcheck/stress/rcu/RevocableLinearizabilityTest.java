package org.refcheck.stress.rcu;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.refcheck.stress.catalogue.Checks;
import org.refcheck.stress.lincheck.LincheckSizes;
import org.refcheck.stress.lincheck.LincheckVerdicts;

/**
 * Linearizability of {@code Revocable<T>} against {@link RevocableSpec}, with the lifetime tracker as validation:
 * the correct Revocable must pass model checking; B14 (revoke without a grace period) stays linearizable in its
 * results but drops the data under a user, which the validation reports.
 *
 * <p>How to run: {@code mvn -B verify -pl stress-tests -am -Djcstress.skip=true -Drefcheck.summary.skip=true
 * -Dtest=RevocableLinearizabilityTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("lincheck")
class RevocableLinearizabilityTest {

    /*
     * Sizes: a revoke's grace period spins on the other thread's reader through the facade mutex, so an invocation
     * costs milliseconds; an eighth of the scenarios and a twentieth of the invocations per scenario.
     */
    private static final int ITERATIONS = Math.max(2, LincheckSizes.iterations() / 8);
    private static final int INVOCATIONS = Math.max(100, LincheckSizes.invocations() / 20);

    private static ModelCheckingOptions modelChecking() {
        return LincheckSizes.modelChecking().iterations(ITERATIONS).invocationsPerIteration(INVOCATIONS)
                .threads(RevocableOps.THREADS).actorsPerThread(2).actorsBefore(1).actorsAfter(1)
                .sequentialSpecification(RevocableSpec.class);
    }

    @Test
    @Checks(protocol = "revocable", variant = "correct")
    void revocableIsLinearizable() {
        LincheckVerdicts.expectPasses(() -> modelChecking().check(RevocableOps.Correct.class));
    }

    @Test
    @Checks(protocol = "revocable", variant = "revoke-without-grace-period")
    void revokeWithoutGracePeriodIsCaught() {
        var o = LincheckVerdicts.expectCaught(() -> modelChecking().check(RevocableOps.WithoutGracePeriod.class));
        assertTrue(o.failureText().contains("use after destroy"), o.failureText());
    }
}
