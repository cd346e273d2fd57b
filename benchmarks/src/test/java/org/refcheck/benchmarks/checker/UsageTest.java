package org.refcheck.benchmarks.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad arguments: one line on standard error naming the problem, exit status 2, and nothing measured. */
class UsageTest {

    @TempDir
    Path dir;

    private static String stderrOf(Callable<Integer> run, int expectedStatus) throws Exception {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertEquals(expectedStatus, run.call());
        } finally {
            System.setErr(old);
        }
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void throughputWithoutOutIsAUsageError() throws Exception {
        String err = stderrOf(() -> CheckerThroughput.run("--repeats", "3"), 2);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("usage: CheckerThroughput"), err);
        assertTrue(stderrOf(() -> CheckerThroughput.run("--out", "x.json", "--bogus"), 2).contains("--bogus"));
    }

    @Test
    void spinComparisonNeedsAnExistingModel() throws Exception {
        String err = stderrOf(() -> SpinComparison.run("--model", dir.resolve("missing.pml").toString(), "--out",
                dir.resolve("out.json").toString()), 2);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains("an existing .pml"), err);
        assertTrue(Files.notExists(dir.resolve("out.json")));
    }

    @Test
    void benchmarkRunnerRefusesUnknownArguments() throws Exception {
        String err = stderrOf(() -> org.refcheck.benchmarks.run.RunBenchmarksAccess.run("--nope"), 2);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("usage: RunBenchmarks"), err);
    }
}
