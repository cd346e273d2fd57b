package org.refcheck.protocols.refcount.mutant;

import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.refcount.Ref;
import org.refcheck.protocols.refcount.RefInner;
import org.refcheck.protocols.refcount.Refcount;

/**
 * Mutant B11: a {@link Ref} whose drop reads the shared count again after a decrement that did not reach zero
 * (say, to log how many references remain).
 *
 * <p>Overrides {@link RefInner#dropReference()}: after {@code refcount_dec_and_test} returns {@code false} it calls
 * {@code refcount_read} on the inner, which the Rust-for-Linux drop comment forbids: "We cannot touch
 * {@code refcount} after it's decremented to a non-zero value because another thread/CPU may concurrently decrement
 * it to zero and free it" (rust-lang/rust#55005 is the same concern for std).
 *
 * <p>Exposing interleaving (catalogue bug B11): two handles, count 2. T1 drops: {@code fetch_sub} 2 -&gt; 1, and
 * is preempted before its read. T2 drops: 1 -&gt; 0, frees. T1 reads the counter in freed memory. Symptom:
 * <b>use after free</b>. The correct drop touches nothing after a non-final decrement.
 */
public final class TouchAfterDecrementRef {

    private TouchAfterDecrementRef() {
    }

    /** Like {@link Ref#create(LifetimeTracker, Object)}, with the mutant drop. */
    public static <T> Ref<T> create(LifetimeTracker tracker, T value) {
        return create(tracker, value, Refcount.factory());
    }

    /** Like {@link Ref#create(LifetimeTracker, Object, Refcount.Factory)}, with the mutant drop. */
    public static <T> Ref<T> create(LifetimeTracker tracker, T value, Refcount.Factory counts) {
        return Ref.adopt(new Inner<>(tracker, value, counts));
    }

    /** The inner whose drop reads the count after a non-final decrement. */
    private static final class Inner<T> extends RefInner<T> {

        Inner(LifetimeTracker tracker, T value, Refcount.Factory counts) {
            super(tracker, value, counts);
        }

        /** The bug: {@code refcount_read} after {@code dec_and_test} returned false. */
        @Override
        protected void dropReference() {
            if (refcount().decAndTest()) {
                allocation().free();
            } else {
                refcount().read();   // "n references remain": another thread may have freed the inner by now
            }
        }
    }
}
