package org.refcheck.protocols.kref;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.lifetime.Violation;
import org.refcheck.lifetime.ViolationKind;
import org.refcheck.lifetime.Warning;
import org.refcheck.protocols.refcount.Actors;
import org.refcheck.protocols.refcount.Refcount;
import org.refcheck.protocols.refcount.StepGate;
import org.refcheck.protocols.refcount.StepGate.Step;
import org.refcheck.protocols.refcount.StepGate.When;

/**
 * Test support: the two hand-driven interleavings of a {@link KrefTable} lookup against the entry's last put. Each
 * correct pattern must come out of both clean; each lookup-table mutant fails one of them.
 */
public final class KrefTableRaces {

    private KrefTableRaces() {
    }

    /** Makes a table of one pattern, e.g. {@code MutexKrefTable::new}. */
    @FunctionalInterface
    public interface TableMaker {
        KrefTable<String> make(LifetimeTracker tracker, Refcount.Factory counts);
    }

    /** What one race left behind. */
    public record Outcome(boolean lookupFound, boolean stillLinked, List<Violation> violations,
            List<Warning> warnings) {

        public boolean has(ViolationKind kind) {
            return violations.stream().anyMatch(v -> v.kind() == kind);
        }

        public boolean clean() {
            return violations.isEmpty() && warnings.isEmpty();
        }
    }

    /**
     * The B4 shape. The creator's put (the last reference) stops right after its decrement to 0; a lookup then runs
     * until it finishes or blocks on the table's lock; the put goes on. Whatever the lookup found is used and put.
     */
    public static Outcome lastPutStoppedAfterDecrementThenLookup(TableMaker maker) throws InterruptedException {
        LifetimeTracker heap = new LifetimeTracker();
        StepGate gate = new StepGate();
        KrefTable<String> table = maker.make(heap, gate.factory());
        KrefTable.Entry<String> entry = table.insert("payload");
        Actors actors = new Actors();
        AtomicReference<KrefTable.Entry<String>> found = new AtomicReference<>();

        Thread putter = actors.actor("putter", () -> table.put(entry));
        StepGate.Pause atZero = gate.arm(putter, When.AFTER, Step.FETCH_SUB);
        putter.start();
        atZero.awaitArrival();                        // count 1 -> 0, release not run yet
        Thread looker = actors.actor("looker", () -> found.set(table.lookup()));
        looker.start();
        actors.awaitBlockedOrDone(looker);
        atZero.resume();
        actors.joinAll();

        return useAndPut(heap, table, entry, found.get());
    }

    /**
     * The B5 shape. A lookup stops just before its first step on the entry's counter; the creator's put (the last
     * reference) then runs until it finishes or blocks on the table's lock; the lookup goes on. Whatever the lookup
     * found is used and put.
     */
    public static Outcome lookupStoppedBeforeItsGetThenLastPut(TableMaker maker) throws InterruptedException {
        LifetimeTracker heap = new LifetimeTracker();
        StepGate gate = new StepGate();
        KrefTable<String> table = maker.make(heap, gate.factory());
        KrefTable.Entry<String> entry = table.insert("payload");
        Actors actors = new Actors();
        AtomicReference<KrefTable.Entry<String>> found = new AtomicReference<>();

        Thread looker = actors.actor("looker", () -> found.set(table.lookup()));
        StepGate.Pause beforeGet = gate.arm(looker, When.BEFORE, Step.ANY);
        looker.start();
        beforeGet.awaitArrival();                     // found the entry, has not touched its counter
        Thread putter = actors.actor("putter", () -> table.put(entry));
        putter.start();
        actors.awaitBlockedOrDone(putter);
        beforeGet.resume();
        actors.joinAll();

        return useAndPut(heap, table, entry, found.get());
    }

    private static Outcome useAndPut(LifetimeTracker heap, KrefTable<String> table, KrefTable.Entry<String> entry,
            KrefTable.Entry<String> got) {
        if (got != null) {
            got.payload();
            table.put(got);
        }
        boolean linked = table.isLinked(entry);
        return new Outcome(got != null, linked, heap.finish(), heap.warnings());
    }
}
