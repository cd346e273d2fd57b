package org.refcheck.stress.summary;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.refcheck.stress.TextTable;
import org.refcheck.stress.catalogue.Checker;
import org.refcheck.stress.catalogue.Entry;
import org.refcheck.stress.catalogue.Expectation;
import org.refcheck.stress.catalogue.Expected;
import org.refcheck.stress.verdict.Observation;
import org.refcheck.stress.verdict.VerdictRecord;

/**
 * The summary's rules: the catalogue against every checker's verdict records, as one matrix (entry x checker) and a
 * list of problems.
 *
 * <p>A problem (exit status 1) is: a checker that was not skipped but left no verdict directory, or one with no
 * record at all; a record with status ERROR or for an entry the catalogue does not have; a correct protocol or a
 * self-check flagged; a mutant the catalogue says a checker CATCHES that one of its tests did not catch; a canary
 * self-check not caught; a test for a cell still marked pending; and, when the checker ran its whole suite, an entry
 * whose cell requires tests without any test that ran.
 */
public final class SummaryRules {

    private SummaryRules() {
    }

    /** One cell of the matrix. */
    public record Cell(String mark, String text) {

        @Override
        public String toString() {
            return mark + " " + text;
        }
    }

    /** The summary: the matrix and self-check table as text, and the problems. */
    public record Report(String text, List<String> problems) {

        public Report {
            problems = List.copyOf(problems);
        }

        /** Whether the build may go on. */
        public boolean passed() {
            return problems.isEmpty();
        }
    }

    /** Holds every checker run against the catalogue. */
    public static Report evaluate(List<Entry> catalogue, List<CheckerRun> runs) {
        List<String> problems = new ArrayList<>();
        Map<Checker, CheckerRun> byChecker = new EnumMap<>(Checker.class);
        for (CheckerRun run : runs) {
            byChecker.put(run.checker(), run);
        }
        Map<String, Entry> known = new LinkedHashMap<>();
        catalogue.forEach(e -> known.put(e.id(), e));

        List<String> header = new ArrayList<>(List.of("ENTRY", "BUG"));
        for (Checker c : Checker.values()) {
            header.add(c.name() + " (expected: observed)");
        }
        List<List<String>> rows = new ArrayList<>();
        Map<Checker, int[]> caught = new EnumMap<>(Checker.class);
        int pending = 0;
        for (Entry e : catalogue) {
            List<String> row = new ArrayList<>(List.of(e.id(), e.isMutant() ? e.bugId() : "-"));
            for (Checker c : Checker.values()) {
                CheckerRun run = byChecker.get(c);
                Cell cell = cell(e, c, run, problems, caught.computeIfAbsent(c, k -> new int[2]));
                if (e.expected(c).testsPending()) {
                    pending++;
                }
                row.add(cell.toString());
            }
            rows.add(row);
        }

        List<List<String>> selfChecks = new ArrayList<>();
        for (Checker c : Checker.values()) {
            CheckerRun run = byChecker.get(c);
            if (run == null) {
                problems.add(c.title() + ": the summary was given no run for this checker");
                continue;
            }
            switch (run.state()) {
                case MISSING -> problems.add(c.title() + ": " + run.why());
                case SKIPPED -> { }
                case RAN -> {
                    if (run.records().isEmpty()) {
                        problems.add(c.title() + " ran nothing: its verdict directory holds no record");
                    }
                    for (VerdictRecord r : run.records()) {
                        if (r.isSelfCheck()) {
                            selfChecks.add(selfCheckRow(r, problems));
                        } else if (!known.containsKey(r.entryId())) {
                            problems.add(c.title() + " test " + r.test() + " records " + r.entryId()
                                    + ", which is not in the catalogue");
                        }
                    }
                }
                default -> throw new IllegalStateException(run.state().name());
            }
        }

        StringBuilder text = new StringBuilder();
        text.append("refcheck verdicts: catalogue x checker\n\n");
        text.append(TextTable.render(header, rows));
        text.append("\n  marks: ok = as the catalogue expects, FAIL = not, PEND = tests not written yet (pending in "
                + "the catalogue), n/a = not expected and no test, SKIP = checker skipped on purpose, ?? = no data\n");
        if (!selfChecks.isEmpty()) {
            text.append("\ninfrastructure self-checks\n\n");
            text.append(TextTable.render(List.of("CHECKER", "SELF-CHECK", "EXPECTED", "OBSERVED", "COUNT", "TIME",
                    "DETAIL"), selfChecks, TextTable.LEFT, TextTable.LEFT, TextTable.LEFT, TextTable.LEFT,
                    TextTable.RIGHT, TextTable.RIGHT));
        }
        text.append('\n');
        StringBuilder headline = new StringBuilder();
        headline.append(catalogue.size()).append(" entries, ").append(Checker.values().length).append(" checkers");
        for (Checker c : Checker.values()) {
            int[] k = caught.get(c);
            CheckerRun run = byChecker.get(c);
            headline.append("; ").append(c.title()).append(": ");
            if (run == null || run.state() != CheckerRun.State.RAN) {
                headline.append(run == null ? "no data" : run.state().name().toLowerCase(Locale.ROOT));
            } else {
                headline.append("mutants caught ").append(k[0]).append('/').append(k[1]).append(", ")
                        .append(run.records().size()).append(" tests, ")
                        .append(seconds(run.records().stream().mapToLong(VerdictRecord::timeMillis).sum()));
            }
        }
        headline.append("; ").append(pending).append(" cells pending");
        text.append(headline).append('\n');
        return new Report(text.toString(), problems);
    }

