package org.refcheck.report.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** jcstress 0.16's non-interactive status block, as a run prints it, moves the progress line. */
class JcstressStatusTest {

    @Test
    void theStatusBlockGivesTestsDoneAndTheEstimate() {
        Progress p = new Progress(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false,
                Map.of(WorkUnit.Kind.JCSTRESS, 51), Map.of(WorkUnit.Kind.JCSTRESS, 30.0));
        p.phase(WorkUnit.Kind.JCSTRESS);
        JcstressRun.StatusLines lines = new JcstressRun.StatusLines(51, p);
        lines.accept("----- [OK] Trying to set global affinity with taskset");
        lines.accept(".......... [OK] org.refcheck.stress.arc.ArcUpgradeDropTests.UpgradeFetchAdd");
        lines.accept("(ETA: in 00:11:21; at Wed, 2026-12-02 02:14:45)");
        lines.accept("(Sampling Rate: 149.78 K/sec)");
        lines.accept("(Results: 102 planned; 40 passed, 0 failed, 0 soft errs, 0 hard errs)");
        assertTrue(p.line().startsWith("[jcstress 20/51] ArcUpgradeDropTests.UpgradeFetchAdd . 20/51 done"),
                p.line());
        assertTrue(p.secondsLeft() == 681, "jcstress's own estimate: " + p.secondsLeft());
        p.close();
    }
}
