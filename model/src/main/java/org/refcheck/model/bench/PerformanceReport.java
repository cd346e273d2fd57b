package org.refcheck.model.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A performance document: named tables of measured figures (and, per table, an optional chart of some of its
 * columns), with the environment they were measured in. The benchmark runner and the checker-speed harnesses write
 * one each; the reports module's performance page renders any number of them.
 *
 * <pre> {@code
 * PerformanceReport report = new PerformanceReport("checker-throughput", "refcheck's model checker, 2-4 threads");
 * PerformanceTable t = report.table("families", "Executions per second", List.of("scenario", "threads", "execs/s"));
 * t.row("refcount", 2, 41_250.0);
 * t.chart("threads", List.of("execs/s"), true);
 * System.out.print(t.render());
 * report.write(Path.of("target/performance-checker.json"));   // temporary file, then a rename
 * }</pre>
 *
 * <p>The JSON form: {@code {"kind": "refcheck-performance", "version": 1, "id", "title", "environment": {...},
 * "tables": [{"id", "title", "note", "columns": [...], "rows": [[...]], "chart": {"x", "series": [...],
 * "logY"}}]}}; cells are strings, numbers or null.
 */
public final class PerformanceReport {

    /** The document kind and version the reports module accepts. */
    public static final String KIND = "refcheck-performance";
    public static final int VERSION = 1;

    private final String id;
    private final String title;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<PerformanceTable> tables = new ArrayList<>();

    public PerformanceReport(String id, String title) {
        this.id = id;
        this.title = title;
        environment.put("JVM", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        environment.put("CPUs", Integer.toString(Runtime.getRuntime().availableProcessors()));
        environment.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        environment.put("load average at start", LoadAverage.read());
    }

    /** Records one more property of where the figures were measured. */
    public PerformanceReport environment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** A new table, in order. */
    public PerformanceTable table(String tableId, String tableTitle, List<String> columns) {
        PerformanceTable t = new PerformanceTable(tableId, tableTitle, columns);
        tables.add(t);
        return t;
    }

    public List<PerformanceTable> tables() {
        return List.copyOf(tables);
    }

    /** The document as JSON. */
    public String toJson() {
        environment.put("load average at end", LoadAverage.read());
        StringBuilder b = new StringBuilder(4096);
        b.append("{\n  \"kind\": ").append(Json.string(KIND)).append(",\n  \"version\": ").append(VERSION)
                .append(",\n  \"id\": ").append(Json.string(id)).append(",\n  \"title\": ").append(Json.string(title))
                .append(",\n  \"environment\": {");
        String sep = "";
        for (Map.Entry<String, String> e : environment.entrySet()) {
            b.append(sep).append("\n    ").append(Json.string(e.getKey())).append(": ")
                    .append(Json.string(e.getValue()));
            sep = ",";
        }
        b.append("\n  },\n  \"tables\": [");
        sep = "";
        for (PerformanceTable t : tables) {
            b.append(sep).append('\n');
            t.appendJson(b);
            sep = ",";
        }
        return b.append("\n  ]\n}\n").toString();
    }

    /** Writes the document to {@code file}: into a temporary file beside it, then renamed into place. */
    public void write(Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
        try {
            Files.writeString(temp, toJson(), StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(temp, java.nio.file.attribute.PosixFilePermissions.fromString(
                        "rw-r--r--"));   // a temporary file is private; the document is for everyone to read
            } catch (UnsupportedOperationException notPosix) {
                // the file system's defaults apply
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Prints every table to standard output, then writes the document to {@code file}; returns a process exit
     * status: 0 when written, 1 (with one line on standard error, prefixed by {@code program}) when not.
     */
    public int printAndWrite(Path file, String program) {
        for (PerformanceTable t : tables) {
            System.out.println();
            System.out.print(t.render());
        }
        try {
            write(file);
        } catch (IOException e) {
            System.err.println(program + ": cannot write " + file + ": " + e);
            return 1;
        }
        System.out.println("\n" + program + " -> " + file.toAbsolutePath());
        return 0;
    }

    /** {@code String.format} in the root locale, for the figures of notes and tables. */
    public static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
