package org.refcheck.stress.refcount;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.util.function.Function;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZL_Result;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.refcount.Ref;
import org.refcheck.protocols.refcount.Refcount;
import org.refcheck.protocols.refcount.mutant.TouchAfterDecrementRef;
import org.refcheck.stress.LifetimeFindings;
import org.refcheck.stress.catalogue.Checks;

/**
 * Two threads drop the two handles of one {@link Ref} at once (count 2): exactly one drop reaches zero and frees the
 * allocation, and the other touches nothing after its decrement. Catalogue bug B11 is a drop that reads the count
 * again after a non-final decrement: when the other drop's decrement and free land between that decrement and the
 * read, the read is a use after free (rust-lang/rust#55005; the Rust-for-Linux drop comment "We cannot touch
 * {@code refcount} after it's decremented to a non-zero value").
 *
 * <p>The window is the few instructions between the first drop's {@code fetch_sub} and its read: on x86 the other
 * CPU cannot decrement and free in that time unless the first thread is preempted right there, so jcstress saw the
 * mutant's use after free in about 2 of 10,000 samples, and only on a loaded machine. Both tests therefore count with
 * a {@link PreemptedRefcount} that pauses its caller for a microsecond after a non-final decrement, the preemption
 * of the exposing interleaving; the correct drop, which touches nothing after that point, must stay clean under the
 * same pause.
 *
 * <p>How to run these tests: {@code java -jar stress-tests/target/jcstress.jar -t RefDropVsDropTests}
 */
public final class RefDropVsDropTests {

    /** Counters whose callers are preempted for a microsecond after a non-final decrement. */
    static final Refcount.Factory PREEMPTED =
            PreemptedRefcount.factory(PreemptedRefcount.At.AFTER_NON_FINAL_DECREMENT);

    private RefDropVsDropTests() {
    }

    /** Rust-for-Linux {@code Drop for Arc}: nothing is touched after a non-final decrement. */
    @JCStressTest
    @Checks(protocol = "ref", variant = "correct")
    @Description("Two handles of one Ref are dropped at once, a drop that leaves references pausing as if preempted: "
            + "exactly one drop frees, and nothing is used after the free.")
    @org.openjdk.jcstress.annotations.Ref("rust/kernel/sync/arc.rs (impl Drop for Arc)")
    @org.openjdk.jcstress.annotations.Ref("https://github.com/rust-lang/rust/issues/55005")
    @Outcome(id = "true, clean", expect = ACCEPTABLE,
            desc = "exactly one drop reached zero and freed the allocation; the other touched nothing after its "
                    + "decrement")
    @Outcome(id = "true, .*use after free.*", expect = FORBIDDEN,
            desc = "a drop touched the allocation after the other drop freed it: use after free")
    @Outcome(id = "true, .*double free.*", expect = FORBIDDEN, desc = "both drops freed the allocation")
    @Outcome(id = "false, .*", expect = FORBIDDEN, desc = "neither drop freed the allocation: leak")
    @Outcome(expect = FORBIDDEN, desc = "another lifetime violation")
    @State
    public static class Correct {

        private final DropScenario scenario = new DropScenario(heap -> Ref.create(heap, "value", PREEMPTED));

        /** Uses the value through the first handle and drops it. */
        @Actor
        public void dropFirst() {
            scenario.dropFirst();
        }

        /** Uses the value through the second handle and drops it. */
        @Actor
        public void dropSecond() {
            scenario.dropSecond();
        }

        /** Whether the allocation was freed, and what the lifetime tracker found. */
        @Arbiter
        public void arbiter(ZL_Result r) {
            scenario.report(r);
        }
    }

    /** Mutant B11: the drop reads the count after a non-final decrement ({@link TouchAfterDecrementRef}). */
    @JCStressTest
    @Checks(protocol = "ref", variant = "touch-after-dec")
    @Description("Two handles of one Ref whose drop reads the count after a non-final decrement are dropped at "
            + "once, a drop that leaves references pausing as if preempted: the read can land after the other drop "
            + "freed the allocation.")
    @org.openjdk.jcstress.annotations.Ref("rust/kernel/sync/arc.rs (impl Drop for Arc)")
    @org.openjdk.jcstress.annotations.Ref("https://github.com/rust-lang/rust/issues/55005")
    @Outcome(id = "true, clean", expect = ACCEPTABLE,
            desc = "the non-final drop read the count before the final drop freed the allocation")
    @Outcome(id = "true, use after free", expect = ACCEPTABLE_INTERESTING,
            desc = "the final drop's decrement and free landed between the other drop's decrement and its read of "
                    + "the count: use after free")
    @Outcome(expect = FORBIDDEN,
            desc = "a leak, a double free or no free: impossible even with the extra read, which changes no count")
    @State
    public static class TouchAfterDec {

        private final DropScenario scenario =
                new DropScenario(heap -> TouchAfterDecrementRef.create(heap, "value", PREEMPTED));

        /** Uses the value through the first handle and drops it. */
        @Actor
        public void dropFirst() {
            scenario.dropFirst();
        }

        /** Uses the value through the second handle and drops it. */
        @Actor
        public void dropSecond() {
            scenario.dropSecond();
        }

        /** Whether the allocation was freed, and what the lifetime tracker found. */
        @Arbiter
        public void arbiter(ZL_Result r) {
            scenario.report(r);
        }
    }

    /** Two handles of one value (count 2), one per actor. */
    static final class DropScenario {

        private final LifetimeTracker heap = new LifetimeTracker();
        private final Ref<String> first;
        private final Ref<String> second;

        DropScenario(Function<LifetimeTracker, Ref<String>> create) {
            first = create.apply(heap);
            second = first.clone();
        }

        void dropFirst() {
            first.get();
            first.drop();
        }

        void dropSecond() {
            second.get();
            second.drop();
        }

        void report(ZL_Result r) {
            r.r1 = first.inner().isFreed();
            r.r2 = LifetimeFindings.finish(heap);
        }
    }
}
