package org.refcheck.stress.refcount;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.refcheck.stress.catalogue.Checks;
import org.refcheck.stress.lincheck.LincheckSizes;
import org.refcheck.stress.lincheck.LincheckVerdicts;

/**
 * Linearizability of {@code refcount_t}: refcheck's {@code Refcount} against the saturating specification
 * {@link RefcountSpec}, in model checking and in stress mode, at the kernel's width and at 3 bits; the mutants B1
 * (no saturation) and B3 ({@code sub_and_test} without the {@code old > 0} guard) must fail both.
 *
 * <p>Every check also runs one hand-written scenario first ({@code addCustomScenario}), the minimal exposing one,
 * and then the random scenarios. The hand-written scenario is what makes the B3 check reliable: B3 needs
 * {@code sub_and_test(0)} on a counter that already reached zero, and the random generator did not produce that in
 * five scenarios (measured: model checking passed the mutant in 22 s without it). B1 is also found by the random
 * scenarios alone (minimised: an overflowing {@code inc_not_zero}, two puts, and an {@code inc_not_zero_acquire}
 * that succeeds where the saturated counter refuses), in about 30 s with minimisation.
 *
 * <p>How to run: {@code mvn -B verify -pl stress-tests -am -Djcstress.skip=true -Drefcheck.summary.skip=true
 * -Dtest=RefcountLincheckTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("lincheck")
class RefcountLincheckTest {

    /*
     * Sizes. A counter operation is a handful of switch points, so model checking covers most 2x2 scenarios with
     * one operation before and two after in a few hundred invocations (an eighth of the budget per scenario);
     * stress mode costs a few milliseconds per invocation on two CPUs (real threads) and runs a twentieth. With
     * the defaults (20 scenarios, 2000 invocations) a passing check took 5 to 15 s on two busy CPUs, a caught
     * mutant 1 to 3 s; -Pfull scales them with the rest.
     */
    private static final int ITERATIONS = Math.max(2, LincheckSizes.iterations() / 4);
    private static final int MODEL_CHECKING_INVOCATIONS = Math.max(100, LincheckSizes.invocations() / 8);
    private static final int STRESS_INVOCATIONS = Math.max(100, LincheckSizes.invocations() / 20);

    private static ModelCheckingOptions modelChecking() {
        return LincheckSizes.modelChecking().iterations(ITERATIONS).invocationsPerIteration(MODEL_CHECKING_INVOCATIONS)
                .threads(2).actorsPerThread(2).actorsBefore(1).actorsAfter(2);
    }

    private static StressOptions stress() {
        return LincheckSizes.stress().iterations(ITERATIONS).invocationsPerIteration(STRESS_INVOCATIONS)
                .threads(2).actorsPerThread(2).actorsBefore(1).actorsAfter(2);
    }

    // ---------------------------------------------------------------------------------------------------------
    // refcount, correct

    @Test
    @Checks(protocol = "refcount", variant = "correct")
    void fullWidthIsLinearizableUnderModelChecking() {
        LincheckVerdicts.expectPasses(() -> modelChecking()
                .addCustomScenario(lastPutAgainstSubZero(RefcountOps.CorrectFullWidth.class))
                .sequentialSpecification(RefcountSpec.FullWidth.class)
                .check(RefcountOps.CorrectFullWidth.class));
    }

    @Test
    @Checks(protocol = "refcount", variant = "correct")
    void fullWidthIsLinearizableUnderStress() {
        LincheckVerdicts.expectPasses(() -> stress()
                .addCustomScenario(lastPutAgainstSubZero(RefcountOps.CorrectFullWidth.class))
                .sequentialSpecification(RefcountSpec.FullWidth.class)
                .check(RefcountOps.CorrectFullWidth.class));
    }

    @Test
    @Checks(protocol = "refcount", variant = "correct")
    void threeBitsSaturatesLinearizablyUnderModelChecking() {
        LincheckVerdicts.expectPasses(() -> modelChecking()
                .addCustomScenario(overflowThenTwoPuts(RefcountOps.CorrectThreeBits.class))
                .sequentialSpecification(RefcountSpec.ThreeBits.class)
                .check(RefcountOps.CorrectThreeBits.class));
    }

    @Test
    @Checks(protocol = "refcount", variant = "correct")
    void threeBitsSaturatesLinearizablyUnderStress() {
        LincheckVerdicts.expectPasses(() -> stress()
                .addCustomScenario(overflowThenTwoPuts(RefcountOps.CorrectThreeBits.class))
                .sequentialSpecification(RefcountSpec.ThreeBits.class)
                .check(RefcountOps.CorrectThreeBits.class));
    }

    // ---------------------------------------------------------------------------------------------------------
    // B1: unsaturated

    @Test
    @Checks(protocol = "refcount", variant = "unsaturated")
    void unsaturatedIsCaughtByModelChecking() {
        var o = LincheckVerdicts.expectCaught(() -> modelChecking()
                .addCustomScenario(overflowThenTwoPuts(RefcountOps.UnsaturatedThreeBits.class))
                .sequentialSpecification(RefcountSpec.ThreeBits.class)
                .check(RefcountOps.UnsaturatedThreeBits.class));
        assertEquals("IncorrectResultsFailure", o.failureKind(), o.failureText());
    }

    @Test
    @Checks(protocol = "refcount", variant = "unsaturated")
    void unsaturatedIsCaughtUnderStress() {
        var o = LincheckVerdicts.expectCaught(() -> stress()
                .addCustomScenario(overflowThenTwoPuts(RefcountOps.UnsaturatedThreeBits.class))
                .sequentialSpecification(RefcountSpec.ThreeBits.class)
                .check(RefcountOps.UnsaturatedThreeBits.class));
        assertEquals("IncorrectResultsFailure", o.failureKind(), o.failureText());
    }

    // ---------------------------------------------------------------------------------------------------------
    // B3: sub-and-test-zero

    @Test
    @Checks(protocol = "refcount", variant = "sub-and-test-zero")
    void subAndTestZeroIsCaughtByModelChecking() {
        var o = LincheckVerdicts.expectCaught(() -> modelChecking()
                .addCustomScenario(lastPutAgainstSubZero(RefcountOps.UnguardedSubAndTestFullWidth.class))
                .sequentialSpecification(RefcountSpec.FullWidth.class)
                .check(RefcountOps.UnguardedSubAndTestFullWidth.class));
        assertEquals("IncorrectResultsFailure", o.failureKind(), o.failureText());
    }

    @Test
    @Checks(protocol = "refcount", variant = "sub-and-test-zero")
    void subAndTestZeroIsCaughtUnderStress() {
        var o = LincheckVerdicts.expectCaught(() -> stress()
                .addCustomScenario(lastPutAgainstSubZero(RefcountOps.UnguardedSubAndTestFullWidth.class))
                .sequentialSpecification(RefcountSpec.FullWidth.class)
                .check(RefcountOps.UnguardedSubAndTestFullWidth.class));
        assertEquals("IncorrectResultsFailure", o.failureKind(), o.failureText());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Scenarios

    /**
     * B1's minimal scenario at 3 bits. Init: one more reference on a counter at {@code REFCOUNT_MAX} (a leaked
     * increment overflows it). Parallel: two holders each drop two references with {@code sub_and_test(2)}. The
     * saturating counter stays saturated, so neither reports zero; the wrapped counter goes -4 -&gt; 2 -&gt; 0 and one
     * of them is told to free an object that, by the spec, is still referenced.
     */
    static ExecutionScenario overflowThenTwoPuts(Class<? extends RefcountOps> ops) {
        Actor inc = actor(ops, "incNotZero");
        Actor subTwo = actor(ops, "subAndTest", 2);
        return new ExecutionScenario(List.of(inc), List.of(List.of(subTwo), List.of(subTwo)), List.of(), null);
    }

    /**
     * B3's minimal scenario at full width. Init: one of the two references is dropped (count 1). Parallel: the
     * last holder's {@code dec_and_test} against a buggy path's {@code sub_and_test(0)}; post: one more
     * {@code sub_and_test(0)}. If the last put comes first, the unguarded counter reports zero a second time.
     */
    static ExecutionScenario lastPutAgainstSubZero(Class<? extends RefcountOps> ops) {
        Actor dec = actor(ops, "decAndTest");
        Actor subZero = actor(ops, "subAndTest", 0);
        return new ExecutionScenario(List.of(dec), List.of(List.of(dec), List.of(subZero)), List.of(subZero), null);
    }

    private static Actor actor(Class<?> ops, String operation, Object... args) {
        for (var m : ops.getMethods()) {
            if (m.getName().equals(operation) && m.getParameterCount() == args.length) {
                return new Actor(m, List.of(args));
            }
        }
        throw new IllegalArgumentException("no operation " + operation + " with " + args.length + " argument(s) in "
                + ops.getName());
    }
}
