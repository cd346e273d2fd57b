package org.refcheck.stress.rcu;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Ref;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.L_Result;
import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.rcu.RcuPointer;
import org.refcheck.protocols.rcu.Srcu;
import org.refcheck.protocols.rcu.SrcuReadGuard;
import org.refcheck.stress.LifetimeFindings;
import org.refcheck.stress.catalogue.Checks;

/**
 * An SRCU reader dereferences an object and uses it for about a microsecond; the updater replaces the object twice,
 * each time waiting in {@code synchronize_srcu} before freeing the old one, so both indices are drained and flipped
 * while the reader may be counted on either.
 *
 * <p>How to run this test: {@code java -jar stress-tests/target/jcstress.jar -t SrcuReadVsSynchronizeTest}
 */
@JCStressTest
@Checks(protocol = "srcu", variant = "correct")
@Description("SRCU reader using an object against two replace + synchronize_srcu + free rounds.")
@Ref("kernel/rcu/srcutree.c (srcu_read_lock, srcu_readers_active_idx_check)")
@Outcome(id = "clean", expect = ACCEPTABLE, desc = "each synchronize_srcu waited for the reader: nothing used after free")
@Outcome(id = ".*use after free.*", expect = FORBIDDEN,
        desc = "a grace period ended while the reader still used the object it freed")
@Outcome(expect = FORBIDDEN, desc = "a leak or a double free")
@State
public class SrcuReadVsSynchronizeTest {

    private final LifetimeTracker heap = new LifetimeTracker();
    private final Srcu srcu = new Srcu("srcu");
    private final RcuPointer<Allocation> current = new RcuPointer<>("gp", heap.allocate("obj0"));

    /** The reader. */
    @Actor
    public void reader() {
        try (SrcuReadGuard section = srcu.readLock()) {
            Allocation obj = current.dereference(section);
            obj.access();
            Preemption.pause();
            obj.access();
        }
    }

    /** The updater: two rounds of replace, synchronize_srcu, free. */
    @Actor
    public void updater() {
        for (int i = 1; i <= 2; i++) {
            Allocation old = current.replace(heap.allocate("obj" + i));
            srcu.synchronize();
            old.free();
        }
    }

    /** What the lifetime tracker found. */
    @Arbiter
    public void arbiter(L_Result r) {
        current.access().free();
        r.r1 = LifetimeFindings.finish(heap);
    }
}
