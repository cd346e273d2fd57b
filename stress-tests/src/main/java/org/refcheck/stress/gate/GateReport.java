package org.refcheck.stress.gate;

import java.util.List;
import org.refcheck.stress.verdict.VerdictRecord;

/**
 * What the jcstress gate concluded.
 *
 * @param records  one verdict record per selected test that could be graded
 * @param problems one line per reason to fail the build; empty when the run is good
 * @param notes    lines worth reading that do not fail the build (tests that need more CPUs, unexpected catches)
 */
public record GateReport(List<VerdictRecord> records, List<String> problems, List<String> notes) {

    public GateReport {
        records = List.copyOf(records);
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    /** Whether the build may go on. */
    public boolean passed() {
        return problems.isEmpty();
    }
}
