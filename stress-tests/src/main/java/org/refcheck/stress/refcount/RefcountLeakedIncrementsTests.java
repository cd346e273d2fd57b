package org.refcheck.stress.refcount;

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
import org.openjdk.jcstress.infra.results.IL_Result;
import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.refcount.Refcount;
import org.refcheck.protocols.refcount.RefcountWidth;
import org.refcheck.protocols.refcount.mutant.UnsaturatedRefcount;
import org.refcheck.stress.LifetimeFindings;
import org.refcheck.stress.catalogue.Checks;

/**
 * Leaked increments against a holder's put, on a 3-bit counter (max 3, saturated -2): catalogue bug B1, the shape of
 * CVE-2016-0728. Two threads hold a reference each (count 2). One runs an error path that takes a reference and
 * forgets to put it, {@code 2^3 = 8} times, then uses the object and puts its own reference; the other uses the
 * object and puts its reference, at whatever point of those increments it happens to run.
 *
 * <p>{@code refcount_t} saturates at the first overflow and never reaches zero again, so the caller's leak stays a
 * leak: the object is never freed, and the counter ends at SATURATED. A counter with {@code atomic_t} semantics wraps
 * instead: the increments walk it through zero (a count rising from zero while references are held), the eight
 * increments and two puts bring it back to zero, and whichever put lands on 1 frees the object. When that is the
 * holder's put, between the seventh and eighth leaked increment, the error path then increments, uses and puts a freed
 * object, and frees it a second time.
 *
 * <p>The leaking actor runs the whole buggy sequence while the other races with it; the wrap through zero shows in
 * every sample, the use after free in the samples where the put lands in the window.
 *
 * <p>How to run these tests: {@code java -jar stress-tests/target/jcstress.jar -t RefcountLeakedIncrementsTests}
 */
public final class RefcountLeakedIncrementsTests {

    /** The counter's width: eight leaked increments wrap it. */
    static final RefcountWidth THREE_BITS = RefcountWidth.bits(3);

    /** How many increments the error path leaks: {@code 2^bits}, one full turn of the counter. */
    static final int LEAKED = 1 << THREE_BITS.bits();

    private RefcountLeakedIncrementsTests() {
    }

    /** Mainline {@code refcount_t}: saturation turns the leaked increments into a leak. */
    @JCStressTest
    @Checks(protocol = "refcount", variant = "correct")
    @Description("Eight leaked increments on a 3-bit refcount_t race a holder's put: the counter saturates and the "
            + "object leaks, never freed under its holders.")
    @Ref("include/linux/refcount.h (saturation semantics), lib/refcount.c (refcount_warn_saturate)")
    @Ref("CVE-2016-0728")
    @Outcome(id = "-2, leak", expect = ACCEPTABLE,
            desc = "the counter saturated at the first overflow and stayed there: the leaked references became a "
                    + "leaked object, which is what saturation is for")
    @Outcome(id = ".*, .*(use after free|double free|resurrection).*", expect = FORBIDDEN,
            desc = "the counter wrapped through zero: the object was revived, freed under its holders or freed twice")
    @Outcome(expect = FORBIDDEN, desc = "the counter did not end saturated, or the object was freed")
    @State
    public static class Saturating {

        private final LeakScenario scenario = new LeakScenario(Refcount.factory(THREE_BITS));

        /** The error path: leaks eight references, then uses the object and puts its own. */
        @Actor
        public void leakyErrorPath() {
            scenario.leakyErrorPath();
        }

        /** The other holder: uses the object and puts its reference. */
        @Actor
        public void holder() {
            scenario.holder();
        }

        /** The final count and what the lifetime tracker found. */
        @Arbiter
        public void arbiter(IL_Result r) {
            scenario.report(r);
        }
    }

    /** Mutant B1: the same scenario on a counter that wraps ({@link UnsaturatedRefcount}). */
    @JCStressTest
    @Checks(protocol = "refcount", variant = "unsaturated")
    @Description("Eight leaked increments on a 3-bit counter without saturation race a holder's put: the counter "
            + "wraps through zero, and the object may be freed under the leaked references.")
    @Ref("include/linux/refcount.h (saturation semantics), lib/refcount.c (refcount_warn_saturate)")
    @Ref("CVE-2016-0728")
    @Outcome(id = "0, resurrection", expect = ACCEPTABLE_INTERESTING,
            desc = "the leaked increments wrapped the counter through zero while references were held: a count rose "
                    + "from zero; the last put found 1 and freed the object only after everyone was done")
    @Outcome(id = "0, use after free & double free & resurrection", expect = ACCEPTABLE_INTERESTING,
            desc = "the holder's put found the wrapped counter at 1 and freed the object; the error path then "
                    + "incremented it from zero, used it and freed it again: use after free, double free")
    @Outcome(id = "0, double free & resurrection", expect = ACCEPTABLE_INTERESTING,
            desc = "the holder's put took the wrapped counter from 1 to zero; before its free, the error path "
                    + "incremented it from zero, used the object and put it to zero again: both freed it")
    @Outcome(id = "-?[0-9]+, .*(use after free|double free|resurrection).*", expect = ACCEPTABLE_INTERESTING,
            desc = "another combination of the wrap's violations")
    @Outcome(expect = FORBIDDEN,
            desc = "the counter did not wrap back to zero, or the object survived: impossible even without "
                    + "saturation, eight increments and two puts make zero in a 3-bit counter")
    @State
    public static class Wrapping {

        private final LeakScenario scenario = new LeakScenario(UnsaturatedRefcount.factory(THREE_BITS));

        /** The error path: leaks eight references, then uses the object and puts its own. */
        @Actor
        public void leakyErrorPath() {
            scenario.leakyErrorPath();
        }

        /** The other holder: uses the object and puts its reference. */
        @Actor
        public void holder() {
            scenario.holder();
        }

        /** The final count and what the lifetime tracker found. */
        @Arbiter
        public void arbiter(IL_Result r) {
            scenario.report(r);
        }
    }

    /** One object with an embedded counter at 2, held by the two actors; the actors' steps. */
    static final class LeakScenario {

        private final LifetimeTracker heap = new LifetimeTracker();
        private final Allocation object = heap.allocate("object");
        private final Refcount refs;

        LeakScenario(Refcount.Factory counts) {
            refs = counts.create(heap, "object.refcount", 2, object);
        }

        void leakyErrorPath() {
            for (int i = 0; i < LEAKED; i++) {
                refs.inc();   // the error path forgets the matching put
            }
            object.access();
            put();
        }

        void holder() {
            object.access();
            put();
        }

        void report(IL_Result r) {
            r.r1 = refs.observe();
            r.r2 = LifetimeFindings.finish(heap);
        }

        private void put() {
            if (refs.decAndTest()) {
                object.free();
            }
        }
    }
}
