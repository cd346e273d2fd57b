package org.refcheck.stress.kref;

import java.util.ArrayList;
import java.util.List;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.ThreadIdGen;
import org.jetbrains.lincheck.datastructures.Validate;
import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.kref.GetUnlessZeroKrefTable;
import org.refcheck.protocols.kref.KrefTable;
import org.refcheck.protocols.kref.MutexKrefTable;
import org.refcheck.protocols.kref.PutMutexKrefTable;
import org.refcheck.protocols.kref.mutant.GetOutsideLockKrefTable;
import org.refcheck.protocols.kref.mutant.MixedPatternKrefTable;
import org.refcheck.protocols.refcount.Refcount;
import org.refcheck.protocols.refcount.RefcountWidth;
import org.refcheck.stress.lincheck.ConcurrentRun;
import org.refcheck.stress.lincheck.InvocationCounter;
import org.refcheck.sync.SharedRef;

/**
 * Lincheck operations on one {@link KrefTable} holding one entry, checked for linearizability against
 * {@link KrefTableSpec}: threads look the entry up (taking a reference) and put references they hold, and the put
 * that drops the last one must be the one that releases the entry. One public subclass per lookup pattern, because
 * Lincheck instantiates the class itself:
 *
 * <pre> {@code
 * LincheckSizes.modelChecking().threads(KrefTableOps.THREADS)
 *         .sequentialSpecification(KrefTableSpec.class)
 *         .check(KrefTableOps.MutexTable.class);
 * }</pre>
 *
 * <p>A {@link Validate} function also fails the scenario on any lifetime violation the tracker saw (use after free,
 * resurrection, double free), so a mutant whose results stay linearizable but whose memory does not (B5) is caught
 * too.
 *
 * <p>Memory consistency effects: those of the table; Lincheck's model checking is sequentially consistent.
 */
public abstract class KrefTableOps {

    /*
     * Implementation notes.
     *
     * References belong to threads, as in the kernel: a thread may only put a reference it took. Every operation
     * gets its Lincheck thread id (ThreadIdGen: 0 is the init part, 1..THREADS the parallel threads, THREADS + 1
     * the post part); the init and post parts run on one thread before and after the parallel part, so they share
     * holder 0. Each holder's references are a list only its own thread touches, so the bookkeeping adds no
     * synchronisation of its own.
     *
     * The table starts with one entry, inserted in the constructor; its creator's reference belongs to parallel
     * thread 1, so the creator's final put can race with thread 2's lookup (B4, B5). There is no insert operation:
     * in pattern B the count reaches 0 before the release takes the lock to unlink, so "the slot is free again"
     * is not one atomic step, and a one-slot insert would not be linearizable for a correct table.
     *
     * Which put released the entry: each entry's counter is a LastPutWitness, a Refcount that remembers the thread
     * whose sub_and_test reported zero (the one step every put path of every pattern decides on). A put released
     * the entry iff no thread had done so before it and its own thread has afterwards.
     */

    /** Parallel threads; the ids 0 and {@code THREADS + 1} (init and post part) share holder 0. */
    public static final int THREADS = 2;

    /** {@link #put}: the calling thread held no reference, nothing was done. */
    public static final int NOTHING_HELD = -1;
    /** {@link #put}: a reference was dropped and others remain. */
    public static final int DROPPED = 0;
    /** {@link #put}: the last reference was dropped; this put released (unlinked and freed) the entry. */
    public static final int RELEASED = 1;

    /** The holder of the creator's reference: parallel thread 1. */
    static final int CREATOR = 1;

    private final LifetimeTracker heap = new LifetimeTracker();
    private final KrefTable<String> table;
    private final List<List<KrefTable.Entry<String>>> held = new ArrayList<>();

    /** Makes a table of one pattern with the given counters, e.g. {@code MutexKrefTable::new}. */
    @FunctionalInterface
    protected interface TableMaker {
        KrefTable<String> make(LifetimeTracker tracker, Refcount.Factory counts);
    }

    protected KrefTableOps(TableMaker maker) {
        InvocationCounter.tick();
        this.table = maker.make(heap, LastPutWitness::new);
        for (int holder = 0; holder <= THREADS; holder++) {
            held.add(new ArrayList<>());
        }
        held.get(CREATOR).add(table.insert("payload"));
    }

    /** kref.rst's lookup: find the entry and take a reference; on success the caller uses the payload. */
    @Operation
    public boolean lookup(@Param(gen = ThreadIdGen.class) int threadId) {
        KrefTable.Entry<String> entry = table.lookup();
        if (entry == null) {
            return false;
        }
        entry.payload();
        holdings(threadId).add(entry);
        return true;
    }

    /** Puts the most recent reference the calling thread holds: {@link #RELEASED}, {@link #DROPPED} or none. */
    @Operation
    public int put(@Param(gen = ThreadIdGen.class) int threadId) {
        List<KrefTable.Entry<String>> mine = holdings(threadId);
        if (mine.isEmpty()) {
            return NOTHING_HELD;
        }
        KrefTable.Entry<String> entry = mine.remove(mine.size() - 1);
        LastPutWitness counter = (LastPutWitness) entry.kref().refcount();
        boolean releasedBefore = counter.zeroedBy() != null;
        table.put(entry);
        return !releasedBefore && counter.zeroedBy() == Thread.currentThread() ? RELEASED : DROPPED;
    }

    /** No use after free, double free or resurrection, whatever the results were. */
    @Validate
    public void noLifetimeViolation() {
        ConcurrentRun.assertNoViolations(heap.violations());
    }

    private List<KrefTable.Entry<String>> holdings(int threadId) {
        return held.get(threadId > THREADS ? 0 : threadId);
    }

    /** The kernel's counter, remembering which thread's {@code sub_and_test} reported zero. */
    static final class LastPutWitness extends Refcount {

        private final SharedRef<Thread> zeroedBy = SharedRef.of("zeroedBy", null);

        LastPutWitness(LifetimeTracker tracker, String label, int initial, Allocation owner) {
            super(tracker, label, initial, RefcountWidth.FULL, owner);
        }

        @Override
        protected boolean testAfterSub(int old, int i) {
            boolean last = super.testAfterSub(old, i);
            if (last) {
                zeroedBy.setOpaque(Thread.currentThread());
            }
            return last;
        }

        Thread zeroedBy() {
            return zeroedBy.getOpaque();
        }
    }

    /** Pattern A: {@link MutexKrefTable}. */
    public static class MutexTable extends KrefTableOps {
        public MutexTable() {
            super(MutexKrefTable::new);
        }
    }

    /** Pattern B: {@link GetUnlessZeroKrefTable}. */
    public static class UnlessZeroTable extends KrefTableOps {
        public UnlessZeroTable() {
            super(GetUnlessZeroKrefTable::new);
        }
    }

    /** Pattern D: {@link PutMutexKrefTable}. */
    public static class PutMutexTable extends KrefTableOps {
        public PutMutexTable() {
            super(PutMutexKrefTable::new);
        }
    }

    /** Mutant B4: {@link MixedPatternKrefTable}. */
    public static class UnlockedPutTable extends KrefTableOps {
        public UnlockedPutTable() {
            super(MixedPatternKrefTable::new);
        }
    }

    /** Mutant B5: {@link GetOutsideLockKrefTable}. */
    public static class GetOutsideLockTable extends KrefTableOps {
        public GetOutsideLockTable() {
            super(GetOutsideLockKrefTable::new);
        }
    }
}
