package org.refcheck.stress.kref;

import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * Linearizability of the kref lookup tables of Documentation/core-api/kref.rst against {@link KrefTableSpec}, with
 * the lifetime tracker as a validation function: patterns A (mutex), B (get_unless_zero in the lookup section) and D
 * (kref_put_mutex) must pass in model checking and in stress mode; the mutants B4 (unlocked put) and B5
 * (get_unless_zero outside the lookup section) must fail model checking.
 *
 * <p>Every check first runs the minimal exposing scenario of B4 and B5 ({@link #creatorPutAgainstLookup}), then
 * random scenarios. The mutants have no stress-mode check: their windows (between the last put's decrement and the
 * release's lock, between the lookup's unlock and its {@code get_unless_zero}) are a few instructions wide, and
 * stress mode caught B4 in 1 and B5 in 2 of 4 runs of 600 invocations each (measured; three times this
 * suite's default), so such a check would
 * make the build flaky rather than prove anything.
 *
 * <p>How to run: {@code mvn -B verify -pl stress-tests -am -Djcstress.skip=true -Drefcheck.summary.skip=true
 * -Dtest=KrefTableLincheckTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("lincheck")
class KrefTableLincheckTest {

    /*
     * Sizes. Every lookup and some puts take the table's facade mutex, a java.util.concurrent Semaphore whose AQS
     * internals Lincheck's model checking explores too, so an invocation costs tens of milliseconds; a twentieth
     * of the configured invocations and an eighth of the scenarios still cover the schedules with few context
     * switches around the one entry's last put, which is where both bugs live (the mutants are caught within 25
     * invocations of the hand-written scenario). Stress mode runs real threads.
     */
    private static final int ITERATIONS = Math.max(2, LincheckSizes.iterations() / 8);
    private static final int INVOCATIONS = Math.max(100, LincheckSizes.invocations() / 20);

    private static ModelCheckingOptions modelChecking(Class<? extends KrefTableOps> ops) {
        return LincheckSizes.modelChecking().iterations(ITERATIONS).invocationsPerIteration(INVOCATIONS)
                .threads(KrefTableOps.THREADS).actorsPerThread(2).actorsBefore(1).actorsAfter(1)
                .addCustomScenario(creatorPutAgainstLookup(ops))
                .sequentialSpecification(KrefTableSpec.class);
    }

    private static StressOptions stress(Class<? extends KrefTableOps> ops) {
        return LincheckSizes.stress().iterations(ITERATIONS).invocationsPerIteration(INVOCATIONS)
                .threads(KrefTableOps.THREADS).actorsPerThread(2).actorsBefore(1).actorsAfter(1)
                .addCustomScenario(creatorPutAgainstLookup(ops))
                .sequentialSpecification(KrefTableSpec.class);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Pattern A, and B4

    @Test
    @Checks(protocol = "kref-table-mutex", variant = "correct")
    void mutexTableIsLinearizableUnderModelChecking() {
        LincheckVerdicts.expectPasses(() -> modelChecking(KrefTableOps.MutexTable.class)
                .check(KrefTableOps.MutexTable.class));
    }

    @Test
    @Checks(protocol = "kref-table-mutex", variant = "correct")
    void mutexTableIsLinearizableUnderStress() {
        LincheckVerdicts.expectPasses(() -> stress(KrefTableOps.MutexTable.class)
                .check(KrefTableOps.MutexTable.class));
    }

    @Test
    @Checks(protocol = "kref-table-mutex", variant = "unlocked-put")
    void unlockedPutIsCaughtByModelChecking() {
        var o = LincheckVerdicts.expectCaught(() -> modelChecking(KrefTableOps.UnlockedPutTable.class)
                .check(KrefTableOps.UnlockedPutTable.class));
        assertTrue(o.failureText().contains("resurrection") || o.failureKind().equals("IncorrectResultsFailure"),
                o.failureText());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Pattern B, and B5

    @Test
    @Checks(protocol = "kref-table-unless-zero", variant = "correct")
    void unlessZeroTableIsLinearizableUnderModelChecking() {
        LincheckVerdicts.expectPasses(() -> modelChecking(KrefTableOps.UnlessZeroTable.class)
                .check(KrefTableOps.UnlessZeroTable.class));
    }

    @Test
    @Checks(protocol = "kref-table-unless-zero", variant = "correct")
    void unlessZeroTableIsLinearizableUnderStress() {
        LincheckVerdicts.expectPasses(() -> stress(KrefTableOps.UnlessZeroTable.class)
                .check(KrefTableOps.UnlessZeroTable.class));
    }

    @Test
    @Checks(protocol = "kref-table-unless-zero", variant = "get-outside-lock")
    void getOutsideLockIsCaughtByModelChecking() {
        var o = LincheckVerdicts.expectCaught(() -> modelChecking(KrefTableOps.GetOutsideLockTable.class)
                .check(KrefTableOps.GetOutsideLockTable.class));
        assertTrue(o.failureText().contains("use after free"), o.failureText());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Pattern D

    @Test
    @Checks(protocol = "kref-table-put-mutex", variant = "correct")
    void putMutexTableIsLinearizableUnderModelChecking() {
        LincheckVerdicts.expectPasses(() -> modelChecking(KrefTableOps.PutMutexTable.class)
                .check(KrefTableOps.PutMutexTable.class));
    }

    @Test
    @Checks(protocol = "kref-table-put-mutex", variant = "correct")
    void putMutexTableIsLinearizableUnderStress() {
        LincheckVerdicts.expectPasses(() -> stress(KrefTableOps.PutMutexTable.class)
                .check(KrefTableOps.PutMutexTable.class));
    }

    // ---------------------------------------------------------------------------------------------------------

    /**
     * B4's and B5's minimal scenario. Parallel: the creator (thread 1) puts its reference, the last one, while
     * thread 2 looks the entry up, and puts what it got; post: one more lookup. A correct table either hands
     * thread 2 a reference before the creator's put (which then only drops) or refuses it; B4 hands out the dying
     * entry (the creator's put still releases it), B5 reads the freed entry's counter.
     */
    static ExecutionScenario creatorPutAgainstLookup(Class<? extends KrefTableOps> ops) {
        Actor creatorPut = actor(ops, "put", KrefTableOps.CREATOR);
        Actor lookup = actor(ops, "lookup", 2);
        Actor put = actor(ops, "put", 2);
        Actor postLookup = actor(ops, "lookup", KrefTableOps.THREADS + 1);
        return new ExecutionScenario(List.of(), List.of(List.of(creatorPut), List.of(lookup, put)),
                List.of(postLookup), null);
    }

    private static Actor actor(Class<?> ops, String operation, int threadId) {
        try {
            return new Actor(ops.getMethod(operation, int.class), List.of(threadId));
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(ops.getName() + " has no operation " + operation + "(int)", e);
        }
    }
}
