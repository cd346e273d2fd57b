package org.refcheck.protocols.refcount;

import java.util.Objects;
import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.sync.Fences;
import org.refcheck.sync.Mutex;
import org.refcheck.sync.SharedInt;
import org.refcheck.sync.ValueClasses;

/**
 * The kernel's {@code refcount_t}: a reference counter that saturates instead of wrapping.
 *
 * <p>Follows include/linux/refcount.h and lib/refcount.c (current mainline) operation by operation, including the
 * documented weak spot: an increment is a {@code fetch_add} followed, as a separate later step, by the store of
 * {@link RefcountWidth#saturated() SATURATED}, so concurrent increments in between can walk the counter back towards
 * zero (catalogue bug B2). Misuse never throws: it saturates the counter and records the kernel's warning with
 * {@link LifetimeTracker#warn(String, String)}.
 *
 * <pre> {@code
 * Allocation obj = heap.allocate("obj");
 * Refcount refs = new Refcount(heap, "obj.refcount", 1, obj);  // embedded in obj: REFCOUNT_INIT(1)
 * refs.inc();                                                 // a second holder
 * if (refs.decAndTest()) obj.free();                          // last put frees
 * }</pre>
 *
 * <p>When the counter is embedded in an owning {@link Allocation} (the usual case: a {@code kref} or an
 * {@code ArcInner} lives inside the object it counts), every atomic step on it is reported as an
 * {@link Allocation#access()}, so touching the counter of a freed object is a use after free, and an increment
 * that finds the counter at zero reports {@link Allocation#countRoseFromZero()}.
 *
 * <p>Memory consistency effects (Documentation/core-api/refcount-vs-atomic.rst): {@link #set}, {@link #read},
 * {@link #add} and {@link #inc} are unordered; {@link #setRelease} is a release store; the {@code *NotZero} forms
 * are unordered (callers rely on how they found the object) and their {@code *Acquire} forms acquire on success;
 * {@link #dec}, {@link #decIfOne} and {@link #decNotOne} release; {@link #subAndTest} and {@link #decAndTest}
 * release, and acquire when they return {@code true}, so every access made before any earlier decrement
 * happens-before the caller's free; {@link #decAndLock} and {@link #decAndMutexLock} add the lock's own ordering.
 */
public class Refcount {

    /*
     * Implementation notes.
     *
     * Value space. The cell holds the counter shifted into its top `width.bits()` bits (see RefcountWidth), so one
     * facade operation on the cell is one kernel atomic step at every width. All protected step methods below speak
     * in counter values; toCell/fromCell convert.
     *
     *     1 .. max()           LIVE: that many references
     *     0                    DEAD: the last reference is gone; the holder that saw 1 -> 0 frees the object
     *     min() .. -1          BAD: overflow or underflow happened; SATURATED = min()/2 sits in the middle and
     *                          stays there (a leak, never a free)
     *
     *     LIVE -> LIVE (inc, dec, *NotZero)    LIVE -> DEAD (decAndTest/subAndTest true, decIfOne, decAndLock)
     *     LIVE -> BAD -> SATURATED (overflow)  DEAD -> SATURATED (inc: addition on 0; dec: underflow)
     *     Any other move out of DEAD is a resurrection, reported through the owner.
     *
     * Steps. Each public operation calls, in order, exactly the atomic steps lib/refcount.c performs, and nothing
     * else touches the cell:
     *
     *     set / setRelease      setCountOpaque / setCountRelease
     *     read                  countOpaque
     *     add / inc             getAndAddCount, then (if bad) saturate = setCountOpaque(SATURATED) + warning
     *     addNotZero / inc..    countOpaque, then weakCasCountPlain until success or zero, then (if bad) saturate
     *     ...Acquire forms      countOpaque, then compareAndExchangeCountAcquire loop, then (if bad) saturate
     *     subAndTest / dec..    getAndAddCountRelease(-i), then Fences.acquire() on success or saturate on underflow
     *     dec                   getAndAddCountRelease(-1), then (if old <= 1) saturate
     *     decIfOne              compareAndExchangeCountRelease(1, 0)
     *     decNotOne             countOpaque, then compareAndExchangeCountRelease loop
     *     decAndLock            decNotOne; lock; decAndTest; unlock unless it returned true
     *
     * Relaxed RMWs have no Java counterpart: fetch_add_relaxed is getAndAdd (volatile, stronger)
     * and try_cmpxchg_relaxed is weakCompareAndSetPlain. try_cmpxchg also hands back the value it found; the plain
     * weak CAS only says it failed, so the loop re-reads with countOpaque after a failure. A failed CAS changes
     * nothing, so the extra read adds no reachable state.
     *
     * Owner. With an owning allocation, each step method first reports owner.access() and then performs its one
     * cell operation, so a step on the counter of a freed object is a use after free wherever the free lands.
     *
     * The step methods are protected so that mutants override exactly one of them and tests can pause a thread
     * between two atomic steps (a subclass that blocks before or after calling super); the production path pays
     * one monomorphic virtual call, which the JIT inlines.
     */

