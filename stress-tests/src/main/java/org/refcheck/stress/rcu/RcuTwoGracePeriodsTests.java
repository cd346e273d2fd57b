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
import org.refcheck.protocols.rcu.RcuCell;
import org.refcheck.stress.catalogue.Checks;

/**
 * A reader is preempted between loading the grace-period phase and publishing it, then uses the value for about a
 * microsecond, while the updater replaces the value twice, synchronizing and freeing after each. With the
 * two-phase grace period the second grace period waits for the reader; catalogue bug B15 (flip, then one wait)
 * lets a reader that loaded its phase before the first flip and published it after look current to the second
 * grace period, which then frees the version the reader uses.
 *
 * <p>Both twins pause at the same three places (the reader after its phase load and during its use, the updater
 * between its two rounds), see {@link Preemption}: the reader's stale snapshot must be published after the first
 * grace period looked at the reader and before the second round publishes its version, a gap of a few instructions
 * without the updater's pause.
 *
 * <p>How to run these tests: {@code java -jar stress-tests/target/jcstress.jar -t RcuTwoGracePeriodsTests}
 */
public final class RcuTwoGracePeriodsTests {

    private RcuTwoGracePeriodsTests() {
    }

    /** The two-phase grace period of src/urcu.c. */
    @JCStressTest
    @Checks(protocol = "rcu", variant = "correct")
    @Description("A reader preempted inside rcu_read_lock against two replace + synchronize + free rounds, with "
            + "the two-phase grace period.")
    @Ref("src/urcu.c (synchronize_rcu: wait_for_readers, flip, wait_for_readers)")
    @Outcome(id = "clean", expect = ACCEPTABLE,
            desc = "every grace period that could see the reader's stale phase waited for it: nothing used after "
                    + "free")
    @Outcome(id = ".*use after free.*", expect = FORBIDDEN,
            desc = "a grace period mistook the reader's stale phase for the current one and freed its version")
    @Outcome(expect = FORBIDDEN, desc = "a leak or a double free")
    @State
    public static class TwoPhases {

        private final CellRace race = new CellRace(Preemption.SnapshotRcu::new, CallRcu::new, RcuCell::new);

        /** The reader, preempted after loading the phase. */
        @Actor
        public void reader() {
            race.read();
        }

        /** The updater: two rounds of replace, synchronize, free, with other work between them. */
        @Actor
        public void updater() {
            race.cell.replace(1);
            Preemption.pause();
            race.cell.replace(2);
        }

        /** What the lifetime tracker found. */
        @Arbiter
        public void arbiter(L_Result r) {
            r.r1 = race.finish();
        }
    }

    /** Mutant B15: one flip, one wait ({@link org.refcheck.protocols.rcu.mutant.OnePhaseRcu}). */
    @JCStressTest
    @Checks(protocol = "rcu", variant = "one-phase-grace-period")
    @Description("A reader preempted inside rcu_read_lock against two replace + synchronize + free rounds, with a "
            + "one-phase grace period.")
    @Ref("src/urcu.c (the two wait_for_readers calls)")
    @Outcome(id = "clean", expect = ACCEPTABLE,
            desc = "the reader's stale phase did not straddle a flip this time: no violation")
    @Outcome(id = "use after free", expect = ACCEPTABLE_INTERESTING,
            desc = "the reader published the phase it loaded before the first flip; the second grace period, "
                    + "back at that phase, took it for a current reader and freed the version it was using")
    @Outcome(expect = FORBIDDEN, desc = "a leak, a double free, or any other finding")
    @State
    public static class OnePhase {

        private final CellRace race = new CellRace(Preemption.SnapshotOnePhaseRcu::new, CallRcu::new, RcuCell::new);

        /** The reader, preempted after loading the phase. */
        @Actor
        public void reader() {
            race.read();
        }

        /** The updater: two rounds of replace, synchronize, free, with other work between them. */
        @Actor
        public void updater() {
            race.cell.replace(1);
            Preemption.pause();
            race.cell.replace(2);
        }

        /** What the lifetime tracker found. */
        @Arbiter
        public void arbiter(L_Result r) {
            r.r1 = race.finish();
        }
    }
}
