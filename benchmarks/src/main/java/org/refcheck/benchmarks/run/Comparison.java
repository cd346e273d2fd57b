package org.refcheck.benchmarks.run;

/**
 * A benchmark measured against a baseline: the ratio is the operation's time over the baseline's (below 1: faster).
 * With {@code maxRatio} set it is a design target: the ratio must not exceed it.
 *
 * @param operation {@code Class.method} of the measured benchmark
 * @param baseline  {@code Class.method} of what it is compared with
 * @param maxRatio  the target, or {@code null} where the ratio is reported only
 * @param target    the target as the design states it, for the table
 */
public record Comparison(String operation, String baseline, Double maxRatio, String target) {

    static Comparison of(String operation, String baseline) {
        return new Comparison(operation, baseline, null, "");
    }

    static Comparison target(String operation, String baseline, double maxRatio, String target) {
        return new Comparison(operation, baseline, maxRatio, target);
    }

    /** "met", or how far the ratio is past the target ("missed by 12%" / "missed: 4.1x over"). */
    String verdict(double ratio) {
        if (maxRatio == null) {
            return "";
        }
        if (ratio <= maxRatio) {
            return "met";
        }
        double over = ratio / maxRatio;
        return over < 2 ? String.format(java.util.Locale.ROOT, "missed by %.0f%%", (over - 1) * 100)
                : String.format(java.util.Locale.ROOT, "missed: %.1fx over", over);
    }
}
