package org.refcheck.model.trace;

import java.util.ArrayList;
import java.util.List;
import org.refcheck.model.rt.Event;

/**
 * Renders a trace as text with one column per thread, in global order, one event per row, and a marker row at every
 * context switch. The operation's source location follows the event when it was recorded.
 */
public final class ThreadColumns {

    private static final int MAX_WIDTH = 58;

    private ThreadColumns() {
    }

    public static String render(List<Event> events, List<String> threadNames) {
        int columns = threadNames.size();
        int[] width = new int[columns];
        List<String[]> rows = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            width[c] = Math.min(MAX_WIDTH, threadNames.get(c).length());
        }
        int previous = -1;
        for (Event e : events) {
            if (previous >= 0 && e.thread != previous) {
                rows.add(null);
            }
            previous = e.thread;
            String[] row = new String[columns];
            String text = e.describe() + (e.location() == null ? "" : "  " + e.location());
            if (text.length() > MAX_WIDTH) {
                text = text.substring(0, MAX_WIDTH - 1) + "~";
            }
            row[e.thread] = text;
            width[e.thread] = Math.max(width[e.thread], text.length());
            rows.add(row);
        }
        StringBuilder b = new StringBuilder();
        String[] header = threadNames.toArray(new String[0]);
        line(b, header, width);
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < columns; c++) {
            rule.append(c == 0 ? "" : "-+-").append("-".repeat(width[c]));
        }
        b.append(rule).append('\n');
        for (String[] row : rows) {
            if (row == null) {
                b.append(rule.toString().replace('-', '.')).append('\n');
            } else {
                line(b, row, width);
            }
        }
        return b.toString();
    }

    private static void line(StringBuilder b, String[] cells, int[] width) {
        StringBuilder l = new StringBuilder();
        for (int c = 0; c < width.length; c++) {
            String cell = cells[c] == null ? "" : cells[c];
            l.append(c == 0 ? "" : " | ").append(cell).append(" ".repeat(width[c] - cell.length()));
        }
        b.append(l.toString().stripTrailing()).append('\n');
    }
}
