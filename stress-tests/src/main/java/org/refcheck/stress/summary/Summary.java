package org.refcheck.stress.summary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.refcheck.stress.catalogue.Catalogue;
import org.refcheck.stress.catalogue.Checker;
import org.refcheck.stress.verdict.VerdictStore;

/**
 * Prints the verdict matrix (catalogue entry x checker, expected vs observed, with counts and time) from
 * {@code target/verdicts/**}, writes it to {@code target/verdicts/summary.txt}, and exits with status 1 and one line
 * per problem when a checker ran nothing, a correct protocol was flagged, or a mutant that must be caught was not.
 *
 * <pre>
 * java -cp &lt;class path&gt; org.refcheck.stress.summary.Summary --verdicts target/verdicts \
 *     --skip jcstress=false --skip lincheck=false --filter jcstress='.*' --filter lincheck=
 * </pre>
 *
 * <p>{@code --skip CHECKER=true} reports a checker as skipped on purpose instead of failing on its missing verdict
 * directory (repeatable; any {@code true} wins, anything but {@code true}, e.g. an unresolved property, is false).
 * {@code --filter CHECKER=VALUE} tells whether the checker ran its whole suite: an empty value, {@code .*} or an
 * unresolved Maven property ({@code ${test}}) means yes, and only then is an entry without tests a problem.
 */
public final class Summary {

    private Summary() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the summary; returns the process exit status (0 pass, 1 problems, 2 usage). */
    public static int run(String... args) {
        Path root = Path.of("target", "verdicts");
        Map<Checker, Boolean> skipped = new EnumMap<>(Checker.class);
        Map<Checker, String> filters = new EnumMap<>(Checker.class);
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            try {
                switch (args[i]) {
                    case "--verdicts" -> root = Path.of(value);
                    case "--skip" -> skipped.merge(checkerOf(value), Boolean.parseBoolean(valueOf(value)),
                            Boolean::logicalOr);
                    case "--filter" -> filters.put(checkerOf(value), valueOf(value));
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            } catch (IllegalArgumentException e) {
                System.err.println("usage: Summary --verdicts DIR [--skip CHECKER=BOOL]... "
                        + "[--filter CHECKER=VALUE]... (" + e.getMessage() + ")");
                return 2;
            }
            i++;
        }
        List<CheckerRun> runs = new ArrayList<>();
        for (Checker c : Checker.values()) {
            Path dir = VerdictStore.directory(root, c);
            if (Boolean.TRUE.equals(skipped.get(c))) {
                runs.add(CheckerRun.skipped(c, "skipped on purpose"));
            } else if (!Files.isDirectory(dir)) {
                runs.add(CheckerRun.missing(c, "no verdict directory " + dir + ": the checker did not run, or its "
                        + "harness wrote nothing (skip it on purpose to get past this)"));
            } else {
                try {
                    runs.add(CheckerRun.ran(c, VerdictStore.readAll(root, c), isFullSet(filters.get(c))));
                } catch (RuntimeException e) {
                    System.out.println("FAIL: cannot read the " + c.title() + " verdicts: " + e.getMessage());
                    return 1;
                }
            }
        }
        SummaryRules.Report report = SummaryRules.evaluate(Catalogue.entries(), runs);
        StringBuilder out = new StringBuilder("\n").append(report.text());
        for (String problem : report.problems()) {
            out.append("FAIL: ").append(problem).append('\n');
        }
        out.append(report.passed() ? "refcheck summary: PASSED\n"
                : "refcheck summary: FAILED with " + report.problems().size() + " problem(s)\n");
        System.out.print(out);
        try {
            Files.createDirectories(root);
            Files.writeString(root.resolve("summary.txt"), out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return report.passed() ? 0 : 1;
    }

    /** Whether a checker's test filter selects its whole suite. */
    static boolean isFullSet(String filter) {
        return filter == null || filter.isBlank() || filter.equals(".*") || filter.startsWith("${");
    }

    private static Checker checkerOf(String assignment) {
        int eq = assignment.indexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException("expected CHECKER=VALUE, got '" + assignment + "'");
        }
        return Checker.ofId(assignment.substring(0, eq));
    }

    private static String valueOf(String assignment) {
        return assignment.substring(assignment.indexOf('=') + 1);
    }
}
