package org.refcheck.stress.arc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.refcheck.stress.arc.Scenarios.op;

import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.refcheck.stress.catalogue.Checks;
import org.refcheck.stress.lincheck.LincheckSizes;
import org.refcheck.stress.lincheck.LincheckVerdicts;

/**
 * Linearizability of Rust std's {@code Arc}/{@code Weak} ({@code arc-weak}) against {@link ArcHandleSpecification},
 * in Lincheck's model-checking and stress modes, for the correct protocol and each mutant.
 *
 * <p>Every run uses the same options: random scenarios over clone, drop, downgrade, upgrade, drop of a {@code Weak},
 * the two counts and {@code get_mut}, plus two hand-written scenarios that Lincheck checks first:
 * <ul>
 *   <li>{@link #LAST_DROPS_THEN_UPGRADE}: the three {@code Arc}s are dropped, two of them racing, then the main
 *       thread upgrades its {@code Weak}. A drop that touches the allocation after a non-final decrement (B11) is a
 *       use after destroy; an upgrade that revives the dead value (B10) returns 1 where the specification says 0.</li>
 *   <li>{@link #GET_MUT_RACES_UPGRADE}: thread 1 holds the only {@code Arc} and calls {@code get_mut} while thread 2
 *       upgrades its {@code Weak} and drops the {@code Weak}. The two-load uniqueness check (B8) can say "unique"
 *       while thread 2 holds an {@code Arc}, which no sequential order explains.</li>
 * </ul>
 * The random scenarios guard the correct protocol against results no sequential order explains; on their own they
 * rarely build a mutant's shape (three random scenarios x 500 invocations caught none of B8, B10, B11), which is why
 * the custom scenarios exist.
 *
 * <p>B7 and B9 are missing happens-before edges that change no result of these operations; their observation tests are
 * in {@link ArcWeakLifetimeLincheckTest}, where the payload accesses they leave unordered are part of the test.
 */
@Tag("lincheck")
class ArcWeakLinearizabilityTest {

    /*
     * Sizes. With the defaults (20 scenarios x 2000 invocations) model checking would run 40,000 invocations at
     * 5-13 ms of CPU each (2 CPUs, JDK 17; the upper figure on a busy shared host), so model checking runs a sixth of
     * the configured scenarios with a quarter of the invocations (3 random + 2 custom scenarios x 500), and stress a
     * quarter of the scenarios with an eighth (5 + 2 x 250). The custom scenarios run first; B8 is found after about
     * 290 invocations of GET_MUT_RACES_UPGRADE, hence the floor of 500. A mutant stops at its first failing
     * invocation, and failed scenarios are not minimized: minimization re-runs every smaller candidate with the full
     * budget, and the custom scenarios are already minimal. Everything derives from LincheckSizes, so -Pfull scales it.
     */
    private static final int MODEL_CHECKING_ITERATIONS = Math.max(2, LincheckSizes.iterations() / 6);
    private static final int MODEL_CHECKING_INVOCATIONS = Math.max(500, LincheckSizes.invocations() / 4);
    private static final int STRESS_ITERATIONS = Math.max(2, LincheckSizes.iterations() / 4);
    private static final int STRESS_INVOCATIONS = Math.max(100, LincheckSizes.invocations() / 8);

    /** Init: the main thread drops its Arc. Threads 1 and 2 drop theirs. Post: the main thread upgrades its Weak. */
    static final ExecutionScenario LAST_DROPS_THEN_UPGRADE = Scenarios.of(ArcHandleOperations.class)
            .init("dropArc", 0)
            .thread("dropArc", 1)
            .thread("dropArc", 2)
            .post("upgrade", ArcHandleOperations.THREADS + 1)
            .post("strongCount", ArcHandleOperations.THREADS + 1)
            .build();

    /**
     * Init: the main thread drops both its handles. Thread 1 drops its Weak and calls get_mut; thread 2 drops its Arc,
     * upgrades its Weak and drops the Weak.
     */
    static final ExecutionScenario GET_MUT_RACES_UPGRADE = Scenarios.of(ArcHandleOperations.class)
            .init("dropArc", 0)
            .init("dropWeak", 0)
            .thread(op("dropWeak", 1), op("getMut", 1))
            .thread(op("dropArc", 2), op("upgrade", 2), op("dropWeak", 2))
            .build();

