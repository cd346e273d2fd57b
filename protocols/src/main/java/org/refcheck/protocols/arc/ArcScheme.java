package org.refcheck.protocols.arc;

import java.util.Objects;
import org.refcheck.sync.Fences;
import org.refcheck.sync.Threads;

/**
 * The steps of Rust std's {@code Arc}/{@code Weak} protocol, with the exact orderings of library/alloc/src/sync.rs.
 * {@link #STD} is the correct protocol; a mutant is a subclass that overrides one step.
 *
 * <p>Follows library/alloc/src/sync.rs (rust-lang/rust 00c5289c): {@code Arc::clone}, {@code Drop for Arc},
 * {@code drop_slow}, {@code downgrade}, {@code Weak::upgrade}, {@code Weak::clone}, {@code Drop for Weak},
 * {@code is_unique}, {@code into_inner} and {@code try_unwrap}. The handles ({@link Arc}, {@link Weak}) check their
 * own state and call exactly one method of the scheme per operation; everything that touches the counters is here.
 *
 * <p>A scheme is chosen once per allocation and cannot change:
 *
 * <pre> {@code
 * Arc<Payload> correct = Arc.create(heap, payload);                                // ArcScheme.STD
 * Arc<Payload> broken  = Arc.create(heap, payload, new UpgradeWithFetchAdd());     // the B10 mutant
 * }</pre>
 *
 * <p>Tests may subclass a scheme to pause between two atomic steps (override a step, run the other thread's
 * operations, then call {@code super}); production code pays nothing for that beyond the one virtual call per
 * operation.
 *
 * <p>Memory consistency effects (of {@code STD}): actions in a thread before it drops an {@code Arc} happen-before
 * the destruction of the value by whichever thread drops the last one; actions before a {@code Weak} is dropped
 * happen-before the allocation is freed; a successful {@code upgrade} acquires; {@code isUnique} returning
 * {@code true} happens-after every earlier drop of the other {@code Arc}s and {@code Weak}s.
 */
public class ArcScheme {

    /*
     * Implementation notes.
     *
     * Mapping of std's orderings to the facade (protocols.md §0.1, §3.2):
     *   strong.fetch_add(1, Relaxed)          -> strongGetAndAdd(1)                 (no relaxed RMW in Java)
     *   strong.fetch_sub(1, Release)          -> strongGetAndAddRelease(-1)
     *   acquire!(strong) / fence(Acquire)     -> Fences.acquire()
     *   compare_exchange{,_weak}(Acquire, Relaxed) loops -> compareAndExchangeAcquire, retrying with the witness
     *     (never fails spuriously; a strengthening of compare_exchange_weak that keeps one atomic step per try)
     *   strong.compare_exchange(1, 0, Relaxed, Relaxed) -> casStrong (volatile CAS)
     *   weak.store(1, Release)                -> setWeakRelease(1)
     *
     * Overflow: clone checks AFTER its increment and aborts (ArcAbortError); upgrade and downgrade check BEFORE
     * their CAS and panic (ArithmeticException), leaving the count untouched, exactly as std.
     *
     * Per-operation steps that mutants replace: dropStrong (B11), acquireAfterLastStrong (B7), isUnique (B8),
     * isSoleStrong (B9), upgrade (B10). The fast paths (cloneStrong, the non-final dropStrong) call no further
     * overridable method.
     */

    /** Rust std's protocol. */
    public static final ArcScheme STD = new ArcScheme("std");

    private final String name;

    /** Creates a scheme with the name shown in reports, e.g. {@code "std"} or {@code "B10-upgrade-fetch-add"}. */
    protected ArcScheme(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /** The name shown in reports. */
    public final String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }

    // ---- strong references --------------------------------------------------------------------------------------

    /** {@code Arc::clone}: relaxed increment, abort if the old count was above {@code MAX_REFCOUNT}. */
    protected void cloneStrong(ArcInner<?> inner) {
        int old = inner.strongGetAndAdd(1);
        if (ArcInner.exceedsMaxRefcount(old)) {
            throw new ArcAbortError(inner.label());
        }
    }

    /** {@code Drop for Arc}: release decrement; the last one acquires and runs {@link #dropSlow}. */
    protected void dropStrong(ArcInner<?> inner) {
        if (inner.strongGetAndAddRelease(-1) != 1) {
            return;
        }
        acquireAfterLastStrong(inner);
        dropSlow(inner);
    }

    /**
     * The {@code acquire!(strong)} after the last strong decrement, in {@code drop}, {@code into_inner} and
     * {@code try_unwrap}: orders every use of the value by other threads (released by their decrements) before the
     * destruction.
     */
    protected void acquireAfterLastStrong(ArcInner<?> inner) {
        Fences.acquire();
    }

