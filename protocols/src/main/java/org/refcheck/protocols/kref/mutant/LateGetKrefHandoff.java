package org.refcheck.protocols.kref.mutant;

import java.util.concurrent.Executor;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.kref.KrefHandoff;
import org.refcheck.protocols.refcount.Refcount;

/**
 * Mutant B6: the creator takes the worker's reference <em>after</em> handing the object off, the construct
 * kref.rst marks "BAD BAD BAD".
 *
 * <p>Overrides {@link KrefHandoff#handOff(Executor)}: start the worker, then {@code kref_get}.
 *
 * <p>Exposing interleaving (catalogue bug B6; kref.rst rule 1): the creator starts the worker, which runs to
 * completion at once: it uses the object and puts 1 -&gt; 0, freeing it. The creator's late {@code kref_get} then
 * increments the counter of freed memory from zero ({@code "refcount_t: addition on 0; use-after-free."}).
 * Symptom: <b>use after free</b> (and a resurrection of the count).
 *
 * @param <T> the type of the payload
 */
public class LateGetKrefHandoff<T> extends KrefHandoff<T> {

    public LateGetKrefHandoff(LifetimeTracker tracker, T payload) {
        super(tracker, payload);
    }

    public LateGetKrefHandoff(LifetimeTracker tracker, T payload, Refcount.Factory counts) {
        super(tracker, payload, counts);
    }

    /** The bug: the worker may already have dropped the only reference when the creator takes one. */
    @Override
    public void handOff(Executor spawn) {
        spawn.execute(this::worker);
        kref().get();
    }
}
