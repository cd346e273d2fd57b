package org.refcheck.report.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The progress line names what runs and counts units; its estimate uses the guesses until units finish. */
class ProgressTest {

    @Test
    void theLineCountsUnitsAndTheEstimateStartsFromTheGuesses() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress p = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false,
                Map.of(WorkUnit.Kind.MODEL, 4, WorkUnit.Kind.JCSTRESS, 2),
                Map.of(WorkUnit.Kind.MODEL, 2.0, WorkUnit.Kind.JCSTRESS, 10.0));
        assertEquals(4 * 2 + 2 * 10, p.secondsLeft());
        p.phase(WorkUnit.Kind.MODEL);
        p.started("ModelCatalogueTest#refDropDrop");
        p.finished();
        assertTrue(p.line().startsWith("[model checker 1/4] ModelCatalogueTest#refDropDrop . 1/6 done . "),
                p.line());
        p.endPhase();
        p.phase(WorkUnit.Kind.JCSTRESS);
        p.jcstress(1, 7, "RefDropVsDropTests.Correct");
        assertTrue(p.line().startsWith("[jcstress 1/2] RefDropVsDropTests.Correct . 2/6 done"), p.line());
        assertTrue(p.secondsLeft() >= 7, "jcstress's own estimate counts: " + p.secondsLeft());
        p.close();
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("[model checker 0/4] starting"));
    }

    @Test
    void durationsRead() {
        assertEquals("59s", Progress.duration(59));
        assertEquals("1m05s", Progress.duration(65));
        assertEquals("2h03m", Progress.duration(2 * 3600 + 3 * 60 + 9));
    }
}
