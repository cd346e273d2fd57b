package org.refcheck.stress.verdict;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.refcheck.stress.catalogue.Checker;
import org.refcheck.stress.catalogue.Expectation;

/**
 * Writes and reads {@link VerdictRecord}s, one {@code .properties} file per record, under
 * {@code <root>/<checker id>/}:
 *
 * <pre>
 * checker=lincheck
 * protocol=arc-weak
 * variant=upgrade-fetch-add
 * bug=B10
 * test=org.refcheck.stress.arc.ArcLincheckTest#upgradeFetchAddIsCaught
 * expected=CATCHES
 * observed=CAUGHT
 * detail=IncorrectResultsFailure
 * count=11
 * count.unit=invocations
 * time.ms=188
 * outcome.1.id=true, true, 1            (jcstress only, one group per outcome)
 * outcome.1.expect=ACCEPTABLE_INTERESTING
 * outcome.1.samples=7070000
 * outcome.1.description=use after free: upgraded a freed object
 * </pre>
 *
 * <p>Files are UTF-8; keys are written in the order above so that the records read well and diff well.
 */
public final class VerdictStore {

    private VerdictStore() {
    }

    /** The directory holding the records of one checker. */
    public static Path directory(Path root, Checker checker) {
        return root.resolve(checker.id());
    }

    /** Writes one record under {@code root/<checker>/}; never overwrites an existing record. Returns its file. */
    public static Path write(Path root, VerdictRecord r) {
        Path dir = directory(root, r.checker());
        StringBuilder text = new StringBuilder();
        line(text, "checker", r.checker().id());
        line(text, "protocol", r.protocol());
        line(text, "variant", r.variant());
        line(text, "bug", r.bugId());
        line(text, "test", r.test());
        line(text, "expected", r.expected().name());
        line(text, "observed", r.observed().name());
        line(text, "detail", r.detail());
        line(text, "count", Long.toString(r.count()));
        line(text, "count.unit", r.countUnit());
        line(text, "time.ms", Long.toString(r.timeMillis()));
        int n = 0;
        for (OutcomeCount o : r.outcomes()) {
            n++;
            line(text, "outcome." + n + ".id", o.id());
            line(text, "outcome." + n + ".expect", o.expect());
            line(text, "outcome." + n + ".samples", Long.toString(o.samples()));
            line(text, "outcome." + n + ".description", o.description());
        }
        String base = (r.protocol() + "__" + r.variant() + "__" + r.test()).replaceAll("[^A-Za-z0-9._-]+", "_");
        try {
            Files.createDirectories(dir);
            for (int attempt = 1; ; attempt++) {
                Path file = dir.resolve(base + (attempt == 1 ? "" : "-" + attempt) + ".properties");
                try {
                    Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE);
                    return file;
                } catch (FileAlreadyExistsException taken) {
                    // another record of the same test and entry: take the next name
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write verdict record under " + dir, e);
        }
    }

    /**
     * Every record under {@code root/<checker>/}, sorted by file name.
     *
     * @throws IllegalStateException if the directory does not exist (the checker never ran), or a file is malformed
     */
    public static List<VerdictRecord> readAll(Path root, Checker checker) {
        Path dir = directory(root, checker);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("no verdict directory " + dir);
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".properties")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<VerdictRecord> records = new ArrayList<>();
        for (Path f : files) {
            records.add(read(f));
        }
        return records;
    }

    /** Reads one record file. */
    public static VerdictRecord read(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read verdict record " + file, e);
        }
        try {
            List<OutcomeCount> outcomes = new ArrayList<>();
            for (int n = 1; p.containsKey("outcome." + n + ".id"); n++) {
                outcomes.add(new OutcomeCount(p.getProperty("outcome." + n + ".id"),
                        required(p, "outcome." + n + ".expect"),
                        Long.parseLong(required(p, "outcome." + n + ".samples")),
                        p.getProperty("outcome." + n + ".description", "")));
            }
            return new VerdictRecord(Checker.ofId(required(p, "checker")), required(p, "protocol"),
                    required(p, "variant"), p.getProperty("bug", ""), required(p, "test"),
                    Expectation.valueOf(required(p, "expected")), Observation.valueOf(required(p, "observed")),
                    p.getProperty("detail", ""), Long.parseLong(required(p, "count")), required(p, "count.unit"),
                    Long.parseLong(required(p, "time.ms")), outcomes);
        } catch (RuntimeException e) {
            throw new IllegalStateException("malformed verdict record " + file + ": " + e.getMessage(), e);
        }
    }

    private static String required(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("missing key '" + key + "'");
        }
        return value;
    }

    private static void line(StringBuilder text, String key, String value) {
        Properties one = new Properties();
        one.setProperty(key, value);
        StringWriter w = new StringWriter();
        try {
            one.store(w, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String l : w.toString().split("\\R")) {
            if (!l.startsWith("#") && !l.isEmpty()) {
                text.append(l).append('\n');
            }
        }
    }
}
