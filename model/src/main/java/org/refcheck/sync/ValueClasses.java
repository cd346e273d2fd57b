package org.refcheck.sync;

import java.util.Arrays;

/**
 * What the caller of an atomic add learns from the old value: which of a few intervals it fell in.
 *
 * <p>A reference count's operations rarely use the exact old value. {@code refcount_inc} only asks whether it was
 * zero (a use after free), negative or about to overflow; {@code refcount_dec_and_test} only whether it was exactly
 * one. Declaring that lets refcheck's model checker treat two such adds as commuting whenever no reordering of them
 * could move either old value into another interval, instead of exploring every order of every increment and
 * decrement. A caller that ignores the result entirely passes {@link #NONE}: its add commutes with every other add
 * that observes nothing either.
 *
 * <pre> {@code
 * // the caller distinguishes old < 1, old == 1 and old > 1
 * static final ValueClasses LAST = ValueClasses.split(1, 2);
 * if (count.getAndAddRelease(-1, LAST) == 1) { ... free ... }
 * }</pre>
 *
 * <p>The contract is on the caller: its behaviour after the add may depend on the interval the old value fell in,
 * never on the value itself. Splitting more finely than needed is always safe (it only commutes less); using the
 * value beyond its interval makes the model checker miss schedules. The production back-end ignores the
 * declaration: the add is the plain {@code VarHandle} add of the same access mode.
 *
 * <p>Immutable; safe to share between threads and executions.
 */
public final class ValueClasses {

    /** The caller ignores the old value: one interval holding every value. */
    public static final ValueClasses NONE = new ValueClasses(new long[0]);

    /*
     * Implementation notes. `boundaries` is strictly ascending; interval k is [boundaries[k-1], boundaries[k]), with
     * boundaries[-1] = Long.MIN_VALUE and boundaries[n] = Long.MAX_VALUE + 1, so n boundaries make n + 1 intervals
     * and every long (and so every int) lies in exactly one of them.
     */

    private final long[] boundaries;

    private ValueClasses(long[] boundaries) {
        this.boundaries = boundaries;
    }

    /**
     * The intervals {@code (-inf, b1), [b1, b2), ..., [bk, +inf)} cut at the given boundaries, in any order;
     * duplicates are merged.
     */
    public static ValueClasses split(long... boundaries) {
        long[] sorted = Arrays.stream(boundaries).sorted().distinct().toArray();
        return sorted.length == 0 ? NONE : new ValueClasses(sorted);
    }

    /** The lowest value of the interval that holds {@code value}. */
    public long lowestOfClass(long value) {
        int k = classOf(value);
        return k == 0 ? Long.MIN_VALUE : boundaries[k - 1];
    }

    /** The highest value of the interval that holds {@code value}. */
    public long highestOfClass(long value) {
        int k = classOf(value);
        return k == boundaries.length ? Long.MAX_VALUE : boundaries[k] - 1;
    }

    /** The index of the interval that holds {@code value}, from 0. */
    public int classOf(long value) {
        int k = Arrays.binarySearch(boundaries, value);
        return k >= 0 ? k + 1 : -k - 1;
    }

    /** The number of intervals. */
    public int size() {
        return boundaries.length + 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ValueClasses other && Arrays.equals(boundaries, other.boundaries);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(boundaries);
    }

    @Override
    public String toString() {
        return boundaries.length == 0 ? "any" : "split at " + Arrays.toString(boundaries);
    }
}
