package org.example.rcuref;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.BiFunction;
import org.example.rcuref.mutant.DeadZoneAsSaturation;
import org.example.rcuref.mutant.PutWithoutDeadCmpxchg;
import org.junit.jupiter.api.Test;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.model.junit.ModelCheck;
import org.refcheck.sync.Joinable;
import org.refcheck.sync.Threads;

/**
 * The rcuref design checked the way a user checks their own protocol: each {@code @ModelCheck} method is run in
 * every interleaving by refcheck's model checker; the correct design must pass, each known bug must be caught.
 *
 * <p>Run: {@code mvn test} in this project, or {@code ./refcheck check --classpath
 * examples/rcuref/target/classes:examples/rcuref/target/test-classes --suite org.example.rcuref.RcuRefModelTest}
 * for the report.
 */
class RcuRefModelTest {

    /** A reader looks the object up while the creator drops the last reference, then a second reader tries. */
    private static void readersVsLastPut(BiFunction<LifetimeTracker, String, RcuRef> counter) {
        LifetimeTracker heap = new LifetimeTracker();
        CachedObject entry = new CachedObject(heap, counter);
        Joinable reader = Threads.spawn("reader", () -> {
            entry.tryUse();
            entry.tryUse();
        });
        entry.put();
        reader.join();
    }

    @ModelCheck(protocol = "rcuref", variant = "correct")
    void readerVsLastPut() {
        readersVsLastPut(RcuRef::new);
    }

    @ModelCheck(protocol = "rcuref", variant = "put-without-dead-cmpxchg", expectFailure = true)
    void putWithoutDeadCmpxchgFreesUnderAReader() {
        readersVsLastPut(PutWithoutDeadCmpxchg::new);
    }

    @ModelCheck(protocol = "rcuref", variant = "dead-zone-as-saturation", expectFailure = true)
    void deadZoneAsSaturationRevivesADeadObject() {
        readersVsLastPut(DeadZoneAsSaturation::new);
    }

    /** Two readers race each other and the creator's put: whoever is last tears down, exactly once. */
    @ModelCheck(protocol = "rcuref", variant = "correct")
    void twoReadersVsLastPut() {
        LifetimeTracker heap = new LifetimeTracker();
        CachedObject entry = new CachedObject(heap, RcuRef::new);
        Joinable a = Threads.spawn("reader-a", entry::tryUse);
        Joinable b = Threads.spawn("reader-b", entry::tryUse);
        entry.put();
        a.join();
        b.join();
    }

    /** Sequential facts of the zones (production back-end): saturation leaks, dead stays dead. */
    @Test
    void zonesBehaveAsLibRcurefSays() {
        LifetimeTracker heap = new LifetimeTracker();
        RcuRef nearMax = new RcuRef(heap, "near-max", RcuRef.MAXREF);
        assertTrue(nearMax.get(), "a get into the saturation zone succeeds");
        assertEquals(1, heap.warnings().size(), "and warns once");
        assertFalse(nearMax.put(), "a saturated count never frees");
        RcuRef one = new RcuRef(heap, "one");
        assertTrue(one.put(), "the last put tears down");
        assertFalse(one.get(), "a get on a dead object fails");
        assertEquals(0, one.read());
    }
}
