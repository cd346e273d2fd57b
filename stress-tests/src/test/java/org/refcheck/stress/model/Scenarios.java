package org.refcheck.stress.model;

import java.util.ArrayList;
import java.util.List;
import org.refcheck.backend.Backends;
import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.lifetime.Violation;
import org.refcheck.protocols.arc.Arc;
import org.refcheck.protocols.arc.ArcScheme;
import org.refcheck.protocols.arc.RegistryValue;
import org.refcheck.protocols.arc.Weak;
import org.refcheck.protocols.arc.WeakRegistry;
import org.refcheck.protocols.kref.KrefHandoff;
import org.refcheck.protocols.kref.KrefTable;
import org.refcheck.protocols.refcount.Ref;
import org.refcheck.protocols.refcount.Refcount;
import org.refcheck.protocols.refcount.RefcountWidth;
import org.refcheck.sync.Joinable;
import org.refcheck.sync.Threads;

/**
 * The model checker's scenarios for the catalogue: each is a test body in which {@code n} threads race on one
 * protocol object, written once and run against the correct protocol and each of its mutants. Every scenario ends
 * with every reference dropped, so that the model checker's leak oracle applies, unless it says otherwise.
 */
final class Scenarios {

    private Scenarios() {
    }

    /** Makes a Ref with the protocol under test, e.g. {@code Ref::create} or a mutant's factory. */
    @FunctionalInterface
    interface RefMaker {
        Ref<String> create(LifetimeTracker heap, String value);
    }

    /** Makes a kref lookup table of one pattern or mutant. */
    @FunctionalInterface
    interface TableMaker {
        KrefTable<String> create(LifetimeTracker heap);
    }

    /** Makes a kref hand-off object, correct or mutant. */
    @FunctionalInterface
    interface HandoffMaker {
        KrefHandoff<String> create(LifetimeTracker heap, String payload);
    }

    /** Makes a refcount counter of one variant. */
    @FunctionalInterface
    interface CounterMaker {
        Refcount.Factory factory(RefcountWidth width);
    }

    /**
     * Runs {@code bodies[1..]} in spawned threads and {@code bodies[0]} in the calling thread, then joins. Under
     * the model checker, its oracles judge the tracker; under any other checker (Lincheck, a plain run), the
     * scenario then asserts on its own thread that the tracker saw no violation, leaks included unless
     * {@code leaksExpected}.
     */
    static void race(LifetimeTracker heap, boolean leaksExpected, List<Runnable> bodies) {
        List<Joinable> started = new ArrayList<>();
        for (int i = 1; i < bodies.size(); i++) {
            started.add(Threads.spawn("T" + i, bodies.get(i)));
        }
        bodies.get(0).run();
        started.forEach(Joinable::join);
        assertClean(heap, leaksExpected);
    }

    /** Outside the model checker, fails on the calling thread if the tracker saw a violation (see {@link #race}). */
    static void assertClean(LifetimeTracker heap, boolean leaksExpected) {
        if (!"model".equals(Backends.active().name())) {
            List<Violation> found = leaksExpected ? heap.violations() : heap.finish();
            if (!found.isEmpty()) {
                throw new AssertionError("lifetime violations: " + found);
            }
        }
    }

    /** n holders of one Ref (cloned before the race) use and drop it concurrently: exactly one frees. */
    static Runnable refDropDrop(RefMaker maker, int n) {
        return refFamily(maker, n, 0);
    }

