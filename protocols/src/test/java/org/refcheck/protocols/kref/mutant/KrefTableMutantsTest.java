package org.refcheck.protocols.kref.mutant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.refcheck.lifetime.ViolationKind;
import org.refcheck.lifetime.Warning;
import org.refcheck.protocols.kref.KrefTableRaces;
import org.refcheck.protocols.kref.KrefTableRaces.Outcome;

/**
 * B4 and B5 caught by the same hand-driven interleavings that leave every correct pattern clean
 * ({@code KrefTableTest}).
 */
class KrefTableMutantsTest {

    @Test
    void mixedPatternsResurrectAnEntryAndUseItAfterItsFree() throws InterruptedException {
        Outcome outcome = KrefTableRaces.lastPutStoppedAfterDecrementThenLookup(MixedPatternKrefTable::new);
        assertTrue(outcome.lookupFound(), "the lookup got the entry whose count had reached 0");
        assertTrue(outcome.has(ViolationKind.RESURRECTION), outcome::toString);
        assertTrue(outcome.has(ViolationKind.USE_AFTER_FREE), outcome::toString);
        assertTrue(outcome.warnings().stream().map(Warning::message)
                .anyMatch("refcount_t: addition on 0; use-after-free."::equals));
    }

    @Test
    void getUnlessZeroOutsideTheLookupSectionReadsAFreedEntry() throws InterruptedException {
        Outcome outcome = KrefTableRaces.lookupStoppedBeforeItsGetThenLastPut(GetOutsideLockKrefTable::new);
        assertFalse(outcome.lookupFound(), "it read 0 ... from freed memory");
        assertTrue(outcome.has(ViolationKind.USE_AFTER_FREE), outcome::toString);
        assertFalse(outcome.has(ViolationKind.RESURRECTION), outcome::toString);
    }
}