    private final LifetimeTracker tracker;
    private final String label;
    private final RefcountWidth width;
    private final int shift;
    private final Allocation owner;
    private final SharedInt refs;
    /** What the callers of an add of one or minus one tell apart; see {@link #observedAround(int)}. */
    private final ValueClasses aroundOne;

    /** A full-width counter that is not embedded in a tracked allocation. */
    public Refcount(LifetimeTracker tracker, String label, int initial) {
        this(tracker, label, initial, RefcountWidth.FULL, null);
    }

    /** A full-width counter embedded in {@code owner}. */
    public Refcount(LifetimeTracker tracker, String label, int initial, Allocation owner) {
        this(tracker, label, initial, RefcountWidth.FULL, owner);
    }

    /**
     * A counter of the given width.
     *
     * @param tracker receives the saturation warnings
     * @param label   names the counter in warnings and traces, e.g. {@code "Ref#1.refcount"}
     * @param initial {@code REFCOUNT_INIT(initial)}, wrapped to the width
     * @param width   {@link RefcountWidth#FULL} for the kernel's counter
     * @param owner   the allocation the counter is embedded in, or {@code null}
     */
    public Refcount(LifetimeTracker tracker, String label, int initial, RefcountWidth width, Allocation owner) {
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.label = Objects.requireNonNull(label, "label");
        this.width = Objects.requireNonNull(width, "width");
        this.shift = width.shift();
        this.owner = owner;
        this.refs = SharedInt.of(label, toCell(initial));
        this.aroundOne = observedAround(1);
    }

    /** Creates counters; lets a protocol that embeds a counter take a narrow, mutant or test variant. */
    @FunctionalInterface
    public interface Factory {

        /**
         * Creates a counter: the arguments of
         * {@link Refcount#Refcount(LifetimeTracker, String, int, RefcountWidth, Allocation)}, at the factory's width.
         */
        Refcount create(LifetimeTracker tracker, String label, int initial, Allocation owner);
    }

    /** The factory of full-width counters. */
    public static Factory factory() {
        return factory(RefcountWidth.FULL);
    }

    /** The factory of counters of the given width. */
    public static Factory factory(RefcountWidth width) {
        Objects.requireNonNull(width, "width");
        return (tracker, label, initial, owner) -> new Refcount(tracker, label, initial, width, owner);
    }

    // ---------------------------------------------------------------------------------------------------------
    // refcount.h operations

    /** {@code refcount_set}: stores {@code n}, unordered. */
    public void set(int n) {
        setCountOpaque(width.wrap(n));
    }

    /** {@code refcount_set_release}: stores {@code n} with release, for reuse of type-stable memory. */
    public void setRelease(int n) {
        setCountRelease(width.wrap(n));
    }

    /** {@code refcount_read}: the current value, unordered (negative values are the saturated range). */
    public int read() {
        return countOpaque();
    }

    /** {@code refcount_add}: adds {@code i}; the caller must already hold a reference. */
    public void add(int i) {
        i = width.wrap(i);
        int old = getAndAddCount(i);
        if (old == 0) {
            if (owner != null) {
                owner.countRoseFromZero();
            }
            saturate(RefcountWarning.ADD_UAF);
        } else if (old < 0 || width.wrap(old + i) < 0) {
            saturate(RefcountWarning.ADD_OVF);
        }
    }

    /** {@code refcount_inc}: {@code add(1)}. */
    public void inc() {
        add(1);
    }

    /**
     * {@code refcount_add_not_zero}: adds {@code i} unless the counter is zero.
     *
     * @return whether {@code i} was added; {@code true} also when the addition saturated the counter
     */
    public boolean addNotZero(int i) {
        i = width.wrap(i);
        int old = countOpaque();
        while (true) {
            if (old == 0) {
                return false;
            }
            if (weakCasCountPlain(old, width.wrap(old + i))) {
                break;
            }
            old = countOpaque();
        }
        if (old < 0 || width.wrap(old + i) < 0) {
            saturate(RefcountWarning.ADD_NOT_ZERO_OVF);
        }
        return true;
    }

    /** {@code refcount_inc_not_zero}: {@code addNotZero(1)}. */
    public boolean incNotZero() {
        return addNotZero(1);
    }

