package org.refcheck.stress.kref;

import java.util.function.Function;
import org.openjdk.jcstress.infra.results.ZL_Result;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.kref.KrefTable;
import org.refcheck.stress.LifetimeFindings;

/**
 * The race every lookup-table test of this package runs, whatever the table's locking pattern: a table holds one
 * entry whose only reference belongs to its creator (count 1). The creator puts it, so the last put unlinks and frees
 * the entry; meanwhile a thread holding no reference looks the entry up and, if it got one, uses the entry and puts
 * its reference.
 *
 * <pre> {@code
 * private final LookupVsLastPut race = new LookupVsLastPut(MutexKrefTable::new);
 * @Actor public void lastPut() { race.lastPut(); }
 * @Actor public void lookup(ZL_Result r) { r.r1 = race.lookupUseAndPut(); }
 * @Arbiter public void arbiter(ZL_Result r) { race.report(r); }
 * }</pre>
 *
 * <p>Outcome {@code r1, r2}: whether the lookup got a reference, and what the lifetime tracker found
 * ({@link LifetimeFindings}, plus {@value #STILL_LINKED} if the entry was never unlinked). A correct pattern only
 * ever shows {@code "true, clean"} and {@code "false, clean"}.
 *
 * <p>Both actors first meet: each announces that it is about to start and waits, for at most
 * {@value #MEET_WAIT_NANOS} ns, for the other's announcement. jcstress starts the two actors of a stride together,
 * but the faster one then runs ahead through the samples, and when the tests pause one side (see
 * {@link org.refcheck.stress.refcount.PreemptedRefcount}) the put and the lookup of a sample would rarely overlap at
 * all; meeting first keeps each sample's put next to its lookup, while either may still come first.
 *
 * <p>One instance per jcstress sample; each method is called by one actor.
 */
final class LookupVsLastPut {

    /** The finding of a run that left the entry in the table. */
    static final String STILL_LINKED = "still linked";

    /** How long each actor waits for the other at most before it starts anyway. */
    static final long MEET_WAIT_NANOS = 10_000;

    private final LifetimeTracker heap = new LifetimeTracker();
    private final KrefTable<String> table;
    private final KrefTable.Entry<String> created;
    private volatile boolean putArrived;
    private volatile boolean lookupArrived;

    /** A table made by {@code tables}, holding one entry with its creator's reference. */
    LookupVsLastPut(Function<LifetimeTracker, KrefTable<String>> tables) {
        table = tables.apply(heap);
        created = table.insert("payload");
    }

    /** Meets the lookup, then the creator puts its reference, the last one unless the lookup got in first. */
    void lastPut() {
        putArrived = true;
        long deadline = System.nanoTime() + MEET_WAIT_NANOS;
        while (!lookupArrived && System.nanoTime() - deadline < 0) {
            Thread.onSpinWait();
        }
        table.put(created);
    }

    /** Meets the put, then looks the entry up, and with a reference uses it and puts it. Returns whether it got one. */
    boolean lookupUseAndPut() {
        lookupArrived = true;
        long deadline = System.nanoTime() + MEET_WAIT_NANOS;
        while (!putArrived && System.nanoTime() - deadline < 0) {
            Thread.onSpinWait();
        }
        KrefTable.Entry<String> found = table.lookup();
        if (found == null) {
            return false;
        }
        found.payload();
        table.put(found);
        return true;
    }

    /**
     * Fills in {@code r2}: what the lifetime tracker found, and {@value #STILL_LINKED} if the table still holds the
     * entry after both puts (a dangling pointer for the next lookup). The lookup actor fills in {@code r1}.
     */
    void report(ZL_Result r) {
        String found = LifetimeFindings.finish(heap);
        if (table.linked() != null) {
            found = found.equals(LifetimeFindings.CLEAN)
                    ? STILL_LINKED : found + LifetimeFindings.SEPARATOR + STILL_LINKED;
        }
        r.r2 = found;
    }
}
