package org.refcheck.protocols.refcount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.lifetime.Violation;
import org.refcheck.lifetime.ViolationKind;
import org.refcheck.lifetime.Warning;
import org.refcheck.sync.Mutex;

/** Sequential semantics of every {@link Refcount} operation (include/linux/refcount.h, lib/refcount.c), at full and narrow widths. */
class RefcountTest {

    private final LifetimeTracker heap = new LifetimeTracker();

    static Stream<RefcountWidth> widths() {
        return Stream.of(RefcountWidth.FULL, RefcountWidth.bits(8), RefcountWidth.bits(4), RefcountWidth.bits(3));
    }

    private Refcount counter(RefcountWidth width, int initial) {
        return new Refcount(heap, "r", initial, width, null);
    }

    private List<String> warnings() {
        return heap.warnings().stream().map(Warning::message).toList();
    }

    // ---- constants

    @Test
    void fullWidthConstantsAreTheKernels() {
        assertEquals(Integer.MAX_VALUE, RefcountWidth.FULL.max());
        assertEquals(Integer.MIN_VALUE, RefcountWidth.FULL.min());
        assertEquals(0xc000_0000, RefcountWidth.FULL.saturated());
        assertEquals(-1073741824, RefcountWidth.FULL.saturated());
    }

    @Test
    void narrowWidthScalesTheConstants() {
        RefcountWidth four = RefcountWidth.bits(4);
        assertEquals(7, four.max());
        assertEquals(-8, four.min());
        assertEquals(-4, four.saturated());
        assertEquals(-8, four.wrap(8));
        assertEquals(1, four.wrap(17));
        RefcountWidth three = RefcountWidth.bits(3);
        assertEquals(3, three.max());
        assertEquals(-2, three.saturated());
        assertThrows(IllegalArgumentException.class, () -> RefcountWidth.bits(1));
        assertThrows(IllegalArgumentException.class, () -> RefcountWidth.bits(33));
    }

    // ---- set / read

    @ParameterizedTest
    @MethodSource("widths")
    void setAndReadRoundTripAndWrapAtTheWidth(RefcountWidth w) {
        Refcount r = counter(w, 1);
        assertEquals(1, r.read());
        r.set(w.max());
        assertEquals(w.max(), r.read());
        r.setRelease(w.saturated());
        assertEquals(w.saturated(), r.observe());
        r.set(w.max() + 1);
        assertEquals(w.min(), r.read(), "values wrap at the counter's width");
        assertTrue(heap.warnings().isEmpty());
    }

    // ---- add / inc

    @ParameterizedTest
    @MethodSource("widths")
    void incAndAddIncreaseWithoutWarning(RefcountWidth w) {
        Refcount r = counter(w, 1);
        r.inc();
        r.add(1);
        assertEquals(3, r.read());
        assertTrue(heap.warnings().isEmpty());
    }

    @ParameterizedTest
    @MethodSource("widths")
    void incFromZeroSaturatesWithAdditionOnZeroWarning(RefcountWidth w) {
        Refcount r = counter(w, 0);
        r.inc();
        assertEquals(w.saturated(), r.read());
        assertEquals(List.of("refcount_t: addition on 0; use-after-free."), warnings());
    }

    @Test
    void incFromZeroOnAnOwnedCounterReportsResurrection() {
        Allocation obj = heap.allocate("obj");
        Refcount r = new Refcount(heap, "obj.refcount", 0, obj);
        r.inc();
        List<Violation> found = heap.violations();
        assertEquals(1, found.size());
        assertEquals(ViolationKind.RESURRECTION, found.get(0).kind());
    }

    @ParameterizedTest
    @MethodSource("widths")
    void incAtMaxSaturatesWithLeakWarning(RefcountWidth w) {
        Refcount r = counter(w, w.max());
        r.inc();
        assertEquals(w.saturated(), r.read());
        assertEquals(List.of("refcount_t: saturated; leaking memory."), warnings());
    }

    @ParameterizedTest
    @MethodSource("widths")
    void addIsTwoStepsFetchAddThenSaturatingStore(RefcountWidth w) {
        AtomicReference<Integer> seenBeforeSaturating = new AtomicReference<>();
        Refcount r = new Refcount(heap, "r", w.max(), w, null) {
            @Override
            protected void saturate(RefcountWarning type) {
                seenBeforeSaturating.set(observe());
                super.saturate(type);
            }
        };
        r.inc();
        assertEquals(w.min(), seenBeforeSaturating.get(), "fetch_add wrapped the counter before the store");
        assertEquals(w.saturated(), r.read());
    }

    // ---- add_not_zero / inc_not_zero

    @ParameterizedTest
    @MethodSource("widths")
    void incNotZeroIncrementsALiveCounter(RefcountWidth w) {
        Refcount r = counter(w, 1);
        assertTrue(r.incNotZero());
        assertTrue(r.addNotZero(1));
        assertEquals(3, r.read());
        assertTrue(heap.warnings().isEmpty());
    }

