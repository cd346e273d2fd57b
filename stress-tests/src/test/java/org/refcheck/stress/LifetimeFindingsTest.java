package org.refcheck.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.lifetime.Violation;
import org.refcheck.lifetime.ViolationKind;

class LifetimeFindingsTest {

    @Test
    void nothingFoundIsClean() {
        LifetimeTracker heap = new LifetimeTracker();
        heap.allocate("a").free();
        assertEquals("clean", LifetimeFindings.finish(heap));
    }

    @Test
    void finishCountsAnAllocationNeverFreedAsALeak() {
        LifetimeTracker heap = new LifetimeTracker();
        heap.allocate("a");
        assertEquals("leak", LifetimeFindings.finish(heap));
    }

    @Test
    void kindsAppearOnceInEnumOrderWhateverTheReportOrder() {
        LifetimeTracker heap = new LifetimeTracker();
        Allocation a = heap.allocate("a");
        a.free();
        a.countRoseFromZero();
        a.access();
        a.access();
        a.free();
        assertEquals("use after free & double free & resurrection", LifetimeFindings.finish(heap));
    }

    @Test
    void describeNamesEveryKindByItsTitle() {
        List<Violation> all = List.of(ViolationKind.values()).stream()
                .map(k -> new Violation(k, "a", "event", "main"))
                .toList();
        assertEquals("use after destroy & use after free & double destroy & double free & leak & resurrection",
                LifetimeFindings.describe(all));
    }
}
