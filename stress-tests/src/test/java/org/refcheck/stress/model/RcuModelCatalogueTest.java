package org.refcheck.stress.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.refcheck.model.Counterexample;
import org.refcheck.model.rt.FailureKind;
import org.refcheck.protocols.gpio.GpioDevice;
import org.refcheck.protocols.gpio.mutant.NullCheckGpioDevice;
import org.refcheck.protocols.rcu.CallRcu;
import org.refcheck.protocols.rcu.QsbrRcu;
import org.refcheck.protocols.rcu.Rcu;
import org.refcheck.protocols.rcu.RcuCell;
import org.refcheck.protocols.rcu.mutant.ImmediateCallRcu;
import org.refcheck.protocols.rcu.mutant.OnePhaseRcu;
import org.refcheck.protocols.rcu.mutant.OnlineSynchronizeQsbrRcu;
import org.refcheck.protocols.rcu.mutant.QuiescentInUseQsbrCell;
import org.refcheck.protocols.rcu.mutant.SynchronizeInReaderRcuCell;
import org.refcheck.protocols.rcu.mutant.UseAfterUnlockRcuCell;
import org.refcheck.protocols.revocable.Revocable;
import org.refcheck.protocols.revocable.mutant.RevokeWithoutGracePeriod;
import org.refcheck.stress.catalogue.Checks;
import org.refcheck.protocols.rcu.QsbrCell;
import org.refcheck.stress.model.RcuScenarios.QsbrMaker;
import org.refcheck.stress.model.RcuScenarios.RcuMaker;

/**
 * The RCU family of the catalogue through refcheck's model checker, with 2 and 3 threads (an updater and readers;
 * urcu-mb, urcu-qsbr, SRCU, Revocable, the GPIO chip pointer):
 * every correct protocol verified exhaustively, including that every {@code synchronize} and removal returns once the
 * readers are done (a wait that cannot end is a deadlock), and every mutant caught with a counterexample that
 * replays.
 */
@Tag("model")
class RcuModelCatalogueTest {

    private static String shape(int threads) {
        return threads + " threads";
    }

