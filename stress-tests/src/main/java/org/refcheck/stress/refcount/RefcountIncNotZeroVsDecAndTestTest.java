package org.refcheck.stress.refcount;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Ref;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZL_Result;
import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.refcount.Refcount;
import org.refcheck.stress.LifetimeFindings;
import org.refcheck.stress.catalogue.Checks;

/**
 * {@code refcount_inc_not_zero} against the last {@code refcount_dec_and_test}: a lookup that holds no reference
 * tries to take one while the only holder puts its own. Either the lookup comes first and keeps the object alive, or
 * the put comes first and the lookup is refused; a count taken from zero back to one would let the lookup use a
 * freed object and free it a second time.
 *
 * <p>The counter lives outside the tracked object, as it does for objects in type-stable memory
 * ({@code SLAB_TYPESAFE_BY_RCU}): that is the condition under which {@code inc_not_zero} may be tried on an object
 * whose last reference may be gone, so reading the counter after the free is not itself a use after free here. The
 * object is used only through a reference the lookup took.
 *
 * <p>How to run this test:
 * {@code java -jar stress-tests/target/jcstress.jar -t RefcountIncNotZeroVsDecAndTestTest}
 */
@JCStressTest
@Checks(protocol = "refcount", variant = "correct")
@Description("refcount_inc_not_zero races the last refcount_dec_and_test: the lookup either keeps the object or is "
        + "refused, and the object is freed exactly once.")
@Ref("include/linux/refcount.h, lib/refcount.c (refcount_inc_not_zero, refcount_dec_and_test)")
@Ref("Documentation/core-api/refcount-vs-atomic.rst")
@Outcome(id = "true, clean", expect = ACCEPTABLE,
        desc = "inc_not_zero came first: the lookup held a reference and used the object, and the later of the two "
                + "puts freed it")
@Outcome(id = "false, clean", expect = ACCEPTABLE,
        desc = "the last put came first: inc_not_zero saw zero and refused, and the object was freed once")
@Outcome(id = "true, .*", expect = FORBIDDEN,
        desc = "the lookup got a reference and a lifetime violation followed: inc_not_zero took the count from "
                + "zero (use after free, double free)")
@Outcome(expect = FORBIDDEN, desc = "a lifetime violation although the lookup was refused")
@State
public class RefcountIncNotZeroVsDecAndTestTest {

    private final LifetimeTracker heap = new LifetimeTracker();
    private final Allocation object = heap.allocate("object");
    private final Refcount refs = new Refcount(heap, "object.refcount", 1);

    /** The lookup: inc_not_zero, and with the reference use the object and put it. */
    @Actor
    public void lookup(ZL_Result r) {
        if (refs.incNotZero()) {
            r.r1 = true;
            object.access();
            put();
        }
    }

    /** The only holder puts its reference. */
    @Actor
    public void lastPut() {
        put();
    }

    /** What the lifetime tracker found. */
    @Arbiter
    public void arbiter(ZL_Result r) {
        r.r2 = LifetimeFindings.finish(heap);
    }

    private void put() {
        if (refs.decAndTest()) {
            object.free();
        }
    }
}
