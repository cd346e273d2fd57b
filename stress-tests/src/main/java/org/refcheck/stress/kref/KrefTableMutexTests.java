package org.refcheck.stress.kref;

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
import org.openjdk.jcstress.infra.results.ZL_Result;
import org.refcheck.protocols.kref.MutexKrefTable;
import org.refcheck.protocols.kref.mutant.MixedPatternKrefTable;
import org.refcheck.protocols.refcount.Refcount;
import org.refcheck.stress.catalogue.Checks;
import org.refcheck.stress.refcount.PreemptedRefcount;

/**
 * Lookup against the last put in kref.rst's lookup pattern A ({@link MutexKrefTable}: one mutex around lookup with a
 * plain {@code kref_get}, and around {@code kref_put} with its unlink and free), and in catalogue bug B4
 * ({@link MixedPatternKrefTable}), which keeps A's lookup but takes B's unlocked {@code kref_put} whose release locks
 * only to unlink. See {@link LookupVsLastPut} for the race.
 *
 * <p>With pattern A the decrement to zero, the unlink and the free are one critical section, so the lookup either
 * comes first (count 2, its own put is then the last) or finds the table empty. In B4 the decrement to zero happens
 * before the release takes the mutex: a lookup that holds the mutex in between finds the dying entry still linked and
 * its plain {@code kref_get} takes the count from zero ({@code "refcount_t: addition on 0; use-after-free."}); the
 * release then frees the entry while the lookup uses it or puts it.
 *
 * <p>B4's window is the last put's way from its decrement to the mutex, a few instructions: jcstress saw the revival
 * in 0.3% to 9% of the samples depending on how loaded the machine was. Both tests therefore count with a
 * {@link PreemptedRefcount} that pauses the put that reached zero for a microsecond before its release runs, and
 * the two actors meet before each sample ({@link LookupVsLastPut}). In pattern A that pause falls inside the critical
 * section, so the correct pattern must stay clean under the same shape.
 *
 * <p>How to run these tests: {@code java -jar stress-tests/target/jcstress.jar -t KrefTableMutexTests}
 */
public final class KrefTableMutexTests {

    /** Counters whose callers are preempted for a microsecond after the decrement that reached zero. */
    static final Refcount.Factory PREEMPTED = PreemptedRefcount.factory(PreemptedRefcount.At.AFTER_FINAL_DECREMENT);

    private KrefTableMutexTests() {
    }

    /** Pattern A: lookup-and-get and put-and-release under one mutex. */
    @JCStressTest
    @Checks(protocol = "kref-table-mutex", variant = "correct")
    @Description("Pattern A: a lookup with kref_get under the table mutex races the last kref_put under the same "
            + "mutex, paused as if preempted after its decrement to zero: the lookup never sees a dying entry.")
    @Ref("Documentation/core-api/kref.rst (lookup under a mutex, rule 3)")
    @Outcome(id = "true, clean", expect = ACCEPTABLE,
            desc = "the lookup came first and took a reference (count 2); its own put was the last and freed the "
                    + "entry")
    @Outcome(id = "false, clean", expect = ACCEPTABLE,
            desc = "the last put came first: the entry was unlinked and freed, and the lookup found the table empty")
    @Outcome(id = "true, .*resurrection.*", expect = FORBIDDEN,
            desc = "the lookup's kref_get found the count at zero: it revived a dying entry")
    @Outcome(expect = FORBIDDEN, desc = "a lifetime violation, or the entry left in the table")
    @State
    public static class LockedPut {

        private final LookupVsLastPut race = new LookupVsLastPut(heap -> new MutexKrefTable<>(heap, PREEMPTED));

        /** The creator puts the entry's only reference under the table mutex. */
        @Actor
        public void lastPut() {
            race.lastPut();
        }

        /** Looks the entry up under the mutex; with a reference, uses it and puts it. */
        @Actor
        public void lookup(ZL_Result r) {
            r.r1 = race.lookupUseAndPut();
        }

        /** What the lifetime tracker found. */
        @Arbiter
        public void arbiter(ZL_Result r) {
            race.report(r);
        }
    }

    /** Mutant B4: pattern A's lookup with an unlocked {@code kref_put}. */
    @JCStressTest
    @Checks(protocol = "kref-table-mutex", variant = "unlocked-put")
    @Description("B4: a lookup with a plain kref_get under the table mutex races a kref_put that takes the mutex "
            + "only in its release, paused as if preempted after its decrement to zero: the lookup can revive the "
            + "dying entry, which is then freed under it.")
    @Ref("Documentation/core-api/kref.rst (rule 3: a kref_put() cannot occur during the kref_get())")
    @Outcome(id = "true, clean", expect = ACCEPTABLE,
            desc = "the lookup came first and took a reference (count 2); its own put was the last and freed the "
                    + "entry")
    @Outcome(id = "false, clean", expect = ACCEPTABLE,
            desc = "the release unlinked the entry before the lookup took the mutex: the table was empty")
    @Outcome(id = "true, resurrection", expect = ACCEPTABLE_INTERESTING,
            desc = "the lookup took the mutex between the last put's decrement and its unlink: kref_get took the "
                    + "dying entry's count from zero; the lookup was done with it just before the free")
    @Outcome(id = "true, use after free & resurrection", expect = ACCEPTABLE_INTERESTING,
            desc = "as above, and the release freed the revived entry while the lookup still used or put it: use "
                    + "after free")
    @Outcome(id = "true, .*resurrection.*", expect = ACCEPTABLE_INTERESTING,
            desc = "another combination of the revival's violations")
    @Outcome(expect = FORBIDDEN,
            desc = "a violation without the revival, or the entry left in the table: impossible even with the "
                    + "unlocked put, whose release always unlinks")
    @State
    public static class UnlockedPut {

        private final LookupVsLastPut race = new LookupVsLastPut(heap -> new MixedPatternKrefTable<>(heap, PREEMPTED));

        /** The creator puts the entry's only reference without the mutex; the release locks to unlink. */
        @Actor
        public void lastPut() {
            race.lastPut();
        }

        /** Looks the entry up under the mutex; with a reference, uses it and puts it. */
        @Actor
        public void lookup(ZL_Result r) {
            r.r1 = race.lookupUseAndPut();
        }

        /** What the lifetime tracker found. */
        @Arbiter
        public void arbiter(ZL_Result r) {
            race.report(r);
        }
    }
}
