package org.refcheck.protocols.rcu;

import java.util.Objects;
import org.refcheck.sync.Fences;
import org.refcheck.sync.Mutex;
import org.refcheck.sync.SharedLong;
import org.refcheck.sync.Threads;

/**
 * A sleepable RCU domain ({@code struct srcu_struct}): its own lock and unlock counters per index, readers that
 * may block inside their sections, and a grace period that waits only for this domain's readers.
 *
 * <p>Follows kernel/rcu/srcutree.c (srcu_read_lock, srcu_read_unlock, srcu_readers_active_idx_check) and the
 * classic two-index grace period. Readers need no registration: {@link #readLock()} returns a guard that carries
 * the index it counted on, and closing the guard counts the unlock on the same index. Pass that guard, never a
 * shared copy of its index (catalogue bug B20).
 *
 * <pre> {@code
 * Srcu srcu = new Srcu("gdev.srcu");
 * try (SrcuReadGuard section = srcu.readLock()) {   // idx = srcu_read_lock(&ssp)
 *     Chip chip = gdev.chip.dereference(section);    // may sleep here, e.g. on a mutex
 * }                                                  // srcu_read_unlock(&ssp, idx)
 * srcu.synchronize();                                // synchronize_srcu(&ssp)
 * }</pre>
 *
 * <p>Memory consistency effects: as for {@link Rcu}, restricted to this domain's read-side sections: every access
 * of a section that started before {@link #synchronize()} was called happens-before it returns, and actions before
 * {@code synchronize()} happen-before the accesses of sections that start after it began.
 */
public class Srcu {

    /*
     * Implementation notes. State: `completed` (srcu_idx; its low bit is the active index), lockCount[2] and
     * unlockCount[2] (the kernel keeps one pair per CPU and sums them; one pair per domain has the same sums).
     *
     *   read lock    idx = completed & 1; lockCount[idx]++; full fence (B)          -> guard(idx)
     *   read unlock  full fence (C); unlockCount[idx]++
     *   idx drained  u = unlockCount[idx]; full fence (A); l = lockCount[idx]; l == u
     *
     * "If the locks are the same as the unlocks, then there must have been no readers on this index at some time
     * in between", but a reader may have read the index and not yet counted its lock. So a grace period, under
     * gpLock: wait for the inactive index to drain (late readers of the previous flip), flip `completed`, wait for
     * the previously active index to drain. Same two-phase argument as Rcu's.
     *
     * The drain loop re-reads the unlock count just before it spins, and spins only if it did not move: only an
     * unlock can end the wait, and the model checker re-enables a spinning thread on the next write after the
     * spin, so the read just before the spin must be the unlock count (see Rcu's notes).
     */

    private final String label;
    private final SharedLong completed;
    private final SharedLong[] lockCount = new SharedLong[2];
    private final SharedLong[] unlockCount = new SharedLong[2];
    private final Mutex gpLock;

    /** A domain with no readers; {@code label} names its cells in traces. */
    public Srcu(String label) {
        this.label = Objects.requireNonNull(label, "label");
        this.completed = SharedLong.of(label + ".srcu_idx", 0L);
        for (int i = 0; i < 2; i++) {
            lockCount[i] = SharedLong.of(label + ".lock_count[" + i + "]", 0L);
            unlockCount[i] = SharedLong.of(label + ".unlock_count[" + i + "]", 0L);
        }
        this.gpLock = Mutex.create(label + ".gp_lock");
    }

    /** The label this domain was created with. */
    public String label() {
        return label;
    }

    /** {@code srcu_read_lock()}: opens a read-side section; the guard remembers its index. */
    public SrcuReadGuard readLock() {
        int idx = (int) (completed.getOpaque() & 1);
        lockCount[idx].getAndAdd(1);
        Fences.full();
        return new SrcuReadGuard(this, idx);
    }

    /** {@code srcu_read_unlock(ssp, idx)}, called by {@link SrcuReadGuard#close()}. */
    void readUnlock(int idx) {
        Fences.full();
        unlockCount[idx].getAndAdd(1);
    }

    /** {@code synchronize_srcu()}: waits for every read-side section of this domain that started before the call. */
    public void synchronize() {
        try (Mutex.Guard held = gpLock.lock()) {
            long c = completed.getOpaque();
            Fences.full();
            waitDrained((int) ((c + 1) & 1));
            Fences.full();
            completed.setOpaque(c + 1);
            Fences.full();
            waitDrained((int) (c & 1));
            Fences.full();
        }
    }

    /** Spins until {@code srcu_readers_active_idx_check(idx)} holds. */
    private void waitDrained(int idx) {
        while (true) {
            long unlocks = unlockCount[idx].getOpaque();
            Fences.full();
            long locks = lockCount[idx].getOpaque();
            if (locks == unlocks) {
                return;
            }
            if (unlockCount[idx].getOpaque() == unlocks) {
                Threads.onSpinWait();
            }
        }
    }

    @Override
    public String toString() {
        return label;
    }
}
