package org.refcheck.report.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.refcheck.report.schema.Counterexample;
import org.refcheck.report.schema.TraceEvent;

class LincheckTraceParserTest {

    /** The shape of a Lincheck 3.7 failure: a results table, then the interleaving with nesting and switches. */
    static final String FAILURE = String.join("\n",
            "= Invalid execution results =",
            "| ----------------------------------------------- |",
            "|         Thread 1         |       Thread 2       |",
            "| ----------------------------------------------- |",
            "| decAndTest(): true [0,1] | subAndTest(0): false |",
            "| ----------------------------------------------- |",
            "",
            "The following interleaving leads to the error:",
            "| ------------------------------------------------------- |",
            "|      Main Thread      |       Thread 1       | Thread 2 |",
            "| ------------------------------------------------------- |",
            row("run(a | b)", "", ""),
            row("  count ➜ 1", "", ""),
            row("  switch", "", ""),
            row("", "subAndTest(0): false", ""),
            "|                       |   switch (reason: waiting for Thread 2) |          |",
            "| ------------------------------------------------------- |",
            row("", "", "put()"),
            "| ------------------------------------------------------- |",
            "",
            "Detailed trace:",
            "| ---------------------------------------------------------------------------------------- |",
            "|      Main Thread      |                      Thread 1                        | Thread 2 |",
            "| ---------------------------------------------------------------------------------------- |",
            "| run(a | b)            |                                                      |          |",
            "|   count ➜ 1 at Ops.run(Ops.java:12)                                                       |",
            "|                       | subAndTest(0): false at Refcount.put(Refcount.java:259) |          |",
            "| ---------------------------------------------------------------------------------------- |");

    /** A row padded like Lincheck's: " text" left-aligned in columns as wide as the header's. */
    private static String row(String main, String thread1, String thread2) {
        return "|" + pad(main, 23) + "|" + pad(thread1, 22) + "|" + pad(thread2, 10) + "|";
    }

    private static String pad(String text, int width) {
        String cell = text.isEmpty() ? "" : " " + text;
        return cell + " ".repeat(width - cell.length());
    }

    @Test
    void everyRowOfTheInterleavingBecomesAnEventOfItsThread() {
        Counterexample cx = LincheckTraceParser.parse("IncorrectResultsFailure", FAILURE, FAILURE);
        assertEquals(List.of("Main Thread", "Thread 1", "Thread 2"), cx.threads());
        List<TraceEvent> events = cx.events();
        assertEquals(6, events.size());
        assertEquals("run(a | b)", events.get(0).text());
        assertEquals(0, events.get(0).thread());
        assertEquals(1, events.get(1).depth());
        assertEquals(TraceEvent.SWITCH, events.get(2).kind());
        assertEquals(1, events.get(3).thread());
        assertEquals(2, events.get(5).thread());
        assertEquals("put()", events.get(5).text());
        assertEquals(FAILURE, cx.rawText());
    }

    @Test
    void stepsTakeTheirSourceLineFromTheDetailedTrace() {
        List<TraceEvent> events = LincheckTraceParser.parse("x", FAILURE, "").events();
        assertEquals("", events.get(0).location(), "an actor row has no frame");
        assertEquals("Ops.java:12 (Ops.run)", events.get(1).location(), "a misaligned detailed row still matches");
        assertEquals("Refcount.java:259 (Refcount.put)", events.get(3).location());
        assertEquals("", events.get(5).location(), "not in the detailed trace");
    }

    @Test
    void aRowOfAnotherWidthIsSplitAtItsSeparators() {
        Counterexample cx = LincheckTraceParser.parse("x", FAILURE, FAILURE);
        TraceEvent odd = cx.events().get(4);
        assertEquals(1, odd.thread());
        assertEquals(TraceEvent.SWITCH, odd.kind(), odd.text());
    }

    @Test
    void aTextWithoutInterleavingGivesNoEventsButKeepsTheText() {
        Counterexample cx = LincheckTraceParser.parse("UnrenderedFailure", "Lincheck crashed rendering its report",
                "Lincheck crashed rendering its report");
        assertTrue(cx.events().isEmpty());
        assertEquals("Lincheck crashed rendering its report", cx.rawText());
    }

    @Test
    void theDetailedTraceIsLeftOutOfTheStoredText() {
        String kept = LincheckChecks.withoutDetailedTrace(FAILURE + "\n| huge   |   \n");
        assertTrue(kept.contains("The following interleaving leads to the error:"));
        assertTrue(kept.contains(".failure.txt"), kept);
        assertTrue(!kept.contains("Ops.java:12"), kept);
    }
}
