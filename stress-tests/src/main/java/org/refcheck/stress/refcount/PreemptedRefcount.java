package org.refcheck.stress.refcount;

import java.util.Objects;
import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.refcount.Refcount;
import org.refcheck.protocols.refcount.RefcountWidth;

/**
 * A {@link Refcount} whose caller is "preempted" for about a microsecond at one step boundary: the delay a kernel
 * thread takes when an interrupt or the scheduler lands there, which the catalogue's exposing interleavings name
 * ("T1 {@code fetch_sub} 2 -&gt; 1, is preempted").
 *
 * <p>On x86 without preemption the instructions between two protocol steps take nanoseconds, less than the other
 * CPU needs to take a contended cache line, so a bug whose window is exactly that gap (B4, B5, B11) rarely shows,
 * and when it does it is because the operating system happened to preempt a jcstress actor there. The pause makes
 * the window as wide as a short preemption. It changes only timing: the counter's values and atomic steps are
 * {@link Refcount}'s, and a test uses the same pausing counter for the correct protocol and for its mutant, so the
 * correct protocol is held to the same, wider interleavings.
 *
 * <pre> {@code
 * Refcount.Factory counts = PreemptedRefcount.factory(PreemptedRefcount.At.AFTER_NON_FINAL_DECREMENT);
 * Ref<String> ref = Ref.create(heap, "value", counts);   // every drop that leaves references pauses
 * }</pre>
 *
 * <p>Memory consistency effects: those of {@link Refcount}; the pause itself orders nothing.
 */
public final class PreemptedRefcount extends Refcount {

    /*
     * Implementation notes: the pause is a spin on System.nanoTime, not a sleep or a yield: with two actors on two
     * CPUs a yield returns at once, and a sleep would last tens of microseconds and dominate the sample. It is taken
     * in the overridden step method, before or after calling Refcount's own step, so no atomic step is added,
     * removed or split. Which step pauses is fixed per counter by At.
     */

    /** How long the caller pauses at its preemption point. */
    static final long PAUSE_NANOS = 1_000;

    /** Where the caller is preempted. */
    public enum At {

        /**
         * Right after a decrement that did not reach zero ({@code fetch_sub} returned more than the amount
         * subtracted): the moment after which a drop must not touch the object (B11).
         */
        AFTER_NON_FINAL_DECREMENT,

        /**
         * Right after the decrement that reached zero, before the caller runs its release: the moment a dying
         * object is still reachable by whoever can find it without holding a reference (B4).
         */
        AFTER_FINAL_DECREMENT,

        /**
         * Right before {@code atomic_read} of the counter, the first step of {@code refcount_read} and of
         * {@code refcount_inc_not_zero} ({@code kref_get_unless_zero}): where a lookup that left its critical
         * section too early is exposed (B5).
         */
        BEFORE_READ
    }

    private final At at;

    /** A full-width counter; the arguments of {@link Refcount#Refcount(LifetimeTracker, String, int, Allocation)}. */
    public PreemptedRefcount(LifetimeTracker tracker, String label, int initial, Allocation owner, At at) {
        super(tracker, label, initial, RefcountWidth.FULL, owner);
        this.at = Objects.requireNonNull(at, "at");
    }

    /** The factory of full-width counters preempted at {@code at}. */
    public static Refcount.Factory factory(At at) {
        Objects.requireNonNull(at, "at");
        return (tracker, label, initial, owner) -> new PreemptedRefcount(tracker, label, initial, owner, at);
    }

    /** Where this counter's callers are preempted. */
    public At at() {
        return at;
    }

    @Override
    protected int getAndAddCountRelease(int delta) {
        int old = super.getAndAddCountRelease(delta);
        if (delta < 0 && (at == At.AFTER_NON_FINAL_DECREMENT && old + delta > 0
                || at == At.AFTER_FINAL_DECREMENT && old + delta == 0)) {
            pause();
        }
        return old;
    }

    @Override
    protected int countOpaque() {
        if (at == At.BEFORE_READ) {
            pause();
        }
        return super.countOpaque();
    }

    /** Spins for {@link #PAUSE_NANOS}. */
    public static void pause() {
        long end = System.nanoTime() + PAUSE_NANOS;
        while (System.nanoTime() - end < 0) {
            Thread.onSpinWait();
        }
    }
}