    private static Cell cell(Entry e, Checker c, CheckerRun run, List<String> problems, int[] caught) {
        Expected expected = e.expected(c);
        String expect = expected.expectation().name();
        if (run == null) {
            return new Cell("??", expect + ": no data");
        }
        if (run.state() == CheckerRun.State.SKIPPED) {
            return new Cell("SKIP", expect + ": " + run.why());
        }
        if (run.state() == CheckerRun.State.MISSING) {
            return new Cell("??", expect + ": no verdicts");
        }
        List<VerdictRecord> mine = run.records().stream()
                .filter(r -> !r.isSelfCheck() && r.entryId().equals(e.id()))
                .toList();
        String who = c.title();
        List<String> cellProblems = new ArrayList<>();
        if (expected.testsPending() && !mine.isEmpty()) {
            cellProblems.add(e.id() + ": " + who + " tests exist but the catalogue cell is still pending; remove "
                    + "pending(...)");
        }
        int ran = 0;
        int caughtTests = 0;
        long count = 0;
        long millis = 0;
        String unit = "";
        for (VerdictRecord r : mine) {
            count += Math.max(0, r.count());
            millis += r.timeMillis();
            unit = r.countUnit();
            switch (r.observed()) {
                case ERROR -> cellProblems.add(e.id() + ": " + who + " test " + r.test() + " broke: " + r.detail());
                case NOT_RUN -> { }
                case CAUGHT -> {
                    ran++;
                    caughtTests++;
                    if (expected.expectation() == Expectation.PASSES) {
                        cellProblems.add(e.id() + ": correct protocol flagged by " + who + " test " + r.test() + ": "
                                + r.detail());
                    }
                }
                case PASSED -> {
                    ran++;
                    if (expected.expectation() == Expectation.CATCHES) {
                        cellProblems.add(e.id() + " (" + e.bugId() + "): " + who + " test " + r.test()
                                + " did not catch the mutant the catalogue says it catches");
                    }
                }
                default -> throw new IllegalStateException(r.observed().name());
            }
        }
        if (expected.expectation() == Expectation.CATCHES && !expected.testsPending()) {
            caught[1]++;
            if (ran > 0 && caughtTests == ran) {
                caught[0]++;
            }
        }
        if (ran == 0 && expected.requiresTests() && run.fullSet()) {
            cellProblems.add(e.id() + ": the catalogue expects " + who + " to "
                    + (expected.expectation() == Expectation.CATCHES ? "catch" : "pass") + " it, but no " + who
                    + " test of it ran");
        }
        problems.addAll(cellProblems);

        String observed;
        if (mine.isEmpty()) {
            observed = expected.testsPending() ? "pending" : "no test";
        } else if (ran == 0) {
            observed = "not run (" + mine.get(0).detail() + ")";
        } else {
            observed = (caughtTests == 0 ? "passed" : caughtTests == ran ? "caught" : "mixed") + " " + caughtTests
                    + "/" + ran + ", " + compact(count) + " " + unit + ", " + seconds(millis);
        }
        String mark;
        if (!cellProblems.isEmpty()) {
            mark = "FAIL";
        } else if (mine.isEmpty()) {
            mark = expected.testsPending() ? "PEND" : expected.requiresTests() ? "??" : "n/a";
        } else {
            mark = "ok";
        }
        return new Cell(mark, expect + ": " + observed);
    }

    private static List<String> selfCheckRow(VerdictRecord r, List<String> problems) {
        String who = r.checker().title() + " self-check " + r.variant();
        switch (r.observed()) {
            case ERROR -> problems.add(who + " broke: " + r.detail());
            case NOT_RUN -> { }
            case CAUGHT -> {
                if (r.expected() != Expectation.CATCHES) {
                    problems.add(who + " was flagged: " + r.detail());
                }
            }
            case PASSED -> {
                if (r.expected() == Expectation.CATCHES) {
                    problems.add(who + " is a canary and was not caught: the checker has lost its power");
                }
            }
            default -> throw new IllegalStateException(r.observed().name());
        }
        return List.of(r.checker().title(), r.variant(), r.expected().name(), r.observed().name(),
                compact(r.count()) + " " + r.countUnit(), seconds(r.timeMillis()), r.detail());
    }

    static String compact(long n) {
        if (n < 0) {
            return "?";
        }
        if (n < 10_000) {
            return Long.toString(n);
        }
        if (n < 1_000_000) {
            return String.format(Locale.ROOT, "%.1fk", n / 1e3);
        }
        return String.format(Locale.ROOT, "%.1fM", n / 1e6);
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
