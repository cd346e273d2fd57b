package org.refcheck.stress.refcount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jetbrains.lincheck.Lincheck;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.refcheck.lifetime.Allocation;
import org.refcheck.lifetime.AllocationState;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.lifetime.Warning;
import org.refcheck.protocols.refcount.Ref;
import org.refcheck.protocols.refcount.Refcount;
import org.refcheck.protocols.refcount.RefcountWidth;
import org.refcheck.protocols.refcount.mutant.UnguardedSubAndTestRefcount;
import org.refcheck.protocols.refcount.mutant.UnsaturatedRefcount;
import org.refcheck.stress.catalogue.Checks;
import org.refcheck.stress.lincheck.ConcurrentRun;
import org.refcheck.stress.lincheck.LincheckSizes;
import org.refcheck.stress.lincheck.LincheckVerdicts;

/**
 * The lifetime consequences of {@code refcount_t}'s guards, under {@code Lincheck.runConcurrentTest}: B1's wrapped
 * counter frees an object that leaked references still point to, B3's unguarded {@code sub_and_test(0)} frees it a
 * second time; the saturating counter turns the first into a leak with a warning and refuses the second.
 *
 * <p>Every verdict is asserted on the main thread by {@link ConcurrentRun} (Lincheck ignores what the threads it
 * did not start throw), from the {@link LifetimeTracker}'s violations.
 *
 * <p>How to run: {@code mvn -B verify -pl stress-tests -am -Djcstress.skip=true -Drefcheck.summary.skip=true
 * -Dtest=RefcountLifetimeLincheckTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("lincheck")
class RefcountLifetimeLincheckTest {

    /** The narrowest width: max 1, saturated -1; the counter wraps after four increments. */
    private static final RefcountWidth TWO_BITS = RefcountWidth.bits(2);

    /**
     * Clones the leaky path takes and never puts: with the holder's and the path's own reference that is five
     * increments from zero, one more than the two-bit counter holds, so a wrapping counter is back at 1.
     */
    private static final int LEAKED_CLONES = 3;

    /*
     * Sizes. Each invocation starts two threads, which runConcurrentTest explores together with the lifetime
     * tracker's queues, at 50 to 200 ms per invocation on two busy CPUs; a tenth of the configured budget (a
     * twentieth for the B1 shape, whose saturation warnings are the most expensive steps) covers the schedules
     * with few context switches, which is where these races live. Both mutants are caught within 2 invocations.
     */
    private static final int INVOCATIONS = Math.max(100, LincheckSizes.invocations() / 10);
    private static final int LEAKY_PATH_INVOCATIONS = Math.max(100, LincheckSizes.invocations() / 20);

    // ---------------------------------------------------------------------------------------------------------
    // B1 shape: a leaky path against the holder's drop, at 2 bits

    /**
     * The holder and a leaky path share a value counted in two bits. The path's own reference already overflows the
     * counter (1 + 1 &gt; max 1): the saturating counter saturates, the wrapping one holds -2. The leaky path then
     * clones its reference three times and forgets every put (the error path of CVE-2016-0728), and uses the value;
     * the holder drops its reference meanwhile. The wrapping counter is back at 1 after the third clone (passing
     * 0 -&gt; 1, a resurrection), so a drop that comes then frees the value under four live references.
     */
    private static LifetimeTracker leakyPathAgainstHolderDrop(Refcount.Factory counts) {
        LifetimeTracker heap = new LifetimeTracker();
        Ref<String> holder = Ref.create(heap, "value", counts);
        Ref<String> mine = holder.clone();
        Runnable leakyPath = () -> {
            for (int i = 0; i < LEAKED_CLONES; i++) {
                mine.clone();   // the error path forgets this put
            }
            mine.get();
        };
        ConcurrentRun.inThreadsNoLeakCheck(heap, leakyPath, holder::drop);
        return heap;
    }

    @Test
    @Checks(protocol = "refcount", variant = "correct")
    void saturationTurnsLeakedReferencesIntoALeak() {
        LincheckVerdicts.expectPasses(() -> Lincheck.runConcurrentTest(LEAKY_PATH_INVOCATIONS, () -> {
            LifetimeTracker heap = leakyPathAgainstHolderDrop(Refcount.factory(TWO_BITS));
            Allocation value = heap.unfreed().get(0);
            assertEquals(AllocationState.LIVE, value.state(), "the saturated counter must never free the value");
            assertTrue(heap.warnings().stream().map(Warning::message)
                    .anyMatch("refcount_t: saturated; leaking memory."::equals), heap.warnings()::toString);
        }));
    }

    @Test
    @Checks(protocol = "refcount", variant = "unsaturated")
    void wrappedCounterFreesUnderLeakedReferences() {
        var o = LincheckVerdicts.expectCaught(() -> Lincheck.runConcurrentTest(LEAKY_PATH_INVOCATIONS,
                () -> leakyPathAgainstHolderDrop(UnsaturatedRefcount.factory(TWO_BITS))));
        assertTrue(o.failureText().contains("resurrection") || o.failureText().contains("use after free"),
                o.failureText());
    }

    // ---------------------------------------------------------------------------------------------------------
    // B3 shape: the last put against a buggy sub_and_test(0)

    /**
     * One reference left (count 1), counted outside the object as the tracing counter that motivated the B3 fix
     * was. The holder's {@code dec_and_test} frees on zero; a buggy path that believes it holds zero references
     * calls {@code sub_and_test(0)} and frees if told it reached zero.
     */
    private static void lastPutAgainstSubZero(Refcount.Factory counts) {
        LifetimeTracker heap = new LifetimeTracker();
        Allocation obj = heap.allocate("obj");
        Refcount users = counts.create(heap, "obj.users", 1, null);
        ConcurrentRun.inThreads(heap,
                () -> {
                    if (users.decAndTest()) {
                        obj.free();
                    }
                },
                () -> {
                    if (users.subAndTest(0)) {
                        obj.free();
                    }
                });
    }

    @Test
    @Checks(protocol = "refcount", variant = "correct")
    void guardedSubAndTestFreesOnce() {
        LincheckVerdicts.expectPasses(() -> Lincheck.runConcurrentTest(INVOCATIONS,
                () -> lastPutAgainstSubZero(Refcount.factory())));
    }

    @Test
    @Checks(protocol = "refcount", variant = "sub-and-test-zero")
    void unguardedSubAndTestFreesTwice() {
        var o = LincheckVerdicts.expectCaught(() -> Lincheck.runConcurrentTest(INVOCATIONS,
                () -> lastPutAgainstSubZero(UnguardedSubAndTestRefcount.factory(RefcountWidth.FULL))));
        assertTrue(o.failureText().contains("double free"), o.failureText());
    }

}