    private static ModelCheckingOptions modelChecking() {
        return LincheckSizes.modelChecking()
                .iterations(MODEL_CHECKING_ITERATIONS).invocationsPerIteration(MODEL_CHECKING_INVOCATIONS)
                .threads(ArcHandleOperations.THREADS).actorsPerThread(3).actorsBefore(2).actorsAfter(2)
                .sequentialSpecification(ArcHandleSpecification.class)
                .minimizeFailedScenario(false)
                .addCustomScenario(LAST_DROPS_THEN_UPGRADE)
                .addCustomScenario(GET_MUT_RACES_UPGRADE);
    }

    private static StressOptions stress() {
        return LincheckSizes.stress()
                .iterations(STRESS_ITERATIONS).invocationsPerIteration(STRESS_INVOCATIONS)
                .threads(ArcHandleOperations.THREADS).actorsPerThread(3).actorsBefore(2).actorsAfter(2)
                .sequentialSpecification(ArcHandleSpecification.class)
                .minimizeFailedScenario(false)
                .addCustomScenario(LAST_DROPS_THEN_UPGRADE)
                .addCustomScenario(GET_MUT_RACES_UPGRADE);
    }

    // ---- the correct protocol -----------------------------------------------------------------------------------

    @Test
    @Checks(protocol = "arc-weak", variant = "correct")
    void stdIsLinearizableUnderModelChecking() {
        LincheckVerdicts.expectPasses(() -> modelChecking().check(ArcHandleOperations.Std.class));
    }

    @Test
    @Checks(protocol = "arc-weak", variant = "correct")
    void stdIsLinearizableUnderStress() {
        LincheckVerdicts.expectPasses(() -> stress().check(ArcHandleOperations.Std.class));
    }

    // ---- mutants visible under sequential consistency -----------------------------------------------------------

    @Test
    @Checks(protocol = "arc-weak", variant = "get-mut-two-loads")
    void getMutTwoLoadsIsCaughtByModelChecking() {
        var o = LincheckVerdicts.expectCaught(() -> modelChecking().check(ArcHandleOperations.GetMutTwoLoads.class));
        assertEquals("IncorrectResultsFailure", o.failureKind(), o.failureText());
        assertTrue(o.failureText().contains("getMut"), o.failureText());
    }

    @Test
    @Checks(protocol = "arc-weak", variant = "upgrade-fetch-add")
    void upgradeFetchAddIsCaughtByModelChecking() {
        var o = LincheckVerdicts.expectCaught(() -> modelChecking().check(ArcHandleOperations.UpgradeFetchAdd.class));
        assertRevived(o);
    }

    @Test
    @Checks(protocol = "arc-weak", variant = "upgrade-fetch-add")
    void upgradeFetchAddIsCaughtUnderStress() {
        var o = LincheckVerdicts.expectCaught(() -> stress().check(ArcHandleOperations.UpgradeFetchAdd.class));
        assertRevived(o);
    }

    @Test
    @Checks(protocol = "arc-weak", variant = "touch-after-dec")
    void touchAfterDecIsCaughtByModelChecking() {
        var o = LincheckVerdicts.expectCaught(() -> modelChecking().check(ArcHandleOperations.TouchAfterDec.class));
        assertEquals("ValidationFailure", o.failureKind(), o.failureText());
        assertTrue(o.failureText().contains("use after"), o.failureText());
    }

    /** B10 shows as a resurrection (validation) or as an upgrade that succeeded on a dead value (results). */
    private static void assertRevived(LincheckVerdicts.Outcome o) {
        boolean validation = o.failureKind().equals("ValidationFailure") && o.failureText().contains("resurrection");
        boolean results = o.failureKind().equals("IncorrectResultsFailure") && o.failureText().contains("upgrade");
        assertTrue(validation || results, o.failureKind() + ":\n" + o.failureText());
    }
}
