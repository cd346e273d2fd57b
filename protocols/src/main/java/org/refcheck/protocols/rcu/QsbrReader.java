package org.refcheck.protocols.rcu;

import org.refcheck.sync.Fences;
import org.refcheck.sync.SharedLong;

/**
 * A registered reader of a {@link QsbrRcu} domain: liburcu's per-thread QSBR reader record
 * ({@code struct urcu_qsbr_reader}), made an explicit handle instead of thread-local storage.
 *
 * <p>Follows include/urcu/static/urcu-qsbr.h. {@link QsbrRcu#register()} creates the record, online; the thread
 * that owns it opens read-side sections with {@link #readLock()}, which, as in liburcu, touch no shared word
 * (refcheck keeps a plain nesting depth, so that {@link RcuPointer#dereference} can check for an open section and
 * misuse can be refused). What protects the pointers is being online: the reader announces that it holds none with
 * {@link #quiescentState()}, and {@link #offline()} / {@link #online()} bracket a long stretch without any (a
 * blocking call, a sleep). A reader is confined to one thread at a time, as its thread-local original is.
 *
 * <pre> {@code
 * QsbrReader me = rcu.register();                 // rcu_register_thread(): online
 * while (running) {
 *     try (QsbrReadGuard section = me.readLock()) {   // rcu_read_lock(): no shared access
 *         use(pointer.dereference(section));
 *     }
 *     me.quiescentState();                         // rcu_quiescent_state(): every pointer read so far is dead
 * }
 * me.unregister();                                 // rcu_unregister_thread(): offline, then removed
 * }</pre>
 *
 * <p>Memory consistency effects: {@link #quiescentState()} and {@link #offline()} issue a full fence before they
 * publish the reader's counter, so every access the reader made before them happens-before a grace period that
 * sees the counter returns; {@link #quiescentState()} and {@link #online()} issue a full fence after they publish
 * it, so no access the reader makes afterwards is performed before that grace period can see the reader.
 */
public class QsbrReader {

    /*
     * Implementation notes. `ctr` is urcu-qsbr's reader.ctr: 0 = OFFLINE, else the domain's counter as the reader
     * last copied it (always odd: QsbrRcu's GP_ONLINE bit). Only the owning thread writes it (opaque stores, urcu's
     * STORE_SHARED), and the owner keeps a plain copy of it in `snapshot`, which it reads instead of the cell (one
     * dependent load less on every read-side section and quiescent state); updaters read the cell opaquely and
     * classify it (QsbrRcu's notes). Invariant: snapshot == the last value the owner stored into ctr.
     *
     *     OFFLINE --online()--> ONLINE(snapshot)
     *     ONLINE(s) --quiescentState(), domain counter g != s--> ONLINE(g)    (g == s: nothing to announce)
     *     ONLINE(s) --offline() / unregister()--> OFFLINE
     *
     * `depth` is the read-side nesting, a plain field no other thread reads: readLock() and the guard's close()
     * change only it. A quiescent state, offline() and unregister() inside a section are refused, because they
     * would end the protection of pointers the section may still use.
     *
     * Fences, against liburcu's. quiescent_state() is "smp_mb; ctr = gp.ctr; smp_mb; wake_up_gp; smp_mb" and
     * thread_offline() "smp_mb; ctr = 0; smp_mb; wake_up_gp": the fence before the store orders the reader's
     * accesses before the announcement (without it an updater could see the new counter and free an object whose
     * loads are still pending: mutant X25); the fence after the store orders it before the read of gp.futex in
     * wake_up_gp (the store-buffering pair with a waiter that sets the futex and then reads the counter), and in
     * quiescent_state the last one orders the store before the accesses of the next online period. refcheck's
     * grace period spins instead of sleeping on a futex, so offline() has no fence after its store. online() is
     * "ctr = gp.ctr; smp_mb", as in liburcu: without that fence a grace period can still read the reader's 0 while
     * the reader loads the pointer (store buffering; mutant X26). quiescentState() keeps one fence after the store,
     * as liburcu does, although lifetime does not need it on 64 bits: a grace period that reads the counter from
     * before the store sees a non-zero value older than its own, ACTIVE_OLD, and keeps waiting (the model checker
     * verifies a quiescent state without it, WeakMemoryModelCatalogueTest).
     */

    private final QsbrRcu domain;
    private final String name;
    private final SharedLong ctr;
    private long snapshot;
    private int depth;
    private boolean registered = true;

