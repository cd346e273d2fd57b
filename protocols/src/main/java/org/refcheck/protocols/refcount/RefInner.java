package org.refcheck.protocols.refcount;

import java.util.Objects;
import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.AllocationState;
import org.refcheck.lifetime.LifetimeTracker;

/**
 * The shared allocation behind every {@link Ref} to one value: the Rust-for-Linux {@code ArcInner<T>}
 * ({@code RefInner} in the 2021 branch), a {@link Refcount} followed by the value, in one tracked
 * {@link Allocation}.
 *
 * <p>Follows rust/kernel/sync/arc.rs. A {@code RefInner} reference is a <em>raw pointer</em>: it
 * holds no count and does not keep the value alive. {@link Ref#inner()} hands one out (like {@code Arc::as_ptr}),
 * {@link Ref#tryCloneFrom(RefInner)} turns one back into a counted reference if the count is not yet zero, and
 * whatever keeps the memory valid in between (a lock, RCU) is the caller's business: touching a freed inner is a
 * use after free the tracker reports.
 *
 * <pre> {@code
 * Ref<Payload> a = Ref.create(heap, payload);
 * RefInner<Payload> raw = a.inner();       // no count taken
 * Ref<Payload> b = Ref.tryCloneFrom(raw);  // inc_not_zero: null if the last Ref is already gone
 * }</pre>
 *
 * <p>Memory consistency effects: those of the embedded {@link Refcount}; in particular the release decrement plus
 * acquire-on-zero of {@link #dropReference()} orders every use of the value through any {@code Ref} before its free.
 *
 * @param <T> the type of the value
 */
public class RefInner<T> {

    /*
     * Implementation notes. Lifetime of the allocation, driven by the count:
     *
     *     LIVE (count >= 1) --last dropReference: 1 -> 0--> FREED (value and memory together, LIVE -> FREED)
     *
     * The invariant of the Rust type, "the reference count on an instance of Arc is always non-zero", holds for
     * every Ref handle that has not been dropped. After a decrement that did not reach zero this object must not be
     * touched again by the dropping thread: another thread may free it at any moment (arc.rs drop comment,
     * rust-lang/rust#55005). dropReference is the one protected step the B11 mutant overrides to break that rule.
     * `adopted` guards against wrapping the initial reference twice; it is written once, before publication.
     */

    private final Allocation allocation;
    private final Refcount refcount;
    private final T value;
    private boolean adopted;

    /**
     * Allocates the inner: one tracked allocation labelled {@code Ref#n}, with a counter at 1 embedded in it.
     * Wrap the initial reference with {@link Ref#adopt(RefInner)}.
     */
    protected RefInner(LifetimeTracker tracker, T value, Refcount.Factory counts) {
        Objects.requireNonNull(tracker, "tracker");
        Objects.requireNonNull(counts, "counts");
        this.allocation = tracker.allocate("Ref#" + (tracker.allocationCount() + 1));
        this.refcount = counts.create(tracker, allocation.label() + ".refcount", 1, allocation);
        this.value = value;
    }

    /** The tracked allocation holding the counter and the value. */
    public final Allocation allocation() {
        return allocation;
    }

    /** The embedded {@code refcount_t}. */
    public final Refcount refcount() {
        return refcount;
    }

    /** The count without touching the allocation: for oracles, also after the free. */
    public final int observeCount() {
        return refcount.observe();
    }

    /** Whether the allocation has been freed (a racy snapshot, for oracles). */
    public final boolean isFreed() {
        return allocation.state() == AllocationState.FREED;
    }

    /** Reports an access to the allocation, then returns the value. */
    final T value() {
        allocation.access();
        return value;
    }

    /** Marks the initial reference as wrapped; a second call is an API misuse. */
    final void adopt() {
        if (adopted) {
            throw new IllegalStateException(allocation.label() + ": initial reference already adopted");
        }
        adopted = true;
    }

    /**
     * Drops one reference: {@code refcount_dec_and_test}, and on reaching zero frees the allocation (value and
     * memory together). After a decrement that does not reach zero it touches nothing.
     */
    protected void dropReference() {
        if (refcount.decAndTest()) {
            allocation.free();
        }
    }

    @Override
    public String toString() {
        return allocation.label() + "(count " + observeCount() + ", " + allocation.state().name().toLowerCase() + ")";
    }
}
