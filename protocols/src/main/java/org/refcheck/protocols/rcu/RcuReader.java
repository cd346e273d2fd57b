package org.refcheck.protocols.rcu;

import org.refcheck.sync.Fences;
import org.refcheck.sync.SharedLong;

/**
 * A registered reader of an {@link Rcu} domain: liburcu's per-thread reader record ({@code struct urcu_reader}),
 * made an explicit handle instead of thread-local storage.
 *
 * <p>Follows include/urcu/static/urcu-common.h and urcu-mb.h (the urcu-memb flavor without
 * {@code sys_membarrier}, whose slave barrier is a full fence). {@link Rcu#register()} creates the record; the
 * thread that owns it opens read-side sections with {@link #readLock()}. A reader is confined to one thread at a
 * time, as its thread-local original is: two threads must not use one reader concurrently.
 *
 * <pre> {@code
 * RcuReader me = rcu.register();                 // rcu_register_thread()
 * try (RcuReadGuard section = me.readLock()) {   // rcu_read_lock()
 *     ...
 * }                                              // rcu_read_unlock()
 * me.unregister();                               // rcu_unregister_thread()
 * }</pre>
 *
 * <p>Memory consistency effects: the outermost {@link #readLock()} publishes the reader's snapshot of the grace-period
 * counter and then issues a full fence, so no access of the section is performed before the updater can see the
 * reader as active; the outermost unlock issues a full fence before it marks the reader inactive, so every access of
 * the section happens before an updater that sees it inactive returns from {@link Rcu#synchronize()}. (Two full
 * fences per section, not urcu-mb's three: see the implementation notes.)
 */
public final class RcuReader {

    /*
     * Implementation notes. `ctr` is urcu's reader.ctr:
     *
     *     bits 0..31   nesting depth (URCU_GP_CTR_NEST_MASK); 0 = INACTIVE
     *     bit  32      the phase (URCU_GP_CTR_PHASE) copied from the domain's counter by the outermost lock
     *
     * Only the owning thread writes it (opaque stores, urcu's STORE_SHARED), so the owner reads it plain; updaters
     * read it opaquely (LOAD_SHARED) and classify it against the domain's counter: INACTIVE, ACTIVE_CURRENT (same
     * phase) or ACTIVE_OLD. Transitions per section: 0 -> snapshot (outermost lock) -> snapshot + k (nested) ->
     * snapshot (nested unlocks) -> snapshot - 1, whose nesting bits are 0 (outermost unlock).
     *
     * The outermost lock is two steps, a load of the domain's counter and a store of it here; a reader that is
     * preempted between them publishes a stale phase. That is why a grace period has two phases (Rcu's notes).
     *
     * Fences: the outermost lock stores, then fences (the store before the section's accesses); the outermost
     * unlock fences, then stores (the section's accesses before the store). urcu-mb's unlock has a second
     * smp_mb_slave() after the store, whose only job is to order that store before the load of gp.futex in
     * wake_up_gp(): the store-buffering pair with the waiter's "gp.futex = -1; smp_mb; read reader.ctr", without
     * which both could miss each other and the waiter would sleep forever. refcheck's synchronize() has no futex;
     * it spins, re-reading the counter, so nothing of the reader's is loaded after the store that the fence could
     * order, and the fence is left out. Nothing else needs it: the grace-period guarantee rests on the two fences
     * kept (each pairs with a full fence of the updater around its reads of the counter), and a later section's
     * load of the domain's counter may be stale anyway (the two phases cover a stale snapshot). A store that stays
     * in a store buffer a little longer only delays the updater; on hardware it drains, and under the model
     * checker's weak memory model a thread that has spun reads the latest store, so the wait still ends.
     */

    /** How an updater sees a reader (urcu's {@code enum urcu_state}). */
    enum State {
        INACTIVE, ACTIVE_CURRENT, ACTIVE_OLD
    }

    private final Rcu domain;
    private final String name;
    private final SharedLong ctr;
    private boolean registered = true;

    RcuReader(Rcu domain, String name) {
        this.domain = domain;
        this.name = name;
        this.ctr = SharedLong.of(name + ".ctr", 0L);
    }

    /** The domain this reader is registered with. */
    public Rcu domain() {
        return domain;
    }

    /**
     * {@code rcu_read_lock()}: opens a read-side section, or nests one inside the current section.
     *
     * @throws IllegalStateException if the reader was unregistered
     */
    public RcuReadGuard readLock() {
        if (!registered) {
            throw new IllegalStateException(name + " is not registered");
        }
        long tmp = ctr.getPlain();
        if ((tmp & Rcu.NEST_MASK) == 0) {
            ctr.setOpaque(domain.readerSnapshot());
            Fences.full();
        } else {
            ctr.setOpaque(tmp + Rcu.GP_COUNT);
        }
        return new RcuReadGuard(this);
    }

    /** {@code rcu_read_unlock()}, called by {@link RcuReadGuard#close()}. */
    void readUnlock() {
        long tmp = ctr.getPlain();
        if ((tmp & Rcu.NEST_MASK) == Rcu.GP_COUNT) {
            Fences.full();   // the section's accesses before the store that makes the reader INACTIVE
        }
        ctr.setOpaque(tmp - Rcu.GP_COUNT);
    }

    /** Whether the owning thread is inside a read-side section (call it from that thread). */
    public boolean inReadSection() {
        return (ctr.getPlain() & Rcu.NEST_MASK) != 0;
    }

    /** The read-side nesting depth (call it from the owning thread). */
    public int depth() {
        return (int) (ctr.getPlain() & Rcu.NEST_MASK);
    }

    /**
     * {@code rcu_unregister_thread()}: removes the reader from the domain.
     *
     * @throws IllegalStateException if called inside a read-side section, or twice
     */
    public void unregister() {
        if (!registered) {
            throw new IllegalStateException(name + " unregistered twice");
        }
        if (inReadSection()) {
            throw new IllegalStateException(name + " unregisters inside a read-side section");
        }
        registered = false;
        domain.remove(this);
    }

    /** urcu's {@code urcu_common_reader_state}: how an updater holding {@code gpCtr} sees this reader. */
    State state(long gpCtr) {
        long v = ctr.getOpaque();
        if ((v & Rcu.NEST_MASK) == 0) {
            return State.INACTIVE;
        }
        return ((v ^ gpCtr) & Rcu.PHASE) == 0 ? State.ACTIVE_CURRENT : State.ACTIVE_OLD;
    }

    @Override
    public String toString() {
        return name;
    }
}