    /**
     * The refcount(NT, OPS) family on a real Ref: n holders each, ops times, use the value, clone, use it, drop the
     * clone, and finally use and drop their own reference. Exactly one final drop frees; with refcount_t's
     * declared observations the clones and drops commute except around that last one.
     */
    static Runnable refFamily(RefMaker maker, int n, int ops) {
        return () -> {
            LifetimeTracker heap = new LifetimeTracker();
            Ref<String> first = maker.create(heap, "payload");
            List<Runnable> bodies = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Ref<String> mine = i == 0 ? first : first.clone();
                bodies.add(() -> {
                    for (int k = 0; k < ops; k++) {
                        mine.get();
                        Ref<String> extra = mine.clone();
                        extra.get();
                        extra.drop();
                    }
                    mine.get();
                    mine.drop();
                });
            }
            race(heap, false, bodies);
        };
    }

    /**
     * A counter that outlives its object (it sits in a lookup structure, as the count of a cached entry does):
     * n-1 threads try {@code inc_not_zero}, use the object and put; the owner puts its reference. Whoever takes
     * the count to zero frees the object; a successful {@code inc_not_zero} must never meet a freed object.
     */
    static Runnable getUnlessZeroVsLastPut(CounterMaker counters, int n) {
        return () -> {
            LifetimeTracker heap = new LifetimeTracker();
            Allocation obj = heap.allocate("obj");
            Refcount refs = counters.factory(RefcountWidth.FULL).create(heap, "obj.refcount", 1, null);
            List<Runnable> bodies = new ArrayList<>();
            bodies.add(() -> {
                if (refs.decAndTest()) {
                    obj.free();
                }
            });
            for (int i = 1; i < n; i++) {
                bodies.add(() -> {
                    if (refs.incNotZero()) {
                        obj.access();
                        if (refs.decAndTest()) {
                            obj.free();
                        }
                    }
                });
            }
            race(heap, false, bodies);
        };
    }

    /**
     * B1's shape at a 3-bit width: one thread leaks clones of a Ref (an error path that forgets the put) until the
     * count has gone round its whole range, while the owner drops its reference; then the leaker uses the value.
     * With 3 threads, a third holder drops its own reference too. The saturating counter must leak rather than
     * free under a live reference, so leaks are expected here and the leak oracle is off for this scenario.
     */
    static Runnable leakedClonesVsDrop(CounterMaker counters, int n) {
        return () -> {
            LifetimeTracker heap = new LifetimeTracker();
            Ref<String> owner = Ref.create(heap, "payload", counters.factory(RefcountWidth.bits(3)));
            Ref<String> leaker = owner.clone();
            List<Runnable> bodies = new ArrayList<>();
            bodies.add(owner::drop);
            bodies.add(() -> {
                for (int k = 0; k < 8; k++) {
                    leaker.clone();   // never put
                }
                leaker.get();
            });
            for (int i = 2; i < n; i++) {
                Ref<String> mine = owner.clone();
                bodies.add(() -> {
                    mine.get();
                    mine.drop();
                });
            }
            race(heap, true, bodies);
        };
    }

    /**
     * B3's shape: the last holder puts (and frees) while a caller holding no reference runs {@code sub_and_test(0)}
     * on the same counter, which lives outside the object; n-2 more holders put first.
     */
    static Runnable lastPutVsSubZero(CounterMaker counters, int n) {
        return () -> {
            LifetimeTracker heap = new LifetimeTracker();
            Allocation obj = heap.allocate("obj");
            Refcount refs = counters.factory(RefcountWidth.FULL).create(heap, "obj.users", n - 1, null);
            List<Runnable> bodies = new ArrayList<>();
            for (int i = 0; i < n - 1; i++) {
                bodies.add(() -> {
                    if (refs.decAndTest()) {
                        obj.free();
                    }
                });
            }
            bodies.add(() -> {
                if (refs.subAndTest(0)) {
                    obj.free();
                }
            });
            race(heap, false, bodies);
        };
    }

    /** The creator hands the object to n-1 workers (each started by the hand-off), then uses and puts its own. */
    static Runnable handoff(HandoffMaker maker, int n) {
        return () -> {
            LifetimeTracker heap = new LifetimeTracker();
            KrefHandoff<String> h = maker.create(heap, "payload");
            List<Joinable> workers = new ArrayList<>();
            for (int i = 1; i < n; i++) {
                String name = "worker" + i;
                h.handOff(task -> workers.add(Threads.spawn(name, task)));
            }
            h.creatorDone();
            workers.forEach(Joinable::join);
            assertClean(heap, false);
        };
    }

    /** n-1 threads look the entry up, use and put it, while the creator puts the table's last reference. */
    static Runnable lookupVsLastPut(TableMaker maker, int n) {
        return () -> {
            LifetimeTracker heap = new LifetimeTracker();
            KrefTable<String> table = maker.create(heap);
            KrefTable.Entry<String> entry = table.insert("payload");
            List<Runnable> bodies = new ArrayList<>();
            bodies.add(() -> table.put(entry));
            for (int i = 1; i < n; i++) {
                bodies.add(() -> {
                    KrefTable.Entry<String> found = table.lookup();
                    if (found != null) {
                        found.payload();
                        table.put(found);
                    }
                });
            }
            race(heap, false, bodies);
        };
    }

    /** n holders of one Arc (cloned before the race) use and drop it concurrently. */
    static Runnable arcDropDrop(ArcScheme scheme, int n) {
        return () -> {
            LifetimeTracker heap = new LifetimeTracker();
            Arc<String> first = Arc.create(heap, "arc", "payload", scheme);
            List<Runnable> bodies = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Arc<String> mine = i == 0 ? first : first.clone();
                bodies.add(() -> {
                    mine.get();
                    mine.drop();
                });
            }
            race(heap, false, bodies);
        };
    }

    /** The last strong holder drops while n-1 threads upgrade their Weak, use what they got, and drop both. */
    static Runnable upgradeVsLastDrop(ArcScheme scheme, int n) {
        return () -> {
            LifetimeTracker heap = new LifetimeTracker();
            Arc<String> strong = Arc.create(heap, "arc", "payload", scheme);
            List<Runnable> bodies = new ArrayList<>();
            bodies.add(strong::drop);
            for (int i = 1; i < n; i++) {
                Weak<String> weak = strong.downgrade();
                bodies.add(() -> {
                    Arc<String> up = weak.upgrade();
                    if (up != null) {
                        up.get();
                        up.drop();
                    }
                    weak.drop();
                });
            }
            race(heap, false, bodies);
        };
    }

    /**
     * The owner asks for {@code get_mut} while n-1 threads upgrade a Weak and drop the Weak, holding the Arc they
     * got until they are done: a mutable reference handed out while another Arc exists is aliasing, an assertion
     * failure in the owner's thread.
     */
    static Runnable getMutVsUpgrade(ArcScheme scheme, int n) {
        return () -> {
            LifetimeTracker heap = new LifetimeTracker();
            Arc<String> owner = Arc.create(heap, "arc", "payload", scheme);
            List<Runnable> bodies = new ArrayList<>();
            bodies.add(() -> {
                String mutable = owner.getMut();
                if (mutable != null && owner.strongCount() != 1) {
                    throw new AssertionError("get_mut handed out the value while " + owner.strongCount()
                            + " Arcs exist: aliased mutable access");
                }
                owner.drop();
            });
            for (int i = 1; i < n; i++) {
                Weak<String> weak = owner.downgrade();
                bodies.add(() -> {
                    Arc<String> up = weak.upgrade();
                    weak.drop();
                    if (up != null) {
                        up.get();
                        up.drop();
                    }
                });
            }
            race(heap, false, bodies);
        };
    }

    /** Makes the registry under test. */
    @FunctionalInterface
    interface RegistryMaker {
        WeakRegistry<String, RegistryValue<String>> create(String label);
    }

    /**
     * A registered value's last holder drops it (its destructor evicts its key) while another thread looks the key
     * up and registers a replacement under the same key; n-2 more threads look it up. Afterwards the replacement,
     * still alive, must be found.
     */
    static Runnable registryDropVsReRegister(RegistryMaker maker, int n) {
        return () -> {
            LifetimeTracker heap = new LifetimeTracker();
            WeakRegistry<String, RegistryValue<String>> registry = maker.create("cache");
            Arc<RegistryValue<String>> a = Arc.create(heap, new RegistryValue<>(registry, "k", "A"));
            registry.register("k", a);
            List<Arc<RegistryValue<String>>> replacement = new ArrayList<>();
            List<Runnable> bodies = new ArrayList<>();
            bodies.add(a::drop);
            bodies.add(() -> {
                Arc<RegistryValue<String>> seen = registry.lookup("k");
                if (seen != null) {
                    seen.get();
                    seen.drop();
                }
                Arc<RegistryValue<String>> b = Arc.create(heap, new RegistryValue<>(registry, "k", "B"));
                registry.register("k", b);
                replacement.add(b);
            });
            for (int i = 2; i < n; i++) {
                bodies.add(() -> {
                    Arc<RegistryValue<String>> seen = registry.lookup("k");
                    if (seen != null) {
                        seen.get();
                        seen.drop();
                    }
                });
            }
            race(heap, true, bodies);
            Arc<RegistryValue<String>> b = replacement.get(0);
            Arc<RegistryValue<String>> found = registry.lookup("k");
            if (found == null || !found.ptrEq(b)) {
                throw new AssertionError("the registry lost the live replacement registered under k");
            }
            found.drop();
            b.drop();
            assertClean(heap, false);
        };
    }
}
