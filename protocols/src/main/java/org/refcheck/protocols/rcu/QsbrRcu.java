package org.refcheck.protocols.rcu;

import java.util.List;
import java.util.Objects;
import org.refcheck.sync.Fences;
import org.refcheck.sync.Mutex;
import org.refcheck.sync.SharedLong;
import org.refcheck.sync.Threads;

/**
 * A userspace RCU domain in the urcu-qsbr style (quiescent-state-based reclamation): read-side sections cost no
 * shared access at all, and in exchange every registered reader announces, from time to time, that it holds no
 * RCU-protected pointer ({@link QsbrReader#quiescentState()}), or goes offline for a while.
 *
 * <p>Follows liburcu's include/urcu/static/urcu-qsbr.h and src/urcu-qsbr.c, the 64-bit grace period. Readers
 * {@link #register()} (which puts them online) and open read-side sections with {@link QsbrReader#readLock()}; an
 * updater unlinks an object, calls {@link #synchronize()} (or {@link #synchronize(QsbrReader)} from a thread that
 * is itself a reader), which returns once every reader that was online when it was called has passed through a
 * quiescent state or gone offline, and then frees the object.
 *
 * <pre> {@code
 * QsbrRcu rcu = new QsbrRcu("qsbr");
 * RcuPointer<Config> config = new RcuPointer<>("config", first);
 * // updater                                   // reader thread (its own QsbrReader, online)
 * Config old = config.replace(next);           for (;;) {
 * rcu.synchronize();                               try (QsbrReadGuard s = me.readLock()) {
 * free(old);                                           use(config.dereference(s));
 *                                                  }
 *                                                  me.quiescentState();   // holds no pointer here
 *                                              }
 * }</pre>
 *
 * <p>For lifetime purposes an <em>online</em> reader is inside one long read-side section that each quiescent
 * state ends and restarts (urcu README: "For QSBR, an online thread counts as inside a read-side critical
 * section"): a pointer dereferenced in a section stays protected after the guard closes, until the reader's next
 * {@link QsbrReader#quiescentState()} or {@link QsbrReader#offline()}, and no longer. A reader that stays online
 * without announcing quiescent states stalls every grace period. {@link #synchronize(QsbrReader)} puts its caller's
 * reader offline for the wait, as liburcu's does ("Mark the writer thread offline to make sure we don't wait for
 * our own quiescent state"); called with an online reader of the calling thread through {@link #synchronize()}
 * instead, it would wait for itself forever. Waiting spins ({@link Threads#onSpinWait()}), which the model checker
 * reports as a deadlock naming the spinning thread when no thread will write again.
 *
 * <p>Memory consistency effects: actions in a thread before it calls {@code synchronize()} happen-before the
 * accesses a reader makes after the quiescent state (or the {@code online()}) through which the grace period saw
 * it; every access a reader made before the quiescent state or {@code offline()} through which the grace period saw
 * it happens-before {@code synchronize()} returns.
 */
public class QsbrRcu {

    /*
     * Implementation notes (urcu-qsbr.c, 64-bit: one counter, no parity).
     *
     * State: gpCtr, urcu's rcu_gp.ctr, starts at GP_ONLINE and grows by GP_CTR per grace period, so its low bit is
     * always set and it is never 0; it is written only under gpLock, which serializes updaters (rcu_gp_lock). A
     * reader's counter (QsbrReader's notes) is 0 while it is offline, else the value of gpCtr it last copied. The
     * registry is the copy-on-write list Rcu uses (ReaderRegistry).
     *
     *     reader_state(v):  v == 0 -> INACTIVE;  v == gpCtr -> ACTIVE_CURRENT;  else -> ACTIVE_OLD
     *
     * Grace period, one per synchronize():
     *
     *     caller's reader online ? offline() (full fence; ctr = 0) : full fence
     *                                          "read qparity before accessing data structure where new ptr points to"
     *     lock; if no reader is registered: done
     *     gpCtr += GP_CTR; full fence          "commit rcu_gp.ctr update to memory before waiting"
     *     wait until no reader is ACTIVE_OLD   (an ACTIVE_CURRENT reader announced a quiescent state after the
     *                                           increment, an INACTIVE one is offline: neither holds an old pointer)
     *     unlock; caller's reader was online ? online() (ctr = gpCtr; full fence) : full fence
     *                                          "finish waiting for reader threads before letting the old ptr
     *                                           being freed"
     *
     * Why one wait suffices on 64 bits: a reader's quiescent state and online() are a load of gpCtr and a later
     * store of it, like urcu-mb's outermost lock, but the value stored is the whole counter, not one bit; a reader
     * preempted between the load and the store publishes a value from before the increment, which differs from
     * the new gpCtr and so is ACTIVE_OLD and waited for. With a counter that can wrap (32-bit longs) a stale value
     * could come round again, which is why liburcu's 32-bit build keeps the two-phase parity flip; a Java long does
     * not wrap in any run.
     *
     * Waiting spins with Threads.onSpinWait() and waits for the readers one at a time, exactly as Rcu does and for
     * the same reason (Rcu's notes): the read just before each spin must be the one whose change ends it. liburcu
     * sleeps on gp.futex after a while, which is why its quiescent state and offline() fence after their store and
     * read the futex; refcheck has no futex, so they need not (QsbrReader's notes).
     */

