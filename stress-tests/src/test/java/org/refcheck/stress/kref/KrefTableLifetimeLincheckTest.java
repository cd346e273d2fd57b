package org.refcheck.stress.kref;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jetbrains.lincheck.Lincheck;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.kref.GetUnlessZeroKrefTable;
import org.refcheck.protocols.kref.KrefTable;
import org.refcheck.protocols.kref.MutexKrefTable;
import org.refcheck.protocols.kref.PutLockKrefTable;
import org.refcheck.protocols.kref.PutMutexKrefTable;
import org.refcheck.protocols.kref.mutant.GetOutsideLockKrefTable;
import org.refcheck.protocols.kref.mutant.MixedPatternKrefTable;
import org.refcheck.stress.catalogue.Checks;
import org.refcheck.stress.lincheck.ConcurrentRun;
import org.refcheck.stress.lincheck.LincheckSizes;
import org.refcheck.stress.lincheck.LincheckVerdicts;

/**
 * The kref lookup tables under {@code Lincheck.runConcurrentTest}: the creator puts the entry's last reference on one
 * thread while another thread looks it up, uses what it found and puts it. Every pattern must free the entry exactly
 * once, never let it be used after that, and leave the table empty; B4 resurrects the dying entry, B5 reads its
 * counter after the free.
 *
 * <p>Verdicts are asserted on the main thread: lifetime violations and leaks by {@link ConcurrentRun}, the empty
 * table after it.
 *
 * <p>How to run: {@code mvn -B verify -pl stress-tests -am -Djcstress.skip=true -Drefcheck.summary.skip=true
 * -Dtest=KrefTableLifetimeLincheckTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("lincheck")
class KrefTableLifetimeLincheckTest {

    /*
     * Sizes. Both threads take the table's facade mutex (a Semaphore, whose internals Lincheck explores), so an
     * invocation costs tens of milliseconds; a twentieth of the configured budget covers the schedules with few
     * context switches around the last put. Both mutants are caught within 15 invocations.
     */
    private static final int INVOCATIONS = Math.max(100, LincheckSizes.invocations() / 20);

    @FunctionalInterface
    private interface TableMaker {
        KrefTable<String> make(LifetimeTracker heap);
    }

    /** The creator's last put against a lookup that uses and puts what it finds; then the table must be empty. */
    private static void creatorPutAgainstLookup(TableMaker maker) {
        LifetimeTracker heap = new LifetimeTracker();
        KrefTable<String> table = maker.make(heap);
        KrefTable.Entry<String> created = table.insert("payload");
        ConcurrentRun.inThreads(heap,
                () -> table.put(created),
                () -> {
                    KrefTable.Entry<String> found = table.lookup();
                    if (found != null) {
                        found.payload();
                        table.put(found);
                    }
                });
        assertNull(table.linked(), "the released entry is still linked");
    }

    private static LincheckVerdicts.Check race(TableMaker maker) {
        return () -> Lincheck.runConcurrentTest(INVOCATIONS, () -> creatorPutAgainstLookup(maker));
    }

    @Test
    @Checks(protocol = "kref-table-mutex", variant = "correct")
    void mutexTableFreesOnce() {
        LincheckVerdicts.expectPasses(race(MutexKrefTable::new));
    }

    @Test
    @Checks(protocol = "kref-table-mutex", variant = "unlocked-put")
    void unlockedPutResurrectsTheDyingEntry() {
        var o = LincheckVerdicts.expectCaught(race(MixedPatternKrefTable::new));
        assertTrue(o.failureText().contains("resurrection"), o.failureText());
    }

    @Test
    @Checks(protocol = "kref-table-unless-zero", variant = "correct")
    void unlessZeroTableFreesOnce() {
        LincheckVerdicts.expectPasses(race(GetUnlessZeroKrefTable::new));
    }

    @Test
    @Checks(protocol = "kref-table-unless-zero", variant = "get-outside-lock")
    void getOutsideLockReadsTheFreedEntry() {
        var o = LincheckVerdicts.expectCaught(race(GetOutsideLockKrefTable::new));
        assertTrue(o.failureText().contains("use after free"), o.failureText());
    }

    @Test
    @Checks(protocol = "kref-table-put-mutex", variant = "correct")
    void putMutexTableFreesOnce() {
        LincheckVerdicts.expectPasses(race(PutMutexKrefTable::new));
    }

    /** Pattern D with {@code kref_put_lock} ({@code refcount_dec_and_lock}), the spinlock form of the same entry. */
    @Test
    @Checks(protocol = "kref-table-put-mutex", variant = "correct")
    void putLockTableFreesOnce() {
        LincheckVerdicts.expectPasses(race(PutLockKrefTable::new));
    }
}
