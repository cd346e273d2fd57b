package org.refcheck.report.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.refcheck.stress.catalogue.Catalogue;
import org.refcheck.stress.catalogue.Entry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code refcheck check}: runs the catalogue's suites (or the user's own), judges every verdict against what the
 * catalogue demands, and writes the results and the site.
 *
 * <p>Output directory layout: {@code results.json} (the run, schema v1), {@code site/index.html},
 * {@code verdicts/} (the harnesses' records, counterexamples as text and JSON), {@code logs/} (everything each
 * runner printed), {@code work/} (jcstress's own files).
 */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Refcheck.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Run the suites through jcstress, Lincheck and the model checker and hold every verdict to "
                + "the catalogue.",
                "Exit status: 0 every verdict as the catalogue demands; 1 a correct protocol flagged, a mutant "
                        + "missed or a check broken (each named); 2 bad input; 3 the run could not complete."})
final class CheckCommand implements Callable<Integer> {

    @Option(names = "--mode", paramLabel = "quick|default|full", description = "How hard to try (default: "
            + "${DEFAULT-VALUE}): quick is the test build's budget, default the main job, full every jcstress JVM "
            + "configuration and Lincheck x10 for many cores.")
    String mode = "default";

    @Option(names = {"-p", "--protocol"}, split = ",", paramLabel = "NAME",
            description = "Only these protocols ('refcheck list' names them).")
    List<String> protocols = new ArrayList<>();

    @Option(names = {"-v", "--variant"}, split = ",", paramLabel = "NAME",
            description = "Only these variants: correct, or a mutant's bug name.")
    List<String> variants = new ArrayList<>();

    @Option(names = {"-c", "--checker"}, split = ",", paramLabel = "NAME",
            description = "Only these checkers: jcstress, lincheck, model.")
    List<String> checkers = new ArrayList<>();

    @Option(names = "--cpus", paramLabel = "N", description = "CPUs jcstress may use (default: all).")
    Integer cpus;

    @Option(names = "--shard", paramLabel = "K/N", description = "Run only the K-th of N disjoint parts "
            + "(deterministic: every machine computes the same split). Merge the parts with 'refcheck report'.")
    String shard = "1/1";

    @Option(names = "--run", paramLabel = "NAME", description = "The run's name, the same for all its shards "
            + "(default: the mode).")
    String run;