    /** {@code drop_slow}: destroys the value, then drops the weak reference held collectively by the strong ones. */
    protected void dropSlow(ArcInner<?> inner) {
        try {
            inner.destroyValue();
        } finally {
            dropWeak(inner);
        }
    }

    /**
     * {@code Arc::into_inner}: a release decrement like {@code drop}; the last one acquires and moves the value out
     * instead of dropping it. Returns {@code null} if this was not the last strong reference.
     */
    protected <T> T intoInner(ArcInner<T> inner) {
        if (inner.strongGetAndAddRelease(-1) != 1) {
            return null;
        }
        acquireAfterLastStrong(inner);
        T value = inner.takeValue();
        dropWeak(inner);
        return value;
    }

    /**
     * {@code Arc::try_unwrap}: CAS {@code strong} 1 to 0, acquire, move the value out. Returns {@code null}, with
     * the count unchanged, when the CAS fails.
     */
    protected <T> T tryUnwrap(ArcInner<T> inner) {
        if (!inner.casStrong(1, 0)) {
            return null;
        }
        acquireAfterLastStrong(inner);
        T value = inner.takeValue();
        dropWeak(inner);
        return value;
    }

    /**
     * {@code Arc::downgrade}: CAS loop on {@code weak}, spinning while {@link #isUnique} holds it
     * {@link ArcInner#LOCKED}; Acquire on success, to synchronize with the unlock in {@code is_unique}.
     *
     * @throws ArithmeticException if the weak count is above {@code MAX_REFCOUNT} (std's {@code assert!})
     */
    protected void downgrade(ArcInner<?> inner) {
        int cur = inner.weakOpaque();
        while (true) {
            if (cur == ArcInner.LOCKED) {
                Threads.onSpinWait();
                cur = inner.weakOpaque();
                continue;
            }
            if (ArcInner.exceedsMaxRefcount(cur)) {
                throw new ArithmeticException(ArcInner.OVERFLOW_MESSAGE);
            }
            int witness = inner.weakCompareAndExchangeAcquire(cur, cur + 1);
            if (witness == cur) {
                return;
            }
            cur = witness;
        }
    }

    // ---- uniqueness ---------------------------------------------------------------------------------------------

    /**
     * {@code is_unique}: lock the weak count (CAS 1 to {@code LOCKED}, Acquire), check that this is the only strong
     * reference (Acquire load), unlock (Release store of 1).
     */
    protected boolean isUnique(ArcInner<?> inner) {
        if (!lockWeakCount(inner)) {
            return false;
        }
        boolean unique = isSoleStrong(inner);
        unlockWeakCount(inner);
        return unique;
    }

    /** First step of {@link #isUnique}: {@code weak.compare_exchange(1, usize::MAX, Acquire, Relaxed)}. */
    protected boolean lockWeakCount(ArcInner<?> inner) {
        return inner.weakCompareAndExchangeAcquire(1, ArcInner.LOCKED) == 1;
    }

    /**
     * Second step of {@link #isUnique}: {@code strong.load(Acquire) == 1}, synchronizing with the release decrement
     * of every other {@code Arc} that was dropped.
     */
    protected boolean isSoleStrong(ArcInner<?> inner) {
        return inner.strongAcquire() == 1;
    }

    /** Last step of {@link #isUnique}: {@code weak.store(1, Release)}, which {@code downgrade}'s CAS acquires. */
    protected void unlockWeakCount(ArcInner<?> inner) {
        inner.setWeakRelease(1);
    }

    // ---- weak references ----------------------------------------------------------------------------------------

    /**
     * {@code Weak::upgrade}: CAS loop that never takes {@code strong} from 0 to 1; Acquire on success. Returns
     * whether a strong reference was added.
     *
     * @throws ArithmeticException if the strong count is above {@code MAX_REFCOUNT} (std's {@code assert!})
     */
    protected boolean upgrade(ArcInner<?> inner) {
        int n = inner.strongOpaque();
        while (true) {
            if (n == 0) {
                return false;
            }
            if (ArcInner.exceedsMaxRefcount(n)) {
                throw new ArithmeticException(ArcInner.OVERFLOW_MESSAGE);
            }
            int witness = inner.strongCompareAndExchangeAcquire(n, n + 1);
            if (witness == n) {
                return true;
            }
            n = witness;
        }
    }

    /** {@code Weak::clone}: relaxed increment ignoring the lock, abort above {@code MAX_REFCOUNT}. */
    protected void cloneWeak(ArcInner<?> inner) {
        int old = inner.weakGetAndAdd(1);
        if (ArcInner.exceedsMaxRefcount(old)) {
            throw new ArcAbortError(inner.label());
        }
    }

    /** {@code Drop for Weak}: release decrement; the last one acquires and frees the allocation. */
    protected void dropWeak(ArcInner<?> inner) {
        if (inner.weakGetAndAddRelease(-1) != 1) {
            return;
        }
        Fences.acquire();
        inner.free();
    }
}
