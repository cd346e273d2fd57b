package org.refcheck.report.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of {@code N} disjoint parts of a run: {@code --shard K/N} with {@code 1 <= K <= N}.
 *
 * <p>Every shard of a selection sees the same units in the same order (sorted by checker, then by id) and takes
 * every {@code N}-th of them starting at the {@code K}-th, so the {@code N} shards partition the selection whatever
 * machine computes them, and each shard gets its share of every checker's units. The whole run is {@code 1/1}.
 *
 * @param index the shard's number, from 1
 * @param count how many shards the run is split into
 */
record Shard(int index, int count) {

    static final Shard WHOLE = new Shard(1, 1);

    private static final Pattern SPEC = Pattern.compile("(\\d{1,6})/(\\d{1,6})");

    Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new UsageException("bad shard " + index + "/" + count + ": expected K/N with 1 <= K <= N");
        }
    }

    /** Parses {@code K/N}. */
    static Shard parse(String spec) {
        Matcher m = SPEC.matcher(spec.trim());
        if (!m.matches()) {
            throw new UsageException("bad shard spec '" + spec + "': expected K/N, e.g. --shard 2/8");
        }
        return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    boolean isWhole() {
        return count == 1;
    }

    /** This shard's units of the selection. */
    List<WorkUnit> select(List<WorkUnit> units) {
        List<WorkUnit> sorted = new ArrayList<>(units);
        sorted.sort(Comparator.comparing((WorkUnit u) -> u.kind().ordinal()).thenComparing(WorkUnit::id));
        List<WorkUnit> mine = new ArrayList<>();
        for (int i = index - 1; i < sorted.size(); i += count) {
            mine.add(sorted.get(i));
        }
        return mine;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
