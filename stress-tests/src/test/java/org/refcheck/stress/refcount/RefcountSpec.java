package org.refcheck.stress.refcount;

import org.refcheck.protocols.refcount.RefcountWidth;

/**
 * The sequential specification of {@code refcount_t} that Lincheck holds {@link RefcountOps} against: each operation
 * is one atomic step, and every overflow or underflow leaves the counter at {@code REFCOUNT_SATURATED}, where it
 * stays.
 *
 * <p>Written from the semantics in include/linux/refcount.h, not from refcheck's {@code Refcount}, so that a test
 * against it checks the implementation rather than restating it:
 *
 * <pre> {@code
 * RefcountSpec.ThreeBits s = new RefcountSpec.ThreeBits();   // count 3 = REFCOUNT_MAX at 3 bits
 * s.incNotZero();                                           // true, and the counter saturates at -2
 * s.subAndTest(2);                                          // false: a saturated counter never reaches zero
 * }</pre>
 *
 * <p>Memory consistency effects: none; Lincheck runs a specification on one thread.
 */
public abstract class RefcountSpec {

    /*
     * Implementation notes. States, at width w:
     *
     *     1 .. max     LIVE      incNotZero +1 (at max: -> SATURATED), subAndTest(i) -i (exactly i: -> 0, true)
     *     0            DEAD      incNotZero refuses; any subtraction underflows -> SATURATED
     *     SATURATED    stuck     every operation leaves it there; subtractions never report zero
     *
     * The limited acquire form (refcount_inc_not_zero_acquire, limit REFCOUNT_MAX) refuses instead of overflowing
     * and refuses a saturated counter. Only the operations a RefcountOps class exposes are here; inc, dec and read
     * are left out on purpose (see RefcountOps).
     */

    private final RefcountWidth width;
    private int count;

    protected RefcountSpec(RefcountWidth width, int initial) {
        this.width = width;
        this.count = initial;
    }

    /** {@code refcount_inc_not_zero}. */
    public boolean incNotZero() {
        if (count == 0) {
            return false;
        }
        count = count < 0 || count == width.max() ? width.saturated() : count + 1;
        return true;
    }

    /** {@code refcount_inc_not_zero_acquire}: refuses at zero, at {@code REFCOUNT_MAX} and when saturated. */
    public boolean incNotZeroAcquire() {
        if (count <= 0 || count == width.max()) {
            return false;
        }
        count++;
        return true;
    }

    /** {@code refcount_sub_and_test(i)}: true exactly when a positive counter equal to {@code i} reaches zero. */
    public boolean subAndTest(int i) {
        if (count > 0 && count == i) {
            count = 0;
            return true;
        }
        count = count <= 0 || count < i ? width.saturated() : count - i;
        return false;
    }

    /** {@code refcount_dec_and_test}. */
    public boolean decAndTest() {
        return subAndTest(1);
    }

    /** {@code refcount_dec_if_one}. */
    public boolean decIfOne() {
        if (count == 1) {
            count = 0;
            return true;
        }
        return false;
    }

    /** The kernel's 32-bit counter, starting with two references. */
    public static class FullWidth extends RefcountSpec {

        public FullWidth() {
            super(RefcountWidth.FULL, RefcountOps.FULL_WIDTH_INITIAL);
        }

        /**
         * {@code refcount_dec_not_one}: false only at exactly 1; a saturated counter stays, zero stays (with the
         * kernel's underflow warning), anything else goes down by one.
         */
        public boolean decNotOne() {
            if (count() == 1) {
                return false;
            }
            if (count() > 1) {
                setCount(count() - 1);
            }
            return true;
        }
    }

    /** A 3-bit counter (max 3, saturated -2), starting at its maximum, so one increment overflows it. */
    public static class ThreeBits extends RefcountSpec {

        public ThreeBits() {
            super(RefcountOps.THREE_BITS, RefcountOps.THREE_BITS.max());
        }
    }

    final int count() {
        return count;
    }

    final void setCount(int value) {
        count = value;
    }
}
