package org.refcheck.benchmarks.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.refcheck.model.bench.PerformanceReport;
import org.refcheck.model.bench.PerformanceTable;

class BenchmarkTablesTest {

    @Test
    void ratiosAreToTheFirstBaselineAndTargetsComeFirst() {
        List<Measured> measured = List.of(
                new Measured("X.fast", 1, 2.0, 0.1, "ns/op"),
                new Measured("X.base", 1, 1.0, 0.05, "ns/op"),
                new Measured("X.other", 1, 4.0, 0.2, "ns/op"));
        List<Comparison> comparisons = List.of(
                Comparison.of("X.other", "X.base"),
                Comparison.target("X.fast", "X.base", 1.05, "within 5%"),
                Comparison.of("X.fast", "X.other"));
        PerformanceReport report = new PerformanceReport("t", "test");
        BenchmarkTables.addTo(report, measured, comparisons, "note");
        PerformanceTable scores = report.tables().get(0);
        assertEquals(List.of("X.fast", 1, 2.0, 0.1, "ns/op", "X.base", 2.0), scores.rows().get(0));
        assertEquals(null, scores.rows().get(1).get(6), "a baseline without its own baseline has no ratio");
        PerformanceTable ratios = report.tables().get(1);
        assertEquals(List.of("X.fast", "X.base", 2.0, "within 5%", "missed by 90%"), ratios.rows().get(0));
        assertEquals(3, ratios.rows().size());
        assertEquals(0.5, ratios.rows().get(2).get(2));
        assertTrue(report.toJson().contains("\"missed by 90%\""));
    }
}
