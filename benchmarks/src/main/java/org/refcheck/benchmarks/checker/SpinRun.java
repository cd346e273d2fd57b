package org.refcheck.benchmarks.checker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SPIN verification of {@code benchmarks/spin/refcount.pml} for given NT and OPS: generate the verifier
 * ({@code spin -a}), compile it with a memory limit, run it, and read what pan prints: states stored, total
 * memory, elapsed time, and whether it ran out of memory; with or without SPIN's partial-order reduction.
 *
 * @param states     pan's "states, stored"
 * @param megabytes  pan's "total actual memory usage"
 * @param seconds    wall time of the pan run (pan's own "elapsed time" has a resolution of 10 ms)
 * @param outcome    "exhausted", "out of memory (limit N MB)", "timed out", or pan's error
 */
record SpinRun(long states, double megabytes, double seconds, String outcome) {

    private static final Pattern STORED = Pattern.compile("(\\d+(?:e\\+\\d+)?) states, stored");
    private static final Pattern MEMORY = Pattern.compile("([\\d.]+)\\s+total actual memory usage");

    /** Runs SPIN in a fresh temporary directory; {@code memoryLimitMb} protects the machine. */
    static SpinRun verify(Path model, int nt, int ops, boolean reduce, int memoryLimitMb, long timeoutSeconds)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("refcheck-spin-");
        try {
            Files.copy(model, dir.resolve("refcount.pml"));
            String gen = exec(dir, 60, "spin", "-DNT=" + nt, "-DOPS=" + ops, "-a", "refcount.pml");
            if (!Files.exists(dir.resolve("pan.c"))) {
                return new SpinRun(0, 0, 0, "spin -a failed: " + gen.lines().findFirst().orElse(""));
            }
            exec(dir, 120, "cc", "-O2", "-DSAFETY", reduce ? "-DSAFETY" : "-DNOREDUCE", "-DMEMLIM=" + memoryLimitMb,
                    "-o", "pan", "pan.c");
            long start = System.nanoTime();
            String out = exec(dir, timeoutSeconds, "./pan", "-m10000000", "-w25");
            double seconds = (System.nanoTime() - start) / 1e9;
            long states = 0;
            Matcher m = STORED.matcher(out);
            if (m.find()) {
                states = (long) Double.parseDouble(m.group(1));
            }
            double mb = 0;
            Matcher mm = MEMORY.matcher(out);
            if (mm.find()) {
                mb = Double.parseDouble(mm.group(1));
            }
            String outcome = out.contains("out of memory") ? "out of memory (limit " + memoryLimitMb + " MB)"
                    : out.contains("TIMED OUT") ? "timed out after " + timeoutSeconds + " s"
                    : out.contains("errors: 0") ? "exhausted" : "pan reported: " + firstError(out);
            return new SpinRun(states, mb, seconds, outcome);
        } finally {
            try (var files = Files.walk(dir)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static String firstError(String out) {
        return out.lines().filter(l -> l.contains("error") || l.contains("pan:")).findFirst().orElse("?");
    }

    private static String exec(Path dir, long timeoutSeconds, String... command)
            throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[][] out = new byte[1][];
        Thread reader = new Thread(() -> {
            try {
                out[0] = p.getInputStream().readAllBytes();
            } catch (IOException e) {
                out[0] = new byte[0];
            }
        });
        reader.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            reader.join();
            return new String(out[0] == null ? new byte[0] : out[0], StandardCharsets.UTF_8) + "\nTIMED OUT";
        }
        reader.join();
        return new String(out[0], StandardCharsets.UTF_8);
    }
}
