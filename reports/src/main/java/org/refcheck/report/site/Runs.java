package org.refcheck.report.site;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.refcheck.report.schema.CatalogueRow;
import org.refcheck.report.schema.CheckResult;
import org.refcheck.report.schema.CheckerState;
import org.refcheck.report.schema.RunReport;

/**
 * One or more runs, merged for the site: the union of their catalogue rows and checkers, each run's label (its
 * machine, made unique), and each run's checks by catalogue cell.
 *
 * <p>Runs keep the order they were given in; that is the order of the per-run columns.
 */
final class Runs {

    /*
     * Implementation notes. Cells are looked up by "protocol/variant" + NUL + checker id, a key no id can forge.
     * Catalogue rows are merged by id with the first run's row winning, so a later run with an older catalogue shows
     * its verdicts under the newer description; rows only a later run knows are appended.
     */

    private final List<RunReport> runs;
    private final List<String> labels = new ArrayList<>();
    private final Map<String, CatalogueRow> rows = new LinkedHashMap<>();
    private final Map<String, String> checkerTitles = new LinkedHashMap<>();
    private final List<Map<String, List<CheckResult>>> cells = new ArrayList<>();

    Runs(List<RunReport> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no run to show");
        }
        this.runs = List.copyOf(runs);
        Map<String, Integer> seen = new HashMap<>();
        for (RunReport r : runs) {
            String machine = r.environment().machine();
            int n = seen.merge(machine, 1, Integer::sum);
            labels.add(n == 1 ? machine : machine + " #" + n);
            for (CatalogueRow row : r.entries()) {
                rows.putIfAbsent(row.id(), row);
            }
            for (CheckerState c : r.checkers()) {
                checkerTitles.putIfAbsent(c.id(), c.title());
            }
            Map<String, List<CheckResult>> byCell = new HashMap<>();
            for (CheckResult c : r.checks()) {
                byCell.computeIfAbsent(key(c.entryId(), c.checker()), k -> new ArrayList<>()).add(c);
            }
            cells.add(byCell);
        }
    }

    /** The number of runs. */
    int size() {
        return runs.size();
    }

    RunReport run(int i) {
        return runs.get(i);
    }

    /** The run's column label: its machine, with {@code #2}, {@code #3} for repeated machines. */
    String label(int i) {
        return labels.get(i);
    }

    /** Every catalogue row of any run, in the first run's order. */
    List<CatalogueRow> rows() {
        return List.copyOf(rows.values());
    }

    /** The protocols, in catalogue order. */
    List<String> protocols() {
        Set<String> p = new LinkedHashSet<>();
        rows.values().forEach(r -> p.add(r.protocol()));
        return List.copyOf(p);
    }

    /** The rows of one protocol: the correct variant first, then its mutants. */
    List<CatalogueRow> rowsOf(String protocol) {
        List<CatalogueRow> of = new ArrayList<>();
        rows.values().stream().filter(r -> r.protocol().equals(protocol) && !r.isMutant()).forEach(of::add);
        rows.values().stream().filter(r -> r.protocol().equals(protocol) && r.isMutant()).forEach(of::add);
        return of;
    }

    /** The checker ids of any run. */
    List<String> checkers() {
        return List.copyOf(checkerTitles.keySet());
    }

    String checkerTitle(String id) {
        return checkerTitles.getOrDefault(id, id);
    }

    /** The state of a checker in a run, or a not-run state if that run does not know the checker. */
    CheckerState checkerState(int run, String checker) {
        return runs.get(run).checkers().stream().filter(c -> c.id().equals(checker)).findFirst()
                .orElse(new CheckerState(checker, checkerTitle(checker), false, false,
                        "this run does not know the checker"));
    }

    /** The checks of one cell in one run. */
    List<CheckResult> checks(int run, String entryId, String checker) {
        return cells.get(run).getOrDefault(key(entryId, checker), List.of());
    }

    /** The aggregate verdict of one cell in one run. */
    Cell cell(int run, CatalogueRow row, String checker) {
        return Cell.of(checks(run, row.id(), checker), row.expectedOf(checker), checkerState(run, checker));
    }

    /** Whether the cell's verdict kind differs between runs. */
    boolean differs(CatalogueRow row, String checker) {
        Set<String> kinds = new LinkedHashSet<>();
        for (int i = 0; i < size(); i++) {
            kinds.add(cell(i, row, checker).comparisonKey());
        }
        return kinds.size() > 1;
    }

    private static String key(String entryId, String checker) {
        return entryId + "\u0000" + checker;
    }
}
