package org.refcheck.stress.kref;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Ref;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZL_Result;
import org.refcheck.protocols.kref.PutMutexKrefTable;
import org.refcheck.protocols.refcount.Refcount;
import org.refcheck.stress.catalogue.Checks;
import org.refcheck.stress.refcount.PreemptedRefcount;

/**
 * Lookup against the last put in lookup pattern D ({@link PutMutexKrefTable}): lookup takes a plain
 * {@code kref_get} under the table mutex, and puts use {@code kref_put_mutex}, which decrements without the mutex
 * while other references remain ({@code refcount_dec_not_one}) and takes it for a possibly-last put, so the
 * decrement to zero, the unlink and the lookup are serialised by the one mutex. See {@link LookupVsLastPut} for the
 * race; when the lookup gets in first, its own put and the creator's race through {@code refcount_dec_not_one} and
 * {@code refcount_dec_and_mutex_lock} as well.
 *
 * <p>As in {@link KrefTableMutexTests}, the put that reaches zero pauses for a microsecond before its release runs
 * ({@link PreemptedRefcount}), so lookups often arrive while the last put sits between its decrement and the unlink,
 * the interleaving {@code kref_put_mutex} exists to make safe: the pause falls inside the mutex.
 *
 * <p>The catalogue has no mutant of this pattern: B4 ({@link KrefTableMutexTests.UnlockedPut}) is what pattern D
 * becomes when the last put drops the count outside the mutex.
 *
 * <p>How to run this test: {@code java -jar stress-tests/target/jcstress.jar -t KrefTablePutMutexTest}
 */
@JCStressTest
@Checks(protocol = "kref-table-put-mutex", variant = "correct")
@Description("Pattern D: a lookup with kref_get under the table mutex races the last kref_put_mutex, paused as if "
        + "preempted after its decrement to zero: that decrement happens under the mutex, so the lookup never sees a "
        + "dying entry.")
@Ref("include/linux/kref.h (kref_put_mutex)")
@Ref("lib/refcount.c (refcount_dec_and_mutex_lock, refcount_dec_not_one)")
@Outcome(id = "true, clean", expect = ACCEPTABLE,
        desc = "the lookup came first and took a reference (count 2); the later of the two puts found 1, took the "
                + "mutex, unlinked and freed the entry")
@Outcome(id = "false, clean", expect = ACCEPTABLE,
        desc = "the last put took the mutex first, unlinked and freed the entry; the lookup found the table empty")
@Outcome(id = "true, .*resurrection.*", expect = FORBIDDEN,
        desc = "the lookup's kref_get found the count at zero: it revived a dying entry")
@Outcome(expect = FORBIDDEN, desc = "a lifetime violation, or the entry left in the table")
@State
public class KrefTablePutMutexTest {

    /** Counters whose callers are preempted for a microsecond after the decrement that reached zero. */
    private static final Refcount.Factory PREEMPTED =
            PreemptedRefcount.factory(PreemptedRefcount.At.AFTER_FINAL_DECREMENT);

    private final LookupVsLastPut race = new LookupVsLastPut(heap -> new PutMutexKrefTable<>(heap, PREEMPTED));

    /** The creator puts the entry's only reference with kref_put_mutex. */
    @Actor
    public void lastPut() {
        race.lastPut();
    }

    /** Looks the entry up under the mutex; with a reference, uses it and puts it with kref_put_mutex. */
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
