package org.refcheck.stress.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.refcheck.model.Counterexample;
import org.refcheck.model.Model;
import org.refcheck.model.rt.FailureKind;
import org.refcheck.protocols.cdev.CharDevice;
import org.refcheck.protocols.cdev.LockedCallGate;
import org.refcheck.protocols.cdev.PercpuCallGate;
import org.refcheck.protocols.cdev.mutant.DevmStateCharDevice;
import org.refcheck.protocols.cdev.mutant.NoWaitCallGate;
import org.refcheck.protocols.debugfs.DebugfsDriver;
import org.refcheck.protocols.debugfs.mutant.RemoveUnderLockDebugfsDriver;
import org.refcheck.protocols.devres.Devres;
import org.refcheck.protocols.devres.mutant.FifoDevres;
import org.refcheck.protocols.devres.mutant.NoResetDevres;
import org.refcheck.stress.catalogue.Checks;

/**
 * The device family of the catalogue through refcheck's model checker, with 2 and 3 threads (a disconnecting,
 * removing or unbinding thread and one or two users): correct protocols exhaustively, sequential-consistency
 * mutants caught with a replaying counterexample, and devres's error paths under fault injection; the
 * store-buffering mutant (B17) is caught under the weak memory model in {@link WeakMemoryModelCatalogueTest}.
 */
@Tag("model")
class DeviceModelCatalogueTest {

    /** Fault injection: every combination of up to this many failing allocation or registration steps. */
    private static final int MAX_FAULTS = 2;

    private static String shape(int threads) {
        return threads + " threads";
    }

    private static final DeviceScenarios.GateMaker LOCKED = (heap, label, cpus) -> new LockedCallGate(heap, label);

    // cdev, locked call count ---------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    @Checks(protocol = "cdev-locked", variant = "correct")
    void lockedGateWaitsForCallsInFlight(int n) {
        ModelVerdicts.expectPasses("calls || disconnect, " + shape(n),
                DeviceScenarios.callsVsDisconnect(LOCKED, CharDevice::new, n, DeviceScenarios.MODEL));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    @Checks(protocol = "cdev-locked", variant = "disconnect-without-wait")
    void disconnectWithoutWaitUnregistersUnderACall(int n) {
        Counterexample cx = ModelVerdicts.expectCaught("calls || disconnect, " + shape(n),
                DeviceScenarios.callsVsDisconnect((heap, label, cpus) -> new NoWaitCallGate(heap, label),
                        CharDevice::new, n, DeviceScenarios.MODEL));
        String m = cx.failure().message();
        assertTrue(m.contains("still in flight") || m.startsWith("use after free"), cx.render());
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    @Checks(protocol = "cdev-locked", variant = "devm-state")
    void devmStateIsFreedUnderAnOpenFile(int n) {
        Counterexample cx = ModelVerdicts.expectCaught("calls || disconnect, " + shape(n),
                DeviceScenarios.callsVsDisconnect(LOCKED, DevmStateCharDevice::new, n, DeviceScenarios.MODEL));
        assertEquals(FailureKind.LIFETIME, cx.failure().kind(), cx.render());
    }

    // cdev, per-CPU call count ----------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    @Checks(protocol = "cdev-percpu", variant = "correct")
    void percpuGateWaitsForCallsInFlight(int n) {
        ModelVerdicts.expectPasses("calls || disconnect, " + shape(n),
                DeviceScenarios.callsVsDisconnect((heap, label, cpus) -> new PercpuCallGate(label, cpus),
                        CharDevice::new, n, DeviceScenarios.MODEL));
    }

    // debugfs -------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    @Checks(protocol = "debugfs-proxy", variant = "correct")
    void debugfsRemovalWaitsForReaders(int n) {
        ModelVerdicts.expectPasses("reads || teardown, " + shape(n),
                DeviceScenarios.readsVsTeardown(DebugfsDriver::new, n, DeviceScenarios.MODEL));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    @Checks(protocol = "debugfs-proxy", variant = "remove-under-handler-lock")
    void removalUnderTheHandlersLockDeadlocks(int n) {
        Counterexample cx = ModelVerdicts.expectCaught("reads || teardown, " + shape(n),
                DeviceScenarios.readsVsTeardown(RemoveUnderLockDebugfsDriver::new, n, DeviceScenarios.MODEL));
        assertEquals(FailureKind.DEADLOCK, cx.failure().kind(), cx.render());
        String m = cx.failure().message();
        assertTrue(m.contains("main waits for wlan0.debugfs.active_users_drained"), m);
        assertTrue(m.contains("waits for wlan0.lock held by main"), m);
    }

    // devres --------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    @Checks(protocol = "devres", variant = "correct")
    void everyErrorPathAndTheUnbindReleaseInReverseOnce(int n) {
        FaultVerdicts.expectPasses("users || bind and unbind, " + shape(n), MAX_FAULTS,
                DeviceScenarios.usersVsBindAndUnbind(Devres::new, n, DeviceScenarios.MODEL));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    @Checks(protocol = "devres", variant = "fifo-release")
    void fifoReleaseUsesTheFreedState(int n) {
        Counterexample cx = ModelVerdicts.expectCaught("users || bind and unbind, " + shape(n),
                DeviceScenarios.usersVsBindAndUnbind(FifoDevres::new, n, DeviceScenarios.MODEL));
        assertTrue(cx.failure().message().startsWith("use after free"), cx.render());
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    @Checks(protocol = "devres", variant = "add-action-no-reset")
    void addActionWithoutResetLeaksOnlyUnderFaultInjection(int n) {
        Runnable scenario = DeviceScenarios.usersVsBindAndUnbind(NoResetDevres::new, n, DeviceScenarios.MODEL);
        Model.builder().maxPreemptions(-1).check(scenario).assertPassed();   // no error path without a failure
        Counterexample cx = FaultVerdicts.expectCaught("users || bind and unbind, " + shape(n), MAX_FAULTS, scenario);
        assertTrue(cx.failure().message().contains("leak of sensor0.hardware"), cx.render());
    }
}
