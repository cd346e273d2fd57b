package org.refcheck.fray;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.function.Supplier;
import kotlin.Unit;
import org.pastalab.fray.core.observers.TimelineCoverageType;
import org.pastalab.fray.core.randomness.ControlledRandomProvider;
import org.pastalab.fray.core.scheduler.PCTScheduler;
import org.pastalab.fray.core.scheduler.POSScheduler;
import org.pastalab.fray.core.scheduler.Scheduler;
import org.pastalab.fray.junit.junit5.FrayTestExtension;
import org.pastalab.fray.junit.plain.FrayInTestLauncher;

/**
 * One Fray search of one scenario: the scenario run again and again under one of Fray's schedulers until it throws
 * (Fray stops at its first bug) or the budget of iterations or seconds is spent.
 *
 * <pre> {@code
 * FrayRun.Outcome o = FrayRun.search(SideBySideRows.ARC_B10.scenario(), FrayRun.Strategy.POS, 10_000, 60);
 * o.found();        // the scenario threw in iteration o.iterations()
 * }</pre>
 *
 * <p>Fray only sees what surfaces as an exception, an assertion failure or a deadlock: refcheck's scenarios throw
 * on their own thread when the lifetime tracker saw a violation, and a spawned thread's failure is rethrown by its
 * join. Fray prints a progress screen (with terminal escapes) to standard output; it is dropped during the search.
 */
final class FrayRun {

    private FrayRun() {
    }

    /** The Fray schedulers measured: POS is {@code @FrayTest}'s default, PCT with its default 3 switch points. */
    enum Strategy {
        POS("Fray POS", POSScheduler::new),
        PCT("Fray PCT", PCTScheduler::new);

        final String label;
        private final Supplier<Scheduler> scheduler;

        Strategy(String label, Supplier<Scheduler> scheduler) {
            this.label = label;
            this.scheduler = scheduler;
        }
    }

    /**
     * What one search did: {@code iterations} run (the failing one included), {@code millis} to the first failure
     * or to the end of the budget, and the failure, or null when every iteration passed.
     */
    record Outcome(long iterations, double millis, Throwable failure) {
        boolean found() {
            return failure != null;
        }

        /**
         * Whether the failure is the scenario's own (the lifetime tracker's violations, which the scenario throws as
         * an {@code AssertionError} "lifetime violations: ..."), anywhere in the cause chain, and not an error of
         * Fray or of the harness.
         */
        boolean foundLifetimeViolation() {
            for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof AssertionError && String.valueOf(t.getMessage()).contains("lifetime violations")) {
                    return true;
                }
            }
            return false;
        }

        double perSecond() {
            return millis <= 0 ? 0 : iterations / (millis / 1000.0);
        }
    }

    /** Whether this JVM runs Fray: the instrumented image with its agents, as {@code @FrayTest} itself decides. */
    static boolean active() {
        return new FrayTestExtension().getEnabled();
    }

    /** Searches {@code scenario} with {@code strategy} for at most {@code iterations} iterations or {@code seconds}. */
    static Outcome search(Runnable scenario, Strategy strategy, int iterations, int seconds) {
        long[] runs = {0};
        Runnable counted = () -> {
            runs[0]++;   // the main thread of each iteration, before the scenario spawns any
            scenario.run();
        };
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        long start = System.nanoTime();
        Throwable failure = null;
        try {
            FrayInTestLauncher.INSTANCE.launchFray(counted, strategy.scheduler.get(), new ControlledRandomProvider(),
                    iterations, seconds, false, TimelineCoverageType.NONE, config -> Unit.INSTANCE);
        } catch (Throwable t) {
            failure = t;
        } finally {
            System.setOut(out);
        }
        return new Outcome(runs[0], (System.nanoTime() - start) / 1e6, failure);
    }
}
