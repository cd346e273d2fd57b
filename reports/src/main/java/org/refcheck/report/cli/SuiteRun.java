package org.refcheck.report.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs JUnit units (Lincheck, model-checker or user suites) in a child JVM through {@link SuiteMain}, feeding its
 * event lines to the progress line. The harnesses write their verdict records under {@code -Drefcheck.verdicts}.
 */
final class SuiteRun {

    private SuiteRun() {
    }

    /** The result: the child's exit status and the units it could not find. */
    record Result(int exitStatus, List<String> missing) {
    }

    static Result run(WorkUnit.Kind kind, List<WorkUnit> units, String classPath, List<String> jvmArgs,
                      Path workDir, Path log, Path results, Progress progress)
            throws IOException, InterruptedException {
        Map<String, WorkUnit> byId = new LinkedHashMap<>();
        units.forEach(u -> byId.put(u.id(), u));
        Path list = workDir.resolve(kind.name().toLowerCase(java.util.Locale.ROOT) + "-units.txt");
        Files.createDirectories(workDir);
        Files.write(list, byId.keySet(), StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(List.of("--units", list.toAbsolutePath().toString()));
        if (results != null) {
            args.add("--results");
            args.add(results.toAbsolutePath().toString());
        }
        List<String> missing = new ArrayList<>();
        java.util.Set<String> finished = new java.util.HashSet<>();
        progress.phase(kind);
        int status = new ChildJvm(classPath, jvmArgs, SuiteMain.class.getName()).args(args)
                .run(workDir, log, line -> {
                    int at = line.indexOf(SuiteMain.EVENT);
                    if (at < 0) {
                        return;
                    }
                    String[] event = line.substring(at + SuiteMain.EVENT.length()).split("\t", 3);
                    if (event.length < 2) {
                        return;
                    }
                    WorkUnit u = byId.get(event[1]);
                    String name = u == null ? event[1] : u.name();
                    switch (event[0]) {
                        case "started" -> progress.started(name);
                        case "finished" -> {
                            finished.add(event[1]);
                            progress.finished();
                        }
                        case "missing" -> missing.add(name);
                        default -> { }
                    }
                });
        progress.endPhase();
        for (WorkUnit u : units) {
            if (!finished.contains(u.id()) && !missing.contains(u.name())) {
                missing.add(u.name());
            }
        }
        return new Result(status, missing);
    }
}
