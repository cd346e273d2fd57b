package org.refcheck.model.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One table of a {@link PerformanceReport}: named columns, rows of cells (strings, numbers or null), a note that
 * says how the figures were made, and optionally a line chart of some numeric columns against another.
 */
public final class PerformanceTable {

    private final String id;
    private final String title;
    private final List<String> columns;
    private final List<List<Object>> rows = new ArrayList<>();
    private String note = "";
    private String chartX;
    private List<String> chartSeries = List.of();
    private boolean chartLogY;

    PerformanceTable(String id, String title, List<String> columns) {
        this.id = id;
        this.title = title;
        this.columns = List.copyOf(columns);
    }

    /** Appends a row of exactly one cell per column. */
    public PerformanceTable row(Object... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException(title + ": " + cells.length + " cells for " + columns.size()
                    + " columns " + columns);
        }
        rows.add(Arrays.asList(cells.clone()));
        return this;
    }

    /** How the figures were made: the command, repeats, the machine's load. */
    public PerformanceTable note(String text) {
        this.note = text;
        return this;
    }

    /** Charts {@code series} (numeric columns) against column {@code x}, one line per distinct first-column value. */
    public PerformanceTable chart(String x, List<String> series, boolean logY) {
        if (!columns.contains(x) || !columns.containsAll(series)) {
            throw new IllegalArgumentException(title + ": chart columns " + x + ", " + series + " not in " + columns);
        }
        this.chartX = x;
        this.chartSeries = List.copyOf(series);
        this.chartLogY = logY;
        return this;
    }

    public String title() {
        return title;
    }

    public List<String> columns() {
        return columns;
    }

    public List<List<Object>> rows() {
        return List.copyOf(rows);
    }

    /** The table as aligned text, for the console: the title, the column heads, the rows, then the note. */
    public String render() {
        List<String[]> text = new ArrayList<>();
        text.add(columns.toArray(String[]::new));
        List<boolean[]> numeric = new ArrayList<>();
        numeric.add(new boolean[columns.size()]);
        for (List<Object> r : rows) {
            boolean[] isNumber = new boolean[r.size()];
            for (int i = 0; i < isNumber.length; i++) {
                isNumber[i] = r.get(i) instanceof Number;
            }
            numeric.add(isNumber);
            String[] cells = new String[r.size()];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = cell(r.get(i));
            }
            text.add(cells);
        }
        int[] width = new int[columns.size()];
        for (String[] r : text) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder b = new StringBuilder(title).append('\n');
        for (int n = 0; n < text.size(); n++) {
            String[] r = text.get(n);
            for (int i = 0; i < r.length; i++) {
                b.append(i == 0 ? "" : " | ").append(pad(r[i], width[i], numeric.get(n)[i]));
            }
            b.append('\n');
            if (n == 0) {
                for (int i = 0; i < width.length; i++) {
                    b.append(i == 0 ? "" : "-+-").append("-".repeat(width[i]));
                }
                b.append('\n');
            }
        }
        if (!note.isEmpty()) {
            b.append(note).append('\n');
        }
        return b.toString();
    }

    private static String cell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            double a = Math.abs(d);
            return a == 0 ? "0" : a >= 1000 ? PerformanceReport.format("%,.0f", d)
                    : a >= 10 ? PerformanceReport.format("%.1f", d) : PerformanceReport.format("%.3f", d);
        }
        if (v instanceof Long || v instanceof Integer) {
            return PerformanceReport.format("%,d", v);
        }
        return v.toString();
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(Math.max(0, width - s.length()));
        return right ? fill + s : s + fill;
    }

    void appendJson(StringBuilder b) {
        b.append("    {\"id\": ").append(Json.string(id)).append(", \"title\": ").append(Json.string(title))
                .append(", \"note\": ").append(Json.string(note)).append(",\n     \"columns\": [");
        for (int i = 0; i < columns.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(Json.string(columns.get(i)));
        }
        b.append("],\n     \"rows\": [");
        for (int r = 0; r < rows.size(); r++) {
            b.append(r == 0 ? "\n       [" : ",\n       [");
            List<Object> row = rows.get(r);
            for (int i = 0; i < row.size(); i++) {
                b.append(i == 0 ? "" : ", ").append(Json.value(row.get(i)));
            }
            b.append(']');
        }
        b.append("]");
        if (chartX != null) {
            b.append(",\n     \"chart\": {\"x\": ").append(Json.string(chartX)).append(", \"series\": [");
            for (int i = 0; i < chartSeries.size(); i++) {
                b.append(i == 0 ? "" : ", ").append(Json.string(chartSeries.get(i)));
            }
            b.append("], \"logY\": ").append(chartLogY).append('}');
        }
        b.append('}');
    }
}
