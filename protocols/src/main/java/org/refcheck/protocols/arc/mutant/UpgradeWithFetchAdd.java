package org.refcheck.protocols.arc.mutant;

import org.refcheck.protocols.arc.ArcAbortError;
import org.refcheck.protocols.arc.ArcInner;
import org.refcheck.protocols.arc.ArcScheme;

/**
 * B10: {@code Weak::upgrade} as an unconditional {@code fetch_add} followed only by the overflow check, the way
 * {@code Arc::clone} increments, instead of the CAS loop that refuses a zero count.
 *
 * <p>Bug: sync.rs insists "We use a CAS loop to increment the strong count instead of a fetch_add as this function
 * should never take the reference count from zero to one". This mutant does exactly that.
 *
 * <p>Exposing interleaving: T1 holds the last {@code Arc}, T2 a {@code Weak}.
 * <ol>
 *   <li>T1 drops its {@code Arc}: {@code strong} 1 to 0, acquire fence, enters {@code drop_slow};</li>
 *   <li>T2 upgrades: {@code fetch_add} takes {@code strong} from 0 to 1, and T2 gets an {@code Arc} to a value that
 *       is being (or has been) destroyed;</li>
 *   <li>T1 destroys the value; T2 uses it, then drops its {@code Arc}: 1 to 0 again, a second {@code drop_slow}.</li>
 * </ol>
 * The same happens sequentially: drop the last {@code Arc}, then upgrade a surviving {@code Weak}.
 *
 * <p>Symptom: resurrection (the count rose from zero), then use after destroy, then double destroy of the value and
 * an extra decrement of the weak count (use after free if the allocation was already released).
 */
public class UpgradeWithFetchAdd extends ArcScheme {

    /** The B10 mutant. */
    public UpgradeWithFetchAdd() {
        super("B10-upgrade-fetch-add");
    }

    /** {@code strong.fetch_add(1)}, then only the overflow check; always "succeeds". */
    @Override
    protected boolean upgrade(ArcInner<?> inner) {
        int old = inner.strongGetAndAdd(1);
        if (ArcInner.exceedsMaxRefcount(old)) {
            throw new ArcAbortError(inner.label());
        }
        return true;
    }
}
