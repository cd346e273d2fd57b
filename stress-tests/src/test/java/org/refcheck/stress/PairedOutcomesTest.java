package org.refcheck.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.Outcome;
import org.refcheck.stress.catalogue.Catalogue;
import org.refcheck.stress.catalogue.Entry;
import org.refcheck.stress.cdev.CdevCallVsDisconnectTests;
import org.refcheck.stress.cdev.CdevPercpuStoreBufferingTests;
import org.refcheck.stress.devres.DevresCallVsUnbindTests;
import org.refcheck.stress.kref.KrefHandoffTests;
import org.refcheck.stress.kref.KrefTableMutexTests;
import org.refcheck.stress.kref.KrefTableUnlessZeroTests;
import org.refcheck.stress.refcount.RefDropVsDropTests;
import org.refcheck.stress.refcount.RefcountLeakedIncrementsTests;
import org.refcheck.stress.rcu.GpioCallVsRemoveTests;
import org.refcheck.stress.rcu.RcuDeferredFreeTests;
import org.refcheck.stress.rcu.RcuReadVsReplaceTests;
import org.refcheck.stress.rcu.RcuTwoGracePeriodsTests;
import org.refcheck.stress.rcu.RcuUpdateInReaderTests;
import org.refcheck.stress.rcu.RevocableAccessVsRevokeTests;
import org.refcheck.stress.refcount.RefcountSubZeroVsLastPutTests;

/**
 * Every mutant jcstress test of the refcount, kref, RCU and device families has a correct twin of the same shape,
 * and each outcome the mutant's test declares {@code ACCEPTABLE_INTERESTING} by name is {@code FORBIDDEN} in the
 * twin: the bug the mutant shows is exactly what the correct protocol's test would fail on.
 */
class PairedOutcomesTest {

    /** {correct test, mutant test}. */
    private static final List<Class<?>[]> PAIRS = List.of(
            new Class<?>[] {RefcountLeakedIncrementsTests.Saturating.class,
                RefcountLeakedIncrementsTests.Wrapping.class},
            new Class<?>[] {RefcountSubZeroVsLastPutTests.Guarded.class, RefcountSubZeroVsLastPutTests.Unguarded.class},
            new Class<?>[] {RefDropVsDropTests.Correct.class, RefDropVsDropTests.TouchAfterDec.class},
            new Class<?>[] {KrefHandoffTests.GetBeforeHandoff.class, KrefHandoffTests.GetAfterHandoff.class},
            new Class<?>[] {KrefTableMutexTests.LockedPut.class, KrefTableMutexTests.UnlockedPut.class},
            new Class<?>[] {KrefTableUnlessZeroTests.GetInsideLock.class,
                KrefTableUnlessZeroTests.GetOutsideLock.class},
            new Class<?>[] {RcuReadVsReplaceTests.InsideSection.class, RcuReadVsReplaceTests.AfterSection.class},
            new Class<?>[] {RcuDeferredFreeTests.AfterGracePeriod.class, RcuDeferredFreeTests.Immediately.class},
            new Class<?>[] {RcuTwoGracePeriodsTests.TwoPhases.class, RcuTwoGracePeriodsTests.OnePhase.class},
            new Class<?>[] {RcuUpdateInReaderTests.OutsideSection.class, RcuUpdateInReaderTests.InsideSection.class},
            new Class<?>[] {RevocableAccessVsRevokeTests.WithGracePeriod.class,
                RevocableAccessVsRevokeTests.WithoutGracePeriod.class},
            new Class<?>[] {GpioCallVsRemoveTests.SrcuProtected.class, GpioCallVsRemoveTests.NullCheck.class},
            new Class<?>[] {CdevCallVsDisconnectTests.Locked.class, CdevCallVsDisconnectTests.NoWait.class},
            new Class<?>[] {CdevCallVsDisconnectTests.Locked.class, CdevCallVsDisconnectTests.DevmState.class},
            new Class<?>[] {CdevPercpuStoreBufferingTests.Fenced.class, CdevPercpuStoreBufferingTests.Unfenced.class},
            new Class<?>[] {DevresCallVsUnbindTests.Lifo.class, DevresCallVsUnbindTests.Fifo.class});

    @Test
    void eachPairIsACorrectProtocolAndOneOfItsMutants() {
        for (Class<?>[] pair : PAIRS) {
            Entry correct = Catalogue.forClass(pair[0]);
            Entry mutant = Catalogue.forClass(pair[1]);
            assertFalse(correct.isMutant(), pair[0].getName());
            assertTrue(mutant.isMutant(), pair[1].getName());
            assertEquals(correct.protocol(), mutant.protocol(), pair[1].getName());
        }
    }

    @Test
    void everyNamedInterestingOutcomeOfAMutantIsForbiddenForItsCorrectTwin() {
        for (Class<?>[] pair : PAIRS) {
            List<String> named = namedInteresting(pair[1]);
            assertFalse(named.isEmpty(), pair[1].getName() + " names no interesting outcome");
            for (String outcome : named) {
                assertEquals(Expect.FORBIDDEN, ActorOrders.grade(pair[0], outcome),
                        pair[0].getSimpleName() + " must forbid '" + outcome + "' that " + pair[1].getSimpleName()
                                + " reports");
            }
        }
    }

    /** The ids of a test's ACCEPTABLE_INTERESTING outcomes that are literal strings, not patterns. */
    private static List<String> namedInteresting(Class<?> test) {
        List<String> ids = new ArrayList<>();
        for (Outcome o : test.getAnnotationsByType(Outcome.class)) {
            if (o.expect() != Expect.ACCEPTABLE_INTERESTING) {
                continue;
            }
            for (String id : o.id()) {
                if (id.chars().noneMatch(c -> ".*?+[](){}|\\^$".indexOf(c) >= 0)) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }
}
