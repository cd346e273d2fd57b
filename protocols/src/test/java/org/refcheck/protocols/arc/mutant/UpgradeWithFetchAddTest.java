package org.refcheck.protocols.arc.mutant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.lifetime.Violation;
import org.refcheck.lifetime.ViolationKind;
import org.refcheck.protocols.arc.Arc;
import org.refcheck.protocols.arc.ArcInner;
import org.refcheck.protocols.arc.ArcScheme;
import org.refcheck.protocols.arc.Interference;
import org.refcheck.protocols.arc.TestPayload;
import org.refcheck.protocols.arc.Weak;

/**
 * B10: T1 drops the last {@code Arc} (1 to 0, fence) and enters {@code drop_slow}; before it destroys the value, T2
 * upgrades its {@code Weak}. The mutant's {@code fetch_add} takes the count from 0 to 1 and hands T2 a dying value;
 * std's CAS loop refuses.
 */
class UpgradeWithFetchAddTest {

    /** What the interleaving produced. */
    record Outcome(boolean upgraded, int destructorRuns, List<Violation> violations) {
        Set<ViolationKind> kinds() {
            Set<ViolationKind> kinds = EnumSet.noneOf(ViolationKind.class);
            violations.forEach(v -> kinds.add(v.kind()));
            return kinds;
        }
    }

    /** The mutant, paused at the start of {@code drop_slow} (after the decrement and the fence) to let T2 run. */
    private static ArcScheme mutantPausedInDropSlow(Interference t2) {
        return new UpgradeWithFetchAdd() {
            @Override
            protected void dropSlow(ArcInner<?> inner) {
                t2.fire();
                super.dropSlow(inner);
            }
        };
    }

    /** std, paused at the same point. */
    private static ArcScheme stdPausedInDropSlow(Interference t2) {
        return new ArcScheme("std-paused-in-drop-slow") {
            @Override
            protected void dropSlow(ArcInner<?> inner) {
                t2.fire();
                super.dropSlow(inner);
            }
        };
    }

    private static Outcome lastDropRacesUpgrade(Function<Interference, ArcScheme> pausedInDropSlow) {
        LifetimeTracker heap = new LifetimeTracker();
        Interference t2 = new Interference();
        TestPayload payload = new TestPayload();
        Arc<TestPayload> t1 = Arc.create(heap, payload, pausedInDropSlow.apply(t2));
        Weak<TestPayload> weak = t1.downgrade();
        @SuppressWarnings("unchecked")
        Arc<TestPayload>[] t2Arc = new Arc[1];
        t2.set(() -> t2Arc[0] = weak.upgrade());

        t1.drop();                       // T1: 1 -> 0, fence, drop_slow (T2 upgrades here), destroy, weak 2 -> 1
        assertTrue(t2.fired());
        if (t2Arc[0] != null) {          // T2 uses what it got, then drops it
            t2Arc[0].get().read();
            t2Arc[0].drop();
        }
        weak.drop();
        return new Outcome(t2Arc[0] != null, payload.drops(), heap.finish());
    }

    @Test
    void theMutantResurrectsTheDyingValue() {
        Outcome out = lastDropRacesUpgrade(UpgradeWithFetchAddTest::mutantPausedInDropSlow);
        assertTrue(out.upgraded());
        assertEquals(2, out.destructorRuns(), "the destructor ran twice");
        assertEquals(EnumSet.of(ViolationKind.RESURRECTION, ViolationKind.USE_AFTER_DESTROY,
                ViolationKind.DOUBLE_DESTROY), out.kinds(), out.violations()::toString);
    }

    @Test
    void stdRefusesTheUpgradeInTheSameInterleaving() {
        Outcome out = lastDropRacesUpgrade(UpgradeWithFetchAddTest::stdPausedInDropSlow);
        assertFalse(out.upgraded());
        assertEquals(1, out.destructorRuns());
        assertTrue(out.violations().isEmpty(), out.violations()::toString);
    }

    @Test
    void sequentiallyTheMutantUpgradesAfterTheLastDrop() {
        LifetimeTracker heap = new LifetimeTracker();
        Arc<TestPayload> a = Arc.create(heap, new TestPayload(), new UpgradeWithFetchAdd());
        Weak<TestPayload> w = a.downgrade();
        a.drop();
        Arc<TestPayload> revived = w.upgrade();
        assertNotNull(revived, "upgrade took the count from 0 to 1");
        revived.drop();
        w.drop();
        Set<ViolationKind> kinds = EnumSet.noneOf(ViolationKind.class);
        heap.finish().forEach(v -> kinds.add(v.kind()));
        assertTrue(kinds.containsAll(EnumSet.of(ViolationKind.RESURRECTION, ViolationKind.DOUBLE_DESTROY)),
                kinds::toString);

        LifetimeTracker stdHeap = new LifetimeTracker();
        Arc<TestPayload> b = Arc.create(stdHeap, new TestPayload());
        Weak<TestPayload> bw = b.downgrade();
        b.drop();
        assertNull(bw.upgrade());
        bw.drop();
        assertTrue(stdHeap.finish().isEmpty());
    }
}
