package org.example.rcuref;

import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.sync.SharedInt;

/**
 * The kernel's {@code rcuref_t}: a reference count for objects found under RCU, whose saturation rule differs from
 * {@code refcount_t}'s. {@link #get()} and {@link #put()} add and subtract unconditionally and look at the result
 * only when it turns negative; zones of the 32-bit value then decide what happened.
 *
 * <p>Follows include/linux/rcuref.h and lib/rcuref.c (Linux 6.4+). The counter is biased by one: 0 means one
 * reference, and the last {@code put()} takes it to {@code NOREF} (-1), then tries to mark it {@code DEAD} with a
 * compare-and-exchange, which fails if a concurrent {@code get()} raised it again.
 *
 * <pre> {@code
 * RcuRef ref = new RcuRef(heap, "obj.ref");       // one reference: the creator's
 * if (ref.get()) { use(obj); if (ref.put()) free(obj); }   // a reader that found obj under RCU
 * if (ref.put()) free(obj);                        // the creator lets go
 * }</pre>
 *
 * <p>Memory consistency effects: {@link #get()} is unordered (the caller found the object under RCU);
 * {@link #put()} releases, and acquires when it returns {@code true}, so every access before any {@code put()}
 * happens-before the caller's teardown.
 */
public class RcuRef {

    /*
     * Implementation notes. Zones of the value, read as unsigned 32-bit:
     *
     *     0x00000000 .. 0x7FFFFFFF   one to 2^31 references (ONEREF .. MAXREF)
     *     0x80000000 .. 0xBFFFFFFF   saturation zone; SATURATED = 0xA0000000 is its middle: leaks, never frees
     *     0xC0000000 .. 0xFFFFFFFE   dead zone (RELEASED and above); DEAD = 0xE0000000 is its middle
     *     0xFFFFFFFF                 NOREF: the last put() subtracted; it must still win the cmpxchg to DEAD
     *
     * The zones are wide so that a get() or put() racing with the one that enters a zone cannot leave it: a get()
     * that lands in the dead zone resets the value to DEAD and fails, a put() there warns and resets it.
     */

    /** One reference (the bias). */
    public static final int ONEREF = 0x00000000;
    /** The largest count of references. */
    public static final int MAXREF = 0x7FFFFFFF;
    /** The middle of the saturation zone. */
    public static final int SATURATED = 0xA0000000;
    /** The start of the dead zone. */
    public static final int RELEASED = 0xC0000000;
    /** The middle of the dead zone: the object is being torn down. */
    public static final int DEAD = 0xE0000000;
    /** No reference left; not yet marked dead. */
    public static final int NOREF = 0xFFFFFFFF;

    private final LifetimeTracker heap;
    protected final SharedInt refcnt;

    /** A count holding one reference. */
    public RcuRef(LifetimeTracker heap, String label) {
        this(heap, label, ONEREF);
    }

    /** A count starting at a given raw value (tests start near a zone's edge). */
    public RcuRef(LifetimeTracker heap, String label, int raw) {
        this.heap = heap;
        this.refcnt = SharedInt.of(label, raw);
    }

    /** {@code rcuref_get()}: takes a reference unless the object is dead. */
    public boolean get() {
        int old = refcnt.getAndAdd(1);
        if (old + 1 >= 0) {
            return true;
        }
        return getSlowpath();
    }

    /** {@code rcuref_get_slowpath()}: the add landed in the saturation or dead zone. */
    protected boolean getSlowpath() {
        int cnt = refcnt.getOpaque();
        if (Integer.compareUnsigned(cnt, RELEASED) >= 0) {
            refcnt.setOpaque(DEAD);
            return false;
        }
        if (Integer.compareUnsigned(cnt, MAXREF) > 0) {
            heap.warn("rcuref_get", "rcuref saturated - leaking memory");
            refcnt.setOpaque(SATURATED);
        }
        return true;
    }

    /** {@code rcuref_put()}: drops a reference; {@code true} when the caller must tear the object down. */
    public boolean put() {
        int cnt = refcnt.getAndAddRelease(-1) - 1;
        if (cnt >= 0) {
            return false;
        }
        return putSlowpath(cnt);
    }

    /** {@code rcuref_put_slowpath()}: the subtraction reached NOREF, or a zone. */
    protected boolean putSlowpath(int cnt) {
        if (cnt == NOREF) {
            return refcnt.compareAndExchangeAcquire(NOREF, DEAD) == NOREF;
        }
        if (Integer.compareUnsigned(cnt, RELEASED) >= 0) {
            heap.warn("rcuref_put", "rcuref - imbalanced put()");
            refcnt.setOpaque(DEAD);
            return false;
        }
        if (Integer.compareUnsigned(cnt, MAXREF) > 0) {
            refcnt.setOpaque(SATURATED);
        }
        return false;
    }

    /** {@code rcuref_read()}: the number of references, 0 once dead or dropped. */
    public int read() {
        int c = refcnt.getOpaque();
        return Integer.compareUnsigned(c, RELEASED) >= 0 ? 0 : c + 1;
    }
}
