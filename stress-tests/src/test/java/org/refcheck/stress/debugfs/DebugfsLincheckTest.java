package org.refcheck.stress.debugfs;

import org.jetbrains.lincheck.Lincheck;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.refcheck.protocols.debugfs.DebugfsDriver;
import org.refcheck.protocols.debugfs.mutant.RemoveUnderLockDebugfsDriver;
import org.refcheck.stress.catalogue.Checks;
import org.refcheck.stress.cdev.DeviceLincheck;
import org.refcheck.stress.lincheck.LincheckSizes;
import org.refcheck.stress.lincheck.LincheckVerdicts;
import org.refcheck.stress.model.DeviceScenarios;

/**
 * debugfs's proxy under {@code Lincheck.runConcurrentTest}: a user reads the driver's debugfs file while the driver
 * tears down ({@link DeviceScenarios#readsVsTeardown}, 2 threads). Removing the file under the handler's lock (B19)
 * blocks both threads; Lincheck's managed scheduler reports it as a deadlock.
 *
 * <p>How to run: {@code mvn -B verify -pl stress-tests -am -Djcstress.skip=true -Drefcheck.summary.skip=true
 * -Dtest=DebugfsLincheckTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("lincheck")
class DebugfsLincheckTest {

    private static final int INVOCATIONS = Math.max(100, LincheckSizes.invocations() / 10);

    @Test
    @Checks(protocol = "debugfs-proxy", variant = "correct")
    void removalWaitsForTheReader() {
        LincheckVerdicts.expectPasses(() -> Lincheck.runConcurrentTest(INVOCATIONS,
                DeviceScenarios.readsVsTeardown(DebugfsDriver::new, 2, DeviceLincheck.RACE)));
    }

    @Test
    @Checks(protocol = "debugfs-proxy", variant = "remove-under-handler-lock")
    void removalUnderTheHandlersLockIsCaught() {
        LincheckVerdicts.expectCaught(() -> Lincheck.runConcurrentTest(INVOCATIONS,
                DeviceScenarios.readsVsTeardown(RemoveUnderLockDebugfsDriver::new, 2, DeviceLincheck.RACE)));
    }
}
