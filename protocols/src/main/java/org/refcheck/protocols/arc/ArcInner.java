package org.refcheck.protocols.arc;

import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.sync.SharedInt;
import org.refcheck.sync.ValueClasses;

/**
 * The shared allocation behind {@link Arc} and {@link Weak}: std's {@code ArcInner { strong, weak, data }}, tracked
 * as one {@link Allocation}.
 *
 * <p>Follows library/alloc/src/sync.rs ({@code ArcInner}, rust-lang/rust). Users never see this class; it is public
 * only so that {@link ArcScheme} subclasses in other packages (the mutants) can run the protocol's atomic steps. Each
 * accessor is one atomic step and is named after its access mode.
 *
 * <p>Memory consistency effects: those of the named access mode on the {@code strong} or {@code weak} cell, nothing
 * more. Reporting lifetime events ({@link #access()}, {@link #destroyValue()}, {@link #free()}) orders nothing.
 *
 * @param <T> the type of the value
 */
public final class ArcInner<T> {

    /*
     * Implementation notes.
     *
     * Counters are 32-bit SharedInts read as unsigned, the way std reads its usize counters:
     *   LOCKED       = -1 (0xFFFF_FFFF), the bit pattern of usize::MAX: the weak-count lock of is_unique.
     *   MAX_REFCOUNT = Integer.MAX_VALUE, std's isize::MAX: a count above it (unsigned) means overflow.
     *
     * strong: the number of Arc handles. 1 at creation; 0 is final ("any write of 0 we can observe leaves the
     *         field in permanently zero state"): only a buggy upgrade can raise it again.
     * weak:   the number of Weak handles, plus 1 held collectively by all strong handles while strong > 0.
     *         It reads LOCKED only inside is_unique, which locks it only when it was exactly 1, i.e. when no Weak
     *         exists; so Weak.clone and Weak.drop never see LOCKED, and only downgrade has to wait for it.
     *
     * Lifetime of the allocation (the Allocation's states):
     *   LIVE      -> DESTROYED   strong 1 -> 0: the value leaves (dropped, or moved out by intoInner/tryUnwrap)
     *   DESTROYED -> FREED       weak 1 -> 0: the allocation is released
     * Both happen once; the value leaves before the collective weak is dropped, so DESTROYED always precedes FREED.
     *
     * Oracle hooks: the increments report a count that rose from zero (a resurrection), since in a correct
     * protocol nobody holding a handle can see a zero count before an increment. The check costs one compare on
     * the returned value.
     */

    /** The weak-count lock sentinel, std's {@code usize::MAX}: {@code -1}, all bits set. */
    public static final int LOCKED = -1;

    /**
     * What every caller of a count's {@code fetch_add}/{@code fetch_sub} tells apart in the old value: above
     * {@link #MAX_REFCOUNT} read as unsigned (negative), zero, one (the last reference) and more. Declared to the
     * facade so that the model checker commutes the increments and decrements that cannot cross these.
     */
    private static final ValueClasses OBSERVED = ValueClasses.split(0, 1, 2);

    /** std's {@code MAX_REFCOUNT} ({@code isize::MAX}) for a 32-bit count read as unsigned. */
    public static final int MAX_REFCOUNT = Integer.MAX_VALUE;

    /** std's {@code INTERNAL_OVERFLOW_ERROR}, the panic message of upgrade and downgrade. */
    public static final String OVERFLOW_MESSAGE = "Arc counter overflow";

    private final Allocation allocation;
    private final ArcScheme scheme;
    private final T value;
    private final SharedInt strong;
    private final SharedInt weak;

    ArcInner(LifetimeTracker tracker, String label, T value, ArcScheme scheme) {
        this.allocation = tracker.allocate(label);
        this.scheme = scheme;
        this.value = value;
        this.strong = SharedInt.of(label + ".strong", 1);
        // The weak reference held collectively by all strong ones.
        this.weak = SharedInt.of(label + ".weak", 1);
    }

    /** Whether {@code count}, read as unsigned, is above {@link #MAX_REFCOUNT} (std's {@code old > MAX_REFCOUNT}). */
    public static boolean exceedsMaxRefcount(int count) {
        return count < 0;
    }

    /** The label of the allocation, e.g. {@code "Arc#1"}. */
    public String label() {
        return allocation.label();
    }

