package org.refcheck.report.site;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.refcheck.report.schema.CheckResult;

/** Names the counterexample page of every check that has a counterexample: {@code cx-<run>-<n>.html}. */
final class CounterexampleIndex {

    /** One counterexample page to write. */
    record Entry(int run, CheckResult check, String fileName) {
    }

    private final List<Map<CheckResult, String>> names = new ArrayList<>();
    private final List<Entry> entries = new ArrayList<>();

    CounterexampleIndex(Runs runs) {
        for (int i = 0; i < runs.size(); i++) {
            Map<CheckResult, String> byCheck = new IdentityHashMap<>();
            int n = 0;
            for (CheckResult c : runs.run(i).checks()) {
                if (c.counterexample() != null) {
                    String name = "cx-" + i + "-" + (++n) + ".html";
                    byCheck.put(c, name);
                    entries.add(new Entry(i, c, name));
                }
            }
            names.add(byCheck);
        }
    }

    /** The page of a check's counterexample, or {@code null} if it has none. */
    String pageOf(int run, CheckResult check) {
        return names.get(run).get(check);
    }

    /** Every counterexample page. */
    List<Entry> entries() {
        return List.copyOf(entries);
    }
}
