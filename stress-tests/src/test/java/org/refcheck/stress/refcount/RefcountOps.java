package org.refcheck.stress.refcount;

import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.refcount.Refcount;
import org.refcheck.protocols.refcount.RefcountWidth;
import org.refcheck.protocols.refcount.mutant.UnguardedSubAndTestRefcount;
import org.refcheck.protocols.refcount.mutant.UnsaturatedRefcount;
import org.refcheck.stress.lincheck.InvocationCounter;

/**
 * Lincheck operations on one {@link Refcount}: the atomic {@code refcount_t} operations, checked for linearizability
 * against {@link RefcountSpec}. One public subclass per counter and width, because Lincheck instantiates the class
 * itself (once per invocation, through its public no-argument constructor):
 *
 * <pre> {@code
 * LincheckSizes.modelChecking().threads(2).actorsPerThread(2)
 *         .sequentialSpecification(RefcountSpec.ThreeBits.class)
 *         .check(RefcountOps.CorrectThreeBits.class);
 * }</pre>
 *
 * <p>Memory consistency effects: those of {@link Refcount}; Lincheck's model checking is sequentially consistent.
 */
public abstract class RefcountOps {

    /*
     * Implementation notes: which operations, and why only these.
     *
     * refcount.h saturates in a separate, later store ("Saturation semantics"; catalogue bug B2): an operation
     * that over- or underflows first writes the wrapped value, then SATURATED. With two threads that window is
     * harmless for every operation here, because each of them, on finding a negative counter, either refuses
     * without writing (decIfOne, the acquire form) or saturates it itself, so the other thread's next step
     * already sees SATURATED or stops in its own window. Three operations are left out because their window is
     * visible even with two threads and correct callers:
     *   - refcount_read returns the wrapped value in the window;
     *   - refcount_inc / refcount_add on 0 leave 1 in the window, so a concurrent dec_and_test returns true where
     *     the saturating spec says false (the kernel calls that misuse "addition on 0; use-after-free");
     *   - refcount_dec on 1 leaves 0 in the window, so a concurrent inc_not_zero refuses.
     * refcount_dec_not_one decrements a negative counter without saturating it; at 3 bits a few of them by one
     * thread walk an overflow window's -4 around through 3 to 1 (the B2 walk), so it is checked at full width only.
     *
     * Widths: FULL is the kernel's counter (overflow is out of reach, underflow and saturation are not); THREE_BITS
     * (max 3, saturated -2) starts at its maximum, so that one increment overflows it and the mutant B1, which
     * keeps the wrapped value, is caught in a handful of operations.
     */

    /** The narrow width at which overflow is one increment away. */
    static final RefcountWidth THREE_BITS = RefcountWidth.bits(3);

    /** The initial count at full width: two holders, so the race for the last put is in reach. */
    static final int FULL_WIDTH_INITIAL = 2;

    private final Refcount refs;

    protected RefcountOps(Refcount.Factory counts, int initial) {
        InvocationCounter.tick();
        this.refs = counts.create(new LifetimeTracker(), "refs", initial, null);
    }

    /** {@code refcount_inc_not_zero}. */
    @Operation
    public boolean incNotZero() {
        return refs.incNotZero();
    }

    /** {@code refcount_inc_not_zero_acquire} (refuses at {@code REFCOUNT_MAX} and when saturated). */
    @Operation
    public boolean incNotZeroAcquire() {
        return refs.incNotZeroAcquire();
    }

    /** {@code refcount_sub_and_test(i)}, {@code i} in 0..2 (0 is the B3 case). */
    @Operation
    public boolean subAndTest(@Param(gen = IntGen.class, conf = "0:2") int i) {
        return refs.subAndTest(i);
    }

    /** {@code refcount_dec_and_test}. */
    @Operation
    public boolean decAndTest() {
        return refs.decAndTest();
    }

    /** {@code refcount_dec_if_one}. */
    @Operation
    public boolean decIfOne() {
        return refs.decIfOne();
    }

    /** The counter, for subclasses that add operations. */
    protected final Refcount refs() {
        return refs;
    }

    /** Full-width counters also offer {@code refcount_dec_not_one}. */
    public abstract static class FullWidth extends RefcountOps {

        protected FullWidth(Refcount.Factory counts) {
            super(counts, FULL_WIDTH_INITIAL);
        }

        /** {@code refcount_dec_not_one}. */
        @Operation
        public boolean decNotOne() {
            return refs().decNotOne();
        }
    }

    /** refcheck's {@code Refcount} at the kernel's width. */
    public static class CorrectFullWidth extends FullWidth {

        public CorrectFullWidth() {
            super(Refcount.factory());
        }
    }

    /** Mutant B3 ({@link UnguardedSubAndTestRefcount}) at the kernel's width. */
    public static class UnguardedSubAndTestFullWidth extends FullWidth {

        public UnguardedSubAndTestFullWidth() {
            super(UnguardedSubAndTestRefcount.factory(RefcountWidth.FULL));
        }
    }

    /** refcheck's {@code Refcount} at 3 bits, starting at {@code REFCOUNT_MAX}. */
    public static class CorrectThreeBits extends RefcountOps {

        public CorrectThreeBits() {
            super(Refcount.factory(THREE_BITS), THREE_BITS.max());
        }
    }

    /** Mutant B1 ({@link UnsaturatedRefcount}) at 3 bits, starting at {@code REFCOUNT_MAX}. */
    public static class UnsaturatedThreeBits extends RefcountOps {

        public UnsaturatedThreeBits() {
            super(UnsaturatedRefcount.factory(THREE_BITS), THREE_BITS.max());
        }
    }
}
