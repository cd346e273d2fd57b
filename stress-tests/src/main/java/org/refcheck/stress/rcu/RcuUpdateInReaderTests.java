package org.refcheck.stress.rcu;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Ref;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;
import org.refcheck.protocols.rcu.CallRcu;
import org.refcheck.protocols.rcu.Rcu;
import org.refcheck.protocols.rcu.RcuReader;
import org.refcheck.protocols.rcu.mutant.SynchronizeInReaderRcuCell;
import org.refcheck.stress.catalogue.Checks;

/**
 * Termination tests: an updater does a read-copy-update of an RCU cell while a reader, the signal, reads it. The
 * correct update leaves its read-side section before waiting for the grace period and always terminates. Catalogue
 * bug B12 calls {@code synchronize()} inside the section and waits for itself forever: the test goes stale (jcstress
 * then ends the forked VM, since the spinning thread cannot be stopped).
 *
 * <p>How to run these tests: {@code java -jar stress-tests/target/jcstress.jar -t RcuUpdateInReaderTests}
 */
public final class RcuUpdateInReaderTests {

    private RcuUpdateInReaderTests() {
    }

    /** The update waits for its grace period outside the read-side section. */
    @JCStressTest(Mode.Termination)
    @Checks(protocol = "rcu", variant = "correct")
    @Description("Read-copy-update that leaves its read-side section before synchronize, against a reader.")
    @Ref("Documentation/RCU/Design/Requirements/Requirements.rst (\"must not contain calls to synchronize_rcu()\")")
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the update's grace period ended and it returned")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the update never returned: a grace period waited forever")
    @State
    public static class OutsideSection {

        private final CellRace race = CellRace.correct();
        private final RcuReader updater = race.rcu.register();

        /** The updater. */
        @Actor
        public void update() {
            race.cell.update(updater, v -> v + 1);
        }

        /** A reader arriving while the update runs. */
        @Signal
        public void reader() {
            race.read();
        }
    }

    /** Mutant B12: synchronize inside the read-side section ({@link SynchronizeInReaderRcuCell}). */
    @JCStressTest(Mode.Termination)
    @Checks(protocol = "rcu", variant = "synchronize-in-reader")
    @Description("Read-copy-update that calls synchronize inside its own read-side section, against a reader.")
    @Ref("Documentation/RCU/Design/Requirements/Requirements.rst (\"must not contain calls to synchronize_rcu()\")")
    @Ref("src/urcu.c (wait_for_readers: the caller's own reader stays ACTIVE_OLD after the flip)")
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the update returned (impossible once it published)")
    @Outcome(id = "STALE", expect = ACCEPTABLE_INTERESTING,
            desc = "the update waits for its own read-side section to end, which only happens after the wait: "
                    + "deadlock")
    @State
    public static class InsideSection {

        private final CellRace race = new CellRace(Rcu::new, CallRcu::new, SynchronizeInReaderRcuCell::new);
        private final RcuReader updater = race.rcu.register();

        /** The updater. */
        @Actor
        public void update() {
            race.cell.update(updater, v -> v + 1);
        }

        /** A reader arriving while the update runs. */
        @Signal
        public void reader() {
            race.read();
        }
    }
}
