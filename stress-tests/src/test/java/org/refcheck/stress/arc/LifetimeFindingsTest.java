package org.refcheck.stress.arc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.lifetime.ViolationKind;
import org.refcheck.protocols.arc.Arc;
import org.refcheck.protocols.arc.Weak;
import org.refcheck.protocols.arc.mutant.UpgradeWithFetchAdd;

/** The outcome text the arc jcstress arbiters report. */
class LifetimeFindingsTest {

    @Test
    void aSampleWithoutViolationsIsClean() {
        LifetimeTracker heap = new LifetimeTracker();
        Arc<Payload> a = Arc.create(heap, new Payload());
        a.clone().drop();
        a.drop();
        assertEquals("clean", LifetimeFindings.of(heap));
    }

    @Test
    void anAllocationNeverFreedIsReportedAsALeak() {
        LifetimeTracker heap = new LifetimeTracker();
        heap.allocate("forgotten");
        assertEquals("leak", LifetimeFindings.of(heap));
    }

    @Test
    void kindsAreListedOnceInEnumOrderWhateverTheReportOrder() {
        LifetimeTracker first = new LifetimeTracker();
        Allocation x = first.allocate("x");
        x.countRoseFromZero();
        x.free();
        x.access();
        x.free();
        x.access();
        LifetimeTracker second = new LifetimeTracker();
        Allocation y = second.allocate("y");
        y.free();
        y.free();
        y.access();
        y.countRoseFromZero();
        assertEquals("use-after-free+double-free+resurrection", LifetimeFindings.of(first));
        assertEquals("use-after-free+double-free+resurrection", LifetimeFindings.of(second));
        assertEquals("double-destroy+leak", LifetimeFindings.describe(
                EnumSet.of(ViolationKind.LEAK, ViolationKind.DOUBLE_DESTROY)));
    }

    @Test
    void theSequentialB10ScriptGivesTheOutcomeItsJcstressTestDeclaresInteresting() {
        LifetimeTracker heap = new LifetimeTracker();
        Payload payload = new Payload();
        Arc<Payload> last = Arc.create(heap, "value", payload, new UpgradeWithFetchAdd());
        Weak<Payload> weak = last.downgrade();
        last.drop();                              // the last strong drop runs first
        Arc<Payload> revived = weak.upgrade();    // fetch_add takes strong from 0 to 1
        revived.get().read();
        revived.drop();
        weak.drop();
        assertEquals(2, payload.destructorRuns());
        assertEquals("use-after-destroy+double-destroy+resurrection", LifetimeFindings.of(heap));
    }
}
