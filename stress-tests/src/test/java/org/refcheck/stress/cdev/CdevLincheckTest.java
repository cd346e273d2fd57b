package org.refcheck.stress.cdev;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jetbrains.lincheck.Lincheck;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.refcheck.protocols.cdev.CharDevice;
import org.refcheck.protocols.cdev.LockedCallGate;
import org.refcheck.protocols.cdev.PercpuCallGate;
import org.refcheck.protocols.cdev.mutant.DevmStateCharDevice;
import org.refcheck.protocols.cdev.mutant.NoWaitCallGate;
import org.refcheck.protocols.cdev.mutant.UnfencedPercpuCallGate;
import org.refcheck.stress.catalogue.Checks;
import org.refcheck.stress.lincheck.LincheckSizes;
import org.refcheck.stress.lincheck.LincheckVerdicts;
import org.refcheck.stress.model.DeviceScenarios;

/**
 * The cdev disconnect protocol under {@code Lincheck.runConcurrentTest}: a user holding an open file makes a call
 * and closes it while the driver disconnects ({@link DeviceScenarios#callsVsDisconnect}, 2 threads). The
 * disconnecting actor checks that no call was in flight when the hardware went; {@code ConcurrentRun} rethrows that
 * and any lifetime violation (use of unregistered hardware, use of freed state, leaks) on the main thread.
 *
 * <p>How to run: {@code mvn -B verify -pl stress-tests -am -Djcstress.skip=true -Drefcheck.summary.skip=true
 * -Dtest=CdevLincheckTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("lincheck")
class CdevLincheckTest {

    /**
     * The two threads' schedules are few; a tenth of the configured budget covers the ones with few context
     * switches, where every mutant here is caught within a handful of invocations.
     */
    private static final int INVOCATIONS = Math.max(100, LincheckSizes.invocations() / 10);

    /** A mutant no sequentially consistent checker can catch is run only to record that: a quarter of the budget. */
    private static final int OBSERVED = INVOCATIONS / 4;

    private static final DeviceScenarios.GateMaker LOCKED = (heap, label, cpus) -> new LockedCallGate(heap, label);

    private static void check(Runnable scenario) {
        Lincheck.runConcurrentTest(INVOCATIONS, scenario);
    }

    @Test
    @Checks(protocol = "cdev-locked", variant = "correct")
    void lockedGateWaitsForTheCall() {
        LincheckVerdicts.expectPasses(() -> check(
                DeviceScenarios.callsVsDisconnect(LOCKED, CharDevice::new, 2, DeviceLincheck.RACE)));
    }

    @Test
    @Checks(protocol = "cdev-locked", variant = "disconnect-without-wait")
    void disconnectWithoutWaitIsCaught() {
        var o = LincheckVerdicts.expectCaught(() -> check(DeviceScenarios.callsVsDisconnect(
                (heap, label, cpus) -> new NoWaitCallGate(heap, label), CharDevice::new, 2, DeviceLincheck.RACE)));
        assertTrue(o.failureText().contains("still in flight") || o.failureText().contains("use after free"),
                o.failureText());
    }

    @Test
    @Checks(protocol = "cdev-locked", variant = "devm-state")
    void devmStateIsCaught() {
        var o = LincheckVerdicts.expectCaught(() -> check(
                DeviceScenarios.callsVsDisconnect(LOCKED, DevmStateCharDevice::new, 2, DeviceLincheck.RACE)));
        assertTrue(o.failureText().contains("use after free"), o.failureText());
    }

    @Test
    @Checks(protocol = "cdev-percpu", variant = "correct")
    void percpuGateWaitsForTheCall() {
        LincheckVerdicts.expectPasses(() -> check(DeviceScenarios.callsVsDisconnect(
                (heap, label, cpus) -> new PercpuCallGate(label, cpus), CharDevice::new, 2, DeviceLincheck.RACE)));
    }

    @Test
    @Checks(protocol = "cdev-percpu", variant = "no-full-barrier")
    void unfencedGateIsRecordedAsOutOfReach() {
        LincheckVerdicts.observe(() -> Lincheck.runConcurrentTest(OBSERVED, DeviceScenarios.callsVsDisconnect(
                (heap, label, cpus) -> new UnfencedPercpuCallGate(label, cpus), CharDevice::new, 2,
                DeviceLincheck.RACE)));
    }
}
