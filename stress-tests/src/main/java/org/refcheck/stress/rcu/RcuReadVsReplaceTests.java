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
import org.refcheck.protocols.rcu.CallRcu;
import org.refcheck.protocols.rcu.Rcu;
import org.refcheck.protocols.rcu.mutant.UseAfterUnlockRcuCell;
import org.refcheck.stress.catalogue.Checks;

/**
 * A reader reads an RCU-protected value and uses it for about a microsecond, while the updater publishes a new
 * version, calls {@code synchronize()} and frees the old one. The correct reader uses the version inside its
 * read-side section, so the grace period waits for it. Catalogue bug B13 ends the section first and uses the
 * version afterwards, when the grace period no longer waits for it: use after free.
 *
 * <p>How to run these tests: {@code java -jar stress-tests/target/jcstress.jar -t RcuReadVsReplaceTests}
 */
public final class RcuReadVsReplaceTests {

    private RcuReadVsReplaceTests() {
    }

    /** The reader uses the version inside its read-side section. */
    @JCStressTest
    @Checks(protocol = "rcu", variant = "correct")
    @Description("Reader uses the value inside its read-side section; the updater replaces it, synchronizes and "
            + "frees the old version.")
    @Ref("Documentation/RCU/whatisRCU.rst (rcu_dereference, synchronize_rcu)")
    @Ref("src/urcu.c (synchronize_rcu)")
    @Outcome(id = "clean", expect = ACCEPTABLE,
            desc = "the grace period waited for the reader, or the reader started after the update: nothing used "
                    + "after free")
    @Outcome(id = ".*use after free.*", expect = FORBIDDEN,
            desc = "the old version was freed while the reader was still using it inside its section")
    @Outcome(expect = FORBIDDEN, desc = "a leak or a double free")
    @State
    public static class InsideSection {

        private final CellRace race = CellRace.correct();

        /** The reader. */
        @Actor
        public void reader() {
            race.read();
        }

        /** The updater: replace, synchronize, free. */
        @Actor
        public void updater() {
            race.cell.replace(1);
        }

        /** What the lifetime tracker found. */
        @Arbiter
        public void arbiter(L_Result r) {
            r.r1 = race.finish();
        }
    }

    /** Mutant B13: the reader uses the version after its section ended ({@link UseAfterUnlockRcuCell}). */
    @JCStressTest
    @Checks(protocol = "rcu", variant = "use-after-unlock")
    @Description("Reader dereferences the value inside its section but uses it after the section ended; the "
            + "updater replaces it, synchronizes and frees the old version.")
    @Ref("Documentation/RCU/whatisRCU.rst (the \"BUG!!!\" example)")
    @Outcome(id = "clean", expect = ACCEPTABLE,
            desc = "the update came before the reader's dereference or after its use: no violation this time")
    @Outcome(id = "use after free", expect = ACCEPTABLE_INTERESTING,
            desc = "the grace period did not wait for the reader, whose section had ended, and the reader used "
                    + "the freed version: use after free")
    @Outcome(expect = FORBIDDEN, desc = "a leak, a double free, or any other finding")
    @State
    public static class AfterSection {

        private final CellRace race = new CellRace(Rcu::new, CallRcu::new, UseAfterUnlockRcuCell::new);

        /** The reader. */
        @Actor
        public void reader() {
            race.read();
        }

        /** The updater: replace, synchronize, free. */
        @Actor
        public void updater() {
            race.cell.replace(1);
        }

        /** What the lifetime tracker found. */
        @Arbiter
        public void arbiter(L_Result r) {
            r.r1 = race.finish();
        }
    }
}
