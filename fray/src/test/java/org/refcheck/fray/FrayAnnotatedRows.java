package org.refcheck.fray;

import org.junit.jupiter.api.extension.ExtendWith;
import org.pastalab.fray.core.scheduler.PCTScheduler;
import org.pastalab.fray.junit.junit5.FrayTestExtension;
import org.pastalab.fray.junit.junit5.annotations.FrayTest;
import org.refcheck.stress.model.SideBySideRows;

/**
 * Side-by-side rows as a user would write them with Fray's JUnit 5 integration: {@code @FrayTest} (POS by default,
 * or PCT). The mutants' methods fail by design, so surefire does not run this class (its name matches none of
 * surefire's patterns); {@link FrayJUnitGateTest} launches it and checks each method's outcome, and that Fray did
 * not disable the methods, as it silently does in a JVM without its instrumented JDK and agents.
 */
@ExtendWith(FrayTestExtension.class)
class FrayAnnotatedRows {

    static final int ITERATIONS = 200;

    @FrayTest(iterations = ITERATIONS)
    void refDropDrop() {
        SideBySideRows.REF.scenario().run();
    }

    @FrayTest(iterations = ITERATIONS, scheduler = PCTScheduler.class)
    void arcUpgradeVsLastDropPct() {
        SideBySideRows.ARC.scenario().run();
    }

    @FrayTest(iterations = ITERATIONS)
    void arcB10FetchAddUpgrade() {
        SideBySideRows.ARC_B10.scenario().run();
    }

    @FrayTest(iterations = ITERATIONS, scheduler = PCTScheduler.class)
    void krefB4UnlockedPutPct() {
        SideBySideRows.KREF_A_B4.scenario().run();
    }

    /** Fray's claim that an exception in a spawned thread fails the test, checked with a bare thread. */
    @FrayTest(iterations = ITERATIONS)
    void childThreadThrows() throws InterruptedException {
        Thread child = new Thread(() -> {
            throw new IllegalStateException("thrown in a spawned thread");
        });
        child.start();
        child.join();
    }
}
