package org.refcheck.stress.refcount;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jetbrains.lincheck.Lincheck;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.refcheck.lifetime.LifetimeTracker;
import org.refcheck.protocols.refcount.Ref;
import org.refcheck.protocols.refcount.mutant.TouchAfterDecrementRef;
import org.refcheck.stress.catalogue.Checks;
import org.refcheck.stress.lincheck.ConcurrentRun;
import org.refcheck.stress.lincheck.LincheckSizes;
import org.refcheck.stress.lincheck.LincheckVerdicts;

/**
 * The Rust-for-Linux {@code Ref<T>} drop under {@code Lincheck.runConcurrentTest}: two handles to one value are
 * used and dropped on two threads, and whichever drop is last frees. The correct drop touches nothing after a
 * non-final decrement; the B11 mutant reads the count again, which Lincheck finds as a use after free in the
 * interleaving where the other drop frees in between.
 *
 * <p>Verdicts are asserted on the main thread by {@link ConcurrentRun}, leaks included: every value must be freed
 * exactly once.
 *
 * <p>How to run: {@code mvn -B verify -pl stress-tests -am -Djcstress.skip=true -Drefcheck.summary.skip=true
 * -Dtest=RefLincheckTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("lincheck")
class RefLincheckTest {

    /*
     * Sizes. Model checking exhausts these schedules by itself (about 500 and 800 invocations for the two shapes,
     * measured), at tens of milliseconds each; a tenth of the configured budget covers every schedule with few
     * context switches, which is where a touch after a non-final decrement shows.
     */
    private static final int INVOCATIONS = Math.max(100, LincheckSizes.invocations() / 10);

    @FunctionalInterface
    private interface RefMaker {
        Ref<String> create(LifetimeTracker heap, String value);
    }

    /** Two handles (count 2); each thread uses its handle and drops it. */
    private static void twoHoldersDrop(RefMaker maker) {
        LifetimeTracker heap = new LifetimeTracker();
        Ref<String> first = maker.create(heap, "value");
        Ref<String> second = first.clone();
        ConcurrentRun.inThreads(heap,
                () -> {
                    first.get();
                    first.drop();
                },
                () -> {
                    second.get();
                    second.drop();
                });
    }

    /**
     * A worker's handle is cloned from a borrow on one thread, used there and dropped; the owner's and a third
     * handle are dropped on the other: three drops, two of them non-final, in every order.
     */
    private static void cloneFromBorrowAndDropEverywhere(RefMaker maker) {
        LifetimeTracker heap = new LifetimeTracker();
        Ref<String> owner = maker.create(heap, "value");
        Ref<String> third = owner.clone();
        ConcurrentRun.inThreads(heap,
                () -> {
                    Ref<String> worker = owner.borrow().toRef();
                    owner.drop();
                    worker.get();
                    worker.drop();
                },
                third::drop);
    }

    @Test
    @Checks(protocol = "ref", variant = "correct")
    void dropsOfTwoHoldersFreeOnce() {
        LincheckVerdicts.expectPasses(() -> Lincheck.runConcurrentTest(INVOCATIONS,
                () -> twoHoldersDrop(Ref::create)));
    }

    @Test
    @Checks(protocol = "ref", variant = "correct")
    void threeDropsInAnyOrderFreeOnce() {
        LincheckVerdicts.expectPasses(() -> Lincheck.runConcurrentTest(INVOCATIONS,
                () -> cloneFromBorrowAndDropEverywhere(Ref::create)));
    }

    @Test
    @Checks(protocol = "ref", variant = "touch-after-dec")
    void touchAfterANonFinalDecrementIsCaught() {
        var o = LincheckVerdicts.expectCaught(() -> Lincheck.runConcurrentTest(INVOCATIONS,
                () -> twoHoldersDrop(TouchAfterDecrementRef::create)));
        assertTrue(o.failureText().contains("use after free"), o.failureText());
    }

    @Test
    @Checks(protocol = "ref", variant = "touch-after-dec")
    void touchAfterANonFinalDecrementIsCaughtWithThreeDrops() {
        var o = LincheckVerdicts.expectCaught(() -> Lincheck.runConcurrentTest(INVOCATIONS,
                () -> cloneFromBorrowAndDropEverywhere(TouchAfterDecrementRef::create)));
        assertTrue(o.failureText().contains("use after free"), o.failureText());
    }
}
