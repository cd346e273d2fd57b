package org.refcheck.report.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jcstress.Main;
import org.refcheck.stress.gate.JcstressGate;

/**
 * Runs the selected jcstress tests in a child JVM (jcstress forks its own test VMs from there), then the jcstress
 * gate, which turns the results file into verdict records and refuses silent passes. jcstress's status block
 * drives the progress line (see {@link StatusLines}).
 */
final class JcstressRun {

    private static final Pattern ETA = Pattern.compile("\\(ETA: (?:in )?(?:(\\d+)d\\+)?(\\d+):(\\d+):(\\d+)");
    private static final Pattern RESULTS = Pattern.compile("\\(Results: (\\d+) planned; (\\d+) passed, (\\d+) failed, "
            + "(\\d+) soft errs, (\\d+) hard errs");
    /** A finished test: {@code .......... [OK] org.refcheck.stress.arc.ArcUpgradeDropTests.UpgradeFetchAdd}. */
    private static final Pattern TEST_LINE = Pattern.compile(
            "\\[(OK|FAILED|ERROR|SKIPPED|TIMEOUT|NOT RUN)[^\\]]*\\]\\s+"
                    + "([a-z][\\w]*(?:\\.[a-z][\\w]*)*\\.[A-Z][\\w.$]*)");

    private JcstressRun() {
    }

    /**
     * Reads jcstress's status block: {@code (ETA: in 00:11:21; at ...)} and {@code (Results: 102 planned; 40 passed,
     * ...)} come on lines of their own, and "planned" counts test configurations, so tests done are scaled from it.
     */
    static final class StatusLines implements java.util.function.Consumer<String> {
        private final int tests;
        private final Progress progress;
        private long etaSeconds = -1;

        StatusLines(int tests, Progress progress) {
            this.tests = tests;
            this.progress = progress;
        }

        @Override
        public void accept(String line) {
            Matcher eta = ETA.matcher(line);
            if (eta.find()) {
                etaSeconds = (eta.group(1) == null ? 0 : Long.parseLong(eta.group(1)) * 86_400)
                        + Long.parseLong(eta.group(2)) * 3600 + Long.parseLong(eta.group(3)) * 60
                        + Long.parseLong(eta.group(4));
                return;
            }
            Matcher r = RESULTS.matcher(line);
            if (r.find()) {
                long planned = Long.parseLong(r.group(1));
                long done = 0;
                for (int g = 2; g <= 5; g++) {
                    done += Long.parseLong(r.group(g));
                }
                int testsDone = planned == 0 ? 0 : (int) (tests * done / planned);
                progress.jcstress(testsDone, etaSeconds, null);
                return;
            }
            Matcher t = TEST_LINE.matcher(line);
            if (t.find()) {
                progress.started(SuitePlan.simpleName(t.group(2)));
            }
        }
    }

    /** The result: jcstress's exit status, the gate's, and the gate's problem lines. */
    record Result(int jcstressStatus, int gateStatus, List<String> gateProblems) {
    }

    /** The jcstress {@code -t} filter selecting exactly these tests, or {@code .*} for the whole set. */
    static String filter(List<WorkUnit> units, boolean wholeSet) {
        if (wholeSet) {
            return ".*";
        }
        List<String> names = new ArrayList<>();
        units.forEach(u -> names.add(Pattern.quote(u.id())));
        return "^(" + String.join("|", names) + ")$";
    }

    static Result run(List<WorkUnit> units, boolean wholeSet, Mode mode, Integer cpus, String classPath,
                      Path workDir, Path verdicts, Path logs, Progress progress)
            throws IOException, InterruptedException {
        String filter = filter(units, wholeSet);
        List<String> args = new ArrayList<>(List.of("-m", mode.jcstressMode(), "-t", filter));
        if (cpus != null) {
            args.add("-c");
            args.add(cpus.toString());
        }
        args.addAll(mode.jcstressArgs());
        args.add("-r");
        args.add(workDir.resolve("jcstress-results").toAbsolutePath().toString());
        progress.phase(WorkUnit.Kind.JCSTRESS);
        int status = new ChildJvm(classPath, List.of(), Main.class.getName()).args(args)
                .run(workDir, logs.resolve("jcstress.log"), new StatusLines(units.size(), progress));
        progress.endPhase();
        List<String> gateArgs = new ArrayList<>(List.of("--results-dir", workDir.toAbsolutePath().toString(),
                "--tests", filter, "--verdicts", verdicts.toAbsolutePath().toString()));
        if (cpus != null) {
            gateArgs.add("--cpus");
            gateArgs.add(cpus.toString());
        }
        List<String> problems = new ArrayList<>();
        int gate = new ChildJvm(classPath, List.of(), JcstressGate.class.getName()).args(gateArgs)
                .run(workDir, logs.resolve("jcstress-gate.log"), line -> {
                    if (line.startsWith("FAIL:")) {
                        problems.add("jcstress gate: " + line.replaceFirst("^FAIL:?\\s*", ""));
                    }
                });
        return new Result(status, gate, problems);
    }
}
