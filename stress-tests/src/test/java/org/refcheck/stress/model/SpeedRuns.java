package org.refcheck.stress.model;

import java.util.ArrayList;
import java.util.List;
import org.refcheck.model.Model;
import org.refcheck.model.ModelResult;

/**
 * How the side-by-side harnesses time refcheck on one row: one exhaustive run, the median of warm runs, and the
 * verdict words of the tables. {@link CheckerSpeed} (against Lincheck) and the Fray module (against Fray) share it.
 */
public final class SpeedRuns {

    /** Warm runs per median: {@code -Drefcheck.speed.repeats}, default 5. */
    public static final int REPEATS = Integer.getInteger("refcheck.speed.repeats", 5);

    private SpeedRuns() {
    }

    /**
     * Figures of one checker on one row: {@code firstMillis} is the time to the first failing execution (for
     * refcheck before it minimises the counterexample), or the whole time when none failed.
     */
    public record Figures(long runs, double millis, double firstMillis, boolean found, boolean complete) {
        public double perSecond() {
            return millis <= 0 ? 0 : runs / (millis / 1000.0);
        }
    }

    /** One measured run of one checker on one row. */
    @FunctionalInterface
    public interface Measure {
        Figures run();
    }

    /** Runs {@code m} once to warm up, then {@link #REPEATS} times; the run of median time. */
    public static Figures median(Measure m) {
        m.run();   // warm-up
        List<Figures> all = new ArrayList<>();
        for (int i = 0; i < REPEATS; i++) {
            all.add(m.run());
        }
        all.sort((a, b) -> Double.compare(a.millis, b.millis));
        return all.get(all.size() / 2);
    }

    /** One exhaustive refcheck run of {@code scenario} (no preemption bound) with the given state cache. */
    public static Figures refcheck(Runnable scenario, Model.StateCache cache) {
        long start = System.nanoTime();
        long[] first = {-1};
        ModelResult r = Model.builder().maxPreemptions(-1).stateCache(cache)
                .onFailure(failure -> {
                    if (first[0] < 0) {
                        first[0] = System.nanoTime();
                    }
                })
                .check(scenario);
        double millis = r.wallTime().toNanos() / 1e6;
        double firstMillis = first[0] < 0 ? millis : (first[0] - start) / 1e6;
        return new Figures(r.executions(), millis, firstMillis, r.failed(), r.exhaustive());
    }

    /** A checker's verdict on one row: found or MISSED for a mutant; FLAGGED, exhausted or not for a correct one. */
    public static String verdict(boolean mutant, Figures f) {
        if (mutant) {
            return f.found ? "found" : "MISSED";
        }
        if (f.found) {
            return "FLAGGED";
        }
        return f.complete ? "exhausted" : "not exhausted";
    }
}
