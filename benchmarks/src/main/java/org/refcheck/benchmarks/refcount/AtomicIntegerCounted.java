package org.refcheck.benchmarks.refcount;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a Java programmer would write instead of {@code Ref}/{@code Arc}: a value with an {@link AtomicInteger}
 * count, freed (here: cleared) by the decrement that reaches zero, and an upgrade that increments only from a
 * non-zero count. No saturation, no overflow check, no lifetime tracking: the baseline the protocols are measured
 * against.
 *
 * <p>Memory consistency effects: those of {@code AtomicInteger}'s volatile read-modify-writes: every access before
 * a {@link #release()} happens-before the clearing of the value by the last one.
 */
public final class AtomicIntegerCounted<T> {

    private final AtomicInteger count = new AtomicInteger(1);
    private volatile T value;

    public AtomicIntegerCounted(T value) {
        this.value = value;
    }

    /** {@code clone}: one more reference. */
    public AtomicIntegerCounted<T> retain() {
        count.incrementAndGet();
        return this;
    }

    /** {@code drop}: one reference less; the last one clears the value. */
    public void release() {
        if (count.decrementAndGet() == 0) {
            value = null;
        }
    }

    /** {@code Weak::upgrade}: one more reference unless the count already reached zero. */
    public boolean tryRetain() {
        int c = count.get();
        while (c != 0) {
            int witness = count.compareAndExchange(c, c + 1);
            if (witness == c) {
                return true;
            }
            c = witness;
        }
        return false;
    }

    /** The value, {@code null} once the last reference was released. */
    public T get() {
        return value;
    }
}