    /**
     * {@code refcount_add_not_zero_acquire}: {@link #addNotZero} whose successful CAS acquires. It is the limited
     * form with the limit {@code REFCOUNT_MAX}, so it refuses (returns {@code false}) instead of overflowing, and,
     * because {@code MAX - old} wraps for a negative {@code old}, it also refuses a saturated counter.
     */
    public boolean addNotZeroAcquire(int i) {
        return addNotZeroLimitedAcquire(i, width.max());
    }

    /** {@code refcount_inc_not_zero_acquire}: {@code addNotZeroAcquire(1)}. */
    public boolean incNotZeroAcquire() {
        return addNotZeroAcquire(1);
    }

    /**
     * {@code refcount_add_not_zero_limited_acquire}: adds {@code i} unless the counter is zero or
     * {@code i > limit - old} (computed with wrap-around, as the kernel does), with an acquiring CAS.
     *
     * @return whether {@code i} was added; when refused the counter is unchanged
     */
    public boolean addNotZeroLimitedAcquire(int i, int limit) {
        i = width.wrap(i);
        int old = countOpaque();
        while (true) {
            if (old == 0) {
                return false;
            }
            if (i > width.wrap(limit - old)) {
                return false;
            }
            int witness = compareAndExchangeCountAcquire(old, width.wrap(old + i));
            if (witness == old) {
                break;
            }
            old = witness;
        }
        if (old < 0 || width.wrap(old + i) < 0) {
            saturate(RefcountWarning.ADD_NOT_ZERO_OVF);
        }
        return true;
    }

    /** {@code refcount_inc_not_zero_limited_acquire}: {@code addNotZeroLimitedAcquire(1, limit)}. */
    public boolean incNotZeroLimitedAcquire(int limit) {
        return addNotZeroLimitedAcquire(1, limit);
    }

    /**
     * {@code refcount_sub_and_test}: subtracts {@code i}; releases, and acquires if it returns {@code true}.
     *
     * @return whether the counter went from exactly {@code i} (a positive value) to zero: the caller must free
     */
    public boolean subAndTest(int i) {
        i = width.wrap(i);
        int old = getAndAddCountRelease(-i);
        return testAfterSub(old, i);
    }

    /** {@code refcount_dec_and_test}: {@code subAndTest(1)}. */
    public boolean decAndTest() {
        return subAndTest(1);
    }

    /** {@code refcount_dec}: drops a reference that is known not to be the last; reaching zero is a leak. */
    public void dec() {
        int old = getAndAddCountRelease(-1);
        if (old <= 1) {
            saturate(RefcountWarning.DEC_LEAK);
        }
    }

    /** {@code refcount_dec_if_one}: moves the counter from exactly 1 to 0, with release; never warns. */
    public boolean decIfOne() {
        return compareAndExchangeCountRelease(1, 0) == 1;
    }

    /**
     * {@code refcount_dec_not_one}: decrements unless the counter is 1.
     *
     * <p>Compares as the kernel does, unsigned: SATURATED is left alone and reported as decremented; zero warns
     * {@code "underflow; use-after-free"} and is reported as decremented without changing or saturating the
     * counter; any other value in the negative range is decremented without a warning.
     *
     * @return {@code false} only if the counter was 1 and was left unchanged
     */
    public boolean decNotOne() {
        int saturated = width.saturated();
        int val = countOpaque();
        while (true) {
            if (val == saturated) {
                return true;
            }
            if (val == 1) {
                return false;
            }
            if (val == 0) {   // val - 1 is above val, unsigned, only for zero
                tracker.warn(label, RefcountWarning.SUB_UAF.message());
                return true;
            }
            int witness = compareAndExchangeCountRelease(val, width.wrap(val - 1));
            if (witness == val) {
                return true;
            }
            val = witness;
        }
    }

    /**
     * {@code refcount_dec_and_lock}: decrements, and if that may reach zero, does it under {@code lock}.
     *
     * @return the guard of {@code lock}, held, if the counter reached zero (the caller unlinks, unlocks and frees);
     *     {@code null}, with the lock not held, otherwise
     */
    public Mutex.Guard decAndLock(Mutex lock) {
        return decAndLockHeld(lock);
    }

    /** {@code refcount_dec_and_mutex_lock}: {@link #decAndLock} with a sleeping mutex; the same steps. */
    public Mutex.Guard decAndMutexLock(Mutex lock) {
        return decAndLockHeld(lock);
    }

