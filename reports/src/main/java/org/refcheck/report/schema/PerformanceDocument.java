package org.refcheck.report.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A performance document, as the benchmark runner and the checker-speed harnesses write it
 * ({@code org.refcheck.model.bench.PerformanceReport}): tables of figures with a note each, an optional chart per
 * table, and the environment they were measured in. Cells are strings, numbers or null.
 */
public record PerformanceDocument(String id, String title, Map<String, String> environment, List<Table> tables) {

    /** The kind and version this reader accepts. */
    public static final String KIND = "refcheck-performance";
    public static final int VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One table: columns, rows (a cell is a String, a Double, a Long or null), a note, an optional chart. */
    public record Table(String id, String title, String note, List<String> columns, List<List<Object>> rows,
            Chart chart) {
    }

    /** A line chart of {@code series} columns against column {@code x}, a line per first-column value. */
    public record Chart(String x, List<String> series, boolean logY) {
    }

    /**
     * Reads and checks a document.
     *
     * @throws ResultFileException with a one-line message naming the file and the problem
     */
    public static PerformanceDocument read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ResultFileException(file, "no such file");
        } catch (IOException e) {
            throw new ResultFileException(file, "cannot read it: " + e.getMessage());
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ";
            throw new ResultFileException(file, where + "not valid JSON: " + e.getOriginalMessage().lines()
                    .findFirst().orElse(""));
        }
        if (tree == null || !KIND.equals(tree.path("kind").asText(null))) {
            throw new ResultFileException(file, "not a refcheck performance document (no \"kind\": \"" + KIND
                    + "\")");
        }
        if (tree.path("version").asInt(-1) != VERSION) {
            throw new ResultFileException(file, "performance document version " + tree.path("version")
                    + ", but this refcheck reads version " + VERSION);
        }
        Map<String, String> environment = new LinkedHashMap<>();
        tree.path("environment").fields().forEachRemaining(e -> environment.put(e.getKey(), e.getValue().asText()));
        List<Table> tables = new ArrayList<>();
        JsonNode list = tree.path("tables");
        for (int i = 0; i < list.size(); i++) {
            tables.add(table(file, i, list.get(i)));
        }
        return new PerformanceDocument(text(file, tree, "id"), text(file, tree, "title"), environment, tables);
    }

    private static Table table(Path file, int index, JsonNode t) {
        List<String> columns = new ArrayList<>();
        t.path("columns").forEach(c -> columns.add(c.asText()));
        List<List<Object>> rows = new ArrayList<>();
        JsonNode rowList = t.path("rows");
        for (int r = 0; r < rowList.size(); r++) {
            JsonNode row = rowList.get(r);
            if (!row.isArray() || row.size() != columns.size()) {
                throw new ResultFileException(file, "tables[" + index + "].rows[" + r + "] has "
                        + (row.isArray() ? row.size() : 0) + " cells for " + columns.size() + " columns");
            }
            List<Object> cells = new ArrayList<>();
            row.forEach(c -> cells.add(c.isNull() ? null : c.isIntegralNumber() ? (Object) c.asLong()
                    : c.isNumber() ? (Object) c.asDouble() : c.asText()));
            rows.add(cells);
        }
        Chart chart = null;
        JsonNode c = t.path("chart");
        if (c.isObject()) {
            List<String> series = new ArrayList<>();
            c.path("series").forEach(s -> series.add(s.asText()));
            chart = new Chart(c.path("x").asText(), series, c.path("logY").asBoolean());
            if (!columns.contains(chart.x()) || !columns.containsAll(series)) {
                throw new ResultFileException(file, "tables[" + index + "].chart names columns the table lacks");
            }
        }
        return new Table(text(file, t, "id"), text(file, t, "title"), t.path("note").asText(""), columns, rows,
                chart);
    }

    private static String text(Path file, JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (!v.isTextual()) {
            throw new ResultFileException(file, "\"" + field + "\" is missing or not a string");
        }
        return v.asText();
    }
}
