package org.refcheck.protocols.rcu;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.refcheck.sync.Mutex;
import org.refcheck.sync.SharedLong;

/**
 * Deferred reclamation for an {@link Rcu} domain: {@code call_rcu} queues a callback that runs after a grace period,
 * {@link #reclaim()} is one pass of the reclaimer, and {@link #barrier()} is {@code rcu_barrier}.
 *
 * <p>Follows liburcu's src/urcu-call-rcu-impl.h and doc/rcu-api.md: {@code call_rcu(head, func)} "registers a
 * function and argument which are invoked after all ongoing RCU read-side critical sections have completed";
 * {@code rcu_barrier()} waits for all prior {@code call_rcu} work. Callbacks are invoked by whichever thread runs
 * {@link #reclaim()}: a reclaimer thread of the application (urcu's call_rcu worker), or {@link #barrier()} itself
 * when nobody else has.
 *
 * <pre> {@code
 * CallRcu deferred = new CallRcu(rcu);
 * Node old = head.replace(fresh);
 * deferred.callRcu(old::free);     // returns at once; may be called where blocking is not allowed
 * ...
 * deferred.barrier();              // every callback queued before this line has run
 * }</pre>
 *
 * <p>{@code barrier()} and {@code reclaim()} wait for a grace period, so they must not be called inside a read-side
 * section (B12), nor from a callback ("should never be called from a call_rcu() thread").
 *
 * <p>Memory consistency effects: actions before {@code callRcu(cb)} happen-before {@code cb} runs, and so does
 * every access of each read-side section that was open when {@code callRcu(cb)} was called; the run of every callback
 * queued before {@code barrier()} was called happens-before {@code barrier()} returns.
 */
public class CallRcu {

    /*
     * Implementation notes. The queue is a list guarded by queueLock; `queued` counts callbacks ever queued
     * (guarded by it too) and `invoked` counts callbacks that have run. A reclaimer pass, under reclaimLock: take the
     * whole queue, one grace period, run the batch in queue order, publish invoked += batch size (release). Because
     * batches are taken and run under reclaimLock, a pass that finds the queue empty proves that every callback
     * queued before it already ran; so barrier() = remember `queued`, then reclaim until `invoked` reaches it.
     *
     *     callback: QUEUED --taken by a pass--> TAKEN --grace period--> RUN
     */

    private final Rcu rcu;
    private final Mutex queueLock;
    private final Mutex reclaimLock;
    private final SharedLong invoked;
    private final List<Runnable> queue = new ArrayList<>();
    private long queued;

    /** A callback queue for {@code rcu}. */
    public CallRcu(Rcu rcu) {
        this.rcu = Objects.requireNonNull(rcu, "rcu");
        this.queueLock = Mutex.create(rcu.label() + ".call_rcu.queue");
        this.reclaimLock = Mutex.create(rcu.label() + ".call_rcu.reclaim");
        this.invoked = SharedLong.of(rcu.label() + ".call_rcu.invoked", 0L);
    }

    /** The domain whose grace periods this queue waits for. */
    public Rcu rcu() {
        return rcu;
    }

    /** {@code call_rcu}: runs {@code callback} after a grace period; does not wait. */
    public void callRcu(Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        try (Mutex.Guard held = queueLock.lock()) {
            queue.add(callback);
            queued++;
        }
    }

    /**
     * One reclaimer pass: takes every queued callback, waits for a grace period and runs them.
     *
     * @return how many callbacks ran (0 if the queue was empty; then no grace period is waited for)
     */
    public int reclaim() {
        try (Mutex.Guard reclaiming = reclaimLock.lock()) {
            List<Runnable> batch;
            try (Mutex.Guard held = queueLock.lock()) {
                batch = new ArrayList<>(queue);
                queue.clear();
            }
            if (batch.isEmpty()) {
                return 0;
            }
            rcu.synchronize();
            for (Runnable callback : batch) {
                callback.run();
            }
            invoked.setRelease(invoked.getOpaque() + batch.size());
            return batch.size();
        }
    }

    /** {@code rcu_barrier()}: returns once every callback queued before this call has run. */
    public void barrier() {
        long target;
        try (Mutex.Guard held = queueLock.lock()) {
            target = queued;
        }
        while (invoked.getAcquire() < target) {
            reclaim();
        }
    }

    /** How many callbacks have run so far. */
    public long invoked() {
        return invoked.getAcquire();
    }

    @Override
    public String toString() {
        return rcu.label() + ".call_rcu";
    }
}