    /** urcu-qsbr's {@code URCU_QSBR_GP_ONLINE}: the low bit of the counter, set in every online snapshot. */
    static final long GP_ONLINE = 1L;
    /** urcu-qsbr's {@code URCU_QSBR_GP_CTR}: what one grace period adds to the counter. */
    static final long GP_CTR = 1L << 1;

    private final String label;
    private final SharedLong gpCtr;
    private final Mutex gpLock;
    private final ReaderRegistry<QsbrReader> registry;

    /** A domain with no readers; {@code label} names its cells in traces. */
    public QsbrRcu(String label) {
        this.label = Objects.requireNonNull(label, "label");
        this.gpCtr = SharedLong.of(label + ".gp.ctr", GP_ONLINE);
        this.gpLock = Mutex.create(label + ".gp_lock");
        this.registry = new ReaderRegistry<>(label);
    }

    /** The label this domain was created with. */
    public String label() {
        return label;
    }

    /**
     * {@code rcu_register_thread()}: a new reader record for the calling thread, which then owns it, put online.
     * Registration may race with a grace period; such a grace period need not wait for the new reader, whose
     * accesses all come after it began.
     */
    public QsbrReader register() {
        QsbrReader reader = newReader(registry.nextName());
        registry.add(reader);
        reader.online();
        return reader;
    }

    /** Makes the record of a new reader (mutants make their own kind). */
    protected QsbrReader newReader(String name) {
        return new QsbrReader(this, name);
    }

    /** Removes an unregistering reader (already offline) from the registry. */
    void remove(QsbrReader reader) {
        registry.remove(reader);
    }

    /** The grace-period counter as a reader's quiescent state or {@code online()} loads it. */
    protected long readerSnapshot() {
        return gpCtr.getOpaque();
    }

    /**
     * {@code synchronize_rcu()} from a thread that has no online reader of this domain: waits until every reader
     * that was online when it was called has passed through a quiescent state or gone offline.
     *
     * <p>A thread whose reader is online must call {@link #synchronize(QsbrReader)} instead: this method would wait
     * for that reader, which cannot announce anything while its thread waits here.
     */
    public void synchronize() {
        synchronize(null);
    }

    /**
     * {@code synchronize_rcu()} from the thread that owns {@code self} (or {@code null}): puts {@code self} offline
     * if it is online, waits for a grace period, and puts it back online.
     *
     * @throws IllegalStateException    if {@code self} is inside a read-side section (its protection would end
     *                                  silently; in urcu-mb the same call deadlocks, catalogue bug B12)
     * @throws IllegalArgumentException if {@code self} is a reader of another domain
     */
    public void synchronize(QsbrReader self) {
        checkUpdater(self);
        boolean wasOnline = self != null && self.isOnline();
        if (wasOnline) {
            self.offline();
        } else {
            Fences.full();
        }
        gracePeriod();
        if (wasOnline) {
            self.online();
        } else {
            Fences.full();
        }
    }

    /**
     * Refuses, before an updater changes anything, a caller's reader that {@link #synchronize(QsbrReader)} would
     * refuse: one of another domain, or one inside a read-side section.
     */
    final void checkUpdater(QsbrReader self) {
        if (self == null) {
            return;
        }
        if (self.domain() != this) {
            throw new IllegalArgumentException(self + " is a reader of " + self.domain() + ", not of " + label);
        }
        if (self.inReadSection()) {
            throw new IllegalStateException(self + " waits for a grace period inside a read-side section");
        }
    }

    /**
     * The grace period proper, between the caller's fences: under {@code gpLock}, advance the counter and wait for
     * every registered reader to be INACTIVE or ACTIVE_CURRENT.
     */
    protected final void gracePeriod() {
        try (Mutex.Guard held = gpLock.lock()) {
            List<QsbrReader> readers = registry.snapshot();
            if (readers.isEmpty()) {
                return;
            }
            long gp = gpCtr.getOpaque() + GP_CTR;
            gpCtr.setOpaque(gp);
            Fences.full();
            for (QsbrReader r : readers) {
                while (r.state(gp) == RcuReader.State.ACTIVE_OLD) {
                    Threads.onSpinWait();
                }
            }
        }
    }

    @Override
    public String toString() {
        return label;
    }
}
