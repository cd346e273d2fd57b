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
import org.refcheck.protocols.arc.mutant.DropReadsInnerAfterDecrement;
import org.refcheck.stress.LifetimeFindings;
import org.refcheck.stress.catalogue.Checks;

/**
 * {@code Arc} drop against drop: two holders each mark the value and drop their {@code Arc}, with no {@code Weak}.
 * Exactly one drop must destroy the value and free the allocation, the other must not touch it after its decrement,
 * and the destructor must see both holders' marks (the release decrements and the acquire fence of
 * {@code Drop for Arc} order them before it).
 *
 * <p>Every variant reports {@code destructor runs, marks the destructor saw, lifetime findings}. The mutants run the
 * same two actors on their own {@link ArcScheme}:
 * <ul>
 *   <li>{@link TouchAfterDec} (B11): the non-final drop reads the allocation after its decrement, when the other
 *       holder may already have destroyed or freed it: use after destroy or use after free;</li>
 *   <li>{@link DropWithoutAcquireFence} (B7): the last drop destroys the value without the acquire fence, so the
 *       destructor may miss the other holder's mark. Weak memory only: on x86 (TSO) a locked decrement orders
 *       every later load, so this test records that the stale read does not show there.</li>
 * </ul>
 *
 * <p>How to run these tests: {@code java -jar stress-tests/target/jcstress.jar -t ArcDropDropTests}
 */
public final class ArcDropDropTests {

    private ArcDropDropTests() {
    }

    /** The race every variant runs: two clones of one {@code Arc}, each marked and dropped by its own thread. */
    abstract static class TwoHolders {
        final LifetimeTracker heap = new LifetimeTracker();
        final Payload payload = new Payload();
        final Arc<Payload> first;
        final Arc<Payload> second;

        TwoHolders(ArcScheme scheme) {
            first = Arc.create(heap, "value", payload, scheme);
            second = first.clone();
        }

        void firstHolder() {
            first.get().markFirst();
            first.drop();
        }

        void secondHolder() {
            second.get().markSecond();
            second.drop();
        }

        void verdict(IIL_Result r) {
            r.r1 = payload.destructorRuns();
            r.r2 = payload.marksSeenByDestructor();
            r.r3 = LifetimeFindings.finish(heap);
        }
    }

    /**
     * Rust std's protocol: exactly one drop destroys and frees, and the destructor sees both marks.
     *
     * <p>How to run this test: {@code java -jar stress-tests/target/jcstress.jar -t ArcDropDropTests.Correct}
     */
    @JCStressTest
    @Checks(protocol = "arc-weak", variant = "correct")
    @Description("Two holders mark the value and drop their Arcs at once: one destroys and frees, seeing both marks.")
    @Ref("https://github.com/rust-lang/rust/blob/master/library/alloc/src/sync.rs")
    @Outcome(id = "1, 2, clean", expect = ACCEPTABLE,
            desc = "exactly one drop destroyed the value and freed the allocation, and its destructor saw both marks")
    @Outcome(id = "1, [01], clean", expect = FORBIDDEN,
            desc = "the destructor missed a holder's mark: that holder's drop was not ordered before the destruction")
    @Outcome(id = "1, 2, use after (destroy|free)", expect = FORBIDDEN,
            desc = "the non-final drop touched the allocation after the other holder destroyed or freed it")
    @Outcome(expect = FORBIDDEN,
            desc = "the value was destroyed twice or never, or the allocation was freed twice or leaked")
    @State
    public static class Correct extends TwoHolders {

        public Correct() {
            super(ArcScheme.STD);
        }

        /** First holder: marks the value, drops its Arc. */
        @Actor
        public void firstHolderDrops() {
            firstHolder();
        }

        /** Second holder: marks the value, drops its Arc. */
        @Actor
        public void secondHolderDrops() {
            secondHolder();
        }

        /** Destructor runs, marks it saw, lifetime findings. */
        @Arbiter
        public void arbiter(IIL_Result r) {
            verdict(r);
        }
    }

    /**
     * B11: the non-final drop reads the allocation after its decrement.
     *
     * <p>How to run this test: {@code java -jar stress-tests/target/jcstress.jar -t ArcDropDropTests.TouchAfterDec}
     */
    @JCStressTest
    @Checks(protocol = "arc-weak", variant = "touch-after-dec")
    @Description("B11: two holders drop at once, and the non-final drop reads the allocation after its decrement.")
    @Ref("https://github.com/rust-lang/rust/issues/55005")
    @Outcome(id = "1, 2, clean", expect = ACCEPTABLE,
            desc = "the non-final drop's late read came before the other holder destroyed the value: no harm this time")
    @Outcome(id = "1, 2, use after (destroy|free)", expect = ACCEPTABLE_INTERESTING,
            desc = "the non-final drop read the allocation after the other holder destroyed or freed it")
    @Outcome(id = "1, [01], .*", expect = FORBIDDEN,
            desc = "the destructor missed a holder's mark, although this mutant keeps the acquire fence")
    @Outcome(expect = FORBIDDEN,
            desc = "the value was destroyed twice or never, or the allocation was freed twice or leaked")
    @State
    public static class TouchAfterDec extends TwoHolders {

        public TouchAfterDec() {
            super(new DropReadsInnerAfterDecrement());
        }

        /** First holder: marks the value, drops its Arc. */
        @Actor
        public void firstHolderDrops() {
            firstHolder();
        }

        /** Second holder: marks the value, drops its Arc. */
        @Actor
        public void secondHolderDrops() {
            secondHolder();
        }

        /** Destructor runs, marks it saw, lifetime findings. */
        @Arbiter
        public void arbiter(IIL_Result r) {
            verdict(r);
        }
    }

    /**
     * B7: the last drop destroys the value without the acquire fence. Not expected on x86: the catalogue marks this
     * cell NOT_EXPECTED, and the test records how many samples ran without the stale read.
     *
     * <p>How to run this test:
     * {@code java -jar stress-tests/target/jcstress.jar -t ArcDropDropTests.DropWithoutAcquireFence}
     */
    @JCStressTest
    @Checks(protocol = "arc-weak", variant = "drop-without-acquire-fence")
    @Description("B7: two holders drop at once, and the last drop runs the destructor without an acquire fence.")
    @Ref("https://github.com/rust-lang/rust/blob/master/library/alloc/src/sync.rs")
    @Outcome(id = "1, 2, clean", expect = ACCEPTABLE,
            desc = "the destructor saw both marks: the hardware ordered them even without the fence (always on TSO)")
    @Outcome(id = "1, [01], clean", expect = ACCEPTABLE_INTERESTING,
            desc = "the destructor missed a holder's mark: nothing acquired that holder's release decrement")
    @Outcome(expect = FORBIDDEN,
            desc = "the value was destroyed twice or never, the allocation was used after free, freed twice or leaked")
    @State
    public static class DropWithoutAcquireFence extends TwoHolders {

        public DropWithoutAcquireFence() {
            super(new org.refcheck.protocols.arc.mutant.DropWithoutAcquireFence());
        }

        /** First holder: marks the value, drops its Arc. */
        @Actor
        public void firstHolderDrops() {
            firstHolder();
        }

        /** Second holder: marks the value, drops its Arc. */
        @Actor
        public void secondHolderDrops() {
            secondHolder();
        }

        /** Destructor runs, marks it saw, lifetime findings. */
        @Arbiter
        public void arbiter(IIL_Result r) {
            verdict(r);
        }
    }
}
