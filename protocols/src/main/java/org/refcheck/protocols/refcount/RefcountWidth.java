package org.refcheck.protocols.refcount;

/**
 * The width of a {@link Refcount}'s counter: 32 bits for the kernel's {@code refcount_t}, fewer to make overflow and
 * saturation races reachable in a few steps.
 *
 * <p>A width of {@code bits} scales the constants of {@code include/linux/refcount.h} so that a bounded search
 * reaches overflow: {@link #max()} is {@code 2^(bits-1) - 1} ({@code REFCOUNT_MAX = INT_MAX}), {@link #min()} is
 * {@code -2^(bits-1)} ({@code INT_MIN}) and {@link #saturated()} is {@code min() / 2} ({@code REFCOUNT_SATURATED}).
 * Arithmetic wraps at the width, as the kernel's does at 32 bits:
 *
 * <pre> {@code
 * RefcountWidth w = RefcountWidth.bits(4);   // max 7, min -8, saturated -4
 * w.wrap(w.max() + 1);                       // -8
 * }</pre>
 *
 * <p>Memory consistency effects: none; this is a value.
 *
 * @param bits the number of bits, from 2 to 32
 */
public record RefcountWidth(int bits) {

    /*
     * Implementation notes: a narrow counter lives in the top `bits` bits of the Java int cell, i.e. the cell holds
     * value << shift with shift = 32 - bits and the low bits always zero. Then one getAndAdd of (delta << shift)
     * wraps exactly at the narrow width, every value has one representation (so a CAS with a constant expected
     * value, such as dec_if_one's 1 -> 0, means the same thing at every width), and the arithmetic shift back
     * sign-extends. At full width shift is 0 and the cell holds the kernel's int unchanged.
     */

    /** The kernel's width: a 32-bit {@code int}. */
    public static final RefcountWidth FULL = new RefcountWidth(32);

    public RefcountWidth {
        if (bits < 2 || bits > 32) {
            throw new IllegalArgumentException("refcount width must be 2..32 bits, was " + bits);
        }
    }

    /** A counter of the given number of bits; 3 or 4 make the overflow races reachable in a few steps. */
    public static RefcountWidth bits(int bits) {
        return bits == 32 ? FULL : new RefcountWidth(bits);
    }

    /** {@code REFCOUNT_MAX} at this width: {@code 2^(bits-1) - 1}. */
    public int max() {
        return (int) ((1L << (bits - 1)) - 1);
    }

    /** {@code INT_MIN} at this width: {@code -2^(bits-1)}. */
    public int min() {
        return (int) -(1L << (bits - 1));
    }

    /** {@code REFCOUNT_SATURATED} at this width: {@code min() / 2}, roughly equidistant from 0 and {@code max()}. */
    public int saturated() {
        return min() / 2;
    }

    /** The value {@code v} takes in a counter of this width (two's complement wrap-around). */
    public int wrap(int v) {
        return (v << shift()) >> shift();
    }

    /** How far the counter's value is shifted up inside the 32-bit cell: {@code 32 - bits}. */
    int shift() {
        return 32 - bits;
    }

    @Override
    public String toString() {
        return bits + "-bit";
    }
}
