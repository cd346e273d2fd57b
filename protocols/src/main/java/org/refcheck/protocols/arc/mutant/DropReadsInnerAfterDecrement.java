package org.refcheck.protocols.arc.mutant;

import org.refcheck.protocols.arc.ArcInner;
import org.refcheck.protocols.arc.ArcScheme;

/**
 * B11 (Arc flavour): {@code Arc::drop} touches the shared allocation after a decrement that was not the last one.
 *
 * <p>Bug: rust-lang/rust#55005 ("Arc::drop has a (potentially) dangling shared ref"), and the Rust-for-Linux
 * {@code Arc} drop comment: "We cannot touch {@code refcount} after it's decremented to a non-zero value because
 * another thread/CPU may concurrently decrement it to zero and free it." Here the non-final drop traces the drop by
 * reading the value and the remaining strong count ({@link #traceAfterNonFinalDecrement}).
 *
 * <p>Exposing interleaving: T1 and T2 each hold an {@code Arc} (strong 2), no {@code Weak} exists.
 * <ol>
 *   <li>T1 drops: {@code fetch_sub} 2 to 1, not the last, and is preempted;</li>
 *   <li>T2 drops: {@code fetch_sub} 1 to 0, destroys the value, drops the collective weak (1 to 0), frees;</li>
 *   <li>T1 reads the allocation.</li>
 * </ol>
 *
 * <p>Symptom: use after free (use after destroy if a {@code Weak} keeps the allocation but not the value). Visible
 * under sequential consistency; sequentially (no preemption in step 1) the mutant is harmless.
 */
public class DropReadsInnerAfterDecrement extends ArcScheme {

    /** The B11 mutant. */
    public DropReadsInnerAfterDecrement() {
        super("B11-drop-reads-inner-after-decrement");
    }

    /** Release decrement; a non-final one then reads the allocation, which it no longer owns. */
    @Override
    protected void dropStrong(ArcInner<?> inner) {
        if (inner.strongGetAndAddRelease(-1) != 1) {
            traceAfterNonFinalDecrement(inner);
            return;
        }
        acquireAfterLastStrong(inner);
        dropSlow(inner);
    }

    /** The bug's read: the value and the remaining strong count, after this thread gave up its reference. */
    protected void traceAfterNonFinalDecrement(ArcInner<?> inner) {
        inner.access();
        inner.strongOpaque();
    }
}
