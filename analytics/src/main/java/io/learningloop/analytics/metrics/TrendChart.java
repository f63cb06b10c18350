package io.learningloop.analytics.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One measure's years as a small inline SVG: a dot per year with its 95 % interval as a whisker, so the
 * eye sees at once whether two years' intervals overlap. A year without a point (nothing to measure, or
 * withheld) leaves its place empty rather than being drawn as zero. Shares are drawn on 0–100 %, so that
 * rows compare; days and counts from 0, scores from 0 or below, to the highest end shown.
 */
final class TrendChart {

    static final int WIDTH = 160;
    static final int HEIGHT = 40;

    /** Where the plot ends and the scale's labels begin. */
    private static final int PLOT_RIGHT = 128;

    private static final int TOP = 4;
    private static final int BOTTOM = HEIGHT - 4;

    /** A year's value with its interval (ends null when there is none). */
    record Point(double value, Double lower, Double upper) {}

    private TrendChart() {}

    /**
     * @param points one per year of the report, null where the year shows nothing
     * @param share a share, drawn on 0–100 %
     */
    static String svg(List<Point> points, boolean share, String label) {
        List<Point> shown = points.stream().filter(Objects::nonNull).toList();
        double low = share
                ? 0
                : Math.min(
                        0, shown.stream().mapToDouble(TrendChart::lowest).min().orElse(0));
        double high = share
                ? 1
                : shown.stream().mapToDouble(TrendChart::highest).max().orElse(1);
        if (high <= low) {
            high = low + 1;
        }
        Scale scale = new Scale(low, high);
        StringBuilder svg = new StringBuilder("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(HEIGHT)
                .append("\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"")
                .append(TrendsPage.escape(label))
                .append("\">");
        svg.append(line("axis", 0, scale.y(low), PLOT_RIGHT, scale.y(low)));
        if (low < 0) {
            svg.append(line("axis", 0, scale.y(0), PLOT_RIGHT, scale.y(0)));
        }
        svg.append(text(scale.y(high) + 3, share ? "100 %" : number(high)))
                .append(text(scale.y(low), share ? "0 %" : number(low)));
        double step = (double) PLOT_RIGHT / points.size();
        List<String> dots = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Point point = points.get(i);
            if (point == null) {
                continue;
            }
            double x = step * (i + 0.5);
            if (point.lower() != null && point.upper() != null) {
                svg.append(line("whisker", x, scale.y(point.lower()), x, scale.y(point.upper())))
                        .append(line("whisker", x - 3, scale.y(point.lower()), x + 3, scale.y(point.lower())))
                        .append(line("whisker", x - 3, scale.y(point.upper()), x + 3, scale.y(point.upper())));
            }
            dots.add("<circle cx=\"" + coordinate(x) + "\" cy=\"" + coordinate(scale.y(point.value()))
                    + "\" r=\"2.5\"/>");
        }
        // dots last: drawn over their whiskers
        dots.forEach(svg::append);
        return svg.append("</svg>").toString();
    }

    private static double lowest(Point point) {
        return point.lower() != null ? Math.min(point.lower(), point.value()) : point.value();
    }

    private static double highest(Point point) {
        return point.upper() != null ? Math.max(point.upper(), point.value()) : point.value();
    }

    private record Scale(double low, double high) {
        double y(double value) {
            return BOTTOM - (value - low) / (high - low) * (BOTTOM - TOP);
        }
    }

    private static String line(String css, double x1, double y1, double x2, double y2) {
        return "<line class=\"" + css + "\" x1=\"" + coordinate(x1) + "\" y1=\"" + coordinate(y1) + "\" x2=\""
                + coordinate(x2) + "\" y2=\"" + coordinate(y2) + "\"/>";
    }

    private static String text(double y, String words) {
        return "<text x=\"" + (PLOT_RIGHT + 4) + "\" y=\"" + coordinate(y) + "\">" + TrendsPage.escape(words)
                + "</text>";
    }

    private static String number(double value) {
        return Math.abs(value) >= 10 || value == Math.rint(value)
                ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
