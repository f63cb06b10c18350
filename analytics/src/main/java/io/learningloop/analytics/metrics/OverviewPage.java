package io.learningloop.analytics.metrics;

import static io.learningloop.analytics.metrics.TrendsPage.escape;

import io.learningloop.analytics.metrics.Reports.Withheld;
import io.learningloop.analytics.metrics.UnitOverview.Overview;
import io.learningloop.analytics.metrics.UnitOverview.UnitHeadline;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The landing page of the staff reports: the org hierarchy with each unit's headline figures for one
 * year, each unit a link to its year-over-year report. Self-contained HTML, no script, readable printed.
 */
final class OverviewPage {

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:64rem;color:#1b1f24;padding:0 1rem}
            h1{font-size:1.5rem;margin-bottom:.2rem}p.sub{color:#57606a;margin-top:0}
            table{border-collapse:collapse;width:100%}
            th,td{padding:.35rem .6rem;border-bottom:1px solid #d0d7de;text-align:right;font-variant-numeric:tabular-nums}
            th{font-weight:600;background:#f6f8fa;vertical-align:bottom}th:first-child,td:first-child{text-align:left}
            td small{color:#57606a;font-size:.75rem}a{color:#0969da;text-decoration:none}
            .none{color:#8c959f}.withheld{color:#8c959f;font-style:italic}.withheld small{display:block}
            footer{margin-top:2rem;color:#57606a;font-size:.85rem}
            @media print{a{color:inherit}}
            """;

    private OverviewPage() {}

    static String render(Overview overview) {
        Map<String, String> reasons = overview.withheld().stream()
                .collect(Collectors.toMap(Withheld::figure, Withheld::reason, (first, same) -> first));
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.append("<title>Learning Loop: org units in ")
                .append(overview.year())
                .append("</title><style>")
                .append(STYLE)
                .append("</style></head><body>");
        html.append("<h1>Which units learn? ").append(overview.year()).append("</h1>");
        html.append("<p class=\"sub\">Each unit with everything below it. Open a unit for its year-over-year"
                + " report. A rate reads <em>n of m</em>; a dash: nothing to count.</p>");
        html.append("<table><thead><tr><th>Org unit</th><th>Decisions made differently<br><small>because of the"
                + " year before's lessons</small></th><th>Lessons that changed a decision</th>"
                + "<th>Ritual reviews<br><small>of the judged</small></th>"
                + "<th>Practice reviews<br><small>of the judged</small></th>"
                + "<th>Lessons learned again<br><small>within a year</small></th></tr></thead><tbody>");
        for (UnitHeadline unit : overview.units()) {
            String prefix = unit.orgUnit() + ".";
            Function<String, String> reason = figure -> reasons.get(prefix + figure);
            html.append("<tr><td style=\"padding-left:")
                    .append(0.6 + 1.4 * unit.depth())
                    .append("rem\"><a href=\"/reports/trends?orgUnit=")
                    .append(URLEncoder.encode(unit.orgUnit(), StandardCharsets.UTF_8))
                    .append("\">")
                    .append(escape(unit.orgUnit()))
                    .append("</a></td>");
            html.append(cell(
                    unit.decisionsWithEvidence(),
                    unit.decisionsMade(),
                    unit.decisionsMade() == null || unit.decisionsMade() == 0
                            ? null
                            : (double) unit.decisionsWithEvidence() / unit.decisionsMade(),
                    reason.apply("decisionsWithEvidence")));
            html.append(cell(
                    unit.lessonsWithBehaviorChange(),
                    unit.lessonsRecorded(),
                    unit.conversionRate(),
                    reason.apply("conversionRate")));
            html.append(cell(
                    unit.reviews().ritual(),
                    judged(unit),
                    unit.reviews().ritualRate(),
                    reason.apply("reviews.ritualRate")));
            html.append(cell(
                    unit.reviews().practice(),
                    judged(unit),
                    unit.reviews().practiceRate(),
                    reason.apply("reviews.practiceRate")));
            html.append(cell(
                    unit.relearning().relearned(),
                    unit.relearning().lessonsJudged(),
                    unit.relearning().relearningRate(),
                    reason.apply("relearning.relearningRate")));
            html.append("</tr>");
        }
        html.append("</tbody></table><footer><p>")
                .append(escape(overview.definition()))
                .append(".</p><p>The same figures as JSON: <code>/analytics/units?year=")
                .append(overview.year())
                .append("</code>.</p></footer></body></html>\n");
        return html.toString();
    }

    private static Long judged(UnitHeadline unit) {
        var reviews = unit.reviews();
        return reviews.practice() == null ? null : reviews.practice() + reviews.ritual() + reviews.partial();
    }

    /** {@code 40 % <small>4 of 10</small>}, a dash without a denominator, or withheld with its reason. */
    private static String cell(Long part, Long whole, Double rate, String withheldBecause) {
        if (withheldBecause != null) {
            return "<td>" + TrendsPage.withheld(withheldBecause) + "</td>";
        }
        if (rate == null || part == null || whole == null) {
            return "<td class=\"none\">–</td>";
        }
        return "<td>" + Math.round(rate * 100) + " % <small>" + part + " of " + whole + "</small></td>";
    }
}
