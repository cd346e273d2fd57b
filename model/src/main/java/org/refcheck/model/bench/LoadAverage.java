package org.refcheck.model.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's load average as {@code uptime} prints it, so that figures measured on a busy machine say so. */
final class LoadAverage {

    private LoadAverage() {
    }

    /** The 1, 5 and 15 minute load averages from /proc/loadavg, or "unknown" where there is none. */
    static String read() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
