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
import org.refcheck.protocols.kref.GetUnlessZeroKrefTable;
import org.refcheck.protocols.kref.mutant.GetOutsideLockKrefTable;
import org.refcheck.protocols.refcount.Refcount;
import org.refcheck.stress.catalogue.Checks;
import org.refcheck.stress.refcount.PreemptedRefcount;

/**
 * Lookup against the last put in kref.rst's lookup pattern B ({@link GetUnlessZeroKrefTable}:
 * {@code kref_get_unless_zero} in the critical section that finds the entry; an unlocked {@code kref_put} whose
 * release locks to unlink and frees after unlocking), and in catalogue bug B5 ({@link GetOutsideLockKrefTable}),
 * which tries {@code kref_get_unless_zero} only after leaving that section. See {@link LookupVsLastPut} for the race.
 *
 * <p>With pattern B a lookup that holds the mutex delays the unlink, hence the free, so its
 * {@code kref_get_unless_zero} always reads live memory: it succeeds, or finds 0 (the entry is being released) and
 * is refused. In B5 the release can lock, unlink, unlock and free the entry between the lookup's unlock and its
 * {@code kref_get_unless_zero}, which then reads the counter of freed memory (kref.rst: "otherwise
 * kref_get_unless_zero may reference already freed memory").
 *
 * <p>B5's window is the few instructions between the lookup's unlock and its {@code kref_get_unless_zero}, shorter
 * than the release's lock, unlink, unlock and free on x86 unless the lookup is preempted right there: jcstress saw
 * the use after free in about 6 of 10,000 samples, on a loaded machine. Both tests therefore count with a
 * {@link PreemptedRefcount} that pauses its caller for a microsecond before it reads the count, which is where
 * {@code kref_get_unless_zero} begins. In pattern B the pause falls inside the critical section and only delays the
 * release, so the correct pattern must stay clean under the same shape.
 *
 * <p>How to run these tests: {@code java -jar stress-tests/target/jcstress.jar -t KrefTableUnlessZeroTests}
 */
public final class KrefTableUnlessZeroTests {

    /** Counters whose callers are preempted for a microsecond before they read the count. */
    static final Refcount.Factory PREEMPTED = PreemptedRefcount.factory(PreemptedRefcount.At.BEFORE_READ);

    private KrefTableUnlessZeroTests() {
    }

    /** Pattern B: {@code kref_get_unless_zero} inside the lookup's critical section. */
    @JCStressTest
    @Checks(protocol = "kref-table-unless-zero", variant = "correct")
    @Description("Pattern B: kref_get_unless_zero inside the lookup's critical section, paused as if preempted "
            + "before it reads the count, races the last kref_put, whose release locks only to unlink: the lookup "
            + "never touches freed memory.")
    @Ref("Documentation/core-api/kref.rst (kref_get_unless_zero in the lookup's critical section)")
    @Ref("include/linux/kref.h (kref_get_unless_zero)")
    @Outcome(id = "true, clean", expect = ACCEPTABLE,
            desc = "the lookup came first and took a reference (count 2); its own put was the last and freed the "
                    + "entry")
    @Outcome(id = "false, clean", expect = ACCEPTABLE,
            desc = "the last put came first: the lookup found the count at zero and was refused, or found the "
                    + "table empty; the entry was freed once")
    @Outcome(id = ".*, .*use after free.*", expect = FORBIDDEN,
            desc = "the lookup read the entry after the release freed it: use after free")
    @Outcome(expect = FORBIDDEN, desc = "another lifetime violation, or the entry left in the table")
    @State
    public static class GetInsideLock {

        private final LookupVsLastPut race =
                new LookupVsLastPut(heap -> new GetUnlessZeroKrefTable<>(heap, PREEMPTED));

        /** The creator puts the entry's only reference; the release locks to unlink, then frees. */
        @Actor
        public void lastPut() {
            race.lastPut();
        }

        /** Looks the entry up and tries kref_get_unless_zero under the mutex; with a reference, uses and puts it. */
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

    /** Mutant B5: {@code kref_get_unless_zero} after the lookup left its critical section. */
    @JCStressTest
    @Checks(protocol = "kref-table-unless-zero", variant = "get-outside-lock")
    @Description("B5: kref_get_unless_zero after the lookup left its critical section, paused as if preempted "
            + "before it reads the count, races the last kref_put: the release can free the entry in between, and the "
            + "get reads freed memory.")
    @Ref("Documentation/core-api/kref.rst (\"otherwise kref_get_unless_zero may reference already freed memory\")")
    @Ref("include/linux/kref.h (kref_get_unless_zero)")
    @Outcome(id = "true, clean", expect = ACCEPTABLE,
            desc = "the lookup's get came before the last put: it took a reference, and its own put freed the entry")
    @Outcome(id = "false, clean", expect = ACCEPTABLE,
            desc = "the lookup found the table empty, or found the count at zero before the free and was refused")
    @Outcome(id = "false, use after free", expect = ACCEPTABLE_INTERESTING,
            desc = "the release unlinked and freed the entry between the lookup's unlock and its "
                    + "kref_get_unless_zero, which read the freed counter (found zero, refused): use after free")
    @Outcome(id = ".*, .*use after free.*", expect = ACCEPTABLE_INTERESTING,
            desc = "another combination of violations around the late get")
    @Outcome(expect = FORBIDDEN,
            desc = "a violation without a use after free, or the entry left in the table: impossible even with "
                    + "the late get, which refuses a zero count")
    @State
    public static class GetOutsideLock {

        private final LookupVsLastPut race =
                new LookupVsLastPut(heap -> new GetOutsideLockKrefTable<>(heap, PREEMPTED));

        /** The creator puts the entry's only reference; the release locks to unlink, then frees. */
        @Actor
        public void lastPut() {
            race.lastPut();
        }

        /** Finds the entry under the mutex, then tries kref_get_unless_zero after unlocking. */
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