    /** The scheme the allocation was created with; every handle on it runs this scheme's steps. */
    public ArcScheme scheme() {
        return scheme;
    }

    // ---- strong count -------------------------------------------------------------------------------------------

    /** Relaxed load of {@code strong}. */
    public int strongOpaque() {
        return strong.getOpaque();
    }

    /** Acquire load of {@code strong}. */
    public int strongAcquire() {
        return strong.getAcquire();
    }

    /** Relaxed {@code fetch_add} of {@code strong} (Java has no relaxed RMW: volatile {@code getAndAdd}). */
    public int strongGetAndAdd(int delta) {
        int old = strong.getAndAdd(delta, OBSERVED);
        if (old == 0 && delta > 0) {
            allocation.countRoseFromZero();
        }
        return old;
    }

    /** Release {@code fetch_sub}/{@code fetch_add} of {@code strong}. */
    public int strongGetAndAddRelease(int delta) {
        return strong.getAndAddRelease(delta, OBSERVED);
    }

    /** {@code compare_exchange(expected, next, Acquire, Relaxed)} of {@code strong}; returns the witness. */
    public int strongCompareAndExchangeAcquire(int expected, int next) {
        return strong.compareAndExchangeAcquire(expected, next);
    }

    /** Strong CAS of {@code strong} (volatile; stands for std's Relaxed {@code compare_exchange}). */
    public boolean casStrong(int expected, int next) {
        return strong.compareAndSet(expected, next);
    }

    // ---- weak count ---------------------------------------------------------------------------------------------

    /** Relaxed load of {@code weak}. */
    public int weakOpaque() {
        return weak.getOpaque();
    }

    /** Acquire load of {@code weak}. */
    public int weakAcquire() {
        return weak.getAcquire();
    }

    /** Relaxed {@code fetch_add} of {@code weak} (volatile {@code getAndAdd}). */
    public int weakGetAndAdd(int delta) {
        int old = weak.getAndAdd(delta, OBSERVED);
        if (old == 0 && delta > 0) {
            allocation.countRoseFromZero();
        }
        return old;
    }

    /** Release {@code fetch_sub} of {@code weak}. */
    public int weakGetAndAddRelease(int delta) {
        return weak.getAndAddRelease(delta, OBSERVED);
    }

    /** {@code compare_exchange(expected, next, Acquire, Relaxed)} of {@code weak}; returns the witness. */
    public int weakCompareAndExchangeAcquire(int expected, int next) {
        return weak.compareAndExchangeAcquire(expected, next);
    }

    /** Release store of {@code weak} (the unlock of {@code is_unique}). */
    public void setWeakRelease(int next) {
        weak.setRelease(next);
    }

    // ---- the value and the allocation ---------------------------------------------------------------------------

    /** Reports a use of the value (a violation once it left or the allocation was freed) and returns it. */
    public T access() {
        allocation.access();
        return value;
    }

    /**
     * Reports a use of the value through a unique reference ({@code get_mut}'s {@code &mut T}), which conflicts with
     * every other holder's use, and returns it.
     */
    public T accessMutably() {
        allocation.accessMutably();
        return value;
    }

    /**
     * Drops the value in place: runs its {@link Drop#drop()} if it has one, then records the destroy, even if the
     * destructor throws (std drops the collective weak "even if T::drop panics"; see {@link ArcScheme#dropSlow}).
     */
    public void destroyValue() {
        try {
            if (value instanceof Drop destructor) {
                destructor.drop();
            }
        } finally {
            allocation.destroy();
        }
    }

    /** Moves the value out ({@code ptr::read(&data)}): records that it left the allocation, without its destructor. */
    public T takeValue() {
        allocation.destroy();
        return value;
    }

    /** Releases the allocation (std's {@code dealloc}). */
    public void free() {
        allocation.free();
    }

    /** Whether {@code candidate} is this allocation's value, by identity; touches no counter and reports nothing. */
    boolean holds(Object candidate) {
        return value == candidate;
    }

    /** The tracked allocation, for tests in this package. */
    Allocation allocation() {
        return allocation;
    }

    /** The raw strong cell, for tests in this package that need to reach extreme counts. */
    SharedInt strongCell() {
        return strong;
    }

    /** The raw weak cell, for tests in this package. */
    SharedInt weakCell() {
        return weak;
    }

    @Override
    public String toString() {
        return allocation.toString();
    }
}
