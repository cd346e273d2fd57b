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
import org.openjdk.jcstress.infra.results.ZZL_Result;
import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.lifetime.Warning;
import org.refcheck.protocols.refcount.Refcount;
import org.refcheck.protocols.refcount.RefcountWarning;
import org.refcheck.protocols.refcount.RefcountWidth;
import org.refcheck.protocols.refcount.mutant.UnguardedSubAndTestRefcount;
import org.refcheck.stress.LifetimeFindings;
import org.refcheck.stress.catalogue.Checks;

/**
 * {@code refcount_sub_and_test(0)} against the last {@code refcount_dec_and_test}: catalogue bug B3, lkdtm's
 * REFCOUNT_SUB_AND_TEST_ZERO as a race. The object has one holder (count 1), who puts it and frees the object on
 * reaching zero. Another path computed that it holds zero references (a batch count of 0, as in the function-return
 * tracing counter that motivated the mainline fix) and calls {@code sub_and_test(0)}, freeing the object if told it
 * dropped the last reference.
 *
 * <p>If the zero subtraction runs first it finds 1 and answers {@code false}. If it runs after the last put it finds
 * 0: mainline {@code refcount_t} answers {@code false} (only a positive count can be the last reference), saturates
 * and warns {@code "refcount_t: underflow; use-after-free."}; the counter of kernels before 2024 checks only
 * {@code old == i}, answers {@code true}, and the object is freed a second time, without a warning. jcstress sees both
 * orders in nearly every run, as each actor is one atomic step.
 *
 * <p>The counter lives outside the object (as that tracing counter did), so reading it after the free is not a use
 * after free; the double free is the finding.
 *
 * <p>How to run these tests: {@code java -jar stress-tests/target/jcstress.jar -t RefcountSubZeroVsLastPutTests}
 */
public final class RefcountSubZeroVsLastPutTests {

    private RefcountSubZeroVsLastPutTests() {
    }

    /** Mainline {@code refcount_sub_and_test}: only a positive count reaching zero is the last reference. */
    @JCStressTest
    @Checks(protocol = "refcount", variant = "correct")
    @Description("refcount_sub_and_test(0) races the last refcount_dec_and_test: it never reports a last "
            + "reference, and the object is freed once.")
    @Ref("lib/refcount.c (refcount_sub_and_test); \"refcount: Report UAF for refcount_sub_and_test(0) when "
            + "counter==0\" (2024)")
    @Ref("drivers/misc/lkdtm/refcount.c (REFCOUNT_SUB_AND_TEST_ZERO)")
    @Outcome(id = "false, false, clean", expect = ACCEPTABLE,
            desc = "the zero subtraction came first and found 1: no last reference, no warning; the put freed the "
                    + "object")
    @Outcome(id = "false, true, clean", expect = ACCEPTABLE,
            desc = "the zero subtraction came after the last put and found 0: refused, saturated, warned "
                    + "'underflow; use-after-free'; the object was freed once")
    @Outcome(id = "true, .*", expect = FORBIDDEN,
            desc = "sub_and_test(0) reported the last reference: the object was freed a second time")
    @Outcome(expect = FORBIDDEN, desc = "a lifetime violation or an unexpected warning")
    @State
    public static class Guarded {

        private final SubZeroScenario scenario = new SubZeroScenario(Refcount.factory());

        /** The one holder puts its reference. */
        @Actor
        public void lastPut() {
            scenario.lastPut();
        }

        /** The path that holds zero references subtracts them, and frees if told it was the last. */
        @Actor
        public void subtractZero(ZZL_Result r) {
            r.r1 = scenario.subtractZero();
        }

        /** Whether the underflow was warned, and what the lifetime tracker found. */
        @Arbiter
        public void arbiter(ZZL_Result r) {
            scenario.report(r);
        }
    }

    /** Mutant B3: the same race on a counter whose {@code sub_and_test} lacks the {@code old > 0} guard. */
    @JCStressTest
    @Checks(protocol = "refcount", variant = "sub-and-test-zero")
    @Description("refcount_sub_and_test(0) without the old > 0 guard races the last refcount_dec_and_test: after "
            + "the put it reports the last reference of a freed object, which is freed twice.")
    @Ref("lib/refcount.c (refcount_sub_and_test); \"refcount: Report UAF for refcount_sub_and_test(0) when "
            + "counter==0\" (2024)")
    @Ref("drivers/misc/lkdtm/refcount.c (REFCOUNT_SUB_AND_TEST_ZERO)")
    @Outcome(id = "false, false, clean", expect = ACCEPTABLE,
            desc = "the zero subtraction came first and found 1: no last reference; the put freed the object")
    @Outcome(id = "true, false, double free", expect = ACCEPTABLE_INTERESTING,
            desc = "the zero subtraction came after the last put, found 0 == i and reported the last reference: "
                    + "the object was freed a second time, without a warning")
    @Outcome(expect = FORBIDDEN,
            desc = "a warning, or a violation other than the double free: impossible even without the guard")
    @State
    public static class Unguarded {

        private final SubZeroScenario scenario =
                new SubZeroScenario(UnguardedSubAndTestRefcount.factory(RefcountWidth.FULL));

        /** The one holder puts its reference. */
        @Actor
        public void lastPut() {
            scenario.lastPut();
        }

        /** The path that holds zero references subtracts them, and frees if told it was the last. */
        @Actor
        public void subtractZero(ZZL_Result r) {
            r.r1 = scenario.subtractZero();
        }

        /** Whether the underflow was warned, and what the lifetime tracker found. */
        @Arbiter
        public void arbiter(ZZL_Result r) {
            scenario.report(r);
        }
    }

    /** One object with one holder, its counter outside it; the actors' steps. */
    static final class SubZeroScenario {

        private final LifetimeTracker heap = new LifetimeTracker();
        private final Allocation object = heap.allocate("object");
        private final Refcount refs;

        SubZeroScenario(Refcount.Factory counts) {
            refs = counts.create(heap, "object.users", 1, null);
        }

        void lastPut() {
            if (refs.decAndTest()) {
                object.free();
            }
        }

        boolean subtractZero() {
            boolean last = refs.subAndTest(0);
            if (last) {
                object.free();
            }
            return last;
        }

        void report(ZZL_Result r) {
            String underflow = RefcountWarning.SUB_UAF.message();
            r.r2 = heap.warnings().stream().map(Warning::message).anyMatch(underflow::equals);
            r.r3 = LifetimeFindings.finish(heap);
        }
    }
}