    @Option(names = "--machine", paramLabel = "NAME", description = "This machine's label in merged reports "
            + "(default: the host name).")
    String machine = "";

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Where results, site, verdicts and logs go "
            + "(default: ${DEFAULT-VALUE}).")
    Path out = Path.of("refcheck-results");

    @Option(names = "--classpath", paramLabel = "PATH", description = "Your classes and jars (separated by the "
            + "platform's path separator, ':' on Unix), for --suite.")
    String classPath;

    @Option(names = "--suite", paramLabel = "CLASS", description = "A JUnit 5 class of yours to check instead of the "
            + "catalogue (repeatable); @ModelCheck methods give model-checker verdicts.")
    List<String> suites = new ArrayList<>();

    @Option(names = "--open", negatable = true, description = "Open the report in a browser when done (default: "
            + "when a display is available).")
    Boolean open;

    @Option(names = "--dry-run", description = "Print the units this run (and shard) would run, and stop.")
    boolean dryRun;

    private final PrintStream console;

    CheckCommand(PrintStream console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        Mode m = Mode.parse(mode);
        Shard s = Shard.parse(shard);
        if (cpus != null && cpus < 1) {
            throw new UsageException("--cpus must be at least 1, not " + cpus);
        }
        Selection selection = new Selection(protocols, variants, checkers);
        List<Path> userPath = UserClassPath.parse(classPath);
        if (!userPath.isEmpty() && suites.isEmpty()) {
            throw new UsageException("--classpath names your classes; say which suite to run with --suite CLASS");
        }
        Plan plan = suites.isEmpty() ? cataloguePlan(selection) : userPlan(selection, userPath);
        List<WorkUnit> mine = s.select(plan.units);
        if (dryRun) {
            for (WorkUnit u : mine) {
                console.println(u.kind().name().toLowerCase(java.util.Locale.ROOT) + "\t" + u.entryId() + "\t"
                        + u.name() + "\t" + u.id());
            }
            console.println(mine.size() + " of " + plan.units.size() + " units in shard " + s);
            return Refcheck.EXIT_OK;
        }
        RunDirectory dir = RunDirectory.prepare(out);
        String runName = run == null || run.isBlank() ? m.id() : run;
        RunSettings settings = new RunSettings(m, s, runName, machine, cpus, selection, plan.isUser,
                UserClassPath.join(ChildJvm.ownClassPath(), userPath));
        return new CheckRun(console, dir, settings, open == null ? SiteOpener.hasDisplay() : open)
                .run(mine, plan.units.size());
    }

    /** The units of a run before sharding, and whether they are a user's. */
    private record Plan(List<WorkUnit> units, boolean isUser) {
    }

    private Plan cataloguePlan(Selection selection) {
        Set<String> known = new LinkedHashSet<>();
        for (Entry e : Catalogue.entries()) {
            known.add(e.id());
        }
        known.add("selfcheck/*");
        selection.validate(known);
        List<WorkUnit> all = new ArrayList<>();
        if (selection.includesChecker("model")) {
            all.addAll(SuitePlan.junitSuites(WorkUnit.Kind.MODEL, "model"));
        }
        if (selection.includesChecker("lincheck")) {
            all.addAll(SuitePlan.junitSuites(WorkUnit.Kind.LINCHECK, "lincheck"));
        }
        if (selection.includesChecker("jcstress")) {
            all.addAll(SuitePlan.jcstress());
        }
        all.forEach(u -> known.add(u.entryId()));
        List<WorkUnit> kept = selection.apply(all, known);
        if (kept.isEmpty()) {
            throw new UsageException("nothing selected: no " + String.join("/", Selection.CHECKERS)
                    + " test checks " + selection.describe());
        }
        return new Plan(kept, false);
    }

    private Plan userPlan(Selection selection, List<Path> userPath) {
        List<WorkUnit> all = SuitePlan.userSuites(suites, userPath);
        if (all.isEmpty()) {
            throw new UsageException("suite " + String.join(", ", suites) + " has no JUnit 5 test methods");
        }
        Set<String> known = new LinkedHashSet<>();
        all.forEach(u -> known.add(u.entryId()));
        List<WorkUnit> kept = new Selection(protocols, variants, List.of()).apply(all, known);
        if (kept.isEmpty()) {
            throw new UsageException("nothing selected in " + String.join(", ", suites) + " by "
                    + selection.describe());
        }
        return new Plan(kept, true);
    }

    /** Reads the outcomes {@link SuiteMain} wrote for a user's suite. */
    static List<SuiteMain.TestOutcome> readOutcomes(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        return new ObjectMapper().readValue(file.toFile(), new TypeReference<List<SuiteMain.TestOutcome>>() { });
    }

    /** Prior guesses of one unit's seconds per runner, before any has finished. */
    static Map<WorkUnit.Kind, Double> guesses(Mode m) {
        Map<WorkUnit.Kind, Double> g = new EnumMap<>(WorkUnit.Kind.class);
        g.put(WorkUnit.Kind.MODEL, 2.0);
        g.put(WorkUnit.Kind.USER, 1.0);
        g.put(WorkUnit.Kind.LINCHECK, m == Mode.FULL ? 60.0 : 8.0);
        g.put(WorkUnit.Kind.JCSTRESS, m == Mode.QUICK ? 3.0 : m == Mode.DEFAULT ? 8.0 : 40.0);
        return g;
    }
}
