package org.refcheck.stress.devres;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jetbrains.lincheck.Lincheck;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.refcheck.protocols.devres.Devres;
import org.refcheck.protocols.devres.mutant.FifoDevres;
import org.refcheck.protocols.devres.mutant.NoResetDevres;
import org.refcheck.stress.catalogue.Checks;
import org.refcheck.stress.cdev.DeviceLincheck;
import org.refcheck.stress.lincheck.LincheckSizes;
import org.refcheck.stress.lincheck.LincheckVerdicts;
import org.refcheck.stress.model.DeviceScenarios;

/**
 * devres under {@code Lincheck.runConcurrentTest}: a user calls the device file while the driver binds and unbinds
 * ({@link DeviceScenarios#usersVsBindAndUnbind}, 2 threads). The add-action-or-reset mutant (X21) is run and
 * recorded: its bug is on an error path production steps never take.
 *
 * <p>How to run: {@code mvn -B verify -pl stress-tests -am -Djcstress.skip=true -Drefcheck.summary.skip=true
 * -Dtest=DevresLincheckTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("lincheck")
class DevresLincheckTest {

    private static final int INVOCATIONS = Math.max(100, LincheckSizes.invocations() / 10);

    /** A mutant no sequentially consistent checker can catch is run only to record that: a quarter of the budget. */
    private static final int OBSERVED = INVOCATIONS / 4;

    @Test
    @Checks(protocol = "devres", variant = "correct")
    void unbindReleasesInReverse() {
        LincheckVerdicts.expectPasses(() -> Lincheck.runConcurrentTest(INVOCATIONS,
                DeviceScenarios.usersVsBindAndUnbind(Devres::new, 2, DeviceLincheck.RACE)));
    }

    @Test
    @Checks(protocol = "devres", variant = "fifo-release")
    void fifoReleaseIsCaught() {
        var o = LincheckVerdicts.expectCaught(() -> Lincheck.runConcurrentTest(INVOCATIONS,
                DeviceScenarios.usersVsBindAndUnbind(FifoDevres::new, 2, DeviceLincheck.RACE)));
        assertTrue(o.failureText().contains("use after free"), o.failureText());
    }

    @Test
    @Checks(protocol = "devres", variant = "add-action-no-reset")
    void addActionWithoutResetIsRecordedAsOutOfReach() {
        LincheckVerdicts.observe(() -> Lincheck.runConcurrentTest(OBSERVED,
                DeviceScenarios.usersVsBindAndUnbind(NoResetDevres::new, 2, DeviceLincheck.RACE)));
    }
}