    private Mutex.Guard decAndLockHeld(Mutex lock) {
        if (decNotOne()) {
            return null;
        }
        Mutex.Guard held = lock.lock();
        if (!decAndTest()) {
            held.close();
            return null;
        }
        return held;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Observation (not part of refcount.h)

    /**
     * The current value without reporting an access to the owner: for test oracles and arbiters that look at the
     * counter after the fact, possibly after the owner was freed. Protocol code uses {@link #read()}.
     */
    public int observe() {
        return fromCell(refs.getOpaque());
    }

    /** The tracker that receives this counter's warnings. */
    public LifetimeTracker tracker() {
        return tracker;
    }

    /** The label of the counter, the source of its warnings. */
    public String label() {
        return label;
    }

    /** The counter's width. */
    public RefcountWidth width() {
        return width;
    }

    /** The allocation the counter is embedded in, or {@code null}. */
    public Allocation owner() {
        return owner;
    }

    @Override
    public String toString() {
        return label + "=" + observe();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Steps: each is one atomic step on the counter (and one access of the owner), or the decision between two.

    /**
     * The second half of {@link #subAndTest}: what the old value means. Returns {@code true} (after an acquire
     * fence) when the counter went from a positive {@code i} to zero, saturates on underflow.
     */
    protected boolean testAfterSub(int old, int i) {
        if (old > 0 && old == i) {
            Fences.acquire();   // smp_acquire__after_ctrl_dep(): order the caller's free after every decrement
            return true;
        }
        if (old <= 0 || width.wrap(old - i) < 0) {
            saturate(RefcountWarning.SUB_UAF);
        }
        return false;
    }

    /** {@code refcount_warn_saturate}: stores SATURATED (a separate, later step), then records the warning. */
    protected void saturate(RefcountWarning type) {
        setCountOpaque(width.saturated());
        tracker.warn(label, type.message());
    }

    /** {@code atomic_read}. */
    protected int countOpaque() {
        touch();
        return fromCell(refs.getOpaque());
    }

    /** {@code atomic_set}. */
    protected void setCountOpaque(int value) {
        touch();
        refs.setOpaque(toCell(value));
    }

    /** {@code atomic_set_release}. */
    protected void setCountRelease(int value) {
        touch();
        refs.setRelease(toCell(value));
    }

    /** {@code atomic_fetch_add_relaxed}: returns the old value. */
    protected int getAndAddCount(int delta) {
        touch();
        return fromCell(refs.getAndAdd(toCell(delta), observedBy(delta)));
    }

    /** {@code atomic_fetch_add_release} (so {@code fetch_sub_release} with a negated delta): returns the old value. */
    protected int getAndAddCountRelease(int delta) {
        touch();
        return fromCell(refs.getAndAddRelease(toCell(delta), observedBy(delta)));
    }

    private ValueClasses observedBy(int delta) {
        return delta == 1 || delta == -1 ? aroundOne : observedAround(Math.abs(delta));
    }

    /**
     * The old values the callers of a {@code fetch_add} of {@code ±i} tell apart, in cell units: negative (bad),
     * zero (addition on 0, or underflow), below {@code i} (underflow of a subtraction), exactly {@code i} (the
     * subtraction reaches zero), and above {@code max - i} (the addition overflows). Every check of
     * lib/refcount.c, and of the mutants that override the steps around the add, compares the old value only with
     * these boundaries, which lets the model checker commute the increments and decrements in between.
     */
    private ValueClasses observedAround(int i) {
        long[] counterBoundaries = {0, 1, i, (long) i + 1, (long) width.max() - i + 1};
        long[] cellBoundaries = new long[counterBoundaries.length];
        for (int k = 0; k < counterBoundaries.length; k++) {
            cellBoundaries[k] = counterBoundaries[k] << shift;
        }
        return ValueClasses.split(cellBoundaries);
    }

    /** {@code atomic_try_cmpxchg_relaxed}; may fail spuriously. */
    protected boolean weakCasCountPlain(int expected, int value) {
        touch();
        return refs.weakCompareAndSetPlain(toCell(expected), toCell(value));
    }

    /** {@code atomic_try_cmpxchg_acquire}: returns the value found. */
    protected int compareAndExchangeCountAcquire(int expected, int value) {
        touch();
        return fromCell(refs.compareAndExchangeAcquire(toCell(expected), toCell(value)));
    }

    /** {@code atomic_try_cmpxchg_release}: returns the value found. */
    protected int compareAndExchangeCountRelease(int expected, int value) {
        touch();
        return fromCell(refs.compareAndExchangeRelease(toCell(expected), toCell(value)));
    }

    /** Every atomic step reads or writes the owner's memory. */
    private void touch() {
        if (owner != null) {
            owner.access();
        }
    }

    private int toCell(int value) {
        return value << shift;
    }

    private int fromCell(int cell) {
        return cell >> shift;
    }
}
