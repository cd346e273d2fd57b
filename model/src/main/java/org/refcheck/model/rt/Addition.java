package org.refcheck.model.rt;

/**
 * What an atomic add whose caller declared its {@link org.refcheck.sync.ValueClasses} did: the value it found, what
 * it added, and the interval of the old value its caller could tell apart. Exploration may commute two such adds
 * when no reordering moves either old value out of its interval.
 *
 * @param before the old value, as a long
 * @param delta  the amount added (negative for a decrement)
 * @param low    the lowest old value its caller could not tell from {@code before}
 * @param high   the highest such value; for an {@code int} cell both lie within the {@code int} range, so that a
 *               reordering inside the interval never wraps
 */
public record Addition(long before, long delta, long low, long high) {

    /** Whether an old value anywhere in {@code [min, max]} would look the same to the caller. */
    public boolean stableOver(long min, long max) {
        return low <= min && max <= high;
    }
}
