package org.refcheck.protocols.arc.mutant;

import org.refcheck.protocols.arc.ArcInner;
import org.refcheck.protocols.arc.ArcScheme;

/**
 * B8: {@code is_unique} (hence {@code get_mut}) as two separate loads, {@code strong == 1 && weak == 1}, without
 * locking the weak count.
 *
 * <p>Bug: the check of rust-lang/rust#24880 (2015, "arc::get_mut/Arc::make_unique are racy"), fixed by PR #26610,
 * which introduced the {@code usize::MAX} weak-count lock: "in between the checks a Weak pointer could be promoted
 * and the Weak pointer dropped".
 *
 * <p>Exposing interleaving: T1 owns the only {@code Arc}; T2 owns a {@code Weak} (strong 1, weak 2).
 * <ol>
 *   <li>T1 {@code getMut}: loads {@code strong} == 1 ({@link #isSoleStrong});</li>
 *   <li>T2 upgrades its {@code Weak} (strong 2) and drops the {@code Weak} (weak 1);</li>
 *   <li>T1 loads {@code weak} == 1 ({@link #isSoleWeak}) and returns the value for mutation.</li>
 * </ol>
 * With std's lock, step 1 is a CAS of {@code weak} from 1, which fails while T2's {@code Weak} exists; and while the
 * lock is held, no {@code Weak} exists to upgrade.
 *
 * <p>Symptom: {@code getMut} returns the value while T2 holds an {@code Arc} to it: aliasing mutable access, a data
 * race on the value (T1 may replace or tear down what T2 reads). Visible under sequential consistency: a test can
 * check "getMut returned the value, yet {@code strongCount() == 2}".
 */
public class GetMutWithoutWeakLock extends ArcScheme {

    /** The B8 mutant. */
    public GetMutWithoutWeakLock() {
        super("B8-get-mut-without-weak-lock");
    }

    /** {@code strong == 1}, then, as a separate load, {@code weak == 1}; no lock. */
    @Override
    protected boolean isUnique(ArcInner<?> inner) {
        return isSoleStrong(inner) && isSoleWeak(inner);
    }

    /** The second load of the racy check: {@code weak.load(Acquire) == 1}. */
    protected boolean isSoleWeak(ArcInner<?> inner) {
        return inner.weakAcquire() == 1;
    }
}
