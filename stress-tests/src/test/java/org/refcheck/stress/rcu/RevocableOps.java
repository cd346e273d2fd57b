package org.refcheck.stress.rcu;

import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.ThreadIdGen;
import org.jetbrains.lincheck.datastructures.Validate;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.rcu.Rcu;
import org.refcheck.protocols.rcu.RcuReader;
import org.refcheck.protocols.revocable.Revocable;
import org.refcheck.protocols.revocable.RevocableGuard;
import org.refcheck.protocols.revocable.mutant.RevokeWithoutGracePeriod;
import org.refcheck.stress.lincheck.ConcurrentRun;
import org.refcheck.stress.lincheck.InvocationCounter;

/**
 * Lincheck operations on one {@link Revocable}, checked for linearizability against {@link RevocableSpec}: threads
 * try to access the data (using it twice under the guard) and revoke it. A {@link Validate} function also fails the
 * scenario on any lifetime violation, so a mutant whose results stay linearizable but whose drop overlaps a user
 * (B14) is caught too. One public subclass per variant, because Lincheck instantiates the class itself.
 *
 * <p>Memory consistency effects: those of the Revocable; Lincheck's model checking is sequentially consistent.
 */
public abstract class RevocableOps {

    /*
     * Implementation notes. Each Lincheck thread id (0 = init part, 1..THREADS = parallel threads, THREADS + 1 = post
     * part) has its own RCU reader record, registered in the constructor, so that a thread only ever opens sections
     * on its own record, as liburcu requires.
     */

    /** Parallel threads. */
    public static final int THREADS = 2;

    /** {@link #access}: the data was revoked. */
    public static final int REVOKED = -1;

    private final LifetimeTracker heap = new LifetimeTracker();
    private final Revocable<String> res;
    private final RcuReader[] readers = new RcuReader[THREADS + 2];

    /** Makes the Revocable under test. */
    @FunctionalInterface
    protected interface Maker {
        Revocable<String> make(Rcu rcu, LifetimeTracker heap, String label, String data);
    }

    protected RevocableOps(Maker maker) {
        InvocationCounter.tick();
        Rcu rcu = new Rcu("rcu");
        for (int i = 0; i < readers.length; i++) {
            readers[i] = rcu.register();
        }
        res = maker.make(rcu, heap, "res", "regs");
    }

    /** {@code try_access}: the data's length, used twice under the guard, or {@link #REVOKED}. */
    @Operation
    public int access(@Param(gen = ThreadIdGen.class) int threadId) {
        try (RevocableGuard<String> guard = res.tryAccess(readers[threadId])) {
            if (guard == null) {
                return REVOKED;
            }
            guard.get();
            return guard.get().length();
        }
    }

    /** {@code revoke}: whether this call revoked. */
    @Operation
    public boolean revoke() {
        return res.revoke();
    }

    /** No use after the data was dropped, whatever the results were. */
    @Validate
    public void noLifetimeViolation() {
        ConcurrentRun.assertNoViolations(heap.violations());
    }

    /** rust/kernel/revocable.rs. */
    public static class Correct extends RevocableOps {
        public Correct() {
            super(Revocable::new);
        }
    }

    /** Mutant B14. */
    public static class WithoutGracePeriod extends RevocableOps {
        public WithoutGracePeriod() {
            super(RevokeWithoutGracePeriod::new);
        }
    }
}
