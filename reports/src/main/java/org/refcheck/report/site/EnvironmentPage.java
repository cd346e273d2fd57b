package org.refcheck.report.site;

import java.util.List;

import java.util.TreeSet;
import java.util.function.Function;
import org.refcheck.report.schema.Environment;

/**
 * {@code environment.html}: one column per run, one row per property, bounds included, rows that differ between runs
 * marked; and links to the results documents the site was made from. The index shows the same table.
 */
final class EnvironmentPage {

    private EnvironmentPage() {
    }

    static String render(Runs runs) {
        Page page = new Page("environment", "where and how each run happened");
        page.raw(table(runs));
        page.raw("<p>The results documents behind this site: ");
        for (int i = 0; i < runs.size(); i++) {
            page.raw("<a href=\"").raw(SiteWriter.dataFile(i)).raw("\">").text(runs.label(i)).raw("</a> ");
        }
        return page.raw("</p>\n").finish();
    }

    /** The table: a column per run, a row per property; rows whose values differ between runs are marked. */
    static String table(Runs runs) {
        StringBuilder b = new StringBuilder("<table class=\"environment\"><thead><tr><th></th>");
        for (int i = 0; i < runs.size(); i++) {
            b.append("<th>").append(Html.escape(runs.label(i))).append("</th>");
        }
        b.append("</tr></thead><tbody>\n");
        row(b, runs, "machine", Environment::machine);
        row(b, runs, "JVM vendor", Environment::jvmVendor);
        row(b, runs, "JVM version", Environment::jvmVersion);
        row(b, runs, "OS", Environment::os);
        row(b, runs, "CPUs", e -> Integer.toString(e.cpuCount()));
        row(b, runs, "CPU model", Environment::cpuModel);
        row(b, runs, "mode", Environment::mode);
        row(b, runs, "refcheck version", Environment::refcheckVersion);
        row(b, runs, "git commit", Environment::gitCommit);
        row(b, runs, "start", Environment::startTime);
        row(b, runs, "end", Environment::endTime);
        TreeSet<String> bounds = new TreeSet<>();
        for (int i = 0; i < runs.size(); i++) {
            bounds.addAll(runs.run(i).environment().bounds().keySet());
        }
        for (String key : bounds) {
            row(b, runs, key, e -> e.bounds().getOrDefault(key, ""));
        }
        return b.append("</tbody></table>\n").toString();
    }

    private static void row(StringBuilder b, Runs runs, String name, Function<Environment, String> value) {
        List<String> values = new java.util.ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            values.add(value.apply(runs.run(i).environment()));
        }
        boolean differs = values.stream().distinct().count() > 1;
        b.append("<tr").append(differs ? " class=\"differs\"" : "").append("><th>").append(Html.escape(name))
                .append("</th>");
        for (String v : values) {
            b.append("<td>").append(Html.escape(v)).append("</td>");
        }
        b.append("</tr>\n");
    }

}
