package org.refcheck.report.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refcheck.report.schema.CheckResult;
import org.refcheck.report.schema.ResultJson;
import org.refcheck.report.schema.RunReport;

/**
 * The many-machines flow, end to end on a slice of the catalogue small enough for the test build: three shards run
 * separately and merged by {@code refcheck report} give the verdicts of one whole run, check for check; a missing
 * shard is said; a counterexample of the whole run replays with {@code refcheck replay}.
 */
class ShardedRunTest {

    private static final String[] SLICE = {"check", "--checker", "model", "--protocol", "refcount,ref,kref-handoff",
            "--run", "slice", "--no-open"};

    @TempDir
    static Path tmp;

    private static CommandRun whole;
    private static final List<CommandRun> shards = new ArrayList<>();

    @BeforeAll
    static void runTheSliceWholeAndInThreeShards() {
        whole = CommandRun.of(with("--out", tmp.resolve("whole").toString()));
        for (int k = 1; k <= 3; k++) {
            shards.add(CommandRun.of(with("--shard", k + "/3", "--machine", "host-" + k, "--out",
                    tmp.resolve("shard-" + k).toString())));
        }
    }

    private static String[] with(String... more) {
        List<String> args = new ArrayList<>(List.of(SLICE));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static Path results(String dir) {
        return tmp.resolve(dir).resolve("results.json");
    }

    /** test name -> verdict words, for every check of a run. */
    private static Map<String, String> verdicts(RunReport run) {
        Map<String, String> v = new TreeMap<>();
        for (CheckResult c : run.checks()) {
            assertEquals(null, v.put(c.test(), c.entryId() + " " + c.verdict().words()), "two checks named " + c.test());
        }
        return v;
    }

    @Test
    void theWholeSliceRunsAndMeetsTheCatalogue() {
        assertEquals(Refcheck.EXIT_OK, whole.status(), whole::toString);
        assertTrue(whole.out().contains("OK: every verdict is what the catalogue demands"), whole::toString);
        RunReport run = ResultJson.read(results("whole"));
        assertTrue(run.checks().size() >= 20, run.checks().size() + " checks");
        assertTrue(run.checks().stream().anyMatch(c -> c.counterexample() != null), "no mutant was caught");
        assertTrue(Files.exists(tmp.resolve("whole").resolve("site").resolve("index.html")));
    }

    @Test
    void mergedShardsGiveTheVerdictsOfTheWholeRun() {
        for (CommandRun s : shards) {
            assertEquals(Refcheck.EXIT_OK, s.status(), s::toString);
        }
        Path site = tmp.resolve("merged-site");
        CommandRun report = CommandRun.of("report", "--no-open", "--out", site.toString(),
                results("shard-1").toString(), results("shard-2").toString(), results("shard-3").toString());
        assertEquals(Refcheck.EXIT_OK, report.status(), report::toString);
        assertTrue(report.out().contains("1 run from 3 files"), report::toString);
        List<RunReport> docs = List.of(ResultJson.read(results("shard-1")), ResultJson.read(results("shard-2")),
                ResultJson.read(results("shard-3")));
        for (RunReport d : docs) {
            assertFalse(d.checks().isEmpty(), "a shard ran nothing: " + d.environment().bounds());
        }
        List<RunReport> merged = ShardMerge.merge(docs, new ArrayList<>());
        assertEquals(1, merged.size());
        assertEquals(verdicts(ResultJson.read(results("whole"))), verdicts(merged.get(0)));
        assertEquals("slice", merged.get(0).environment().machine());
        assertTrue(merged.get(0).environment().bounds().get("shards").contains("host-1, host-2, host-3"));
        assertTrue(Files.exists(site.resolve("index.html")));
    }

    @Test
    void aMissingShardIsSaidAndItsChecksAreAbsent() {
        CommandRun report = CommandRun.of("report", "--no-open", "--out", tmp.resolve("partial").toString(),
                results("shard-1").toString(), results("shard-3").toString());
        assertTrue(report.out().contains("warning: run 'slice': shard 2/3 is missing"), report::toString);
    }

    @Test
    void aCounterexampleOfTheRunReplays() {
        RunReport run = ResultJson.read(results("whole"));
        CheckResult caught = run.checks().stream()
                .filter(c -> c.counterexample() != null && c.entryId().equals("ref/touch-after-dec"))
                .findFirst().orElseThrow();
        assertNotNull(caught.counterexample().schedule());
        assertTrue(caught.counterexample().replay().startsWith("./refcheck replay --test '"),
                caught.counterexample().replay());
        CommandRun replay = CommandRun.of("replay", "--test", caught.test(), caught.counterexample().schedule());
        assertEquals(Refcheck.EXIT_OK, replay.status(), replay::toString);
        assertTrue(replay.out().contains("use after free"), replay::toString);
        assertTrue(replay.out().contains("replay: -Drefcheck.replay=" + caught.counterexample().schedule()),
                replay::toString);
    }
}