    // RCU ----------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    @Checks(protocol = "rcu", variant = "correct")
    void readersVsSynchronousReplace(int n) {
        ModelVerdicts.expectPasses("read || replace + synchronize + free, " + shape(n),
                RcuScenarios.readersVsReplace(RcuMaker.correct(), n, 1));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    @Checks(protocol = "rcu", variant = "correct")
    void readersVsTwoGracePeriods(int n) {
        ModelVerdicts.expectPasses("read || two replaces, " + shape(n),
                RcuScenarios.readersVsReplace(RcuMaker.correct(), n, 2));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    @Checks(protocol = "rcu", variant = "correct")
    void readersVsDeferredFree(int n) {
        ModelVerdicts.expectPasses("read || replace + call_rcu (+ barrier), " + shape(n),
                RcuScenarios.readersVsDeferredReplace(RcuMaker.correct(), n));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    @Checks(protocol = "rcu", variant = "correct")
    void readersVsReadCopyUpdate(int n) {
        ModelVerdicts.expectPasses("read || read-copy-update, " + shape(n),
                RcuScenarios.readersVsUpdate(RcuMaker.correct(), n));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    @Checks(protocol = "rcu", variant = "synchronize-in-reader")
    void synchronizeInsideTheReadSectionDeadlocks(int n) {
        Counterexample cx = ModelVerdicts.expectCaught("read || read-copy-update, " + shape(n),
                RcuScenarios.readersVsUpdate(RcuMaker.of(Rcu::new, CallRcu::new, SynchronizeInReaderRcuCell::new), n));
        assertEquals(FailureKind.DEADLOCK, cx.failure().kind(), cx.render());
        assertTrue(cx.failure().message().contains("spins"), cx.render());
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    @Checks(protocol = "rcu", variant = "use-after-unlock")
    void pointerUsedAfterTheSectionEnded(int n) {
        Counterexample cx = ModelVerdicts.expectCaught("read || replace + synchronize + free, " + shape(n),
                RcuScenarios.readersVsReplace(RcuMaker.of(Rcu::new, CallRcu::new, UseAfterUnlockRcuCell::new), n, 1));
        assertTrue(cx.failure().message().startsWith("use after free"), cx.render());
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    @Checks(protocol = "rcu", variant = "callback-before-grace-period")
    void callbackRunBeforeTheGracePeriod(int n) {
        Counterexample cx = ModelVerdicts.expectCaught("read || replace + call_rcu (+ barrier), " + shape(n),
                RcuScenarios.readersVsDeferredReplace(RcuMaker.of(Rcu::new, ImmediateCallRcu::new, RcuCell::new), n));
        assertTrue(cx.failure().message().startsWith("use after free"), cx.render());
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    @Checks(protocol = "rcu", variant = "one-phase-grace-period")
    void onePhaseGracePeriodMissesAStaleReader(int n) {
        Counterexample cx = ModelVerdicts.expectCaught("read || two replaces, " + shape(n),
                RcuScenarios.readersVsReplace(RcuMaker.of(OnePhaseRcu::new, CallRcu::new, RcuCell::new), n, 2));
        assertTrue(cx.failure().message().startsWith("use after free"), cx.render());
    }

    // urcu-qsbr ----------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    @Checks(protocol = "rcu-qsbr", variant = "correct")
    void qsbrReadersVsSynchronousReplace(int n) {
        ModelVerdicts.expectPasses("read + quiescent state || replace + synchronize + free, " + shape(n),
                RcuScenarios.qsbrReadersVsReplace(QsbrMaker.correct(), n, 1, false));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    @Checks(protocol = "rcu-qsbr", variant = "correct")
    void qsbrReadersVsTwoGracePeriods(int n) {
        ModelVerdicts.expectPasses("read + quiescent state || two replaces, " + shape(n),
                RcuScenarios.qsbrReadersVsReplace(QsbrMaker.correct(), n, 2, false));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    @Checks(protocol = "rcu-qsbr", variant = "correct")
    void qsbrOnlineUpdaterGoesOfflineForItsGracePeriods(int n) {
        ModelVerdicts.expectPasses("read + quiescent state || online updater: two replaces, " + shape(n),
                RcuScenarios.qsbrReadersVsReplace(QsbrMaker.correct(), n, 2, true));
    }

    @ParameterizedTest
    @ValueSource(ints = 2)
    @Checks(protocol = "rcu-qsbr", variant = "correct")
    void qsbrOfflineReaderComesOnlineAndReadsAcrossAQuiescentState(int n) {
        ModelVerdicts.expectPasses("offline reader: online + read + quiescent state + read || two replaces, "
                + shape(n), RcuScenarios.qsbrReaderComesOnline(QsbrMaker.correct(), 2));
    }

    @ParameterizedTest
    @ValueSource(ints = 2)
    @Checks(protocol = "rcu-qsbr", variant = "correct")
    void qsbrReaderRegistersDuringAGracePeriod(int n) {
        ModelVerdicts.expectPasses("register + read + quiescent state || replace + synchronize + free, " + shape(n),
                RcuScenarios.qsbrReaderRegistersDuringGracePeriod(QsbrMaker.correct(), 1));
    }

    @ParameterizedTest
    @ValueSource(ints = 2)
    @Checks(protocol = "rcu-qsbr", variant = "correct")
    void qsbrPointerStaysProtectedAfterItsSectionUntilTheQuiescentState(int n) {
        ModelVerdicts.expectPasses("read section, use after it, quiescent state || replace + synchronize + free, "
                + shape(n), RcuScenarios.qsbrUseAfterSectionBeforeQuiescentState());
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    @Checks(protocol = "rcu-qsbr", variant = "quiescent-state-before-use")
    void quiescentStateBeforeTheUseFreesTheVersionUnderTheReader(int n) {
        Counterexample cx = ModelVerdicts.expectCaught("read + quiescent state || replace + synchronize + free, "
                + shape(n), RcuScenarios.qsbrReadersVsReplace(QsbrMaker.of(QsbrRcu::new, QuiescentInUseQsbrCell::new),
                n, 1, false));
        assertTrue(cx.failure().message().startsWith("use after free"), cx.render());
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    @Checks(protocol = "rcu-qsbr", variant = "synchronize-while-online")
    void synchronizeWhileOnlineWaitsForItself(int n) {
        Counterexample cx = ModelVerdicts.expectCaught("read + quiescent state || online updater: two replaces, "
                + shape(n), RcuScenarios.qsbrReadersVsReplace(QsbrMaker.of(OnlineSynchronizeQsbrRcu::new,
                QsbrCell::new), n, 2, true));
        assertEquals(FailureKind.DEADLOCK, cx.failure().kind(), cx.render());
        assertTrue(cx.failure().message().contains("spins"), cx.render());
    }

    // SRCU ---------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    @Checks(protocol = "srcu", variant = "correct")
    void srcuReadersVsTwoGracePeriods(int n) {
        ModelVerdicts.expectPasses("srcu read || two replaces, " + shape(n), RcuScenarios.srcuReadersVsReplace(n));
    }

    // Revocable ----------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    @Checks(protocol = "revocable", variant = "correct")
    void revocableAccessVsRevoke(int n) {
        ModelVerdicts.expectPasses("try_access || revoke, " + shape(n), RcuScenarios.accessVsRevoke(Revocable::new, n));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    @Checks(protocol = "revocable", variant = "revoke-without-grace-period")
    void revokeWithoutGracePeriodDropsUnderAUser(int n) {
        Counterexample cx = ModelVerdicts.expectCaught("try_access || revoke, " + shape(n),
                RcuScenarios.accessVsRevoke(RevokeWithoutGracePeriod::new, n));
        assertTrue(cx.failure().message().startsWith("use after destroy"), cx.render());
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    @Checks(protocol = "async-revocable", variant = "correct")
    void asyncRevocableAccessVsRevoke(int n) {
        ModelVerdicts.expectPasses("try_access || revoke" + (n > 2 ? " || revoke, " : ", ") + shape(n),
                RcuScenarios.asyncAccessVsRevoke(n));
    }

    // GPIO ---------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    @Checks(protocol = "gpio-chip", variant = "correct")
    void gpioCallsVsChipRemoval(int n) {
        ModelVerdicts.expectPasses("get/set || gpiochip_remove, " + shape(n),
                RcuScenarios.callsVsUnregister(GpioDevice::new, n));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    @Checks(protocol = "gpio-chip", variant = "null-check")
    void gpioNullCheckRacesWithRemoval(int n) {
        Counterexample cx = ModelVerdicts.expectCaught("get/set || gpiochip_remove, " + shape(n),
                RcuScenarios.callsVsUnregister(NullCheckGpioDevice::new, n));
        assertTrue(cx.failure().message().startsWith("use after free"), cx.render());
    }
}
