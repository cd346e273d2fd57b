package org.refcheck.protocols.arc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.refcheck.lifetime.AllocationState;
import org.refcheck.lifetime.LifetimeTracker;

/** {@link WeakRegistry} with {@link RegistryValue}s, sequentially and with hand-driven races. */
class WeakRegistryTest {

    private final LifetimeTracker heap = new LifetimeTracker();
    private final WeakRegistry<String, RegistryValue<String>> registry = new WeakRegistry<>("cache");

    private Arc<RegistryValue<String>> registered(String key, String name) {
        Arc<RegistryValue<String>> arc = Arc.create(heap, new RegistryValue<>(registry, key, name));
        registry.register(key, arc);
        return arc;
    }

    @Test
    void lookupUpgradesTheRegisteredObject() {
        Arc<RegistryValue<String>> a = registered("k", "A");
        assertEquals(1, a.weakCount(), "the registry holds one Weak");
        try (Arc<RegistryValue<String>> found = registry.lookup("k")) {
            assertNotNull(found);
            assertTrue(found.ptrEq(a));
            assertEquals("A", found.get().name());
            assertEquals(2, a.strongCount());
        }
        assertNull(registry.lookup("missing"));
        a.drop();
        assertTrue(heap.finish().isEmpty());
    }

    @Test
    void theLastDropEvictsTheEntryAndFreesTheAllocation() {
        Arc<RegistryValue<String>> a = registered("k", "A");
        Arc<RegistryValue<String>> found = registry.lookup("k");
        a.drop();
        assertTrue(registry.contains("k"), "a lookup result keeps the object alive");
        found.drop();
        assertFalse(registry.contains("k"));
        assertEquals(0, registry.size());
        assertNull(registry.lookup("k"));
        assertEquals(AllocationState.FREED, found.inner().allocation().state(), "the registry's Weak was dropped");
        assertTrue(heap.finish().isEmpty());
    }

    @Test
    void aNewerObjectUnderTheSameKeySurvivesTheOlderOnesDestructor() {
        Arc<RegistryValue<String>> a = registered("k", "A");
        Arc<RegistryValue<String>> b = registered("k", "B");   // replaces A's entry
        assertEquals(0, a.weakCount(), "A's Weak was dropped on replacement");
        a.drop();                                               // A's destructor must leave B's entry alone
        try (Arc<RegistryValue<String>> found = registry.lookup("k")) {
            assertNotNull(found);
            assertTrue(found.ptrEq(b));
        }
        b.drop();
        assertEquals(0, registry.size());
        assertTrue(heap.finish().isEmpty());
    }

    @Test
    void lookupRacingTheLastDropNeverResurrects() {
        // T1 drops the last Arc: strong 1 -> 0, then the destructor runs. T2 looks the key up after the count hit
        // zero but before the destructor evicted the entry: it finds the Weak and its upgrade must fail.
        WeakRegistry<String, HookedValue> hooked = new WeakRegistry<>("hooked");
        Interference t2 = new Interference();
        Arc<HookedValue> a = Arc.create(heap, new HookedValue(hooked, "k", t2));
        hooked.register("k", a);
        @SuppressWarnings("unchecked")
        Arc<HookedValue>[] seen = new Arc[1];
        boolean[] entryPresent = new boolean[1];
        t2.set(() -> {
            entryPresent[0] = hooked.contains("k");
            seen[0] = hooked.lookup("k");
        });
        a.drop();
        assertTrue(t2.fired());
        assertTrue(entryPresent[0], "the lookup ran while the dying object's entry was still there");
        assertNull(seen[0], "the upgrade refused the zero count");
        assertFalse(hooked.contains("k"), "the destructor evicted its entry");
        assertTrue(heap.finish().isEmpty(), () -> heap.violations().toString());
    }

    @Test
    void clearDropsTheRegistrysWeaks() {
        Arc<RegistryValue<String>> a = registered("a", "A");
        Arc<RegistryValue<String>> b = registered("b", "B");
        assertEquals(2, registry.size());
        registry.clear();
        assertEquals(0, registry.size());
        assertEquals(0, a.weakCount());
        a.drop();
        b.drop();
        assertTrue(heap.finish().isEmpty());
    }

    @Test
    void anEntryWhoseObjectNeverDiesIsReportedAsALeak() {
        Arc<RegistryValue<String>> a = registered("k", "A");
        assertEquals(1, heap.finish().size(), "the object is still alive at the end");
        a.drop();
    }

    @Test
    void racingLookupsRegistrationsAndDropsLeaveNothingBehind() throws Exception {
        String[] keys = {"x", "y"};
        Thread[] threads = new Thread[4];
        Throwable[] failure = new Throwable[1];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                try {
                    List<Arc<RegistryValue<String>>> held = new ArrayList<>();
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int i = 0; i < 2_000; i++) {
                        String key = keys[random.nextInt(keys.length)];
                        Arc<RegistryValue<String>> found = registry.lookup(key);
                        if (found == null) {
                            found = registered(key, Thread.currentThread().getName() + "#" + i);
                        }
                        found.get();
                        held.add(found);
                        if (held.size() > 3) {
                            held.remove(random.nextInt(held.size())).drop();
                        }
                    }
                    held.forEach(Arc::drop);
                } catch (Throwable e) {
                    failure[0] = e;
                }
            }, "worker-" + t);
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertNull(failure[0]);
        assertEquals(0, registry.size(), "every dead object evicted its entry");
        assertTrue(heap.finish().isEmpty(), () -> heap.violations().toString());
    }

    /** A registered value whose destructor lets another "thread" run before it evicts its entry. */
    static final class HookedValue implements Drop {
        private final WeakRegistry<String, HookedValue> registry;
        private final String key;
        private final Interference beforeEvict;

        HookedValue(WeakRegistry<String, HookedValue> registry, String key, Interference beforeEvict) {
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