    /** A record for {@code domain}, offline and not yet in its registry ({@link QsbrRcu#register()} does both). */
    protected QsbrReader(QsbrRcu domain, String name) {
        this.domain = domain;
        this.name = name;
        this.ctr = SharedLong.of(name + ".ctr", 0L);
    }

    /** The domain this reader is registered with. */
    public QsbrRcu domain() {
        return domain;
    }

    /**
     * {@code rcu_read_lock()}: opens a read-side section, or nests one inside the current section. No shared
     * access: only the nesting depth changes.
     *
     * @throws IllegalStateException if the reader is offline or unregistered
     */
    public QsbrReadGuard readLock() {
        if (snapshot == 0) {
            throw new IllegalStateException(name + (registered ? " is offline" : " is not registered"));
        }
        depth++;
        return new QsbrReadGuard(this);
    }

    /** {@code rcu_read_unlock()}, called by {@link QsbrReadGuard#close()}. */
    void readUnlock() {
        depth--;
    }

    /**
     * {@code rcu_quiescent_state()}: announces that the reader holds no pointer it dereferenced so far, so that
     * grace periods waiting for it can end. Cheap when no grace period started since the last one (one load).
     *
     * @throws IllegalStateException if the reader is offline or inside a read-side section
     */
    public void quiescentState() {
        requireOnlineOutsideSection("announces a quiescent state");
        long gp = domain.readerSnapshot();
        if (gp == snapshot) {
            return;
        }
        Fences.full();
        publishCounter(gp);
        Fences.full();
    }

    /**
     * {@code rcu_thread_offline()}: a quiescent state that lasts until {@link #online()}; grace periods do not wait
     * for an offline reader.
     *
     * @throws IllegalStateException if the reader is inside a read-side section
     */
    public void offline() {
        if (depth != 0) {
            throw new IllegalStateException(name + " goes offline inside a read-side section");
        }
        Fences.full();
        publishCounter(0L);
    }

    /**
     * {@code rcu_thread_online()}: ends an offline stretch; pointers may be dereferenced again afterwards.
     *
     * @throws IllegalStateException if the reader is unregistered or already online (a second online() would be a
     *                               quiescent state without its leading fence, possibly inside a section)
     */
    public void online() {
        requireRegistered();
        if (snapshot != 0) {
            throw new IllegalStateException(name + " is already online");
        }
        publishCounter(domain.readerSnapshot());
        Fences.full();
    }

    /** Whether the reader is online (call it from the owning thread). */
    public boolean isOnline() {
        return snapshot != 0;
    }

    /** Whether the owning thread is inside a read-side section (call it from that thread). */
    public boolean inReadSection() {
        return depth != 0;
    }

    /** The read-side nesting depth (call it from the owning thread). */
    public int depth() {
        return depth;
    }

    /**
     * {@code rcu_unregister_thread()}: puts the reader offline (else a waiting updater would wait for it forever)
     * and removes it from the domain.
     *
     * @throws IllegalStateException if called inside a read-side section, or twice
     */
    public void unregister() {
        if (!registered) {
            throw new IllegalStateException(name + " unregistered twice");
        }
        offline();
        registered = false;
        domain.remove(this);
    }

    /** Refuses to bring an unregistered reader online. */
    protected final void requireRegistered() {
        if (!registered) {
            throw new IllegalStateException(name + " is not registered");
        }
    }

    /**
     * Refuses an announcement while the reader is offline or inside a section; {@code what} completes the message.
     */
    protected final void requireOnlineOutsideSection(String what) {
        if (snapshot == 0) {
            throw new IllegalStateException(name + " " + what + " while offline");
        }
        if (depth != 0) {
            throw new IllegalStateException(name + " " + what + " inside a read-side section");
        }
    }

    /** The domain's counter, loaded as a quiescent state loads it. */
    protected final long domainCounter() {
        return domain.readerSnapshot();
    }

    /** The reader's own counter, as the owner last published it. */
    protected final long counter() {
        return snapshot;
    }

    /** Publishes the reader's counter ({@code STORE_SHARED}: an opaque store) and keeps the owner's copy. */
    protected final void publishCounter(long value) {
        snapshot = value;
        ctr.setOpaque(value);
    }

    /** urcu-qsbr's {@code urcu_qsbr_reader_state}: how an updater that advanced the counter to {@code gp} sees it. */
    final RcuReader.State state(long gp) {
        long v = ctr.getOpaque();
        if (v == 0) {
            return RcuReader.State.INACTIVE;
        }
        return v == gp ? RcuReader.State.ACTIVE_CURRENT : RcuReader.State.ACTIVE_OLD;
    }

    @Override
    public String toString() {
        return name;
    }
}
