package org.refcheck.report.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.refcheck.report.collect.CatalogueRows;
import org.refcheck.report.collect.CollectResults;
import org.refcheck.report.collect.EnvironmentProbe;
import org.refcheck.report.collect.ModelChecks;
import org.refcheck.report.schema.CheckerState;
import org.refcheck.report.schema.ResultJson;
import org.refcheck.report.schema.RunReport;
import org.refcheck.report.site.SiteWriter;
import org.refcheck.stress.catalogue.Checker;

/**
 * One {@code refcheck check} from its units to its exit status: each runner in turn (model checker, user suites,
 * Lincheck, jcstress and its gate), then the results document, the judgement, the site and the verdict table.
 *
 * <p>Implementation notes. Results are collected from the verdict records the harnesses wrote (the same records
 * and collector the Maven build uses), so the command and {@code mvn -B verify} cannot disagree about a verdict.
 * A runner that could not complete (a unit it could not find, a results document that cannot be written) is
 * status 3, with the log to read; a verdict the catalogue does not accept is status 1.
 */
final class CheckRun {

    private final PrintStream console;
    private final RunDirectory dir;
    private final RunSettings settings;
    private final boolean openSite;
    private final List<String> broken = new ArrayList<>();

    CheckRun(PrintStream console, RunDirectory dir, RunSettings settings, boolean openSite) {
        this.console = console;
        this.dir = dir;
        this.settings = settings;
        this.openSite = openSite;
    }

    int run(List<WorkUnit> units, int selected) throws IOException, InterruptedException {
        Map<WorkUnit.Kind, List<WorkUnit>> byKind = new EnumMap<>(WorkUnit.Kind.class);
        units.forEach(u -> byKind.computeIfAbsent(u.kind(), k -> new ArrayList<>()).add(u));
        Map<WorkUnit.Kind, Integer> totals = new EnumMap<>(WorkUnit.Kind.class);
        byKind.forEach((k, v) -> totals.put(k, v.size()));
        console.println("refcheck check: " + units.size() + " units" + (settings.shard().isWhole() ? ""
                : " (shard " + settings.shard() + " of " + selected + ")") + " " + describe(totals) + ", mode "
                + settings.mode().id() + ", results in " + dir.root());
        Progress progress = new Progress(console, System.console() != null, totals,
                CheckCommand.guesses(settings.mode()));
        Instant start = Instant.now();
        List<String> jvm = List.of("-XX:+EnableDynamicAgentLoading", "-Djava.awt.headless=true",
                "-Drefcheck.verdicts=" + dir.verdicts(),
                "-Dlincheck.iterations=" + settings.mode().lincheckIterations(),
                "-Dlincheck.invocations=" + settings.mode().lincheckInvocations());
        List<String> gateProblems = new ArrayList<>();
        for (WorkUnit.Kind kind : WorkUnit.Kind.values()) {
            List<WorkUnit> mine = byKind.get(kind);
            if (mine == null) {
                continue;
            }
            if (kind == WorkUnit.Kind.JCSTRESS) {
                JcstressRun.Result r = JcstressRun.run(mine, settings.wholeCatalogue(), settings.mode(),
                        settings.cpus(), settings.classPath(), dir.work().resolve("jcstress"), dir.verdicts(),
                        dir.logs(), progress);
                gateProblems.addAll(r.gateProblems());
                if (r.gateStatus() != 0 && r.gateProblems().isEmpty()) {
                    broken.add("the jcstress gate stopped with status " + r.gateStatus() + " and no verdict; see "
                            + dir.logs().resolve("jcstress-gate.log") + " and " + dir.logs().resolve("jcstress.log"));
                }
            } else {
                Path results = kind == WorkUnit.Kind.USER ? dir.work().resolve("user-results.json") : null;
                String log = kind.name().toLowerCase(java.util.Locale.ROOT) + ".log";
                SuiteRun.Result r = SuiteRun.run(kind, mine, settings.classPath(), jvm, dir.work(),
                        dir.logs().resolve(log), results, progress);
                for (String missing : r.missing()) {
                    broken.add(kind.title() + " did not run " + missing + "; see " + dir.logs().resolve(log));
                }
                if (r.exitStatus() >= 2 && r.missing().isEmpty()) {
                    broken.add(kind.title() + " stopped with status " + r.exitStatus() + "; see "
                            + dir.logs().resolve(log));
                }
            }
        }
        progress.close();
        RunReport report = settings.userSuite() ? userReport(byKind.getOrDefault(WorkUnit.Kind.USER, List.of()), start)
                : catalogueReport(byKind);
        if (report == null) {
            return fail();
        }
        for (Map.Entry<WorkUnit.Kind, List<WorkUnit>> e : byKind.entrySet()) {
            String checker = checkerOf(e.getKey());
            long checks = report.checks().stream().filter(c -> c.checker().equals(checker)
                    || (e.getKey() == WorkUnit.Kind.USER && c.checker().equals(UserSuiteChecks.JUNIT))).count();
            if (checks == 0) {
                broken.add(e.getKey().title() + " ran " + e.getValue().size() + " units but left no verdict; see "
                        + dir.logs());
            }
        }
        ResultJson.write(report, dir.results());
        List<String> problems = new ArrayList<>(gateProblems);
        problems.addAll(Judgement.problems(report));
        int pages = SiteWriter.write(List.of(report), dir.site());
        console.println();
        console.print(VerdictTable.render(report));
        console.println();
        console.println("results: " + dir.results());
        console.println("report:  " + dir.site().resolve("index.html") + " (" + pages + " pages)");
        if (openSite) {
            SiteOpener.open(dir.site().resolve("index.html"));
        }
        if (!broken.isEmpty()) {
            return fail();
        }
        if (!problems.isEmpty()) {
            console.println();
            console.println("FAILED: " + problems.size() + (problems.size() == 1 ? " verdict" : " verdicts")
                    + " the catalogue does not accept:");
            problems.forEach(p -> console.println("  - " + p));
            return Refcheck.EXIT_VERDICTS;
        }
        console.println("OK: every verdict is what the catalogue demands (" + report.checks().size() + " checks, "
                + Progress.duration(java.time.Duration.between(start, Instant.now()).toSeconds()) + ")");
        return Refcheck.EXIT_OK;
    }

