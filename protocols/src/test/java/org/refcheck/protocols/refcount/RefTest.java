package org.refcheck.protocols.refcount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.refcheck.lifetime.AllocationState;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.lifetime.Violation;
import org.refcheck.lifetime.ViolationKind;
import org.refcheck.protocols.refcount.StepGate.Step;
import org.refcheck.protocols.refcount.StepGate.When;

/** {@link Ref}, {@link RefBorrow} and {@link RefInner}: the Rust-for-Linux {@code Arc} (rust/kernel/sync/arc.rs). */
class RefTest {

    private final LifetimeTracker heap = new LifetimeTracker();

    @Test
    void createAllocatesWithCountOneAndTheLastDropFrees() {
        Ref<String> a = Ref.create(heap, "value");
        assertEquals(1, a.count());
        assertEquals("value", a.get());
        Ref<String> b = a.clone();
        assertEquals(2, b.count());
        a.drop();
        assertFalse(b.inner().isFreed());
        assertEquals(1, b.count());
        b.drop();
        assertTrue(b.inner().isFreed());
        assertEquals(0, b.inner().observeCount());
        assertEquals(List.of(), heap.finish());
        assertTrue(heap.warnings().isEmpty());
    }

    @Test
    void closeGivesScopeEndDropAndSkipsConsumedHandles() {
        RefInner<String> inner;
        try (Ref<String> a = Ref.create(heap, "value")) {
            inner = a.inner();
            Ref<String> b = a.clone();
            b.drop();
            b.close();   // moved-from: nothing happens
            assertEquals(1, inner.observeCount());
        }
        assertTrue(inner.isFreed());
        assertEquals(List.of(), heap.finish());
    }

    @Test
    void droppingTwiceThroughOneHandleIsAnApiMisuseNotADoubleDecrement() {
        Ref<String> a = Ref.create(heap, "value");
        Ref<String> b = a.clone();
        a.drop();
        assertThrows(IllegalStateException.class, a::drop);
        assertThrows(IllegalStateException.class, a::get);
        assertThrows(IllegalStateException.class, a::clone);
        assertTrue(a.isConsumed());
        assertEquals(1, b.count(), "the second drop did not decrement");
        b.drop();
        assertEquals(List.of(), heap.finish());
    }

    @Test
    void borrowToRefIncrementsAndDiesWithItsSource() {
        Ref<String> a = Ref.create(heap, "value");
        RefBorrow<String> borrowed = a.borrow();
        assertEquals("value", borrowed.get());
        Ref<String> c = borrowed.toRef();
        assertEquals(2, c.count());
        assertSame(a.inner(), borrowed.inner());
        a.drop();
        assertThrows(IllegalStateException.class, borrowed::toRef);
        c.drop();
        assertEquals(List.of(), heap.finish());
    }

    @Test
    void tryCloneFromALiveInnerTakesAReference() {
        Ref<String> a = Ref.create(heap, "value");
        Ref<String> b = Ref.tryCloneFrom(a.inner());
        assertNotNull(b);
        assertEquals(2, a.count());
        a.drop();
        b.drop();
        assertEquals(List.of(), heap.finish());
    }

    @Test
    void tryCloneFromRefusesWhileTheLastDropIsBetweenItsDecrementAndTheFree() throws InterruptedException {
        StepGate gate = new StepGate();
        Ref<String> last = Ref.create(heap, "value", gate.factory());
        RefInner<String> raw = last.inner();
        Actors actors = new Actors();
        Thread dropper = actors.actor("dropper", last::drop);
        StepGate.Pause decremented = gate.arm(dropper, When.AFTER, Step.FETCH_SUB);
        dropper.start();
        decremented.awaitArrival();            // count 1 -> 0, not freed yet

        Ref<String> racer = Ref.tryCloneFrom(raw);

        decremented.resume();
        actors.joinAll();
        assertNull(racer, "inc_not_zero saw 0");
        assertTrue(raw.isFreed());
        assertEquals(List.of(), heap.finish());
        assertTrue(heap.warnings().isEmpty());
    }

    @Test
    void tryCloneFromAFreedInnerIsAUseAfterFree() {
        Ref<String> a = Ref.create(heap, "value");
        RefInner<String> raw = a.inner();
        a.drop();
        assertNull(Ref.tryCloneFrom(raw));
        assertEquals(ViolationKind.USE_AFTER_FREE, heap.violations().get(0).kind());
    }

    @Test
    void intoUniqueOrDropHandsBackTheOnlyReferenceWithoutDestroying() {
        Ref<String> a = Ref.create(heap, "value");
        Ref<String> b = a.clone();
        assertNull(a.intoUniqueOrDrop(), "other references remain: this one is just dropped");
        assertTrue(a.isConsumed());
        assertEquals(1, b.count());
        Ref<String> unique = b.intoUniqueOrDrop();
        assertNotNull(unique);
        assertEquals(1, unique.count());
        assertEquals(AllocationState.LIVE, unique.inner().allocation().state(), "never destroys the value");
        assertEquals("value", unique.get());
        unique.drop();
        assertEquals(List.of(), heap.finish());
        assertTrue(heap.warnings().isEmpty());
    }

    @Test
    void adoptingTheInitialReferenceTwiceIsRejected() {
        Ref<String> a = Ref.create(heap, "value");
        assertThrows(IllegalStateException.class, () -> Ref.adopt(a.inner()));
        a.drop();
    }

    @Test
    void narrowRefSaturatesInsteadOfWrapping() {
        RefcountWidth three = RefcountWidth.bits(3);
        Ref<String> a = Ref.create(heap, "value", Refcount.factory(three));
        for (int i = 0; i < 8; i++) {
            a.clone();   // leaked references
        }
        assertEquals(three.saturated(), a.inner().observeCount());
        a.drop();
        assertFalse(a.inner().isFreed(), "a saturated count never reaches zero");
        List<Violation> end = heap.finish();
        assertEquals(1, end.size());
        assertEquals(ViolationKind.LEAK, end.get(0).kind());
    }

    @Test
    void lastDropAcquiresAfterItsReleaseDecrement() {
        AtomicReference<String> order = new AtomicReference<>("");
        Refcount.Factory recording = (tracker, label, initial, owner) ->
                new Refcount(tracker, label, initial, owner) {
                    @Override
                    protected int getAndAddCountRelease(int delta) {
                        order.set(order.get() + "fetch_sub_release;");
                        return super.getAndAddCountRelease(delta);
                    }

                    @Override
                    protected boolean testAfterSub(int old, int i) {
                        boolean last = super.testAfterSub(old, i);
                        order.set(order.get() + (last ? "acquire;" : "not-last;"));
                        return last;
                    }
                };
        Ref<String> a = Ref.create(heap, "value", recording);
        Ref<String> b = a.clone();
        a.drop();
        b.drop();
        assertEquals("fetch_sub_release;not-last;fetch_sub_release;acquire;", order.get());
        assertTrue(b.inner().isFreed());
    }
}
