package org.refcheck.report.site;

import java.util.List;
import org.refcheck.report.schema.Outcome;

/**
 * A jcstress test's outcome table: every declared outcome, also the forbidden ones never observed, with its count,
 * its share, its expectation in words and a linear bar drawn as inline SVG (a log scale makes 3.2 M and 5.6 M look
 * alike).
 */
final class OutcomeBars {

    private static final int WIDTH = 240;
    private static final int HEIGHT = 14;

    private OutcomeBars() {
    }

    static String render(List<Outcome> outcomes) {
        long total = outcomes.stream().mapToLong(Outcome::samples).sum();
        StringBuilder b = new StringBuilder("<table class=\"outcomes\"><thead><tr><th>result</th><th>expect</th>"
                + "<th>samples</th><th>share</th><th>bar</th><th>description</th></tr></thead><tbody>\n");
        for (Outcome o : outcomes) {
            String cls = expectClass(o.expect());
            double share = total == 0 ? 0 : (double) o.samples() / total;
            int width = o.samples() == 0 ? 0 : Math.max(1, (int) Math.round(share * WIDTH));
            b.append("<tr class=\"outcome ").append(cls).append(o.samples() == 0 ? " never" : "")
                    .append("\"><td class=\"id\">").append(Html.escape(o.id())).append("</td><td>")
                    .append(Html.escape(expectWords(o.expect()))).append("</td><td class=\"num\">")
                    .append(Html.count(o.samples())).append("</td><td class=\"num\">")
                    .append(Html.percent(o.samples(), total)).append("</td><td>")
                    .append("<svg class=\"bar\" role=\"img\" width=\"").append(WIDTH).append("\" height=\"")
                    .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                    .append("\"><title>").append(Html.escape(o.id() + ": " + Html.count(o.samples()) + " samples ("
                            + Html.percent(o.samples(), total) + ")")).append("</title>")
                    .append("<rect class=\"track\" x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"")
                    .append(HEIGHT).append("\"/><rect class=\"fill\" x=\"0\" y=\"0\" width=\"").append(width)
                    .append("\" height=\"").append(HEIGHT).append("\"/></svg></td><td>")
                    .append(Html.escape(o.description()))
                    .append(o.samples() == 0 ? " <span class=\"never-seen\">(never observed)</span>" : "")
                    .append("</td></tr>\n");
        }
        return b.append("</tbody></table>\n").toString();
    }

    private static String expectClass(String expect) {
        return switch (expect) {
            case "ACCEPTABLE" -> "acceptable";
            case "ACCEPTABLE_INTERESTING" -> "interesting";
            case "FORBIDDEN" -> "forbidden";
            default -> "unknown";
        };
    }

    private static String expectWords(String expect) {
        return switch (expect) {
            case "ACCEPTABLE" -> "acceptable";
            case "ACCEPTABLE_INTERESTING" -> "interesting (the bug)";
            case "FORBIDDEN" -> "forbidden";
            default -> expect.toLowerCase(java.util.Locale.ROOT);
        };
    }
}
