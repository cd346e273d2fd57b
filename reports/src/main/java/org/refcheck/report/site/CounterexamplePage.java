package org.refcheck.report.site;

import java.util.List;
import org.refcheck.report.schema.CheckResult;
import org.refcheck.report.schema.Counterexample;
import org.refcheck.report.schema.TraceEvent;

/**
 * {@code cx-<run>-<n>.html}: one counterexample as thread swimlanes. One column per thread, one row per event in
 * global order (calls indented by depth), the value read and written and the source line of each step, a marker row
 * at every context switch ("preemption" where the thread left runs again later), the oracle's message on top and the
 * replay command to copy.
 */
final class CounterexamplePage {

    /*
     * Implementation notes. The model checker's traces carry no switch events: a marker row is drawn wherever the
     * thread changes. It says "preemption" when the thread switched out has a later event (it was runnable and the
     * schedule chose another thread), and "context switch" when it has none (it finished). A blocked thread (join,
     * mutex) is drawn as preempted too; the trace does not say whether it could have run. Lincheck's traces have
     * their own switch rows (with a reason), which are drawn as they are, with no marker added.
     */

    private CounterexamplePage() {
    }

    static String render(Runs runs, CounterexampleIndex.Entry entry) {
        CheckResult c = entry.check();
        Counterexample cx = c.counterexample();
        Page page = new Page("counterexample: " + c.entryId(), runs.checkerTitle(c.checker()) + " · " + c.test()
                + " · " + runs.label(entry.run()));
        page.raw(c.protocol().equals(CheckResult.SELF_CHECK)
                ? "<p><a href=\"index.html#selfchecks\">back to the self-checks</a></p>\n"
                : "<p><a href=\"" + ProtocolPage.fileName(c.protocol()) + '#' + Html.slug(c.variant())
                        + "\">back to the protocol page</a></p>\n");
        page.raw("<p class=\"failure\">").raw(Badges.of(c.verdict())).raw(' ' + Html.escape(cx.failure()))
                .raw("</p>\n");
        if (!cx.replay().isEmpty()) {
            page.raw("<p>Replay exactly this execution (schedule <code>").text(cx.schedule())
                    .raw("</code>; select the line to copy it):</p>\n<pre class=\"replay\">").text(cx.replay())
                    .raw("</pre>\n");
            if (c.test().contains(" [")) {
                page.element("p", "shape", "The schedule belongs to the " + c.test().substring(c.test().indexOf(" ["))
                        + " invocation of this parameterised test; its other invocations refuse it as "
                        + "non-determinism.");
            }
        } else {
            page.raw("<p class=\"no-replay\">").text(runs.checkerTitle(c.checker()))
                    .raw(" gives no replay string; its own report is below.</p>\n");
        }
        page.raw(swimlanes(cx));
        if (!cx.rawText().isEmpty()) {
            page.raw("<details><summary>").text(runs.checkerTitle(c.checker())).raw("'s own text</summary><pre>")
                    .text(cx.rawText()).raw("</pre></details>\n");
        }
        return page.finish();
    }

    static String swimlanes(Counterexample cx) {
        List<String> threads = cx.threads();
        List<TraceEvent> events = cx.events();
        StringBuilder b = new StringBuilder("<table class=\"swimlanes\" data-events=\"").append(events.size())
                .append("\"><thead><tr><th class=\"step\">#</th>");
        for (String t : threads) {
            b.append("<th class=\"lane\">").append(Html.escape(t)).append("</th>");
        }
        b.append("</tr></thead><tbody>\n");
        int previous = -1;
        for (int i = 0; i < events.size(); i++) {
            TraceEvent e = events.get(i);
            boolean marker = e.kind().equals(TraceEvent.SWITCH);
            if (!marker && previous >= 0 && e.thread() != previous && !switchMarkedBefore(events, i)) {
                b.append(switchRow(threads.size(), preempted(events, i, previous), threads.get(previous)));
            }
            if (marker) {
                b.append("<tr class=\"switch\"><td class=\"step\"></td><td colspan=\"").append(threads.size())
                        .append("\">").append(Html.escape(threads.get(e.thread()) + ": " + e.text()))
                        .append("</td></tr>\n");
                continue;
            }
            previous = e.thread();
            b.append("<tr class=\"event k-").append(Html.escape(e.kind().toLowerCase(java.util.Locale.ROOT)))
                    .append("\"><td class=\"step\">").append(e.index()).append("</td>");
            for (int t = 0; t < threads.size(); t++) {
                if (t != e.thread()) {
                    b.append("<td></td>");
                    continue;
                }
                b.append("<td class=\"op depth-").append(Math.min(e.depth(), 12)).append("\"><span class=\"text\">")
                        .append(Html.escape(e.text())).append("</span>");
                if (!e.location().isEmpty()) {
                    b.append("<span class=\"loc\">").append(Html.escape(e.location())).append("</span>");
                }
                b.append("</td>");
            }
            b.append("</tr>\n");
        }
        return b.append("</tbody></table>\n").toString();
    }

    /** Whether the thread that ran before event {@code i} has events after it: it was preempted, not finished. */
    private static boolean preempted(List<TraceEvent> events, int i, int thread) {
        for (int j = i; j < events.size(); j++) {
            if (events.get(j).thread() == thread && !events.get(j).kind().equals(TraceEvent.SWITCH)) {
                return true;
            }
        }
        return false;
    }

    private static boolean switchMarkedBefore(List<TraceEvent> events, int i) {
        return i > 0 && events.get(i - 1).kind().equals(TraceEvent.SWITCH);
    }

    private static String switchRow(int columns, boolean preemption, String from) {
        return "<tr class=\"switch" + (preemption ? " preemption" : "") + "\"><td class=\"step\"></td><td colspan=\""
                + columns + "\">" + (preemption ? "preemption: " + Html.escape(from) + " is switched out and runs "
                + "again later" : "context switch: " + Html.escape(from) + " has no more steps") + "</td></tr>\n";
    }
}
