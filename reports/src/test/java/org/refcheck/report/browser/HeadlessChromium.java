package org.refcheck.report.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A headless Chromium started for one test class, offline and with a fresh profile, with its DevTools endpoint on a
 * loopback port; {@link #close()} ends it (and only it).
 *
 * <p>The executable is {@code -Dreports.chromium=PATH}, else the first of {@code chromium}, {@code chromium-browser}
 * and {@code google-chrome} on the {@code PATH} (Debian's package {@code chromium}, which {@code .ci/run} installs).
 */
final class HeadlessChromium implements AutoCloseable {

    /*
     * Implementation notes. --remote-debugging-port=0 makes Chromium pick a free port and write it, with the browser
     * target's path, to DevToolsActivePort in the profile directory; we poll for that file. Chromium's own logging
     * goes to chromium.log in the profile directory (DBus complaints there are harmless on a headless host). The
     * flags switch off every background fetch Chromium makes on its own (component updates, sync, safe browsing
     * lists, QUIC probes), so that the page's own requests are the only ones.
     */

    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-default-apps", "--disable-extensions", "--mute-audio", "--window-size=1400,1000");

    private final Process process;
    private final Path profile;
    private final String webSocketUrl;

    private HeadlessChromium(Process process, Path profile, String webSocketUrl) {
        this.process = process;
        this.profile = profile;
        this.webSocketUrl = webSocketUrl;
    }

    /** The executable to use, if there is one. */
    static Optional<Path> executable() {
        String configured = System.getProperty("reports.chromium", "");
        if (!configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        String path = System.getenv().getOrDefault("PATH", "/usr/bin");
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** Starts Chromium; fails if it does not open its DevTools endpoint within 60 seconds. */
    static HeadlessChromium start(Path executable) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("refcheck-chromium-");
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(FLAGS);
        command.add("--user-data-dir=" + profile);
        command.add("--remote-debugging-port=0");
        command.add("--remote-debugging-address=127.0.0.1");
        command.add("about:blank");
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(profile.resolve("chromium.log").toFile()).start();
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Files.exists(portFile)) {
                List<String> lines = Files.readAllLines(portFile, StandardCharsets.UTF_8);
                if (lines.size() >= 2) {
                    return new HeadlessChromium(p, profile, "ws://127.0.0.1:" + lines.get(0).strip()
                            + lines.get(1).strip());
                }
            }
            if (!p.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        p.destroyForcibly();
        throw new IOException(executable + " did not open its DevTools endpoint; its log:\n"
                + Files.readString(profile.resolve("chromium.log"), StandardCharsets.UTF_8));
    }

    /** The browser target's DevTools WebSocket URL. */
    String webSocketUrl() {
        return webSocketUrl;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        try (var files = Files.walk(profile)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException | UncheckedIOException profileStillInUse) {
            // a helper process may still hold, or just have removed, a file (Files.walk reports the latter as an
            // UncheckedIOException); the temporary directory is cleaned by the OS
        }
    }
}
