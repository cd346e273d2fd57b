package org.refcheck.stress.refcount;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZL_Result;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.refcount.Ref;
import org.refcheck.protocols.refcount.RefInner;
import org.refcheck.protocols.refcount.Refcount;
import org.refcheck.protocols.refcount.RefcountWidth;
import org.refcheck.stress.LifetimeFindings;
import org.refcheck.stress.catalogue.Checks;

/**
 * {@link Ref#tryCloneFrom} against the last {@link Ref#drop()}: a thread holding only a raw pointer to the inner
 * ({@code Arc::as_ptr}) tries to turn it into a counted reference with {@code refcount_inc_not_zero} while the last
 * handle is dropped. Either the try-clone comes first and the value stays alive until its own drop, or the drop comes
 * first and the try-clone is refused; a clone taken from a zero count would use a freed value and free it again.
 *
 * <p>A raw pointer may be try-cloned after the last drop only if the counter's memory outlives the value (type-stable
 * memory, or an RCU grace period before the free): the counters here are made by a factory that keeps them outside
 * the tracked allocation, so reading the count after the free is not a use after free, while every use of the value is
 * tracked.
 *
 * <p>How to run this test: {@code java -jar stress-tests/target/jcstress.jar -t RefTryCloneVsLastDropTest}
 */
@JCStressTest
@Checks(protocol = "ref", variant = "correct")
@Description("Ref::tryCloneFrom (refcount_inc_not_zero) races the last Ref::drop: the clone either keeps the value "
        + "alive or is refused, and the value is freed exactly once.")
@org.openjdk.jcstress.annotations.Ref("rust/kernel/sync/arc.rs (Arc::as_ptr, impl Drop for Arc)")
@org.openjdk.jcstress.annotations.Ref("include/linux/refcount.h (refcount_inc_not_zero)")
@Outcome(id = "true, clean", expect = ACCEPTABLE,
        desc = "the try-clone came first: it used the value and its drop or the other one freed it, once")
@Outcome(id = "false, clean", expect = ACCEPTABLE,
        desc = "the last drop came first: the try-clone saw zero and was refused; the value was freed once")
@Outcome(id = "true, .*", expect = FORBIDDEN,
        desc = "the try-clone took the count from zero: it used a freed value and freed it again")
@Outcome(expect = FORBIDDEN, desc = "a lifetime violation although the try-clone was refused")
@State
public class RefTryCloneVsLastDropTest {

    /** Full-width counters kept outside the allocation they count, as in type-stable memory. */
    private static final Refcount.Factory TYPE_STABLE_COUNTERS =
            (tracker, label, initial, owner) -> new Refcount(tracker, label, initial, RefcountWidth.FULL, null);

    private final LifetimeTracker heap = new LifetimeTracker();
    private final Ref<String> last = Ref.create(heap, "value", TYPE_STABLE_COUNTERS);
    private final RefInner<String> raw = last.inner();

    /** Holds only the raw pointer: try-clones it, and with the clone uses the value and drops it. */
    @Actor
    public void tryClone(ZL_Result r) {
        Ref<String> mine = Ref.tryCloneFrom(raw);
        if (mine != null) {
            r.r1 = true;
            mine.get();
            mine.drop();
        }
    }

    /** Drops the last handle. */
    @Actor
    public void lastDrop() {
        last.drop();
    }

    /** What the lifetime tracker found. */
    @Arbiter
    public void arbiter(ZL_Result r) {
        r.r2 = LifetimeFindings.finish(heap);
    }
}
