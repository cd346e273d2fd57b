package org.refcheck.report.collect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.refcheck.report.schema.Counterexample;
import org.refcheck.report.schema.TraceEvent;

/**
 * Reads the interleaving out of a Lincheck 3.7 failure text, so that the site draws it as swimlanes like the model
 * checker's traces.
 *
 * <p>The table that follows {@code The following interleaving leads to the error:} has one column per thread (header
 * {@code Main Thread | Thread 1 | ...}) and, in every other row, exactly one non-empty cell: the step, indented two
 * spaces per call depth, or a context switch ({@code switch}, {@code switch (reason: ...)}). Rows of dashes separate
 * the init, parallel and post parts. The {@code Detailed trace:} table repeats those steps among all their nested
 * calls, each with {@code at Class.method(File.java:line)}: a step found there gets that source line. A text without
 * an interleaving table (a failure Lincheck could not render) gives a counterexample without events.
 */
final class LincheckTraceParser {

    /*
     * Implementation notes. Lincheck pads every row of a table to the same column widths, so a row is cut at the
     * positions of the header row's '|' separators: a step's own '|' (in a string argument) does not split it. A row
     * of another length is split on " | " instead; if that does not give one cell per thread either, the row is kept
     * as a step of the last thread seen, with the whole row as its text, rather than dropped. Source lines are found
     * by walking the detailed trace forward once: each interleaving step takes the first later detailed row of its
     * thread with the same text, so repeated steps (a call in a loop) match in order.
     */

    private static final String INTERLEAVING = "The following interleaving leads to the error:";
    private static final String DETAILED = "Detailed trace:";
    private static final Pattern AT = Pattern.compile("^(.*) at ([\\w.$<>]+)\\(([^()]+:\\d+)\\)$");

    private LincheckTraceParser() {
    }

    /** One non-rule row of a table: its thread, call depth and text. */
    private record Row(int thread, int depth, String text) {
    }

    /**
     * The counterexample in {@code failureText}; {@code failure} is its one-line summary and {@code storedText} the
     * checker's own text to keep with it.
     */
    static Counterexample parse(String failure, String failureText, String storedText) {
        List<String> lines = failureText.lines().toList();
        List<String> threads = new ArrayList<>();
        List<Row> steps = table(lines, lines.indexOf(INTERLEAVING), threads);
        List<Row> detailed = table(lines, lines.indexOf(DETAILED), new ArrayList<>());
        List<TraceEvent> events = new ArrayList<>();
        int next = 0;
        for (Row step : steps) {
            boolean isSwitch = step.text().equals("switch") || step.text().startsWith("switch (");
            String location = "";
            for (int d = next; d < detailed.size() && !isSwitch; d++) {
                Row row = detailed.get(d);
                Matcher at = AT.matcher(row.text());
                String text = at.matches() ? at.group(1) : row.text();
                if (row.thread() == step.thread() && text.equals(step.text())) {
                    location = at.matches() ? at.group(3) + " (" + at.group(2) + ")" : "";
                    next = d + 1;
                    break;
                }
            }
            events.add(new TraceEvent(events.size(), step.thread(), step.depth(), isSwitch ? TraceEvent.SWITCH : "STEP",
                    step.text(), "", "", location));
        }
        return new Counterexample(failure, threads, events, "", "", storedText);
    }

    /** The rows of the table after line {@code start} (none if it is -1); its header's cells go to {@code threads}. */
    private static List<Row> table(List<String> lines, int start, List<String> threads) {
        List<Row> rows = new ArrayList<>();
        if (start < 0) {
            return rows;
        }
        String header = null;
        int lastThread = 0;
        for (int i = start + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith("|")) {
                if (header != null) {
                    break;
                }
                continue;
            }
            if (isRule(line)) {
                continue;
            }
            if (header == null) {
                header = line;
                cells(line, null).forEach(c -> threads.add(c.strip()));
                continue;
            }
            List<String> cells = cells(line, header);
            int thread = -1;
            String text = "";
            if (cells.size() == threads.size()) {
                for (int c = 0; c < cells.size(); c++) {
                    if (!cells.get(c).isBlank()) {
                        thread = c;
                        text = cells.get(c);
                        break;
                    }
                }
            }
            if (thread < 0) {
                thread = lastThread;
                text = line.substring(1, line.length() - 1);
            }
            lastThread = thread;
            int depth = (int) (text.chars().takeWhile(ch -> ch == ' ').count() - 1) / 2;
            rows.add(new Row(thread, Math.max(0, depth), text.strip()));
        }
        return rows;
    }

    private static boolean isRule(String line) {
        return line.replace("|", "").strip().chars().allMatch(ch -> ch == '-');
    }

    /** The cells of a row, cut where the header's separators are when the row is as long as the header. */
    private static List<String> cells(String line, String header) {
        if (header != null && header.length() == line.length()) {
            List<String> cells = new ArrayList<>();
            int from = 1;
            for (int i = 1; i < header.length(); i++) {
                if (header.charAt(i) == '|') {
                    cells.add(line.substring(from, i));
                    from = i + 1;
                }
            }
            return cells;
        }
        String inner = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length());
        return new ArrayList<>(Arrays.asList(inner.split(" \\| ", -1)));
    }
}
