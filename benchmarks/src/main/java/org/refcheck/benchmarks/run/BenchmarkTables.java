package org.refcheck.benchmarks.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.refcheck.model.bench.PerformanceReport;
import org.refcheck.model.bench.PerformanceTable;

/**
 * Turns benchmark figures into the performance document's two tables: every operation with its score, error and
 * ratio to its baseline, and every comparison (targets first) with its verdict.
 */
final class BenchmarkTables {

    private BenchmarkTables() {
    }

    /** Adds the tables for {@code measured} to {@code report}. */
    static void addTo(PerformanceReport report, List<Measured> measured, List<Comparison> comparisons, String note) {
        Map<String, Measured> byName = new LinkedHashMap<>();
        for (Measured m : measured) {
            byName.put(m.operation(), m);
        }
        PerformanceTable scores = report.table("jmh", "JMH: time per operation", List.of("operation", "threads",
                "score", "error", "unit", "baseline", "ratio to baseline"));
        for (Measured m : measured) {
            Comparison first = comparisons.stream().filter(c -> c.operation().equals(m.operation())).findFirst()
                    .orElse(null);
            Measured base = first == null ? null : byName.get(first.baseline());
            scores.row(m.operation(), m.threads(), m.score(), m.error(), m.unit(),
                    base == null ? "" : base.operation(), base == null ? null : round(m.score() / base.score()));
        }
        scores.note(note);
        PerformanceTable ratios = report.table("jmh-ratios", "JMH: ratios and design targets", List.of("operation",
                "baseline", "ratio", "target", "verdict"));
        for (boolean targets : new boolean[] {true, false}) {
            for (Comparison c : comparisons) {
                Measured op = byName.get(c.operation());
                Measured base = byName.get(c.baseline());
                if ((c.maxRatio() != null) != targets || op == null || base == null) {
                    continue;
                }
                double ratio = op.score() / base.score();
                ratios.row(c.operation(), c.baseline(), round(ratio), c.target(), c.verdict(ratio));
            }
        }
        ratios.note("ratio = time per operation / the baseline's, measured in the same run (below 1: faster than "
                + "the baseline). " + note);
    }

    private static double round(double ratio) {
        return Math.round(ratio * 1000) / 1000.0;
    }
}
