package org.refcheck.protocols.kref;

import java.util.Objects;
import java.util.concurrent.Executor;
import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.refcount.Refcount;

/**
 * Rule 1 of Documentation/core-api/kref.rst: a creator hands a kref-counted object to a new thread of execution,
 * and takes the reference for that thread <em>before</em> passing the pointer on.
 *
 * <p>The object starts with the creator's reference (count 1). {@link #handOff(Executor)} does {@code kref_get}
 * (count 2), then starts the worker; the worker uses the object and puts its reference ({@link #worker()}); the
 * creator uses it and puts its own ({@link #creatorDone()}). Whichever put comes last frees the object. The
 * "BAD BAD BAD" order of kref.rst, get after the hand-off, is the B6 mutant.
 *
 * <pre> {@code
 * KrefHandoff<Payload> h = new KrefHandoff<>(heap, payload);
 * h.handOff(task -> new Thread(task).start());   // kref_get, then the worker runs h.worker()
 * h.creatorDone();                               // use, kref_put
 * }</pre>
 *
 * <p>Memory consistency effects: the executor's hand-off (e.g. {@code Thread.start}) orders the creator's
 * {@code kref_get} before everything the worker does; each put releases and the last acquires before the free.
 */
public class KrefHandoff<T> {

    /*
     * Implementation notes. Count over time, correct order:
     *     1 (creator) --handOff: get--> 2 --start worker--> {worker put, creator put in any order} --> 0: free
     * The worker's reference exists before the worker does, so no interleaving lets it drop the last one while
     * the creator still needs the object. Release = free the allocation.
     */

    private final Allocation allocation;
    private final Kref kref;
    private final T payload;

    /** Allocates the object with a full-width kref at 1, the creator's reference. */
    public KrefHandoff(LifetimeTracker tracker, T payload) {
        this(tracker, payload, Refcount.factory());
    }

    /** As {@link #KrefHandoff(LifetimeTracker, Object)}, with a counter from {@code counts}. */
    public KrefHandoff(LifetimeTracker tracker, T payload, Refcount.Factory counts) {
        Objects.requireNonNull(tracker, "tracker");
        this.allocation = tracker.allocate("Handoff#" + (tracker.allocationCount() + 1));
        this.kref = new Kref(counts.create(tracker, allocation.label() + ".refcount", 1, allocation));
        this.payload = payload;
    }

    /** The creator passes the object to a worker started by {@code spawn}: {@code kref_get} first, then start. */
    public void handOff(Executor spawn) {
        kref.get();
        spawn.execute(this::worker);
    }

    /** The worker's body: uses the object, then puts the reference it was handed. */
    public void worker() {
        use();
        put();
    }

    /** The creator's last steps: uses the object, then puts its own reference. */
    public void creatorDone() {
        use();
        put();
    }

    /** Reports an access to the object and returns its payload. */
    public T use() {
        allocation.access();
        return payload;
    }

    /** The object's kref. */
    public Kref kref() {
        return kref;
    }

    /** The tracked allocation of the object. */
    public Allocation allocation() {
        return allocation;
    }

    /** {@code kref_put} with the release that frees the object. */
    protected final void put() {
        kref.put(k -> allocation.free());
    }
}
