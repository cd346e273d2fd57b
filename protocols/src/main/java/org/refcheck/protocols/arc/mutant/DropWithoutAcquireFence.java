package org.refcheck.protocols.arc.mutant;

import org.refcheck.protocols.arc.ArcInner;
import org.refcheck.protocols.arc.ArcScheme;

/**
 * B7: {@code Arc::drop} without the acquire fence after the last release decrement.
 *
 * <p>Bug: the thread that takes {@code strong} from 1 to 0 destroys the value straight away, without
 * {@code acquire!(strong)}. The same step also serves {@code intoInner} and {@code tryUnwrap}, which lose their fence
 * too.
 *
 * <p>Exposing interleaving: T1 writes into the value (for instance through a mutex inside it that the destructor
 * will not take), then drops its {@code Arc} (release decrement 2 to 1). T2 drops the last {@code Arc} (1 to 0) and
 * runs the destructor. T2's decrement reads T1's released value, but with no acquire on T2's side nothing orders
 * T1's write before the destructor's reads and the deallocation.
 *
 * <p>Symptom: a data race on the value in its destructor (a stale read, or a free racing with a late write): a
 * use-after-free class bug, but only under weak memory. Under sequential consistency every execution of this mutant
 * behaves exactly like {@link ArcScheme#STD}; lifetime oracles and interleaving-only checkers cannot tell them apart.
 * Catching it needs happens-before tracking (refcheck's weak-memory model, or a jcstress run on a weakly ordered
 * machine, where it is still rare). Source: sync.rs {@code Drop for Arc} comment; loom tests/fence.rs
 * {@code basic_acquire_fence}.
 */
public class DropWithoutAcquireFence extends ArcScheme {

    /** The B7 mutant. */
    public DropWithoutAcquireFence() {
        super("B7-drop-without-acquire-fence");
    }

    /** Omits {@code acquire!(strong)}. */
    @Override
    protected void acquireAfterLastStrong(ArcInner<?> inner) {
        // The bug: no Fences.acquire() before the value is destroyed.
    }
}
