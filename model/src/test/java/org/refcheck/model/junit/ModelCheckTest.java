package org.refcheck.model.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.model.Model;
import org.refcheck.model.ModelResult;
import org.refcheck.sync.Joinable;
import org.refcheck.sync.SharedInt;
import org.refcheck.sync.Threads;

/** The JUnit 5 entry point runs the method once per execution and asserts the verdict. */
class ModelCheckTest {

    private static final AtomicInteger RUNS = new AtomicInteger();

    private static void drop(SharedInt count, Allocation obj, boolean racy) {
        obj.access();
        boolean last;
        if (racy) {
            int c = count.getAcquire();
            count.setRelease(c - 1);
            last = c == 1;
        } else {
            last = count.getAndAddRelease(-1) == 1;
        }
        if (last) {
            obj.free();
        }
    }

    @ModelCheck
    void correctDropPasses() {
        RUNS.incrementAndGet();
        LifetimeTracker heap = new LifetimeTracker();
        Allocation obj = heap.allocate("obj");
        SharedInt count = SharedInt.of("count", 2);
        Joinable t = Threads.spawn("dropper", () -> drop(count, obj, false));
        drop(count, obj, false);
        t.join();
    }

    @ModelCheck(expectFailure = true)
    void racyDropIsCaught() {
        LifetimeTracker heap = new LifetimeTracker();
        Allocation obj = heap.allocate("obj");
        SharedInt count = SharedInt.of("count", 2);
        Joinable t = Threads.spawn("dropper", () -> drop(count, obj, true));
        drop(count, obj, true);
        t.join();
    }

    /** What a refcheck command reads from JUnit: the verdict and effort, and a failure's counterexample. */
    @Test
    void theReportEntryCarriesTheVerdictAndTheCounterexample() throws NoSuchMethodException {
        ModelCheck options = ModelCheckTest.class.getDeclaredMethod("racyDropIsCaught").getAnnotation(ModelCheck.class);
        ModelResult caught = Model.builder().check(() -> {
            LifetimeTracker heap = new LifetimeTracker();
            Allocation obj = heap.allocate("obj");
            SharedInt count = SharedInt.of("count", 2);
            Joinable t = Threads.spawn("dropper", () -> drop(count, obj, true));
            drop(count, obj, true);
            t.join();
        });
        Map<String, String> e = ModelCheckExtension.reportEntry(options, caught);
        assertEquals("caught", e.get("refcheck.verdict"));
        assertEquals("true", e.get("refcheck.expectFailure"));
        assertEquals(caught.counterexample().schedule().encode(), e.get("refcheck.schedule"));
        assertTrue(e.get("refcheck.trace").startsWith("{"), e.get("refcheck.trace"));
        assertFalse(e.containsKey("refcheck.protocol"), "an unnamed protocol is left out: JUnit refuses blanks");
        assertTrue(e.values().stream().noneMatch(String::isBlank), e::toString);
    }

    @AfterAll
    static void theBodyRanOncePerTrace() {
        assertEquals(2, RUNS.get(), "two traces of drop || drop, plus nothing else");
        assertTrue(RUNS.get() > 1);
    }
}
