package org.refcheck.stress.rcu;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Ref;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.L_Result;
import org.refcheck.protocols.rcu.Rcu;
import org.refcheck.protocols.rcu.RcuCell;
import org.refcheck.protocols.rcu.mutant.ImmediateCallRcu;
import org.refcheck.stress.catalogue.Checks;

/**
 * A reader uses an RCU-protected value inside its section for about a microsecond, while the updater publishes a
 * new version and hands the old one to {@code call_rcu}, then runs {@code rcu_barrier()} (updater and reclaimer
 * folded into one actor). Catalogue bug B14 runs the callback at once: the old version is freed under the reader.
 *
 * <p>How to run these tests: {@code java -jar stress-tests/target/jcstress.jar -t RcuDeferredFreeTests}
 */
public final class RcuDeferredFreeTests {

    private RcuDeferredFreeTests() {
    }

    /** call_rcu waits for a grace period before the free. */
    @JCStressTest
    @Checks(protocol = "rcu", variant = "correct")
    @Description("Reader uses the value in its section; the updater replaces it and frees the old version with "
            + "call_rcu, then waits in rcu_barrier.")
    @Ref("doc/rcu-api.md (call_rcu, rcu_barrier)")
    @Ref("src/urcu-call-rcu-impl.h")
    @Outcome(id = "clean", expect = ACCEPTABLE,
            desc = "the callback ran after a grace period that waited for the reader: nothing used after free")
    @Outcome(id = ".*use after free.*", expect = FORBIDDEN,
            desc = "the callback freed the old version while the reader was inside its section")
    @Outcome(expect = FORBIDDEN, desc = "a leak or a double free")
    @State
    public static class AfterGracePeriod {

        private final CellRace race = CellRace.correct();

        /** The reader. */
        @Actor
        public void reader() {
            race.read();
        }

        /** The updater and reclaimer: replace, call_rcu(free), rcu_barrier. */
        @Actor
        public void updater() {
            race.cell.replaceDeferred(1);
            race.deferred.barrier();
        }

        /** What the lifetime tracker found. */
        @Arbiter
        public void arbiter(L_Result r) {
            r.r1 = race.finish();
        }
    }

    /** Mutant B14: call_rcu runs the callback immediately ({@link ImmediateCallRcu}). */
    @JCStressTest
    @Checks(protocol = "rcu", variant = "callback-before-grace-period")
    @Description("Reader uses the value in its section; the updater replaces it and call_rcu frees the old "
            + "version at once.")
    @Ref("Documentation/RCU/whatisRCU.rst (section 3: kfree only after synchronize_rcu or with kfree_rcu)")
    @Outcome(id = "clean", expect = ACCEPTABLE,
            desc = "the reader read the new version, or was done before the free: no violation this time")
    @Outcome(id = "use after free", expect = ACCEPTABLE_INTERESTING,
            desc = "the callback freed the old version immediately, and the reader, still inside its section, "
                    + "used it: use after free")
    @Outcome(expect = FORBIDDEN, desc = "a leak, a double free, or any other finding")
    @State
    public static class Immediately {

        private final CellRace race = new CellRace(Rcu::new, ImmediateCallRcu::new, RcuCell::new);

        /** The reader. */
        @Actor
        public void reader() {
            race.read();
        }

        /** The updater and reclaimer: replace, call_rcu(free), rcu_barrier. */
        @Actor
        public void updater() {
            race.cell.replaceDeferred(1);
            race.deferred.barrier();
        }

        /** What the lifetime tracker found. */
        @Arbiter
        public void arbiter(L_Result r) {
            r.r1 = race.finish();
        }
    }
}
