package org.refcheck.protocols.arc.mutant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.arc.Arc;
import org.refcheck.protocols.arc.Drop;
import org.refcheck.protocols.arc.Interference;
import org.refcheck.protocols.arc.WeakRegistry;

/**
 * The registry mutant: A's last {@code Arc} is dropped and A's destructor is about to evict key k; meanwhile T2's
 * lookup of k misses, and T2 registers a new object B under k. The mutant's destructor then removes B's entry; the
 * correct registry sees that the entry is no longer A's and keeps it.
 */
class EvictByKeyRegistryTest {

    /** What the interleaving produced. */
    record Outcome(boolean t2LookupMissedA, boolean laterLookupFindsB, int entriesAfterB, String violations) {
    }

    private static Outcome destructorRacesReRegistration(WeakRegistry<String, Value> registry) {
        LifetimeTracker heap = new LifetimeTracker();
        Interference t2 = new Interference();
        Arc<Value> a = Arc.create(heap, new Value(registry, "k", t2));
        registry.register("k", a);
        @SuppressWarnings("unchecked")
        Arc<Value>[] b = new Arc[1];
        boolean[] missed = new boolean[1];
        t2.set(() -> {
            Arc<Value> found = registry.lookup("k");   // A's count is already 0: the upgrade fails
            missed[0] = found == null;
            b[0] = Arc.create(heap, new Value(registry, "k", new Interference()));
            registry.register("k", b[0]);              // replaces (and drops) A's dead Weak
        });

        a.drop();                                      // T1: 1 -> 0, A's destructor: T2 runs, then evict("k", A)
        assertTrue(t2.fired());

        Arc<Value> later = registry.lookup("k");
        boolean findsB = later != null && later.ptrEq(b[0]);
        if (later != null) {
            later.drop();
        }
        b[0].drop();
        int entriesAfterB = registry.size();
        return new Outcome(missed[0], findsB, entriesAfterB, heap.finish().toString());
    }

    @Test
    void theMutantsDestructorRemovesTheNewerEntry() {
        Outcome out = destructorRacesReRegistration(new EvictByKeyRegistry<>("mutant"));
        assertTrue(out.t2LookupMissedA());
        assertFalse(out.laterLookupFindsB(), "B is alive, but the registry lost it: a lookup misses");
        assertEquals(0, out.entriesAfterB());
        assertEquals("[]", out.violations(), "no memory error: the removed Weak was dropped exactly once");
    }

    @Test
    void theCorrectRegistryKeepsTheNewerEntryInTheSameInterleaving() {
        Outcome out = destructorRacesReRegistration(new WeakRegistry<>("std"));
        assertTrue(out.t2LookupMissedA(), "no resurrection of the dying A");
        assertTrue(out.laterLookupFindsB());
        assertEquals(0, out.entriesAfterB(), "B's own destructor evicted B's entry");
        assertEquals("[]", out.violations());
    }

    @Test
    void sequentiallyWithoutReRegistrationTheMutantBehaves() {
        LifetimeTracker heap = new LifetimeTracker();
        WeakRegistry<String, Value> registry = new EvictByKeyRegistry<>("mutant");
        Arc<Value> a = Arc.create(heap, new Value(registry, "k", new Interference()));
        registry.register("k", a);
        a.drop();
        assertNull(registry.lookup("k"));
        assertEquals(0, registry.size());
        assertTrue(heap.finish().isEmpty());
    }

    /** A registered value whose destructor lets T2 run before it evicts its key. */
    static final class Value implements Drop {
        private final WeakRegistry<String, Value> registry;
        private final String key;
        private final Interference beforeEvict;

        Value(WeakRegistry<String, Value> registry, String key, Interference beforeEvict) {
            this.registry = registry;
            this.key = key;
            this.beforeEvict = beforeEvict;
        }

        @Override
        public void drop() {
            beforeEvict.fire();
            registry.evict(key, this);
        }
    }
}
