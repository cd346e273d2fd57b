package org.refcheck.protocols.rcu;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.refcheck.sync.Fences;
import org.refcheck.sync.Mutex;
import org.refcheck.sync.SharedLong;
import org.refcheck.sync.Threads;

/**
 * A userspace RCU domain in the urcu-memb style: registered readers with a nesting counter and a phase bit, and a
 * two-phase grace period.
 *
 * <p>Follows liburcu's src/urcu.c and include/urcu/static/urcu-common.h. Readers {@link #register()} and open
 * read-side sections with {@link RcuReader#readLock()}; an updater unlinks an object, calls {@link #synchronize()},
 * which returns once every read-side section that was running when it was called has ended, and then frees the
 * object. Deferred reclamation is {@link CallRcu}; the RCU-protected pointer is {@link RcuPointer}.
 *
 * <pre> {@code
 * Rcu rcu = new Rcu("rcu");
 * RcuPointer<Config> config = new RcuPointer<>("config", first);
 * // updater                                   // reader (its own RcuReader)
 * Config old = config.replace(next);           try (RcuReadGuard s = me.readLock()) {
 * rcu.synchronize();                               use(config.dereference(s));
 * free(old);                                   }
 * }</pre>
 *
 * <p>{@code synchronize()} must not be called inside a read-side section of the calling thread, nor while holding a
 * lock that a reader takes inside its section: it would wait for itself forever (catalogue bug B12). Waiting is by
 * spinning ({@link Threads#onSpinWait()}), which the model checker turns into "disabled until another thread writes",
 * so such a wait is reported as a deadlock naming the spinning thread.
 *
 * <p>Memory consistency effects: actions in a thread before it calls {@code synchronize()} happen-before the
 * accesses of every read-side section that starts after {@code synchronize()} began, and every access of a read-side
 * section that started before {@code synchronize()} was called happens-before {@code synchronize()} returns.
 */
public class Rcu {

    /*
     * Implementation notes (urcu.c, the memory-barrier flavor: every smp_mb_master / smp_mb_slave is a full fence).
     *
     * State: gpCtr, urcu's rcu_gp.ctr, starts at GP_COUNT (nesting 1, phase 0) and is written only under gpLock,
     * which serializes updaters (rcu_gp_lock). A reader's outermost lock copies it, so its phase bit tells in which
     * phase of the grace periods the reader started. The registry (rcu_registry) is a copy-on-write list changed by
     * CAS, so registering never blocks a grace period (ReaderRegistry, shared with QsbrRcu).
     *
     * Grace period, one per synchronize():
     *
     *     full fence                          "write new ptr before changing the qparity"
     *     PHASE 1: wait until no reader is ACTIVE_OLD; remember those that are ACTIVE_CURRENT
     *     full fence; gpCtr ^= PHASE; full fence
     *     PHASE 2: wait until none of the remembered readers is ACTIVE_OLD (they now hold the old phase)
     *     full fence                          "before letting the old ptr being freed"
     *
     * Why two phases: a reader's outermost lock is a load of gpCtr and a later store into its own counter. A reader
     * preempted in between publishes the phase it loaded, which may be one flip behind. One flip and one wait
     * classify readers by a single bit, so after an even number of flips such a stale snapshot looks current and
     * is not waited for (bug B15). Phase 1 drains every reader still holding the phase before the flip; phase 2
     * waits for everyone who was current before the flip. Together they wait for every reader that could have
     * loaded the pre-update pointer.
     *
     * Waiting spins with Threads.onSpinWait() (urcu spins 100 times, then sleeps on a futex that the last reader's
     * unlock wakes; the futex adds nothing a model needs, and without it the reader's unlock needs no fence after
     * its store: RcuReader's notes). urcu sweeps the whole list per iteration; here the
     * readers are waited for one at a time, which waits for exactly the same readers (gpCtr cannot change during
     * the wait, and a reader is classified when it is first seen not ACTIVE_OLD), and makes the read just before
     * each spin the one whose change ends it: the model checker re-enables a spinning thread on the next write
     * after the spin, so a sweep whose earlier reads went stale before the spin would wait for a write that
     * already happened.
     */

