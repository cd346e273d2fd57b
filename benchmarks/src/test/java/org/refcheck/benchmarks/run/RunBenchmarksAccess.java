package org.refcheck.benchmarks.run;

/** Lets tests of other packages call the package-private {@link RunBenchmarks#run}. */
public final class RunBenchmarksAccess {

    private RunBenchmarksAccess() {
    }

    public static int run(String... args) {
        return RunBenchmarks.run(args);
    }
}
