package org.refcheck.protocols.kref;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.kref.KrefTableRaces.Outcome;
import org.refcheck.protocols.kref.KrefTableRaces.TableMaker;
import org.refcheck.protocols.refcount.Refcount;

/** The correct lookup patterns of kref.rst (A, B, D with put_mutex and put_lock), sequentially and in both races. */
class KrefTableTest {

    static Stream<Arguments> patterns() {
        return Stream.of(
                Arguments.of("A: mutex around get and put", (TableMaker) MutexKrefTable::new),
                Arguments.of("B: get_unless_zero in the lookup section", (TableMaker) GetUnlessZeroKrefTable::new),
                Arguments.of("D: kref_put_mutex", (TableMaker) PutMutexKrefTable::new),
                Arguments.of("D: kref_put_lock", (TableMaker) PutLockKrefTable::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("patterns")
    void lookupCountsAndTheLastPutUnlinksAndFrees(String pattern, TableMaker maker) {
        LifetimeTracker heap = new LifetimeTracker();
        KrefTable<String> table = maker.make(heap, Refcount.factory());
        KrefTable.Entry<String> mine = table.insert("payload");
        assertTrue(table.isLinked(mine));
        assertEquals(1, mine.observeCount());

        KrefTable.Entry<String> found = table.lookup();
        assertSame(mine, found);
        assertEquals(2, mine.observeCount());
        assertEquals("payload", found.payload());
        table.put(found);
        assertEquals(1, mine.observeCount());
        assertTrue(table.isLinked(mine));

        table.put(mine);
        assertFalse(table.isLinked(mine));
        assertTrue(mine.isFreed());
        assertNull(table.lookup());
        assertNull(table.linked());

        KrefTable.Entry<String> next = table.insert("again");
        table.put(next);
        assertEquals(List.of(), heap.finish());
        assertTrue(heap.warnings().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("patterns")
    void theTableHasOneSlot(String pattern, TableMaker maker) {
        LifetimeTracker heap = new LifetimeTracker();
        KrefTable<String> table = maker.make(heap, Refcount.factory());
        KrefTable.Entry<String> first = table.insert("one");
        assertThrows(IllegalStateException.class, () -> table.insert("two"));
        assertFalse(table.lock().isLocked(), "insert unlocked on the way out");
        table.put(first);
        assertEquals(List.of(), heap.finish(), "the rejected insert allocated nothing");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("patterns")
    void lookupDuringTheLastPutFindsNothingAndNothingIsResurrected(String pattern, TableMaker maker)
            throws InterruptedException {
        Outcome outcome = KrefTableRaces.lastPutStoppedAfterDecrementThenLookup(maker);
        assertFalse(outcome.lookupFound());
        assertFalse(outcome.stillLinked());
        assertTrue(outcome.clean(), outcome::toString);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("patterns")
    void lastPutDuringALookupNeverFreesUnderIt(String pattern, TableMaker maker) throws InterruptedException {
        Outcome outcome = KrefTableRaces.lookupStoppedBeforeItsGetThenLastPut(maker);
        assertFalse(outcome.stillLinked());
        assertTrue(outcome.clean(), outcome::toString);
    }
}