    /** urcu's {@code URCU_GP_COUNT}: one level of read-side nesting. */
    static final long GP_COUNT = 1L;
    /** urcu's {@code URCU_GP_CTR_PHASE}: the phase bit, the lowest bit of the upper half of a 64-bit word. */
    static final long PHASE = 1L << 32;
    /** urcu's {@code URCU_GP_CTR_NEST_MASK}: the nesting depth. */
    static final long NEST_MASK = PHASE - 1;

    private final String label;
    private final SharedLong gpCtr;
    private final Mutex gpLock;
    private final ReaderRegistry<RcuReader> registry;

    /** A domain with no readers; {@code label} names its cells in traces. */
    public Rcu(String label) {
        this.label = Objects.requireNonNull(label, "label");
        this.gpCtr = SharedLong.of(label + ".gp.ctr", GP_COUNT);
        this.gpLock = Mutex.create(label + ".gp_lock");
        this.registry = new ReaderRegistry<>(label);
    }

    /** The label this domain was created with. */
    public String label() {
        return label;
    }

    /**
     * {@code rcu_register_thread()}: a new reader record for the calling thread, which then owns it. Registration
     * may race with a grace period; such a grace period need not wait for the new reader, whose sections all start
     * after it began.
     */
    public RcuReader register() {
        RcuReader reader = new RcuReader(this, registry.nextName());
        registry.add(reader);
        return reader;
    }

    /** Removes an unregistering reader from the registry. */
    void remove(RcuReader reader) {
        registry.remove(reader);
    }

    /** The grace-period counter as a reader's outermost {@code rcu_read_lock()} loads it. */
    protected long readerSnapshot() {
        return gpCtr.getOpaque();
    }

    /**
     * {@code synchronize_rcu()}: waits for every read-side section that started before this call to end.
     *
     * <p>Never call it inside a read-side section of the calling thread: it would wait for that section forever.
     */
    public void synchronize() {
        try (Mutex.Guard held = gpLock.lock()) {
            List<RcuReader> readers = registry.snapshot();
            if (readers.isEmpty()) {
                return;
            }
            Fences.full();
            List<RcuReader> current = new ArrayList<>();
            waitForReaders(readers, current);
            flipPhase();
            waitForReaders(current, null);
            Fences.full();
        }
    }

    /** The readers registered right now (a snapshot). */
    protected final List<RcuReader> registered() {
        return registry.snapshot();
    }

    /** The grace-period lock ({@code rcu_gp_lock}); grace-period code runs with it held. */
    protected final Mutex gpLock() {
        return gpLock;
    }

    /** Flips the phase bit between two full fences; the caller holds {@link #gpLock()}. */
    protected final void flipPhase() {
        Fences.full();
        gpCtr.setOpaque(gpCtr.getOpaque() ^ PHASE);
        Fences.full();
    }

    /**
     * urcu's {@code wait_for_readers}: spins until no reader of {@code input} is ACTIVE_OLD. Readers found
     * ACTIVE_CURRENT are moved to {@code currentSnapshot}, or, if it is {@code null}, need no waiting; INACTIVE
     * readers need none. The caller holds {@link #gpLock()}.
     */
    protected final void waitForReaders(List<RcuReader> input, List<RcuReader> currentSnapshot) {
        long gp = gpCtr.getOpaque();
        for (RcuReader r : input) {
            RcuReader.State state;
            while ((state = r.state(gp)) == RcuReader.State.ACTIVE_OLD) {
                Threads.onSpinWait();
            }
            if (state == RcuReader.State.ACTIVE_CURRENT && currentSnapshot != null) {
                currentSnapshot.add(r);
            }
        }
    }

    @Override
    public String toString() {
        return label;
    }
}
