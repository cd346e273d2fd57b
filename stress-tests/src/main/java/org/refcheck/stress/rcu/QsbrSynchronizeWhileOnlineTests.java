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
import org.refcheck.protocols.rcu.QsbrCell;
import org.refcheck.protocols.rcu.QsbrRcu;
import org.refcheck.protocols.rcu.QsbrReader;
import org.refcheck.protocols.rcu.mutant.OnlineSynchronizeQsbrRcu;
import org.refcheck.stress.catalogue.Checks;

/**
 * Termination tests: an updater that is itself an online QSBR reader replaces a cell (publish, synchronize, free)
 * while a reader, the signal, reads it and goes offline. The correct {@code synchronize} puts the updater's reader
 * offline for the wait and always terminates. Mutant X24 leaves it online, so the grace period waits for a
 * quiescent state of the waiting thread itself, forever: the test goes stale (jcstress then ends the forked VM,
 * since the spinning thread cannot be stopped).
 *
 * <p>How to run these tests: {@code java -jar stress-tests/target/jcstress.jar -t QsbrSynchronizeWhileOnlineTests}
 */
public final class QsbrSynchronizeWhileOnlineTests {

    private QsbrSynchronizeWhileOnlineTests() {
    }

    /** synchronize puts its caller's reader offline for the wait. */
    @JCStressTest(Mode.Termination)
    @Checks(protocol = "rcu-qsbr", variant = "correct")
    @Description("Online QSBR reader replaces a cell and synchronizes, against another reader.")
    @Ref("src/urcu-qsbr.c (synchronize_rcu: \"Mark the writer thread offline\")")
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the grace period ended and the replace returned")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the replace never returned: a grace period waited forever")
    @State
    public static class OfflineForTheWait {

        private final QsbrRace race = new QsbrRace(QsbrRcu::new, QsbrCell::new);
        private final QsbrReader updater = race.rcu.register();

        /** The updater, online. */
        @Actor
        public void update() {
            race.cell.replace(updater, 1);
        }

        /** A reader arriving while the update runs. */
        @Signal
        public void reader() {
            race.read();
        }
    }

    /** Mutant X24: synchronize leaves its caller's reader online ({@link OnlineSynchronizeQsbrRcu}). */
    @JCStressTest(Mode.Termination)
    @Checks(protocol = "rcu-qsbr", variant = "synchronize-while-online")
    @Description("Online QSBR reader replaces a cell and synchronizes without going offline, against another "
            + "reader.")
    @Ref("src/urcu-qsbr.c (synchronize_rcu: \"make sure we don't wait for our own quiescent state\")")
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the replace returned (impossible: it waits for itself)")
    @Outcome(id = "STALE", expect = ACCEPTABLE_INTERESTING,
            desc = "the grace period waits for the updater's own quiescent state, which it cannot announce while it "
                    + "waits: deadlock")
    @State
    public static class OnlineForTheWait {

        private final QsbrRace race = new QsbrRace(OnlineSynchronizeQsbrRcu::new, QsbrCell::new);
        private final QsbrReader updater = race.rcu.register();

        /** The updater, online. */
        @Actor
        public void update() {
            race.cell.replace(updater, 1);
        }

        /** A reader arriving while the update runs. */
        @Signal
        public void reader() {
            race.read();
        }
    }
}