    @ParameterizedTest
    @MethodSource("widths")
    void incNotZeroRefusesZeroSilently(RefcountWidth w) {
        Refcount r = counter(w, 0);
        assertFalse(r.incNotZero());
        assertFalse(r.addNotZero(2));
        assertEquals(0, r.read());
        assertTrue(heap.warnings().isEmpty());
    }

    @ParameterizedTest
    @MethodSource("widths")
    void incNotZeroAtMaxSaturatesAndStillReportsSuccess(RefcountWidth w) {
        Refcount r = counter(w, w.max());
        assertTrue(r.incNotZero());
        assertEquals(w.saturated(), r.read());
        assertEquals(List.of("refcount_t: saturated; leaking memory."), warnings());
    }

    // ---- acquire forms

    @ParameterizedTest
    @MethodSource("widths")
    void acquireFormsIncrementLiveAndRefuseZero(RefcountWidth w) {
        Refcount r = counter(w, 1);
        assertTrue(r.incNotZeroAcquire());
        assertTrue(r.addNotZeroAcquire(1));
        assertEquals(3, r.read());
        r.set(0);
        assertFalse(r.incNotZeroAcquire());
        assertEquals(0, r.read());
        assertTrue(heap.warnings().isEmpty());
    }

    @ParameterizedTest
    @MethodSource("widths")
    void acquireFormsRefuseInsteadOfOverflowingAndRefuseSaturated(RefcountWidth w) {
        Refcount r = counter(w, w.max());
        assertFalse(r.incNotZeroAcquire(), "limit REFCOUNT_MAX: refused, not overflowed");
        assertEquals(w.max(), r.read());
        r.set(w.saturated());
        assertFalse(r.incNotZeroAcquire(), "MAX - SATURATED wraps negative, so a saturated counter is refused");
        assertEquals(w.saturated(), r.read());
        assertTrue(heap.warnings().isEmpty());
    }

    @Test
    void limitedAcquireRefusesAboveTheLimit() {
        Refcount r = counter(RefcountWidth.FULL, 3);
        assertFalse(r.addNotZeroLimitedAcquire(2, 4));
        assertEquals(3, r.read());
        assertTrue(r.incNotZeroLimitedAcquire(4));
        assertEquals(4, r.read());
        assertFalse(r.incNotZeroLimitedAcquire(4));
        assertEquals(4, r.read());
    }

    // ---- sub_and_test / dec_and_test

    @ParameterizedTest
    @MethodSource("widths")
    void decAndTestIsTrueExactlyOnOneToZero(RefcountWidth w) {
        Refcount r = counter(w, 2);
        assertFalse(r.decAndTest());
        assertEquals(1, r.read());
        assertTrue(r.decAndTest());
        assertEquals(0, r.read());
        assertTrue(heap.warnings().isEmpty());
    }

    @Test
    void subAndTestIsTrueWhenSubtractingTheWholeCount() {
        Refcount r = counter(RefcountWidth.FULL, 3);
        assertFalse(r.subAndTest(2));
        assertEquals(1, r.read());
        r.set(3);
        assertTrue(r.subAndTest(3));
        assertEquals(0, r.read());
        assertTrue(heap.warnings().isEmpty());
    }

    @ParameterizedTest
    @MethodSource("widths")
    void decAndTestBelowZeroSaturatesWithUnderflowWarning(RefcountWidth w) {
        Refcount r = counter(w, 0);
        assertFalse(r.decAndTest());
        assertEquals(w.saturated(), r.read());
        assertEquals(List.of("refcount_t: underflow; use-after-free."), warnings());
    }

    @Test
    void subAndTestOfZeroOnZeroIsAnUnderflowNotARelease() {
        Refcount r = counter(RefcountWidth.FULL, 0);
        assertFalse(r.subAndTest(0));
        assertEquals(RefcountWidth.FULL.saturated(), r.read());
        assertEquals(List.of("refcount_t: underflow; use-after-free."), warnings());
    }

    // ---- dec

    @ParameterizedTest
    @MethodSource("widths")
    void decAboveOneIsSilent(RefcountWidth w) {
        Refcount r = counter(w, 3);
        r.dec();
        assertEquals(2, r.read());
        assertTrue(heap.warnings().isEmpty());
    }

    @ParameterizedTest
    @MethodSource("widths")
    void decHittingZeroIsALeak(RefcountWidth w) {
        Refcount r = counter(w, 1);
        r.dec();
        assertEquals(w.saturated(), r.read());
        assertEquals(List.of("refcount_t: decrement hit 0; leaking memory."), warnings());
    }

    // ---- dec_if_one

    @ParameterizedTest
    @MethodSource("widths")
    void decIfOneOnlyMovesOneToZeroAndNeverWarns(RefcountWidth w) {
        Refcount r = counter(w, 2);
        assertFalse(r.decIfOne());
        assertEquals(2, r.read());
        r.set(0);
        assertFalse(r.decIfOne());
        assertEquals(0, r.read());
        r.set(w.saturated());
        assertFalse(r.decIfOne());
        r.set(1);
        assertTrue(r.decIfOne());
        assertEquals(0, r.read());
        assertTrue(heap.warnings().isEmpty());
    }

