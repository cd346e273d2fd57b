package org.refcheck.report.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.refcheck.report.schema.CheckResult;
import org.refcheck.report.schema.CheckerState;
import org.refcheck.report.schema.Environment;
import org.refcheck.report.schema.RunReport;

/**
 * Puts the shards of a run back together: documents whose bounds carry {@value #RUN} and {@value #SHARD}
 * ({@code K/N}) with the same run name and the same {@code N} become one run, with every shard's checks and each
 * checker run if it ran in any shard. A checker counts as having run its whole suite only when all {@code N} shards
 * are present and the run selected everything ({@value #SELECTION} {@code = all}), so that the catalogue's coverage
 * is judged on the merge, never on one shard. Documents that are not shards pass through unchanged.
 */
final class ShardMerge {

    /** The bound naming the run a shard belongs to. */
    static final String RUN = "run";
    /** The bound giving the shard, {@code K/N}. */
    static final String SHARD = "shard";
    /** The bound saying what the run selected: {@code all}, or its filters. */
    static final String SELECTION = "selection";

    private ShardMerge() {
    }

    /** The runs, shards merged; {@code warnings} gets one line per missing shard. */
    static List<RunReport> merge(List<RunReport> documents, List<String> warnings) {
        Map<String, List<RunReport>> groups = new LinkedHashMap<>();
        List<Object> order = new ArrayList<>();
        for (RunReport r : documents) {
            String shard = r.environment().bounds().get(SHARD);
            if (shard == null || shard.equals("1/1")) {
                order.add(r);
                continue;
            }
            Shard s = Shard.parse(shard);
            String key = r.environment().bounds().getOrDefault(RUN, "") + "\u0000" + s.count();
            if (!groups.containsKey(key)) {
                order.add(key);
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        List<RunReport> runs = new ArrayList<>();
        for (Object o : order) {
            runs.add(o instanceof RunReport r ? r : mergeGroup(groups.get((String) o), warnings));
        }
        return runs;
    }

    private static RunReport mergeGroup(List<RunReport> shards, List<String> warnings) {
        Environment first = shards.get(0).environment();
        String run = first.bounds().getOrDefault(RUN, "");
        int count = Shard.parse(first.bounds().get(SHARD)).count();
        Map<Integer, RunReport> byIndex = new TreeMap<>();
        for (RunReport r : shards) {
            int index = Shard.parse(r.environment().bounds().get(SHARD)).index();
            if (byIndex.put(index, r) != null) {
                throw new UsageException("shard " + index + "/" + count + " of run '" + run + "' is given twice");
            }
        }
        boolean complete = byIndex.size() == count;
        for (int k = 1; k <= count; k++) {
            if (!byIndex.containsKey(k)) {
                warnings.add("run '" + run + "': shard " + k + "/" + count + " is missing, so its checks are "
                        + "absent and the catalogue's coverage is not judged");
            }
        }
        boolean selectedAll = shards.stream().allMatch(r -> "all".equals(r.environment().bounds().get(SELECTION)));
        List<CheckerState> checkers = new ArrayList<>();
        for (CheckerState c : shards.get(0).checkers()) {
            boolean ran = shards.stream().anyMatch(r -> r.checker(c.id()).ran());
            String why = ran ? "" : c.why();
            checkers.add(new CheckerState(c.id(), c.title(), ran, ran && complete && selectedAll, why));
        }
        List<CheckResult> checks = new ArrayList<>();
        List<String> machines = new ArrayList<>();
        String start = first.startTime();
        String end = first.endTime();
        for (RunReport r : byIndex.values()) {
            checks.addAll(r.checks());
            machines.add(r.environment().machine());
            start = Instant.parse(r.environment().startTime()).isBefore(Instant.parse(start))
                    ? r.environment().startTime() : start;
            end = Instant.parse(r.environment().endTime()).isAfter(Instant.parse(end))
                    ? r.environment().endTime() : end;
        }
        Map<String, String> bounds = new TreeMap<>(first.bounds());
        bounds.remove(SHARD);
        bounds.put("shards", byIndex.size() + " of " + count + " (" + String.join(", ", machines) + ")");
        String label = run.isBlank() ? first.machine() : run;
        Environment env = new Environment(label, first.jvmVendor(), first.jvmVersion(), first.os(), first.cpuCount(),
                first.cpuModel(), first.mode(), bounds, first.refcheckVersion(), first.gitCommit(), start, end);
        return RunReport.of(env, checkers, shards.get(0).entries(), checks);
    }
}
