package org.refcheck.report.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.refcheck.model.explore.Schedule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code refcheck replay}: runs exactly one counterexample again and prints its trace. The check is named as the
 * report's counterexample page names it ({@code Class#method [shape]} for a catalogue scenario, {@code Class#method}
 * for a user's {@code @ModelCheck}); only that check runs, with {@code -Drefcheck.replay} set in its JVM alone.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, versionProvider = Refcheck.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Rerun one model-checker counterexample and print its trace.",
                "Exit status: 0 the failure happened again (its trace is printed); 1 it did not; 2 bad input."})
final class ReplayCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SCHEDULE", description = "The schedule from the counterexample, e.g. 0*3.1*2.0.")
    String schedule;

    @Option(names = {"-t", "--test"}, required = true, paramLabel = "CHECK",
            description = "The check, e.g. 'org.refcheck.stress.model.ModelCatalogueTest#refTouchAfterDecrement "
                    + "[drop || drop, 2 threads]'.")
    String test;

    @Option(names = "--classpath", paramLabel = "PATH", description = "Your classes and jars, for a check of yours.")
    String classPath;

    private final PrintStream console;

    ReplayCommand(PrintStream console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        try {
            Schedule.parse(schedule);
        } catch (RuntimeException e) {
            throw new UsageException("bad schedule '" + schedule + "': " + e.getMessage());
        }
        int hash = test.indexOf('#');
        if (hash <= 0 || hash == test.length() - 1) {
            throw new UsageException("bad check '" + test + "': expected Class#method or Class#method [shape]");
        }
        String className = test.substring(0, hash);
        String rest = test.substring(hash + 1);
        String method = rest.contains(" ") ? rest.substring(0, rest.indexOf(' ')) : rest;
        List<Path> userPath = UserClassPath.parse(classPath);
        WorkUnit unit = find(className, method, userPath);
        Path tmp = Files.createTempDirectory("refcheck-replay-");
        List<String> jvm = new ArrayList<>(List.of("-XX:+EnableDynamicAgentLoading",
                "-Drefcheck.verdicts=" + tmp.resolve("verdicts"), "-Drefcheck.replay=" + schedule));
        if (rest.contains(" [")) {
            jvm.add("-Drefcheck.replay.test=" + test);
        }
        Path units = tmp.resolve("units.txt");
        Files.writeString(units, unit.id() + "\n", StandardCharsets.UTF_8);
        Path results = tmp.resolve("outcomes.json");
        console.println("replaying " + test + " with schedule " + schedule);
        new ChildJvm(UserClassPath.join(ChildJvm.ownClassPath(), userPath), jvm, SuiteMain.class.getName())
                .args(List.of("--units", units.toString(), "--results", results.toString()))
                .run(tmp, tmp.resolve("replay.log"), line -> {
                    if (!line.contains(SuiteMain.EVENT)) {
                        console.println("  " + line);
                    }
                });
        List<String> traces = new ArrayList<>();
        Path model = tmp.resolve("verdicts").resolve("model");
        if (Files.isDirectory(model)) {
            try (Stream<Path> files = Files.list(model)) {
                for (Path f : files.filter(f -> f.toString().endsWith(".failure.txt")).sorted().toList()) {
                    traces.add(Files.readString(f, StandardCharsets.UTF_8));
                }
            }
        }
        for (SuiteMain.TestOutcome o : CheckCommand.readOutcomes(results)) {
            String cx = o.entries().get("refcheck.counterexample");
            if (cx != null) {
                traces.add(cx);
            }
        }
        if (traces.isEmpty()) {
            console.println("the schedule did not reproduce a failure of " + test + " (the log is in " + tmp + ")");
            return Refcheck.EXIT_VERDICTS;
        }
        console.println();
        traces.forEach(console::println);
        return Refcheck.EXIT_OK;
    }

    private WorkUnit find(String className, String method, List<Path> userPath) {
        List<String> methods = new ArrayList<>();
        for (WorkUnit u : SuitePlan.userSuites(List.of(className), userPath)) {
            String name = u.name().substring(u.name().indexOf('#') + 1);
            if (name.equals(method)) {
                return u;
            }
            methods.add(name);
        }
        throw new UsageException("no test method " + method + " in " + className + Nearest.hint(method, methods));
    }
}
