package org.refcheck.model.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.model.Counterexample;
import org.refcheck.model.Model;
import org.refcheck.model.ModelResult;
import org.refcheck.model.explore.Schedule;
import org.refcheck.model.rt.FailureKind;
import org.refcheck.sync.Joinable;
import org.refcheck.sync.SharedInt;
import org.refcheck.sync.SharedRef;
import org.refcheck.sync.Threads;

/**
 * Counterexamples under weak memory: both sides of a race in the message, a schedule that records which older
 * store a load read and replays the same failure, and the options' bad input.
 */
class WeakCounterexampleTest {

    /** Store buffering without fences: each side reads the other's flag as 0, then both use what only one may. */
    private static void storeBufferingGate() {
        SharedInt a = SharedInt.of("a", 0);
        SharedInt b = SharedInt.of("b", 0);
        SharedInt inside = SharedInt.of("inside", 0);
        Joinable t = Threads.spawn("T1", () -> {
            a.setOpaque(1);
            if (b.getOpaque() == 0) {
                inside.getAndAdd(1);
            }
        });
        b.setOpaque(1);
        if (a.getOpaque() == 0 && inside.getAndAdd(1) == 1) {
            throw new AssertionError("both sides passed the gate");
        }
        t.join();
    }

    @Test
    void aStaleReadIsInTheScheduleAndReplays() {
        assertTrue(!Model.builder().memoryModel(MemoryModel.SC).check(WeakCounterexampleTest::storeBufferingGate)
                .failed());
        ModelResult r = Model.builder().memoryModel(MemoryModel.WEAK).check(WeakCounterexampleTest::storeBufferingGate);
        Counterexample cx = r.failed() ? r.counterexample() : null;
        assertTrue(cx != null, r.summary());
        assertTrue(cx.replayed(), cx.render());
        String schedule = cx.schedule().encode();
        assertTrue(schedule.contains("/1"), schedule);
        ModelResult again = Model.builder().memoryModel(MemoryModel.WEAK).replay(schedule)
                .check(WeakCounterexampleTest::storeBufferingGate);
        assertEquals(FailureKind.EXCEPTION, again.counterexample().failure().kind());
        ModelResult sc = Model.builder().memoryModel(MemoryModel.SC).replay(schedule)
                .check(WeakCounterexampleTest::storeBufferingGate);
        assertTrue(!sc.failed() || sc.counterexample().failure().kind() != FailureKind.EXCEPTION,
                "the read choices matter: replayed under sequential consistency the gate holds");
    }

    @Test
    void aPlainRaceNamesBothEvents() {
        ModelResult r = Model.builder().memoryModel(MemoryModel.WEAK).check(() -> {
            SharedInt data = SharedInt.of("data", 0);
            Joinable t = Threads.spawn("writer", () -> data.setPlain(1));
            data.getPlain();
            t.join();
        });
        String m = r.counterexample().failure().message();
        assertEquals(FailureKind.DATA_RACE, r.counterexample().failure().kind());
        assertTrue(m.contains("data race on data") && m.contains("writer's data.setPlain")
                && m.contains("main's data.getPlain"), m);
    }

    @Test
    void aUseOfAnObjectPublishedWithoutReleaseIsARaceAndWithReleaseIsNot() {
        for (boolean release : new boolean[] {false, true}) {
            ModelResult r = Model.builder().memoryModel(MemoryModel.WEAK).check(() -> {
                LifetimeTracker heap = new LifetimeTracker();
                SharedRef<Allocation> slot = SharedRef.of("slot", null);
                Joinable t = Threads.spawn("reader", () -> {
                    Allocation seen = slot.getAcquire();
                    if (seen != null) {
                        seen.access();
                    }
                });
                Allocation fresh = heap.allocate("node");
                if (release) {
                    slot.setRelease(fresh);
                } else {
                    slot.setOpaque(fresh);
                }
                t.join();
                fresh.free();
            });
            assertEquals(!release, r.failed(), r.summary());
            if (!release) {
                assertTrue(r.counterexample().failure().message().contains("unpublished object node"),
                        r.counterexample().render());
            }
        }
    }

    @Test
    void badOptionsAreRejectedWithOneLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Model.builder().storeHistory(0));
        assertTrue(e.getMessage().contains("storeHistory must be at least 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Model.builder().memoryModel(MemoryModel.WEAK)
                .stateCache(Model.StateCache.POSITIONS).check(() -> { }));
        assertTrue(e.getMessage().contains("does not support refcheck.memoryModel=weak"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Schedule.parse("0*2.1/x"));
        assertTrue(e.getMessage().contains("bad schedule part '1/x'"), e.getMessage());
        Schedule s = Schedule.parse("0*3.1/2.1*2.0");
        assertEquals("0*3.1/2.1*2.0", s.encode());
        assertEquals(2, s.reads()[3]);
    }
}
