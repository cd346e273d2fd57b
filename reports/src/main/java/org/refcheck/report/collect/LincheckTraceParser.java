package org.refcheck.report.collect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.refcheck.report.schema.Counterexample;
import org.refcheck.report.schema.TraceEvent;

/**
 * Reads the interleaving out of a Lincheck 3.7 failure text, so that the site draws it as swimlanes like the model
 * checker's traces.
 *
 * <p>The table that follows {@code The following interleaving leads to the error:} has one column per thread (header
 * {@code Main Thread | Thread 1 | ...}) and, in every other row, exactly one non-empty cell: the step, indented two
 * spaces per call depth, or a context switch ({@code switch}, {@code switch (reason: ...)}). Rows of dashes separate
 * the init, parallel and post parts. A text without that table (a failure Lincheck could not render) gives a
 * counterexample without events; the raw text is always kept.
 */
final class LincheckTraceParser {

    /*
     * Implementation notes. Lincheck pads every row of a table to the same column widths, so a row is cut at the
     * positions of the header row's '|' separators: a step's own '|' (in a string argument) does not split it. A row
     * of another length is split on " | " instead; if that does not give one cell per thread either, the row is kept
     * as a step of the last thread seen, with the whole row as its text, rather than dropped. The "Detailed trace:"
     * table repeats the interleaving with frames and is not read.
     */

    private static final String INTERLEAVING = "The following interleaving leads to the error:";

    private LincheckTraceParser() {
    }

    /** The counterexample in {@code failureText}; {@code failure} is its one-line summary. */
    static Counterexample parse(String failure, String failureText) {
        List<String> lines = failureText.lines().toList();
        int start = lines.indexOf(INTERLEAVING);
        List<String> threads = new ArrayList<>();
        List<TraceEvent> events = new ArrayList<>();
        if (start >= 0) {
            int lastThread = 0;
            String header = null;
            for (int i = start + 1; i < lines.size(); i++) {
                String line = lines.get(i);
                if (!line.startsWith("|")) {
                    if (!threads.isEmpty()) {
                        break;
                    }
                    continue;
                }
                if (isRule(line)) {
                    continue;
                }
                if (threads.isEmpty()) {
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
                String stripped = text.strip();
                int depth = (int) (text.chars().takeWhile(ch -> ch == ' ').count() - 1) / 2;
                String kind = stripped.equals("switch") || stripped.startsWith("switch (") ? TraceEvent.SWITCH
                        : "STEP";
                events.add(new TraceEvent(events.size(), thread, Math.max(0, depth), kind, stripped, "", "", ""));
            }
        }
        return new Counterexample(failure, threads, events, "", "", failureText);
    }

    private static boolean isRule(String line) {
        return line.replace("|", "").strip().chars().allMatch(ch -> ch == '-') ;
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
