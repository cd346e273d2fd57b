package org.refcheck.report.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.refcheck.report.schema.PerformanceDocument;

/**
 * A performance table's chart as inline SVG: one line per value of the table's first column (a scenario) and
 * charted series, the x axis a numeric column (threads, operations), the y axis linear or logarithmic. Points carry
 * {@code <title>} tooltips; no script, no external resource.
 */
final class LineChart {

    /*
     * Implementation notes. Rows whose x or y cell is not a number (or, on a log axis, not positive) are left out
     * of the chart, never drawn at zero. Lines are told apart by a class c0..c7 (style.css colours them) and by
     * the legend beside the plot, which names each line in text, so the chart reads without colour too.
     */

    private static final int WIDTH = 720;
    private static final int HEIGHT = 300;
    private static final int LEFT = 70;
    private static final int RIGHT = 280;
    private static final int TOP = 12;
    private static final int BOTTOM = 36;

    private record Point(double x, double y) {
    }

    private LineChart() {
    }

    /** The SVG, or an empty string when the table has no chart or nothing chartable. */
    static String render(PerformanceDocument.Table table) {
        PerformanceDocument.Chart chart = table.chart();
        if (chart == null) {
            return "";
        }
        int xi = table.columns().indexOf(chart.x());
        Map<String, List<Point>> lines = new LinkedHashMap<>();
        for (String series : chart.series()) {
            int yi = table.columns().indexOf(series);
            for (List<Object> row : table.rows()) {
                if (row.get(xi) instanceof Number x && row.get(yi) instanceof Number y
                        && (!chart.logY() || y.doubleValue() > 0)) {
                    String name = row.get(0) + (chart.series().size() > 1 ? " · " + series : "");
                    lines.computeIfAbsent(name, k -> new ArrayList<>()).add(new Point(x.doubleValue(),
                            chart.logY() ? Math.log10(y.doubleValue()) : y.doubleValue()));
                }
            }
        }
        if (lines.isEmpty()) {
            return "";
        }
        double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (List<Point> line : lines.values()) {
            for (Point p : line) {
                minX = Math.min(minX, p.x);
                maxX = Math.max(maxX, p.x);
                minY = Math.min(minY, p.y);
                maxY = Math.max(maxY, p.y);
            }
        }
        if (!chart.logY()) {
            minY = Math.min(0, minY);
        } else {
            minY = Math.floor(minY);
            maxY = Math.ceil(maxY);
        }
        if (maxX == minX) {
            maxX = minX + 1;
        }
        if (maxY == minY) {
            maxY = minY + 1;
        }
        String yLabel = String.join(", ", chart.series()) + (chart.logY() ? " (log scale)" : "");
        StringBuilder b = new StringBuilder("<svg class=\"chart\" role=\"img\" width=\"" + WIDTH + "\" height=\""
                + HEIGHT + "\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT + "\"><title>")
                .append(Html.escape(table.title() + ": " + yLabel + " by " + chart.x())).append("</title>\n");
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        b.append("<rect class=\"plot\" x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"")
                .append(plotW).append("\" height=\"").append(plotH).append("\"/>\n");
        int ticks = chart.logY() ? (int) Math.round(maxY - minY) : 4;   // a log axis: one tick per decade
        for (int i = 0; i <= ticks; i++) {
            double v = minY + (maxY - minY) * i / ticks;
            double y = TOP + plotH - plotH * (v - minY) / (maxY - minY);
            b.append(fmt("<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">", LEFT - 4, y + 4))
                    .append(Html.escape(number(chart.logY() ? Math.pow(10, v) : v))).append("</text>\n");
        }
        for (double x : distinctX(lines)) {
            double px = LEFT + plotW * (x - minX) / (maxX - minX);
            b.append(fmt("<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">", px, TOP + plotH + 14))
                    .append(Html.escape(number(x))).append("</text>\n");
        }
        b.append(fmt("<text class=\"axis\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">", LEFT + plotW / 2,
                HEIGHT - 4)).append(Html.escape(chart.x())).append("</text>\n");
        int n = 0;
        for (Map.Entry<String, List<Point>> line : lines.entrySet()) {
            String cls = "c" + (n % 8);
            StringBuilder path = new StringBuilder();
            for (Point p : line.getValue()) {
                path.append(path.length() == 0 ? "M" : " L").append(fmt("%.1f %.1f",
                        LEFT + plotW * (p.x - minX) / (maxX - minX), TOP + plotH - plotH * (p.y - minY) / (maxY - minY)));
            }
            b.append("<path class=\"line ").append(cls).append("\" d=\"").append(path).append("\"/>\n");
            for (Point p : line.getValue()) {
                double shown = chart.logY() ? Math.pow(10, p.y) : p.y;
                b.append(fmt("<circle class=\"point %s\" cx=\"%.1f\" cy=\"%.1f\" r=\"3\"><title>", cls,
                        LEFT + plotW * (p.x - minX) / (maxX - minX), TOP + plotH - plotH * (p.y - minY) / (maxY - minY)))
                        .append(Html.escape(line.getKey() + " at " + chart.x() + " " + number(p.x) + ": "
                                + number(shown))).append("</title></circle>\n");
            }
            int ly = TOP + 12 + 16 * n;
            b.append(fmt("<rect class=\"key %s\" x=\"%d\" y=\"%d\" width=\"10\" height=\"10\"/>", cls,
                    LEFT + plotW + 10, ly - 9)).append(fmt("<text class=\"legend\" x=\"%d\" y=\"%d\">",
                            LEFT + plotW + 24, ly)).append(Html.escape(line.getKey())).append("</text>\n");
            n++;
        }
        return b.append("</svg>\n").toString();
    }

    private static List<Double> distinctX(Map<String, List<Point>> lines) {
        List<Double> xs = new ArrayList<>();
        for (List<Point> line : lines.values()) {
            for (Point p : line) {
                if (!xs.contains(p.x)) {
                    xs.add(p.x);
                }
            }
        }
        return xs.size() > 12 ? xs.subList(0, 12) : xs;
    }

    static String number(double v) {
        double a = Math.abs(v);
        if (a >= 1e9) {
            return fmt("%.0e", v);
        }
        if (a >= 1e6) {
            return fmt("%.1fM", v / 1e6);
        }
        if (a >= 1e4) {
            return fmt("%.0fk", v / 1e3);
        }
        return a == Math.rint(a) ? fmt("%.0f", v) : a >= 10 ? fmt("%.1f", v) : fmt("%.3g", v);
    }

    private static String fmt(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
