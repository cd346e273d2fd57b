package org.refcheck.protocols.revocable;

import java.util.Objects;
import java.util.function.Function;
import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.rcu.Rcu;
import org.refcheck.protocols.rcu.RcuReadGuard;
import org.refcheck.protocols.rcu.RcuReader;
import org.refcheck.sync.SharedInt;

/**
 * Rust-for-Linux {@code Revocable<T>}: data that users reach through a guard inside an RCU read-side section, and
 * that the owner can revoke: mark unavailable, wait for a grace period, then drop.
 *
 * <p>Follows rust/kernel/revocable.rs (current mainline): {@code try_access} takes an RCU read guard and returns a
 * {@code RevocableGuard} if {@code is_available} is still true; {@code revoke} swaps {@code is_available} to false
 * and, if this call changed it, waits for {@code synchronize_rcu()} and drops the data, returning whether it did.
 * The RCU read guard of a Rust thread is a read-side section of the caller's {@link RcuReader} here.
 *
 * <pre> {@code
 * Revocable<IoMem> regs = new Revocable<>(rcu, heap, "pl061.regs", ioMem);
 * try (RevocableGuard<IoMem> g = regs.tryAccess(me)) {     // null once revoked
 *     if (g != null) g.get().write(...);
 * }
 * boolean mine = regs.revoke();                              // device_remove
 * }</pre>
 *
 * <p>A guard must not be held across a grace period of the same domain ({@code synchronize()}, {@code revoke()}):
 * "CPUs may not sleep while holding on to RevocableGuard because it's in atomic context holding the RCU read-side
 * lock."
 *
 * <p>Memory consistency effects: every access through a guard returned by {@link #tryAccess} happens-before the data
 * is dropped by {@link #revoke()}; a {@code tryAccess} that starts after {@code revoke()} returned finds the data
 * revoked.
 *
 * @param <T> the type of the data
 */
public class Revocable<T> {

    /*
     * Implementation notes. States of the data: AVAILABLE --revoke() swaps is_available--> REVOKING (readers that
     * saw AVAILABLE may still hold guards) --grace period--> DROPPED --drop()--> FREED; or AVAILABLE --drop()-->
     * FREED (Rust's PinnedDrop with &mut self: nobody else holds it). is_available is read opaquely (Relaxed in
     * revocable.rs) and swapped with getAndSet (Rust: swap(false, Relaxed); the facade has no weaker swap).
     * Correctness comes from RCU, not from the flag's ordering: a reader that saw true is inside a section that
     * started before the grace period, so the drop cannot overlap it; a reader starting after the grace period sees
     * false, because synchronize orders the swap before the drop. The data's memory is one tracked allocation:
     * dropping destroys it, the Revocable's own drop frees it.
     */

    private final Rcu rcu;
    private final T data;
    private final Allocation memory;
    private final SharedInt available;

    /** {@code Revocable::new}: {@code data} is available; {@code label} names its memory and flag. */
    public Revocable(Rcu rcu, LifetimeTracker heap, String label, T data) {
        this.rcu = Objects.requireNonNull(rcu, "rcu");
        this.data = data;
        this.memory = heap.allocate(label);
        this.available = SharedInt.of(label + ".is_available", 1);
    }

    /** The RCU domain whose grace periods {@link #revoke()} waits for. */
    public Rcu rcu() {
        return rcu;
    }

    /**
     * {@code try_access}: a guard giving access to the data inside a read-side section of {@code reader}, or
     * {@code null} (and no open section) if the data was revoked.
     */
    public RevocableGuard<T> tryAccess(RcuReader reader) {
        RcuReadGuard section = reader.readLock();
        if (available.getOpaque() != 0) {
            return new RevocableGuard<>(this, section);
        }
        section.close();
        return null;
    }

    /**
     * {@code try_access_with}: applies {@code use} to the data inside a read-side section.
     *
     * @return what {@code use} returned, or {@code null} if the data was revoked
     */
    public <R> R tryAccessWith(RcuReader reader, Function<? super T, ? extends R> use) {
        RevocableGuard<T> guard = tryAccess(reader);
        if (guard == null) {
            return null;
        }
        try (guard) {
            return use.apply(guard.get());
        }
    }

    /**
     * {@code revoke}: makes the data unavailable to new users, waits for current users, and drops it.
     *
     * @return whether this call revoked the data (false if it was already revoked)
     */
    public boolean revoke() {
        boolean revoked = available.getAndSet(0) != 0;
        if (revoked) {
            waitForUsers();
            memory.destroy();
        }
        return revoked;
    }

    /** Waits for every user that may have seen the data available: one grace period. */
    protected void waitForUsers() {
        rcu.synchronize();
    }

    /** Rust's drop of the {@code Revocable}: drops the data if it was never revoked, then frees its memory. */
    public void drop() {
        if (available.getPlain() != 0) {
            memory.destroy();
        }
        memory.free();
    }

    /** The data, for a guard; records the access. */
    T access() {
        memory.access();
        return data;
    }
}
