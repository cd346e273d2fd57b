package org.refcheck.stress.rcu;

import org.refcheck.protocols.rcu.QsbrRcu;
import org.refcheck.protocols.rcu.Rcu;
import org.refcheck.protocols.rcu.mutant.OnePhaseRcu;

/**
 * A pause of about a microsecond at one step of an RCU-family protocol: the delay a kernel thread or a liburcu
 * reader takes when it is preempted there, which the catalogue's exposing interleavings name ("R loads gp.ctr and
 * stalls before storing it").
 *
 * <p>As with {@code refcount.PreemptedRefcount}: on x86 the instructions between two protocol steps take
 * nanoseconds, so a window that is exactly that gap rarely shows unless the actor is preempted there. The pause
 * widens the window to a short preemption; it changes timing only, and each test applies the same pauses to the
 * correct protocol and to its mutant.
 *
 * <p>Memory consistency effects: none.
 */
final class Preemption {

    /** How long a preempted step pauses. */
    static final long PAUSE_NANOS = 1_000;

    private Preemption() {
    }

    /** Spins for {@link #PAUSE_NANOS}: not a sleep (tens of microseconds) and not a yield (returns at once). */
    static void pause() {
        long end = System.nanoTime() + PAUSE_NANOS;
        while (System.nanoTime() - end < 0) {
            Thread.onSpinWait();
        }
    }

    /** The urcu-memb domain whose readers are preempted between loading the phase and publishing it. */
    static final class SnapshotRcu extends Rcu {
        SnapshotRcu(String label) {
            super(label);
        }

        @Override
        protected long readerSnapshot() {
            long snapshot = super.readerSnapshot();
            pause();
            return snapshot;
        }
    }

    /** Mutant B15 with the same preempted readers as {@link SnapshotRcu}. */
    static final class SnapshotOnePhaseRcu extends OnePhaseRcu {
        SnapshotOnePhaseRcu(String label) {
            super(label);
        }

        @Override
        protected long readerSnapshot() {
            long snapshot = super.readerSnapshot();
            pause();
            return snapshot;
        }
    }

    /**
     * The urcu-qsbr domain whose readers are preempted at the start of every quiescent state and {@code online()},
     * before they load the domain's counter: a grace period that starts meanwhile is seen by the announcement.
     */
    static final class SnapshotQsbrRcu extends QsbrRcu {
        SnapshotQsbrRcu(String label) {
            super(label);
        }

        @Override
        protected long readerSnapshot() {
            pause();
            return super.readerSnapshot();
        }
    }
}
