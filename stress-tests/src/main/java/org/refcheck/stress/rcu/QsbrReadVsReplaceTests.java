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
import org.refcheck.protocols.rcu.QsbrCell;
import org.refcheck.protocols.rcu.mutant.QuiescentInUseQsbrCell;
import org.refcheck.stress.catalogue.Checks;

/**
 * An online QSBR reader reads an RCU-protected value and uses it for about a microsecond, then announces a
 * quiescent state and goes offline, while the updater publishes a new version, calls {@code synchronize()} and
 * frees the old one. Every quiescent state is preempted for about a microsecond before it loads the domain's
 * counter ({@link Preemption.SnapshotQsbrRcu}), so that a grace period often starts inside it. The correct reader
 * announces its quiescent state after the use, so the grace period waits for the use. Mutant X23 announces it
 * between the dereference and the use: the grace period sees the announcement, ends, and the version is freed
 * under the use.
 *
 * <p>How to run these tests: {@code java -jar stress-tests/target/jcstress.jar -t QsbrReadVsReplaceTests}
 */
public final class QsbrReadVsReplaceTests {

    private QsbrReadVsReplaceTests() {
    }

    /** The reader announces its quiescent state after it used the version. */
    @JCStressTest
    @Checks(protocol = "rcu-qsbr", variant = "correct")
    @Description("Online QSBR reader uses the value, then announces a quiescent state and goes offline; the "
            + "updater replaces it, synchronizes and frees the old version.")
    @Ref("include/urcu/static/urcu-qsbr.h (rcu_quiescent_state, rcu_thread_offline)")
    @Ref("src/urcu-qsbr.c (synchronize_rcu, wait_for_readers)")
    @Outcome(id = "clean", expect = ACCEPTABLE,
            desc = "the grace period waited for the reader's quiescent state or offline: nothing used after free")
    @Outcome(id = ".*use after free.*", expect = FORBIDDEN,
            desc = "the old version was freed while the reader was still using it before its quiescent state")
    @Outcome(expect = FORBIDDEN, desc = "a leak or a double free")
    @State
    public static class QuiescentAfterUse {

        private final QsbrRace race = new QsbrRace(QsbrCell::new);

        /** The reader: read, quiescent state, offline. */
        @Actor
        public void reader() {
            race.read();
        }

        /** The updater: replace, synchronize, free. */
        @Actor
        public void updater() {
            race.cell.replace(null, 1);
        }

        /** What the lifetime tracker found. */
        @Arbiter
        public void arbiter(L_Result r) {
            r.r1 = race.finish();
        }
    }

    /** Mutant X23: the quiescent state comes before the use ({@link QuiescentInUseQsbrCell}). */
    @JCStressTest
    @Checks(protocol = "rcu-qsbr", variant = "quiescent-state-before-use")
    @Description("Online QSBR reader dereferences the value, announces a quiescent state, then uses it; the "
            + "updater replaces it, synchronizes and frees the old version.")
    @Ref("include/urcu/static/urcu-qsbr.h (rcu_quiescent_state)")
    @Outcome(id = "clean", expect = ACCEPTABLE,
            desc = "the grace period started after the reader's quiescent state and waited for its offline: no "
                    + "violation this time")
    @Outcome(id = "use after free", expect = ACCEPTABLE_INTERESTING,
            desc = "the grace period saw the reader's quiescent state, ended, and the version it was about to use "
                    + "was freed: use after free")
    @Outcome(expect = FORBIDDEN, desc = "a leak, a double free, or any other finding")
    @State
    public static class QuiescentBeforeUse {

        private final QsbrRace race = new QsbrRace(QuiescentInUseQsbrCell::new);

        /** The reader: read (quiescent state inside), quiescent state, offline. */
        @Actor
        public void reader() {
            race.read();
        }

        /** The updater: replace, synchronize, free. */
        @Actor
        public void updater() {
            race.cell.replace(null, 1);
        }

        /** What the lifetime tracker found. */
        @Arbiter
        public void arbiter(L_Result r) {
            r.r1 = race.finish();
        }
    }
}