    // ---- dec_not_one and its unsigned quirks

    @ParameterizedTest
    @MethodSource("widths")
    void decNotOneDecrementsAboveOneAndRefusesOne(RefcountWidth w) {
        Refcount r = counter(w, 2);
        assertTrue(r.decNotOne());
        assertEquals(1, r.read());
        assertFalse(r.decNotOne(), "at 1: not decremented");
        assertEquals(1, r.read());
        assertTrue(heap.warnings().isEmpty());
    }

    @ParameterizedTest
    @MethodSource("widths")
    void decNotOneLeavesSaturatedAloneButReportsDecremented(RefcountWidth w) {
        Refcount r = counter(w, w.saturated());
        assertTrue(r.decNotOne());
        assertEquals(w.saturated(), r.read());
        assertTrue(heap.warnings().isEmpty());
    }

    @ParameterizedTest
    @MethodSource("widths")
    void decNotOneOnZeroWarnsButNeitherMovesNorSaturates(RefcountWidth w) {
        Refcount r = counter(w, 0);
        assertTrue(r.decNotOne(), "pretends it decremented");
        assertEquals(0, r.read());
        assertEquals(List.of("refcount_t: underflow; use-after-free."), warnings());
    }

    @ParameterizedTest
    @MethodSource("widths")
    void decNotOneDecrementsOtherNegativeValuesSilently(RefcountWidth w) {
        Refcount r = counter(w, -1);
        assertTrue(r.decNotOne());
        assertEquals(-2, r.read());
        r.set(w.min());
        assertTrue(r.decNotOne());
        assertEquals(w.max(), r.read(), "MIN - 1 wraps to MAX, unsigned compare sees no underflow");
        assertTrue(heap.warnings().isEmpty());
    }

    // ---- dec_and_lock / dec_and_mutex_lock

    @Test
    void decAndLockAboveOneDecrementsWithoutTheLock() {
        Refcount r = counter(RefcountWidth.FULL, 2);
        Mutex m = Mutex.create("m");
        assertNull(r.decAndLock(m));
        assertEquals(1, r.read());
        assertFalse(m.isLocked());
    }

    @Test
    void decAndLockOnTheLastReferenceReturnsWithTheLockHeld() {
        Refcount r = counter(RefcountWidth.FULL, 1);
        Mutex m = Mutex.create("m");
        Mutex.Guard held = r.decAndLock(m);
        assertNotNull(held);
        assertTrue(m.isLocked());
        assertEquals(0, r.read());
        held.close();
        assertFalse(m.isLocked());
    }

    @Test
    void decAndMutexLockOnTheLastReferenceReturnsWithTheLockHeld() {
        Refcount r = counter(RefcountWidth.FULL, 1);
        Mutex m = Mutex.create("m");
        Mutex.Guard held = r.decAndMutexLock(m);
        assertNotNull(held);
        assertTrue(m.isLocked());
        assertEquals(m, held.mutex());
        assertEquals(0, r.read());
        held.close();
        assertNull(counter(RefcountWidth.FULL, 3).decAndMutexLock(m));
        assertFalse(m.isLocked());
    }

    @Test
    void decAndLockBacksOffWhenAnIncrementArrivesWhileItWaitsForTheLock() throws InterruptedException {
        Refcount r = counter(RefcountWidth.FULL, 1);
        Mutex m = Mutex.create("m");
        Actors actors = new Actors();
        AtomicReference<Mutex.Guard> result = new AtomicReference<>();
        Thread putter = actors.actor("putter", () -> result.set(r.decAndLock(m)));
        Mutex.Guard lookupHolds = m.lock();      // a lookup holds the lock ...
        putter.start();
        actors.awaitBlockedOrDone(putter);      // ... the putter saw 1, left dec_not_one, waits for the lock
        r.inc();                                // the lookup takes a reference under the lock
        lookupHolds.close();
        actors.joinAll();
        assertNull(result.get(), "dec_and_test under the lock saw 2 -> 1");
        assertEquals(1, r.read());
        assertFalse(m.isLocked(), "backed off and unlocked");
        assertTrue(heap.warnings().isEmpty());
    }

    // ---- embedding

    @Test
    void everyStepOnAFreedOwnerIsAUseAfterFree() {
        Allocation obj = heap.allocate("obj");
        Refcount r = new Refcount(heap, "obj.refcount", 1, obj);
        assertTrue(r.decAndTest());
        obj.free();
        assertTrue(heap.isClean());
        assertEquals(0, r.observe(), "observe() is not an access");
        assertTrue(heap.isClean());
        r.read();
        assertEquals(ViolationKind.USE_AFTER_FREE, heap.violations().get(0).kind());
    }

    @Test
    void warningsNameTheCounter() {
        Refcount r = new Refcount(heap, "Thing#1.refcount", 0);
        r.dec();
        Warning w = heap.warnings().get(0);
        assertEquals("Thing#1.refcount", w.source());
        assertEquals(Thread.currentThread().getName(), w.thread());
    }
}
