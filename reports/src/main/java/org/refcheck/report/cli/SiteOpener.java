package org.refcheck.report.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Opens the finished report in the user's browser: {@code xdg-open} where a display is set, {@code open} on macOS.
 * Failing to open it is never an error: the path is always printed.
 */
final class SiteOpener {

    private SiteOpener() {
    }

    static boolean hasDisplay() {
        boolean mac = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac");
        return mac || System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
    }

    /** Tries to open the page; returns whether a browser was started. */
    static boolean open(Path page) {
        boolean mac = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac");
        List<String> command = List.of(mac ? "open" : "xdg-open", page.toUri().toString());
        try {
            new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
