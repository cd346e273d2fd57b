package org.refcheck.protocols.kref;

import java.util.Objects;
import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.refcount.Refcount;
import org.refcheck.sync.Mutex;

/**
 * The kernel's {@code struct kref}: a {@link Refcount} with a release callback run by whoever drops the last
 * reference.
 *
 * <p>Follows include/linux/kref.h and Documentation/core-api/kref.rst. The rules of kref.rst
 * apply unchanged: take a reference with {@link #get()} <em>before</em> handing a pointer to another thread; a
 * thread that does not already hold a reference may only gain one where no {@link #put} can run concurrently (a
 * lock around both, {@link #getUnlessZero()} inside the lookup's critical section, or {@link #putMutex} /
 * {@link #putLock}). See {@link KrefTable} for the lookup patterns.
 *
 * <pre> {@code
 * Kref kref = new Kref(heap, "obj.kref", obj);     // kref_init: 1
 * kref.get();                                      // before passing obj on
 * kref.put(k -> obj.free());                       // the last put releases
 * }</pre>
 *
 * <p>Memory consistency effects: those of {@code refcount_t}. {@link #get()} and {@link #getUnlessZero()} are
 * unordered; {@link #put} releases, and the put that reaches zero acquires before calling {@code release}, so every
 * access made under any reference happens-before the release; {@link #putMutex} and {@link #putLock} call
 * {@code release} with the lock held, after acquiring it.
 */
public class Kref {

    /*
     * Implementation notes. A kref adds no state of its own to refcount_t; each method is one refcount operation:
     *
     *     init -> refcount_set(1)            get -> refcount_inc            getUnlessZero -> refcount_inc_not_zero
     *     put -> refcount_dec_and_test        putMutex -> refcount_dec_and_mutex_lock   putLock -> ..._dec_and_lock
     *
     * and the release callback runs exactly when the counter operation reports the last reference (with the lock
     * held for putMutex/putLock). Lifetime: LIVE (count >= 1) -> RELEASING (count 0, release running) -> whatever
     * the release does (usually unlink, then free the containing allocation).
     */

    /** {@code void (*release)(struct kref *kref)} of {@code kref_put}. */
    @FunctionalInterface
    public interface Release {
        void release(Kref kref);
    }

    /**
     * The release of {@code kref_put_mutex} / {@code kref_put_lock}: called with the lock held; it must unlock, by
     * closing {@code held}.
     */
    @FunctionalInterface
    public interface LockedRelease {
        void release(Kref kref, Mutex.Guard held);
    }

    private final Refcount refcount;

    /** {@code kref_init} on a full-width counter embedded in {@code owner} (which may be {@code null}). */
    public Kref(LifetimeTracker tracker, String label, Allocation owner) {
        this(new Refcount(tracker, label, 1, owner));
    }

    /** A kref over the given counter, which should start at 1 ({@code kref_init}); for narrow or variant counters. */
    public Kref(Refcount refcount) {
        this.refcount = Objects.requireNonNull(refcount, "refcount");
    }

    /** {@code kref_init}: sets the count to 1. */
    public void init() {
        refcount.set(1);
    }

    /** {@code kref_read}. */
    public int read() {
        return refcount.read();
    }

    /** {@code kref_get}: {@code refcount_inc}; the caller must already hold a reference. */
    public void get() {
        refcount.inc();
    }

    /**
     * {@code kref_get_unless_zero}: {@code refcount_inc_not_zero}. The result must be checked.
     *
     * @return whether a reference was taken
     */
    public boolean getUnlessZero() {
        return refcount.incNotZero();
    }

    /**
     * {@code kref_put}: drops a reference and calls {@code release} if it was the last.
     *
     * @return whether {@code release} was called. "If this function returns 0, another caller may have removed the
     *     object by the time this function returns."
     */
    public boolean put(Release release) {
        Objects.requireNonNull(release, "release");
        if (refcount.decAndTest()) {
            release.release(this);
            return true;
        }
        return false;
    }

    /**
     * {@code kref_put_mutex}: drops a reference; the lock is taken only if this may be the last one, and
     * {@code release} runs with it held and must unlock it.
     *
     * @return whether {@code release} was called
     */
    public boolean putMutex(LockedRelease release, Mutex lock) {
        Objects.requireNonNull(release, "release");
        Mutex.Guard held = refcount.decAndMutexLock(lock);
        if (held != null) {
            release.release(this, held);
            return true;
        }
        return false;
    }

    /** {@code kref_put_lock}: {@link #putMutex} with a spinlock in the kernel; the facade has one lock type. */
    public boolean putLock(LockedRelease release, Mutex lock) {
        Objects.requireNonNull(release, "release");
        Mutex.Guard held = refcount.decAndLock(lock);
        if (held != null) {
            release.release(this, held);
            return true;
        }
        return false;
    }

    /** The underlying counter ({@link Refcount#observe()} reads it without touching the owner). */
    public Refcount refcount() {
        return refcount;
    }

    @Override
    public String toString() {
        return "kref(" + refcount + ")";
    }
}
