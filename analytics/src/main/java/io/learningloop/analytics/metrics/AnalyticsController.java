package io.learningloop.analytics.metrics;

import io.learningloop.analytics.metrics.Reports.ConversionReport;
import io.learningloop.analytics.metrics.Reports.LatencyReport;
import io.learningloop.analytics.metrics.Reports.PracticesReport;
import io.learningloop.problems.InvalidQueryException;
import io.learningloop.problems.QueryParameters;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /analytics/latency, /analytics/conversion and /analytics/practices, for an org unit, category and
 * period; /analytics/trends and the page /reports/trends, year over year.
 */
@RestController
class AnalyticsController {

    static final int MAX_YEARS = 20;

    private final LearningMetrics metrics;
    private final YearOverYear yearOverYear;
    private final Clock clock;

    AnalyticsController(LearningMetrics metrics, YearOverYear yearOverYear, Clock clock) {
        this.metrics = metrics;
        this.yearOverYear = yearOverYear;
        this.clock = clock;
    }

    @GetMapping("/analytics/latency")
    LatencyReport latency(
            @RequestParam(required = false) String orgUnit,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to)
            throws IOException {
        return metrics.latency(cohort(orgUnit, category, from, to));
    }

    @GetMapping("/analytics/conversion")
    ConversionReport conversion(
            @RequestParam(required = false) String orgUnit,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to)
            throws IOException {
        return metrics.conversion(cohort(orgUnit, null, from, to));
    }

    @GetMapping("/analytics/practices")
    PracticesReport practices(
            @RequestParam(required = false) String orgUnit,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to)
            throws IOException {
        return metrics.practices(cohort(orgUnit, category, from, to));
    }

    /** The year-over-year report as JSON; {@code /reports/trends} is the same as a page to read. */
    @GetMapping("/analytics/trends")
    YearOverYear.Report trendsJson(
            @RequestParam(required = false) String orgUnit,
            @RequestParam(required = false) Integer from,
            @RequestParam(required = false) Integer to)
            throws IOException {
        return trends(orgUnit, from, to);
    }

    @GetMapping(path = "/reports/trends", produces = MediaType.TEXT_HTML_VALUE)
    String trendsPage(
            @RequestParam(required = false) String orgUnit,
            @RequestParam(required = false) Integer from,
            @RequestParam(required = false) Integer to)
            throws IOException {
        return TrendsPage.render(trends(orgUnit, from, to));
    }

    /** Years {@code from} to {@code to}, both included; by default the last three full years. */
    private YearOverYear.Report trends(String orgUnit, Integer from, Integer to) throws IOException {
        QueryParameters.check(orgUnit, null, null, null);
        QueryParameters.checkYear("from", from);
        QueryParameters.checkYear("to", to);
        int lastYear = to != null ? to : LocalDate.now(clock).getYear() - 1;
        int firstYear = from != null ? from : lastYear - 2;
        if (firstYear > lastYear) {
            throw new InvalidQueryException("to", "must not lie before from");
        }
        if (lastYear - firstYear >= MAX_YEARS || firstYear < 1900) {
            throw new InvalidQueryException("from", "a report spans 1 to " + MAX_YEARS + " years since 1900");
        }
        return yearOverYear.trends(orgUnit, firstYear, lastYear);
    }

    private static Cohort cohort(String orgUnit, String category, LocalDate from, LocalDate to) {
        QueryParameters.check(orgUnit, category, from, to);
        return new Cohort(orgUnit, category, from, to);
    }
}
