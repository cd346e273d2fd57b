package org.refcheck.protocols.arc.mutant;

import org.refcheck.protocols.arc.ArcInner;
import org.refcheck.protocols.arc.ArcScheme;

/**
 * B9: {@code is_unique} loads {@code strong} with Relaxed (here opaque) instead of Acquire.
 *
 * <p>Bug: rust-lang/rust#51780 (2018, I-unsound, "Insufficient synchronization in {@code Arc::get_mut}"): the
 * {@code strong} load must be Acquire "to synchronize with the decrement of the strong counter in drop".
 *
 * <p>Exposing interleaving: T1 and T2 each hold an {@code Arc}. T2 reads the value, then drops its {@code Arc}
 * (release decrement 2 to 1). T1 calls {@code getMut}: locks the weak count, loads {@code strong} == 1 with a relaxed
 * load, and writes the value. Nothing on T1's side acquires T2's release, so T2's earlier read is unordered with
 * T1's write.
 *
 * <p>Symptom: a data race on the value (T2 may read T1's later write). Weak memory only: under sequential
 * consistency the relaxed load returns the same values as the acquire load, so every execution of this mutant is
 * identical to {@link ArcScheme#STD}. Only happens-before tracking (refcheck's weak-memory model) can catch it.
 */
public class IsUniqueRelaxedStrongLoad extends ArcScheme {

    /** The B9 mutant. */
    public IsUniqueRelaxedStrongLoad() {
        super("B9-is-unique-relaxed-strong-load");
    }

    /** {@code strong.load(Relaxed) == 1}. */
    @Override
    protected boolean isSoleStrong(ArcInner<?> inner) {
        return inner.strongOpaque() == 1;
    }
}
