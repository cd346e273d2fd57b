package org.refcheck.report.collect;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.refcheck.report.schema.Environment;

/**
 * Describes the machine the collector runs on (the one the checkers ran on, in the build): JVM, operating system,
 * CPUs, the refcheck tree's git commit.
 */
public final class EnvironmentProbe {

    /*
     * Implementation notes. The commit comes from running git in the project directory (a 10-second limit; no git
     * or no repository gives an empty commit rather than a failure). Local changes to tracked files mark it
     * "+dirty"; untracked files (build output) do not. The machine label defaults to $HOSTNAME, which containers
     * set, before the resolver's host name.
     */

    private EnvironmentProbe() {
    }

    /**
     * The environment of this run.
     *
     * @param machine  the run's label; empty for the host name
     * @param projectDir a directory inside the refcheck git tree, for the commit
     */
    public static Environment probe(String machine, String mode, Map<String, String> bounds, String version,
                             Path projectDir, Instant start, Instant end) {
        return new Environment(machine.isBlank() ? hostName() : machine, System.getProperty("java.vm.vendor", ""),
                System.getProperty("java.runtime.version", System.getProperty("java.version", "")),
                System.getProperty("os.name", "") + " " + System.getProperty("os.version", "") + " "
                        + System.getProperty("os.arch", ""),
                Runtime.getRuntime().availableProcessors(), cpuModel(), mode, bounds, version, gitCommit(projectDir),
                start.truncatedTo(ChronoUnit.SECONDS).toString(), end.truncatedTo(ChronoUnit.SECONDS).toString());
    }

    static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "local";
        }
    }

    /** The first {@code model name} of {@code /proc/cpuinfo}, or empty where there is none. */
    static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        try {
            if (Files.isReadable(cpuinfo)) {
                for (String line : Files.readAllLines(cpuinfo, StandardCharsets.UTF_8)) {
                    if (line.startsWith("model name") && line.contains(":")) {
                        return line.substring(line.indexOf(':') + 1).strip();
                    }
                }
            }
        } catch (IOException e) {
            return "";
        }
        return "";
    }

    /** {@code git rev-parse HEAD}, with {@code +dirty} for local changes; empty outside a git tree. */
    static String gitCommit(Path dir) {
        String head = git(dir, "rev-parse", "HEAD");
        if (head.isEmpty()) {
            return "";
        }
        return git(dir, "status", "--porcelain", "--untracked-files=no").isEmpty() ? head : head + "+dirty";
    }

    private static String git(Path dir, String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "git";
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return "";
            }
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