    private static String checkerOf(WorkUnit.Kind kind) {
        return switch (kind) {
            case JCSTRESS -> Checker.JCSTRESS.id();
            case LINCHECK -> Checker.LINCHECK.id();
            case MODEL, USER -> Checker.MODEL.id();
        };
    }

    private int fail() {
        console.println();
        console.println("the run could not complete:");
        broken.forEach(b -> console.println("  - " + b));
        return Refcheck.EXIT_BROKEN;
    }

    /** The catalogue run as the reports module's collector reads it. */
    private RunReport catalogueReport(Map<WorkUnit.Kind, List<WorkUnit>> byKind) throws IOException {
        List<String> args = new ArrayList<>(List.of("--verdicts", dir.verdicts().toString(),
                "--jcstress-results", dir.work().resolve("jcstress").toString(),
                "--out", dir.work().resolve("collected.json").toString(),
                "--machine", settings.machine(), "--mode", "refcheck check --mode " + settings.mode().id(),
                "--version", Refcheck.version()));
        for (Map.Entry<String, String> b : bounds().entrySet()) {
            args.add("--bound");
            args.add(b.getKey() + "=" + b.getValue());
        }
        Map<Checker, WorkUnit.Kind> kinds = Map.of(Checker.JCSTRESS, WorkUnit.Kind.JCSTRESS,
                Checker.LINCHECK, WorkUnit.Kind.LINCHECK, Checker.MODEL, WorkUnit.Kind.MODEL);
        for (Checker c : Checker.values()) {
            boolean ran = byKind.containsKey(kinds.get(c));
            args.add("--skip");
            args.add(c.id() + "=" + !ran);
            args.add("--filter");
            args.add(c.id() + "=" + (settings.wholeCatalogue() ? ".*" : settings.selectionBound() + " shard "
                    + settings.shard()));
        }
        int status = CollectResults.run(args.toArray(String[]::new));
        if (status != 0) {
            broken.add("the results could not be collected from " + dir.verdicts() + " (status " + status + ")");
            return null;
        }
        return ResultJson.read(dir.work().resolve("collected.json"));
    }

    /** A user's suite run: its outcomes, as checks of the model checker (and of JUnit, for plain tests). */
    private RunReport userReport(List<WorkUnit> units, Instant start) throws IOException {
        UserSuiteChecks user = new UserSuiteChecks(units, CheckCommand.readOutcomes(
                dir.work().resolve("user-results.json")));
        List<CheckerState> states = new ArrayList<>();
        boolean whole = settings.selection().isEverything() && settings.shard().isWhole();
        states.add(new CheckerState(ModelChecks.CHECKER, Checker.MODEL.title(), true, whole, ""));
        if (user.hasJunitChecks()) {
            states.add(new CheckerState(UserSuiteChecks.JUNIT, "JUnit", true, whole, ""));
        }
        states.add(CatalogueRows.notRun(Checker.JCSTRESS, "not part of a user suite run"));
        states.add(CatalogueRows.notRun(Checker.LINCHECK, "not part of a user suite run"));
        return RunReport.of(EnvironmentProbe.probe(settings.machine(), "refcheck check --suite", bounds(),
                Refcheck.version(), dir.root(), start, Instant.now()), states, user.rows(), user.checks());
    }

    private Map<String, String> bounds() {
        Map<String, String> b = new LinkedHashMap<>();
        b.put(ShardMerge.RUN, settings.runName());
        b.put(ShardMerge.SHARD, settings.shard().toString());
        b.put(ShardMerge.SELECTION, settings.selectionBound());
        b.put("mode", settings.mode().id());
        b.put("jcstress.mode", settings.mode().jcstressMode());
        b.put("jcstress.args", String.join(" ", settings.mode().jcstressArgs()));
        b.put("jcstress.cpus", settings.cpus() == null ? "all" : settings.cpus().toString());
        b.put("lincheck.iterations", Integer.toString(settings.mode().lincheckIterations()));
        b.put("lincheck.invocations", Integer.toString(settings.mode().lincheckInvocations()));
        return b;
    }

    private static String describe(Map<WorkUnit.Kind, Integer> totals) {
        List<String> parts = new ArrayList<>();
        totals.forEach((k, n) -> parts.add(n + " " + k.title()));
        return "(" + String.join(", ", parts) + ")";
    }
}
