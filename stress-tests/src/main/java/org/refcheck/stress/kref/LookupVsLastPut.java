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
 * ({@link LifetimeFindings}, plus {@value #STILL_LINKED} if the entry was never unlinked). A correct pattern only ever shows {@code "true, clean"} and {@code "false, clean"}.
 *
 * <p>One instance per jcstress sample; each method is called by one actor.
 */
final class LookupVsLastPut {

    /** The finding of a run that left the entry in the table. */
    static final String STILL_LINKED = "still linked";

    private final LifetimeTracker heap = new LifetimeTracker();
    private final KrefTable<String> table;
    private final KrefTable.Entry<String> created;

    /** A table made by {@code tables}, holding one entry with its creator's reference. */
    LookupVsLastPut(Function<LifetimeTracker, KrefTable<String>> tables) {
        table = tables.apply(heap);
        created = table.insert("payload");
    }

    /** The creator puts its reference, the last one unless the lookup got in first. */
    void lastPut() {
        table.put(created);
    }

    /** Looks the entry up; with a reference, uses the entry and puts it. Returns whether it got one. */
    boolean lookupUseAndPut() {
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
