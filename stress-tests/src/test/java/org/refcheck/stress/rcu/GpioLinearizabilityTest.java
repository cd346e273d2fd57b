package org.refcheck.stress.rcu;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.refcheck.stress.catalogue.Checks;
import org.refcheck.stress.lincheck.LincheckSizes;
import org.refcheck.stress.lincheck.LincheckVerdicts;

/**
 * Linearizability of the GPIO device's calls against the chip's removal ({@link GpioSpec}), with the lifetime
 * tracker as validation: the SRCU-protected chip pointer must pass model checking; B16 (the plain NULL check) uses a
 * chip freed under a call in flight, which the validation reports.
 *
 * <p>How to run: {@code mvn -B verify -pl stress-tests -am -Djcstress.skip=true -Drefcheck.summary.skip=true
 * -Dtest=GpioLinearizabilityTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("lincheck")
class GpioLinearizabilityTest {

    /* Sizes: a removal's synchronize_srcu spins on the callers' counts; an eighth of the scenarios, a twentieth of
     * the invocations per scenario. */
    private static final int ITERATIONS = Math.max(2, LincheckSizes.iterations() / 8);
    private static final int INVOCATIONS = Math.max(100, LincheckSizes.invocations() / 20);

    private static ModelCheckingOptions modelChecking() {
        return LincheckSizes.modelChecking().iterations(ITERATIONS).invocationsPerIteration(INVOCATIONS)
                .threads(2).actorsPerThread(2).actorsBefore(1).actorsAfter(1)
                .sequentialSpecification(GpioSpec.class);
    }

    @Test
    @Checks(protocol = "gpio-chip", variant = "correct")
    void srcuProtectedChipIsLinearizable() {
        LincheckVerdicts.expectPasses(() -> modelChecking().check(GpioOps.Correct.class));
    }

    @Test
    @Checks(protocol = "gpio-chip", variant = "null-check")
    void nullCheckIsCaught() {
        var o = LincheckVerdicts.expectCaught(() -> modelChecking().check(GpioOps.NullCheck.class));
        assertTrue(o.failureText().contains("use after free") || o.failureKind().equals("IncorrectResultsFailure"),
                o.failureText());
    }
}
