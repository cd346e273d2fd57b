package org.example.rcuref;

import java.util.function.BiFunction;
import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.LifetimeTracker;

/**
 * An object found under RCU and counted by an {@link RcuRef}, as a cache entry in the kernel would be: readers
 * {@link #tryUse() take a reference and use it}, whoever drops the last reference tears it down.
 *
 * <p>The object's memory stays valid for RCU readers until a grace period after teardown, so touching the counter
 * of a torn-down object is allowed; using its payload is not. The payload is the tracked {@link Allocation}.
 */
public final class CachedObject {

    private final Allocation payload;
    private final RcuRef ref;

    /** A new object with one reference, counted by the given {@link RcuRef} variant. */
    public CachedObject(LifetimeTracker heap, BiFunction<LifetimeTracker, String, RcuRef> counter) {
        this.payload = heap.allocate("entry");
        this.ref = counter.apply(heap, "entry.ref");
    }

    /** A reader: takes a reference, uses the payload, drops it; {@code false} if the object was already dead. */
    public boolean tryUse() {
        if (!ref.get()) {
            return false;
        }
        payload.access();
        put();
        return true;
    }

    /** Drops a reference, tearing the object down if it was the last. */
    public void put() {
        if (ref.put()) {
            payload.destroy();
            payload.free();
        }
    }
}
