package org.refcheck.protocols.revocable;

import java.util.function.Function;
import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.sync.Fences;
import org.refcheck.sync.SharedInt;

/**
 * Revocable data without RCU: a usage count with a revoked bit. {@link #revoke()} never waits; whoever is the last
 * user once the bit is set drops the data.
 *
 * <p>Follows {@code AsyncRevocable<T>} of the 2021 Rust-for-Linux rust/kernel/revocable.rs (wedsonaf/linux): "potential
 * current users are able to continue to use it and the thread won't wait for them to finish. In such cases, the
 * object will be dropped when the last user completes."
 *
 * <pre> {@code
 * AsyncRevocable<Regs> regs = new AsyncRevocable<>(heap, "regs", r);
 * try (AsyncRevocableGuard<Regs> g = regs.tryAccess()) {      // null once revoked
 *     if (g != null) use(g.get());
 * }                                                            // the last user after revoke() drops
 * regs.revoke();                                               // returns at once
 * }</pre>
 *
 * <p>Memory consistency effects: every access through a guard happens-before the data is dropped, whichever
 * thread drops it: guard drops decrement with release, and the thread that drops the data acquires first.
 *
 * @param <T> the type of the data
 */
public class AsyncRevocable<T> {

    /*
     * Implementation notes. usage_count, one int:
     *
     *     bit 31        REVOKED
     *     bits 0..30    users holding a guard; SATURATED_COUNT = REVOKED - 1 pins the data forever (leak, no wrap)
     *
     * try_access: load; REVOKED -> refuse; SATURATED -> grant without counting; else CAS c -> c+1 (Rust's strong
     *   compare_exchange, Relaxed; Java's strong CAS is volatile, which is stronger). revoke: fetch_or(REVOKED,
     *   Acquire), a compareAndExchangeAcquire loop here (the facade has no fetch_or);
     *   previously revoked -> false; previous count 0 -> drop now. Guard drop: CAS c -> c-1 (Release); if c was
     *   exactly 1 | REVOKED, acquire fence, then drop. Drop of the whole thing: if the count is not exactly REVOKED,
     *   the data was never dropped: acquire fence, drop. Exactly one of revoke() and the guard drops drops the data.
     *
     *     AVAILABLE(n) --revoke, n=0--> DROPPED;   AVAILABLE(n>0) --revoke--> REVOKED(n) --last guard--> DROPPED
     */

    static final int REVOKED = 0x8000_0000;
    static final int COUNT_MASK = ~REVOKED;
    static final int SATURATED_COUNT = REVOKED - 1;

    private final T data;
    private final Allocation memory;
    private final SharedInt usage;

    /** {@code AsyncRevocable::new}: {@code data} is available, with no users. */
    public AsyncRevocable(LifetimeTracker heap, String label, T data) {
        this.data = data;
        this.memory = heap.allocate(label);
        this.usage = SharedInt.of(label + ".usage_count", 0);
    }

    /** {@code try_access}: a guard counted as one user, or {@code null} if the data was revoked. */
    public AsyncRevocableGuard<T> tryAccess() {
        while (true) {
            int c = usage.getOpaque();
            if ((c & REVOKED) != 0) {
                return null;
            }
            if (c == SATURATED_COUNT || usage.compareAndSet(c, c + 1)) {
                return new AsyncRevocableGuard<>(this);
            }
        }
    }

    /** Applies {@code use} to the data while counted as a user; {@code null} if the data was revoked. */
    public <R> R tryAccessWith(Function<? super T, ? extends R> use) {
        AsyncRevocableGuard<T> guard = tryAccess();
        if (guard == null) {
            return null;
        }
        try (guard) {
            return use.apply(guard.get());
        }
    }

    /**
     * {@code revoke}: refuses new users; drops the data now if nobody uses it, else leaves that to the last user.
     *
     * @return whether this call revoked the data
     */
    public boolean revoke() {
        int prev = usage.getOpaque();
        while (true) {
            if ((prev & REVOKED) != 0) {
                return false;
            }
            int seen = usage.compareAndExchangeAcquire(prev, prev | REVOKED);
            if (seen == prev) {
                break;
            }
            prev = seen;
        }
        if (prev == 0) {
            memory.destroy();
        }
        return true;
    }

    /** Rust's drop: drops the data if it was never dropped, then frees its memory. Nobody else may hold it. */
    public void drop() {
        if (usage.getPlain() != REVOKED) {
            Fences.acquire();
            memory.destroy();
        }
        memory.free();
    }

    /** One guard's end: the release decrement, and the drop if it was the last user of revoked data. */
    void release() {
        while (true) {
            int c = usage.getOpaque();
            int n = c & COUNT_MASK;
            if (n == SATURATED_COUNT) {
                return;
            }
            if (n == 0) {
                throw new IllegalStateException("actual_count is zero");
            }
            if (usage.compareAndExchangeRelease(c, c - 1) == c) {
                if (c == (1 | REVOKED)) {
                    Fences.acquire();
                    memory.destroy();
                }
                return;
            }
        }
    }

    /** The data, for a guard; records the access. */
    T access() {
        memory.access();
        return data;
    }
}
