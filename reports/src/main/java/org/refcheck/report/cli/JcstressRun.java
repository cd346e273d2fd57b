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
 * gate, which turns the results file into verdict records and refuses silent passes. jcstress's status line
 * ({@code (ETA: 00:01:10) ... (Results: 51 planned; 12 passed, ...)}) drives the progress line.
 */
final class JcstressRun {

    private static final Pattern STATUS = Pattern.compile(
            "\\(ETA:\\s*(?:(\\d+):)?(\\d+):(\\d+)\\).*\\(Results: (\\d+) planned; (\\d+) passed, (\\d+) failed, "
                    + "(\\d+) soft errs, (\\d+) hard errs");
    private static final Pattern TEST_LINE = Pattern.compile("^\\s*\\[(OK|FAILED|ERROR|SKIPPED|TIMEOUT)[^\\]]*\\]\\s+(\\S+)");

    private JcstressRun() {
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
                .run(workDir, logs.resolve("jcstress.log"), line -> {
                    Matcher m = STATUS.matcher(line);
                    if (m.find()) {
                        long eta = (m.group(1) == null ? 0 : Long.parseLong(m.group(1)) * 3600)
                                + Long.parseLong(m.group(2)) * 60 + Long.parseLong(m.group(3));
                        int finished = Integer.parseInt(m.group(5)) + Integer.parseInt(m.group(6))
                                + Integer.parseInt(m.group(7)) + Integer.parseInt(m.group(8));
                        progress.jcstress(finished, eta, null);
                        return;
                    }
                    Matcher t = TEST_LINE.matcher(line);
                    if (t.find()) {
                        progress.started(SuitePlan.simpleName(t.group(2)));
                    }
                });
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
