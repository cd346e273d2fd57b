package org.refcheck.report.collect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.refcheck.report.schema.CheckResult;
import org.refcheck.report.schema.ExpectedVerdict;
import org.refcheck.stress.catalogue.Checker;
import org.refcheck.stress.gate.ObservedTest;
import org.refcheck.stress.verdict.VerdictRecord;
import org.refcheck.stress.verdict.VerdictStore;

/**
 * Reads one checker's verdict directory ({@code stress-tests/target/verdicts/<checker>/}) into schema checks: each
 * {@code .properties} record, with the files the harnesses write beside it: the model checker's {@code .figures},
 * and for a caught record the {@code .failure.txt} (Lincheck) or {@code .trace.json} (model checker).
 */
final class VerdictDirectory {

    private final Path root;
    private final Map<String, ObservedTest> jcstressObserved;

    /**
     * @param root             the verdict root, holding one directory per checker
     * @param jcstressObserved jcstress's results file, read, by test name (empty if there is none)
     */
    VerdictDirectory(Path root, Map<String, ObservedTest> jcstressObserved) {
        this.root = root;
        this.jcstressObserved = jcstressObserved;
    }

    /** Whether the checker left a verdict directory. */
    boolean ran(Checker checker) {
        return Files.isDirectory(VerdictStore.directory(root, checker));
    }

    /** The record files of a checker, sorted by name. */
    List<Path> recordFiles(Checker checker) throws IOException {
        try (Stream<Path> files = Files.list(VerdictStore.directory(root, checker))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".properties")).sorted().toList();
        }
    }

    /** Every check the checker recorded. */
    List<CheckResult> checks(Checker checker) throws IOException {
        List<CheckResult> checks = new ArrayList<>();
        for (Path file : recordFiles(checker)) {
            VerdictRecord r = VerdictStore.read(file);
            ExpectedVerdict expected = CatalogueRows.expectedOf(r);
            checks.add(switch (checker) {
                case MODEL -> ModelChecks.of(r, expected, sibling(file, ".figures"), sibling(file, ".trace.json"));
                case LINCHECK -> LincheckChecks.of(r, expected, readIfPresent(sibling(file, ".failure.txt")));
                case JCSTRESS -> JcstressChecks.of(r, expected, jcstressObserved.get(r.test()));
            });
        }
        return checks;
    }

    /** The modification time of the oldest record of any checker: when the first result was recorded. */
    Optional<FileTime> firstRecorded() throws IOException {
        Optional<FileTime> first = Optional.empty();
        for (Checker c : Checker.values()) {
            if (ran(c)) {
                for (Path f : recordFiles(c)) {
                    FileTime t = Files.getLastModifiedTime(f);
                    if (first.isEmpty() || t.compareTo(first.get()) < 0) {
                        first = Optional.of(t);
                    }
                }
            }
        }
        return first;
    }

    private static Path sibling(Path record, String suffix) {
        return record.resolveSibling(record.getFileName().toString().replace(".properties", suffix));
    }

    private static String readIfPresent(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
