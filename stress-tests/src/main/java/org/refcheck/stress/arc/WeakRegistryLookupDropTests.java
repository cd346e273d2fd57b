package org.refcheck.stress.arc;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Ref;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIL_Result;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.arc.Arc;
import org.refcheck.protocols.arc.ArcScheme;
import org.refcheck.protocols.arc.RegistryValue;
import org.refcheck.protocols.arc.WeakRegistry;
import org.refcheck.protocols.arc.mutant.EvictByKeyRegistry;
import org.refcheck.stress.LifetimeFindings;
import org.refcheck.stress.catalogue.Checks;

/**
 * {@link WeakRegistry} lookup against the last drop of a registered object: object A is registered under key
 * {@code "k"}; one thread drops A's only {@code Arc} (A's destructor evicts its entry), the other runs a find-or-create
 * lookup of {@code "k"}: it keeps A if the lookup upgrades it, otherwise it creates B and registers it under
 * {@code "k"}. Afterwards a lookup of {@code "k"} must find whichever object the second thread holds, and the lookup
 * must never revive the dying A.
 *
 * <p>Every variant reports {@code the lookup found A, a later lookup finds the second thread's object, lifetime
 * findings}. The mutant runs the same two actors on its own registry:
 * <ul>
 *   <li>{@link RemoveUnconditionally} (X1, refcheck's own id): A's destructor evicts by key alone, so when B was
 *       registered between A's last decrement and its eviction, the destructor removes B's entry: B is alive but
 *       lost to the registry, and the next find-or-create would build a duplicate.</li>
 * </ul>
 *
 * <p>How to run these tests: {@code java -jar stress-tests/target/jcstress.jar -t WeakRegistryLookupDropTests}
 */
public final class WeakRegistryLookupDropTests {

    private WeakRegistryLookupDropTests() {
    }

    /** The key both objects are registered under. */
    static final String KEY = "k";

    /** The race every variant runs: A's last holder, and a find-or-create caller of A's key. */
    abstract static class DropAndFindOrCreate {
        final LifetimeTracker heap = new LifetimeTracker();
        final WeakRegistry<String, RegistryValue<String>> registry;
        final Arc<RegistryValue<String>> a;
        Arc<RegistryValue<String>> held;

        DropAndFindOrCreate(WeakRegistry<String, RegistryValue<String>> registry) {
            this.registry = registry;
            a = Arc.create(heap, "A", new RegistryValue<>(registry, KEY, "A"), ArcScheme.STD);
            registry.register(KEY, a);
        }

        void dropA() {
            a.drop();
        }

        void findOrCreate(IIL_Result r) {
            Arc<RegistryValue<String>> found = registry.lookup(KEY);
            if (found != null) {
                held = found;
                r.r1 = 1;
                return;
            }
            Arc<RegistryValue<String>> b = Arc.create(heap, "B", new RegistryValue<>(registry, KEY, "B"),
                    ArcScheme.STD);
            registry.register(KEY, b);
            held = b;
        }

        void verdict(IIL_Result r) {
            Arc<RegistryValue<String>> again = registry.lookup(KEY);
            if (again != null) {
                r.r2 = again.ptrEq(held) ? 1 : 0;
                again.drop();
            }
            held.drop();
            r.r3 = LifetimeFindings.finish(heap);
        }
    }

    /**
     * The registry whose destructors evict only their own entry.
     *
     * <p>How to run this test:
     * {@code java -jar stress-tests/target/jcstress.jar -t WeakRegistryLookupDropTests.Correct}
     */
    @JCStressTest
    @Checks(protocol = "weak-registry", variant = "correct")
    @Description("A registered object's last Arc drops while a find-or-create lookup runs: the survivor stays found.")
    @Ref("https://www.kernel.org/doc/html/latest/core-api/kref.html")
    @Ref("https://github.com/rust-lang/rust/blob/master/library/alloc/src/sync.rs")
    @Outcome(id = "1, 1, clean", expect = ACCEPTABLE,
            desc = "the lookup came first and upgraded A; A stayed registered while it was held")
    @Outcome(id = "0, 1, clean", expect = ACCEPTABLE,
            desc = "the lookup missed the dying or evicted A; B was registered and a later lookup finds it")
    @Outcome(id = "0, 0, clean", expect = FORBIDDEN,
            desc = "B was registered and is alive, yet a later lookup misses it: A's destructor removed B's entry")
    @Outcome(expect = FORBIDDEN,
            desc = "A was upgraded yet lost from the registry, or a lifetime violation (a lookup revived the dying "
                    + "A, or a Weak leaked)")
    @State
    public static class Correct extends DropAndFindOrCreate {

        public Correct() {
            super(new WeakRegistry<>("registry"));
        }

        /** A's last holder drops it; A's destructor evicts its own entry. */
        @Actor
        public void lastHolderDropsA() {
            dropA();
        }

        /** Find-or-create: keep A if the lookup upgrades it, else register a new B. */
        @Actor
        public void lookupOrRegisterB(IIL_Result r) {
            findOrCreate(r);
        }

        /** Looks the key up again, drops everything, reports the lifetime findings. */
        @Arbiter
        public void arbiter(IIL_Result r) {
            verdict(r);
        }
    }

    /**
     * X1: the destructor removes its key's entry without checking it is its own.
     *
     * <p>How to run this test:
     * {@code java -jar stress-tests/target/jcstress.jar -t WeakRegistryLookupDropTests.RemoveUnconditionally}
     */
    @JCStressTest
    @Checks(protocol = "weak-registry", variant = "remove-unconditionally")
    @Description("X1: A's last Arc drops while a find-or-create registers B, and A's destructor evicts by key alone.")
    @Ref("https://www.kernel.org/doc/html/latest/core-api/kref.html")
    @Outcome(id = "1, 1, clean", expect = ACCEPTABLE,
            desc = "the lookup came first and upgraded A; A stayed registered while it was held")
    @Outcome(id = "0, 1, clean", expect = ACCEPTABLE,
            desc = "A's destructor evicted its key before B was registered; a later lookup finds B")
    @Outcome(id = "0, 0, clean", expect = ACCEPTABLE_INTERESTING,
            desc = "B was registered and is alive, yet a later lookup misses it: A's destructor removed B's entry")
    @Outcome(expect = FORBIDDEN,
            desc = "A was upgraded yet lost from the registry, or a lifetime violation (a lookup revived the dying "
                    + "A, or a Weak leaked)")
    @State
    public static class RemoveUnconditionally extends DropAndFindOrCreate {

        public RemoveUnconditionally() {
            super(new EvictByKeyRegistry<>("registry"));
        }

        /** A's last holder drops it; A's destructor evicts whatever its key holds. */
        @Actor
        public void lastHolderDropsA() {
            dropA();
        }

        /** Find-or-create: keep A if the lookup upgrades it, else register a new B. */
        @Actor
        public void lookupOrRegisterB(IIL_Result r) {
            findOrCreate(r);
        }

        /** Looks the key up again, drops everything, reports the lifetime findings. */
        @Arbiter
        public void arbiter(IIL_Result r) {
            verdict(r);
        }
    }
}
