package io.learningloop.analytics.metrics;

import io.learningloop.analytics.metrics.Reports.Withheld;
import io.learningloop.analytics.metrics.YearOverYear.Group;
import io.learningloop.analytics.metrics.YearOverYear.Report;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The year-over-year report as one self-contained HTML page (no script, no external style), for
 * org-development staff who read it in a browser or print it, without Kibana.
 */
final class TrendsPage {

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:60rem;color:#1b1f24;padding:0 1rem}
            h1{font-size:1.5rem;margin-bottom:.2rem}p.sub{color:#57606a;margin-top:0}
            h2{font-size:1.1rem;margin:1.8rem 0 .4rem}
            table{border-collapse:collapse;width:100%;table-layout:fixed}
            th,td{padding:.35rem .6rem;border-bottom:1px solid #d0d7de}
            th:first-child{width:50%}th:last-child,td:last-child{width:7rem;white-space:nowrap}
            th{text-align:right;font-weight:600;background:#f6f8fa}th:first-child{text-align:left}
            td{text-align:right;font-variant-numeric:tabular-nums}td:first-child{text-align:left}
            td small{display:block;color:#57606a;font-size:.75rem}
            .better{color:#1a7f37;font-weight:600}.worse{color:#cf222e;font-weight:600}.same{color:#57606a}
            .none{color:#8c959f}.withheld{color:#8c959f;font-style:italic}.withheld small{display:block}footer{margin-top:2rem;color:#57606a;font-size:.85rem}
            """;

    private TrendsPage() {}

    static String render(Report report) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        String unit = report.orgUnit() == null ? "the whole organisation" : report.orgUnit();
        html.append("<title>Learning Loop: ")
                .append(escape(unit))
                .append(", year over year</title><style>")
                .append(STYLE)
                .append("</style></head><body>");
        html.append("<h1>Does ").append(escape(unit)).append(" learn from its experience?</h1>");
        html.append("<p class=\"sub\">Year over year, ")
                .append(report.years().get(0))
                .append("–")
                .append(report.years().get(report.years().size() - 1))
                .append(", including every unit below it. Trend: from the first year with a value to the last.</p>");
        Map<String, String> reasons = report.withheld() == null
                ? Map.of()
                : report.withheld().stream()
                        .collect(Collectors.toMap(Withheld::figure, Withheld::reason, (first, same) -> first));
        if (!reasons.isEmpty()) {
            html.append("<p class=\"sub\">Values marked <em>withheld</em> were computed over too few people"
                            + " to show without exposing someone: ")
                    .append(escape(reasons.values().iterator().next()))
                    .append(".</p>");
        }
        for (Group group : report.groups()) {
            html.append("<h2>").append(escape(group.title())).append("</h2><table><thead><tr><th>Measure</th>");
            report.years().forEach(year -> html.append("<th>").append(year).append("</th>"));
            html.append("<th>Trend</th></tr></thead><tbody>");
            for (Trend trend : group.trends()) {
                html.append("<tr><td>")
                        .append(escape(trend.name()))
                        .append("<small>")
                        .append(escape(trend.definition()))
                        .append("</small></td>");
                for (int i = 0; i < trend.values().size(); i++) {
                    String figure = trend.name() + "." + report.years().get(i);
                    html.append("<td>")
                            .append(
                                    reasons.containsKey(figure)
                                            ? withheld(reasons.get(figure))
                                            : format(trend.values().get(i), trend.unit()))
                            .append("</td>");
                }
                html.append(changeCell(trend.change())).append("</tr>");
            }
            html.append("</tbody></table>");
        }
        html.append("<footer><p>")
                .append(escape(report.caveat()))
                .append(
                        "</p><p>The same numbers as JSON:"
                                + " <code>/analytics/trends</code>; each year's detail: <code>/analytics/latency</code>,"
                                + " <code>/analytics/conversion</code>, <code>/analytics/practices</code>.</p></footer></body></html>\n");
        return html.toString();
    }

    static String format(Double value, Trend.Unit unit) {
        if (value == null) {
            return "<span class=\"none\">–</span>";
        }
        return switch (unit) {
            case SHARE -> Math.round(value * 100) + " %";
            case DAYS, COUNT -> String.format(Locale.ROOT, "%.0f", value);
            case SCORE -> String.format(Locale.ROOT, "%.2f", value);
        };
    }

    /** A value left out, saying why where it stands (the same reason as the JSON's {@code withheld}). */
    static String withheld(String reason) {
        return "<span class=\"withheld\" title=\"" + escape(reason) + "\">withheld <small>(" + escape(reason)
                + ")</small></span>";
    }

    /** The verdict, with the test and its p-value on hover and in print. */
    private static String changeCell(Trend.Change change) {
        if (change == null) {
            return "<td class=\"none\">–</td>";
        }
        String css;
        String label;
        switch (change.verdict()) {
            case Trend.BETTER -> {
                css = "better";
                label = "▲ better";
            }
            case Trend.WORSE -> {
                css = "worse";
                label = "▼ worse";
            }
            default -> {
                css = "same";
                label = "no clear change";
            }
        }
        String test = change.test() + ", " + change.fromYear() + " vs " + change.toYear() + ", p = "
                + String.format(Locale.ROOT, "%.3f", change.pValue());
        return "<td class=\"" + css + "\" title=\"" + escape(test) + "\">" + label + "<small>" + escape(test)
                + "</small></td>";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
