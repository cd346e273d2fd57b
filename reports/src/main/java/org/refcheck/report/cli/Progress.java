package org.refcheck.report.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The progress line: what is running, units done of the total, time so far, and an estimate of the time left.
 *
 * <pre>
 * [Lincheck 4/31] KrefTableLincheckTest#lookupVsPut . 38/150 done . 1m12s . about 6m left
 * </pre>
 *
 * <p>On a terminal the line is redrawn in place; otherwise (a log, a CI job) a line is printed when a runner starts
 * and at most every ten seconds. The estimate appears after a few seconds: each runner's remaining units times the
 * mean time of its units so far (before any finished, a per-runner guess for the mode), or jcstress's own estimate
 * while jcstress runs.
 *
 * <p>Implementation notes. Events come from the thread that reads a runner's output, one runner at a time; a
 * daemon ticker redraws the line every second on a terminal (every ten seconds otherwise) so that the time moves
 * while a long unit runs. Every method that touches the state holds the monitor.
 */
final class Progress {

    private static final long PRINT_EVERY_NANOS = Duration.ofSeconds(10).toNanos();
    private static final long ESTIMATE_AFTER_NANOS = Duration.ofSeconds(3).toNanos();

    private final PrintStream out;
    private final boolean terminal;
    private final Map<WorkUnit.Kind, Integer> total = new EnumMap<>(WorkUnit.Kind.class);
    private final Map<WorkUnit.Kind, Integer> done = new EnumMap<>(WorkUnit.Kind.class);
    private final Map<WorkUnit.Kind, Long> spentNanos = new EnumMap<>(WorkUnit.Kind.class);
    private final Map<WorkUnit.Kind, Double> guessSeconds;
    private final long start = System.nanoTime();
    private WorkUnit.Kind phase;
    private long phaseStart;
    private String current = "";
    private long jcstressEtaSeconds = -1;
    private long lastPrint;
    private int lastWidth;

    private final java.util.concurrent.ScheduledExecutorService ticker;

    Progress(PrintStream out, boolean terminal, Map<WorkUnit.Kind, Integer> totals,
             Map<WorkUnit.Kind, Double> guessSeconds) {
        this.out = out;
        this.terminal = terminal;
        this.total.putAll(totals);
        this.guessSeconds = guessSeconds;
        this.ticker = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "refcheck-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::tick, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
    }

    private synchronized void tick() {
        if (phase != null) {
            draw(false);
        }
    }

    /** A runner starts. */
    synchronized void phase(WorkUnit.Kind kind) {
        phase = kind;
        phaseStart = System.nanoTime();
        current = "starting";
        draw(true);
    }

    /** A unit starts. */
    synchronized void started(String name) {
        current = name;
        draw(false);
    }

    /** A unit of the current runner finished. */
    synchronized void finished() {
        done.merge(phase, 1, Integer::sum);
        long now = System.nanoTime();
        spentNanos.put(phase, now - phaseStart);
        draw(false);
    }

    /** jcstress's own count and estimate (its status line). */
    synchronized void jcstress(int finished, long etaSeconds, String name) {
        done.put(WorkUnit.Kind.JCSTRESS, finished);
        spentNanos.put(WorkUnit.Kind.JCSTRESS, System.nanoTime() - phaseStart);
        jcstressEtaSeconds = etaSeconds;
        if (name != null) {
            current = name;
        }
        draw(false);
    }

    /** The current runner ended. */
    synchronized void endPhase() {
        spentNanos.put(phase, System.nanoTime() - phaseStart);
    }

    /** Ends the line (a terminal's redrawn line gets its newline). */
    synchronized void close() {
        ticker.shutdownNow();
        if (terminal && lastWidth > 0) {
            out.println();
        }
        lastWidth = 0;
    }

    /** Seconds left: every runner's remaining units at its mean unit time, jcstress by its own estimate. */
    long secondsLeft() {
        double left = 0;
        for (Map.Entry<WorkUnit.Kind, Integer> e : total.entrySet()) {
            WorkUnit.Kind k = e.getKey();
            int remaining = Math.max(0, e.getValue() - done.getOrDefault(k, 0));
            if (k == WorkUnit.Kind.JCSTRESS && k == phase && jcstressEtaSeconds >= 0) {
                left += jcstressEtaSeconds;
                continue;
            }
            int finished = done.getOrDefault(k, 0);
            double mean = finished > 0 ? spentNanos.getOrDefault(k, 0L) / 1e9 / finished
                    : guessSeconds.getOrDefault(k, 5.0);
            left += remaining * mean;
        }
        return Math.round(left);
    }

    String line() {
        int all = total.values().stream().mapToInt(Integer::intValue).sum();
        int finished = done.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder s = new StringBuilder();
        if (phase != null) {
            s.append('[').append(phase.title()).append(' ').append(done.getOrDefault(phase, 0)).append('/')
                    .append(total.getOrDefault(phase, 0)).append("] ");
        }
        s.append(current).append(" . ").append(finished).append('/').append(all).append(" done . ")
                .append(duration((System.nanoTime() - start) / 1_000_000_000L));
        if (System.nanoTime() - start > ESTIMATE_AFTER_NANOS) {
            s.append(" . about ").append(duration(secondsLeft())).append(" left");
        }
        return s.toString();
    }

    private void draw(boolean force) {
        long now = System.nanoTime();
        String text = line();
        if (terminal) {
            String shown = text.length() > 150 ? text.substring(0, 147) + "..." : text;
            out.print("\r" + shown + " ".repeat(Math.max(0, lastWidth - shown.length())));
            out.flush();
            lastWidth = shown.length();
        } else if (force || now - lastPrint > PRINT_EVERY_NANOS) {
            out.println(text);
            lastPrint = now;
        }
    }

    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m" + String.format("%02d", seconds % 60) + "s";
        }
        return seconds / 3600 + "h" + String.format("%02d", seconds / 60 % 60) + "m";
    }
}
