package org.refcheck.stress.lincheck;

import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.StressOptions;

/**
 * Lincheck sizes from system properties, small by default so that {@code mvn verify} stays quick; the parent pom
 * sets them ({@code lincheck.iterations}, {@code lincheck.invocations}) and {@code -Pfull} scales them up.
 *
 * <pre> {@code
 * Lincheck.runConcurrentTest(LincheckSizes.invocations(), () -> ...);
 * LincheckSizes.modelChecking().threads(2).actorsPerThread(2).check(Ops.class);
 * }</pre>
 */
public final class LincheckSizes {

    private LincheckSizes() {
    }

    /** Scenarios per data-structure check ({@code -Dlincheck.iterations}, default 20). */
    public static int iterations() {
        return Integer.getInteger("lincheck.iterations", 20);
    }

    /**
     * Invocations per scenario for data-structure checks, and the invocation budget of
     * {@code Lincheck.runConcurrentTest} ({@code -Dlincheck.invocations}, default 2000).
     */
    public static int invocations() {
        return Integer.getInteger("lincheck.invocations", 2000);
    }

    /** Model-checking options with the configured sizes. */
    public static ModelCheckingOptions modelChecking() {
        return new ModelCheckingOptions().iterations(iterations()).invocationsPerIteration(invocations());
    }

    /** Stress options with the configured sizes. */
    public static StressOptions stress() {
        return new StressOptions().iterations(iterations()).invocationsPerIteration(invocations());
    }
}
