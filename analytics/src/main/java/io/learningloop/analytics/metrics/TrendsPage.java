package io.learningloop.analytics.metrics;

import io.learningloop.analytics.metrics.Reports.Withheld;
import io.learningloop.analytics.metrics.YearOverYear.Group;
import io.learningloop.analytics.metrics.YearOverYear.Report;
import io.learningloop.analytics.statistics.Estimate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The year-over-year report as one self-contained HTML page (no script, no external style or image), for
 * org-development staff who read it in a browser or print it, without Kibana. It opens with the answer
 * ({@link TrendsOpening}), then every measure with its intervals, in words and drawn ({@link TrendChart}).
 */
final class TrendsPage {

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:72rem;color:#1b1f24;padding:0 1rem}
            h1{font-size:1.5rem;margin-bottom:.2rem}p.sub{color:#57606a;margin-top:0}
            h2{font-size:1.1rem;margin:1.8rem 0 .4rem}
            section.answer{border:1px solid #d0d7de;border-radius:6px;padding:.2rem 1rem .6rem;margin:1.2rem 0}
            section.answer h2{margin-top:.8rem}p.answer{font-size:1.15rem;font-weight:600;margin:.4rem 0}
            ol.chains{padding-left:1.4rem}ol.chains li{margin:.35rem 0}
            table{border-collapse:collapse;width:100%;table-layout:fixed}
            th,td{padding:.35rem .6rem;border-bottom:1px solid #d0d7de;vertical-align:top}
            th:first-child{width:28%}th.chart{width:172px}th:last-child,td:last-child{width:9rem}
            th{text-align:right;font-weight:600;background:#f6f8fa}th:first-child{text-align:left}
            td{text-align:right;font-variant-numeric:tabular-nums}td:first-child{text-align:left}
            td small{display:block;color:#57606a;font-size:.75rem}
            td.chart{padding:.2rem .3rem}svg.chart{display:block}
            svg .axis{stroke:#d0d7de;stroke-width:1}svg .whisker{stroke:#57606a;stroke-width:1.2}
            svg circle{fill:#0969da}svg text{font-size:8px;fill:#57606a;font-family:system-ui,sans-serif}
            .better{color:#1a7f37;font-weight:600}.worse{color:#cf222e;font-weight:600}.same{color:#57606a}
            .none{color:#8c959f}.withheld{color:#8c959f;font-style:italic}.withheld small{display:block}
            footer{margin-top:2rem;color:#57606a;font-size:.85rem}
            @media print{
            body{color:#000;margin:0;max-width:none;font-size:10pt}
            p.sub,td small,footer,.same,.none,.withheld,.better,.worse{color:#000}
            th{background:none}th,td{border-bottom-color:#000}section.answer{border-color:#000}
            table,tr,section.answer,svg{break-inside:avoid}h2{break-after:avoid}thead{display:table-header-group}
            svg .axis,svg .whisker{stroke:#000}svg circle,svg text{fill:#000}}
            """;

    private TrendsPage() {}

    /** The opening answer first, then whether reviews are a practice or a ritual, then the other measures. */
    static String render(TrendsOpening.Opening opening, Report report) {
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
        html.append(opening(opening));
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
        List<Group> groups = new ArrayList<>(report.groups());
        groups.sort(Comparator.comparing(group -> !group.title().equals(YearOverYear.RITUALS)));
        for (Group group : groups) {
            html.append("<h2>").append(escape(group.title())).append("</h2><table><thead><tr><th>Measure</th>");
            report.years().forEach(year -> html.append("<th>").append(year).append("</th>"));
            html.append("<th class=\"chart\">Per year, 95 % interval</th><th>Trend</th></tr></thead><tbody>");
            for (Trend trend : group.trends()) {
                html.append(row(trend, report.years(), reasons));
            }
            html.append("</tbody></table>");
        }
        html.append("<footer><p>")
                .append(escape(report.caveat()))
                .append("</p><p>Each value reads: the value, its 95 % interval in brackets where the sample has one,"
                        + " and n, the cases it stands on (a rate's denominator, a median's or mean's values).</p>"
                        + "<p>The same numbers as JSON:"
                        + " <code>/analytics/trends</code>; each year's detail: <code>/analytics/latency</code>,"
                        + " <code>/analytics/conversion</code>, <code>/analytics/practices</code>;"
                        + " the chains: <code>/analytics/evidence</code>.</p></footer></body></html>\n");
        return html.toString();
    }

    /** The answer to the question, and the most telling chains in words. */
    private static String opening(TrendsOpening.Opening opening) {
        StringBuilder html = new StringBuilder("<section class=\"answer\"><h2>Were decisions made differently in ")
                .append(opening.year())
                .append(" because of what was learned in ")
                .append(opening.year() - 1)
                .append("?</h2><p class=\"answer\">")
                .append(escape(opening.answer()))
                .append("</p>");
        if (!opening.chains().isEmpty()) {
            html.append("<p>")
                    .append(
                            opening.chains().size() == opening.chainCount()
                                    ? opening.chainCount() == 1 ? "The chain of evidence:" : "The chains of evidence:"
                                    : "The " + opening.chains().size() + " most telling of " + opening.chainCount()
                                            + " chains of evidence:")
                    .append("</p><ol class=\"chains\">");
            opening.chains()
                    .forEach(chain -> html.append("<li>").append(escape(chain)).append("</li>"));
            html.append("</ol>");
        }
        return html.append("</section>").toString();
    }

    /** A measure: each year's value with its interval, the years drawn, and the verdict. */
    private static String row(Trend trend, List<Integer> years, Map<String, String> reasons) {
        StringBuilder html = new StringBuilder("<tr><td>")
                .append(escape(trend.name()))
                .append("<small>")
                .append(escape(trend.definition()))
                .append("</small></td>");
        List<TrendChart.Point> points = new ArrayList<>();
        for (int i = 0; i < trend.values().size(); i++) {
            String reason = reasons.get(trend.name() + "." + years.get(i));
            Estimate estimate = trend.estimates().get(i);
            Double value = trend.values().get(i);
            html.append("<td>")
                    .append(reason != null ? withheld(reason) : estimated(value, estimate, trend.unit()))
                    .append("</td>");
            points.add(
                    reason != null || value == null
                            ? null
                            : estimate == null
                                    ? new TrendChart.Point(value, null, null)
                                    : new TrendChart.Point(value, estimate.lower95(), estimate.upper95()));
        }
        html.append("<td class=\"chart\">")
                .append(TrendChart.svg(points, trend.unit() == Trend.Unit.SHARE, trend.name() + " per year"))
                .append("</td>");
        return html.append(changeCell(trend.change())).append("</tr>").toString();
    }

    /** {@code 64 % <small>(54–73 %), n = 100</small>}; a count or a value without a sample alone. */
    static String estimated(Double value, Estimate estimate, Trend.Unit unit) {
        if (value == null || estimate == null) {
            return format(value, unit);
        }
        StringBuilder html = new StringBuilder(format(value, unit)).append(" <small>");
        if (estimate.lower95() != null && estimate.upper95() != null) {
            html.append("(")
                    .append(bare(estimate.lower95(), unit))
                    .append(estimate.lower95() < 0 ? " to " : "–")
                    .append(bare(estimate.upper95(), unit))
                    .append(unit == Trend.Unit.SHARE ? " %" : "")
                    .append("), ");
        }
        return html.append("n = ").append(estimate.n()).append("</small>").toString();
    }

    static String format(Double value, Trend.Unit unit) {
        if (value == null) {
            return "<span class=\"none\">–</span>";
        }
        return bare(value, unit) + (unit == Trend.Unit.SHARE ? " %" : "");
    }

    /** A value in its unit's digits, a share as a whole percentage without its sign. */
    private static String bare(double value, Trend.Unit unit) {
        return switch (unit) {
            case SHARE -> String.valueOf(Math.round(value * 100));
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
