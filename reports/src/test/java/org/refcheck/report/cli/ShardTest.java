package org.refcheck.report.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Shards partition a selection, whatever order the units were found in, and share every runner's units. */
class ShardTest {

    private static List<WorkUnit> units(int model, int lincheck, int jcstress) {
        List<WorkUnit> u = new ArrayList<>();
        for (int i = 0; i < model; i++) {
            u.add(new WorkUnit(WorkUnit.Kind.MODEL, "m" + i, "M" + i, "p", "correct"));
        }
        for (int i = 0; i < lincheck; i++) {
            u.add(new WorkUnit(WorkUnit.Kind.LINCHECK, "l" + i, "L" + i, "p", "correct"));
        }
        for (int i = 0; i < jcstress; i++) {
            u.add(new WorkUnit(WorkUnit.Kind.JCSTRESS, "j" + i, "J" + i, "p", "correct"));
        }
        return u;
    }

    @Test
    void shardsAreDisjointCoverEverythingAndIgnoreDiscoveryOrder() {
        List<WorkUnit> all = units(53, 80, 51);
        for (int n = 1; n <= 9; n++) {
            Set<WorkUnit> seen = new HashSet<>();
            for (int k = 1; k <= n; k++) {
                List<WorkUnit> shuffled = new ArrayList<>(all);
                Collections.shuffle(shuffled, new Random(k * 31L + n));
                List<WorkUnit> mine = new Shard(k, n).select(shuffled);
                assertEquals(new Shard(k, n).select(all), mine, "shard " + k + "/" + n + " depends on order");
                for (WorkUnit u : mine) {
                    assertTrue(seen.add(u), u + " in two shards of " + n);
                }
                int fair = all.size() / n;
                assertTrue(mine.size() == fair || mine.size() == fair + 1, "shard " + k + "/" + n + " has "
                        + mine.size());
                for (WorkUnit.Kind kind : WorkUnit.Kind.values()) {
                    long total = all.stream().filter(u -> u.kind() == kind).count();
                    long got = mine.stream().filter(u -> u.kind() == kind).count();
                    assertTrue(Math.abs(got - (double) total / n) <= 1, kind + " units in shard " + k + "/" + n
                            + ": " + got + " of " + total);
                }
            }
            assertEquals(new HashSet<>(all), seen, "the shards of " + n + " miss units");
        }
    }

    @Test
    void specsParse() {
        assertEquals(new Shard(3, 8), Shard.parse("3/8"));
        assertEquals(new Shard(1, 1), Shard.parse(" 1/1 "));
        assertTrue(Shard.parse("1/1").isWhole());
    }
}
