package io.learningloop.analytics.metrics;

import io.learningloop.access.Caller;
import io.learningloop.access.Scope;
import io.learningloop.analytics.metrics.Reports.ConversionReport;
import io.learningloop.analytics.metrics.Reports.LatencyReport;
import io.learningloop.analytics.metrics.Reports.PracticesReport;
import io.learningloop.analytics.metrics.Reports.RelearningReport;
import io.learningloop.analytics.metrics.Reports.ReviewsReport;
import io.learningloop.problems.InvalidQueryException;
import io.learningloop.problems.QueryParameters;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /analytics/latency, /analytics/conversion and /analytics/practices, for an org unit, category and
 * period; /analytics/trends and the page /reports/trends, year over year, the page opening with the answer
 * for its last year ({@link TrendsOpening}). Every answer covers only the
 * caller's org units; to a caller without {@code loops:read} (staff) it withholds what fewer than k
 * people would be exposed by.
 */
@RestController
class AnalyticsController {

    static final int MAX_YEARS = 20;

    private final LearningMetrics metrics;
    private final RitualReviews rituals;
    private final RelearnedLessons relearning;
    private final UnitOverview overview;
    private final YearOverYear yearOverYear;
    private final TrendsOpening opening;
    private final Clock clock;
    private final Audience staff;

    AnalyticsController(
            LearningMetrics metrics,
            RitualReviews rituals,
            RelearnedLessons relearning,
            UnitOverview overview,
            YearOverYear yearOverYear,
            TrendsOpening opening,
            Clock clock,
            PrivacyProperties privacy) {
        this.metrics = metrics;
        this.rituals = rituals;
        this.relearning = relearning;
        this.overview = overview;
        this.yearOverYear = yearOverYear;
        this.opening = opening;
        this.clock = clock;
        this.staff = Audience.aggregatesOnly(privacy.minGroupSize());
    }

    @GetMapping("/analytics/latency")
    LatencyReport latency(
            @RequestParam(required = false) String orgUnit,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @AuthenticationPrincipal Caller caller)
            throws IOException {
        return metrics.latency(cohort(caller, orgUnit, category, from, to), audience(caller));
    }

    @GetMapping("/analytics/conversion")
    ConversionReport conversion(
            @RequestParam(required = false) String orgUnit,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @AuthenticationPrincipal Caller caller)
            throws IOException {
        return metrics.conversion(cohort(caller, orgUnit, null, from, to), audience(caller));
    }

    @GetMapping("/analytics/practices")
    PracticesReport practices(
            @RequestParam(required = false) String orgUnit,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @AuthenticationPrincipal Caller caller)
            throws IOException {
        return metrics.practices(cohort(caller, orgUnit, category, from, to), audience(caller));
    }

    /** Every review of the cohort's decisions with its verdict and reasons; {@code verdict} keeps one kind. */
    @GetMapping("/analytics/reviews")
    ReviewsReport reviews(
            @RequestParam(required = false) String orgUnit,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String verdict,
            @AuthenticationPrincipal Caller caller)
            throws IOException {
        return rituals.report(cohort(caller, orgUnit, category, from, to), verdict(verdict));
    }

    /** The cohort's lessons learned again, with each recurrence. */
    @GetMapping("/analytics/relearning")
    RelearningReport relearning(
            @RequestParam(required = false) String orgUnit,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @AuthenticationPrincipal Caller caller)
            throws IOException {
        return relearning.report(cohort(caller, orgUnit, null, from, to));
    }

    /** Every org unit inside the caller's with its headline figures for {@code year} (default: the last full year). */
    @GetMapping("/analytics/units")
    UnitOverview.Overview units(@RequestParam(required = false) Integer year, @AuthenticationPrincipal Caller caller)
            throws IOException {
        return overview(caller, year);
    }

    /** The staff reports' landing page: the same as {@code /analytics/units}, to read and compare. */
    @GetMapping(path = "/reports", produces = MediaType.TEXT_HTML_VALUE)
    String unitsPage(@RequestParam(required = false) Integer year, @AuthenticationPrincipal Caller caller)
            throws IOException {
        return OverviewPage.render(overview(caller, year));
    }

    private UnitOverview.Overview overview(Caller caller, Integer year) throws IOException {
        QueryParameters.checkYear("year", year);
        int asked = year != null ? year : LocalDate.now(clock).getYear() - 1;
        return overview.overview(cohort(caller, null, null, null, null), asked, audience(caller));
    }

    /** The year-over-year report as JSON; {@code /reports/trends} is the same as a page to read. */
    @GetMapping("/analytics/trends")
    YearOverYear.Report trendsJson(
            @RequestParam(required = false) String orgUnit,
            @RequestParam(required = false) Integer from,
            @RequestParam(required = false) Integer to,
            @AuthenticationPrincipal Caller caller)
            throws IOException {
        return trends(caller, orgUnit, from, to);
    }

    @GetMapping(path = "/reports/trends", produces = MediaType.TEXT_HTML_VALUE)
    String trendsPage(
            @RequestParam(required = false) String orgUnit,
            @RequestParam(required = false) Integer from,
            @RequestParam(required = false) Integer to,
            @AuthenticationPrincipal Caller caller)
            throws IOException {
        YearOverYear.Report report = trends(caller, orgUnit, from, to);
        int lastYear = report.years().get(report.years().size() - 1);
        // free text (titles, lessons' words) only to whom may read loops, and only of the key's own units
        TrendsOpening.Opening answer = opening.open(
                cohort(caller, orgUnit, null, null, null),
                lastYear,
                audience(caller),
                caller.has(Scope.LOOPS_READ),
                caller.orgUnits());
        return TrendsPage.render(answer, report);
    }

    /** Years {@code from} to {@code to}, both included; by default the last three full years. */
    private YearOverYear.Report trends(Caller caller, String orgUnit, Integer from, Integer to) throws IOException {
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
        return yearOverYear.trends(cohort(caller, orgUnit, null, null, null), firstYear, lastYear, audience(caller));
    }

    private static ReviewVerdict.Verdict verdict(String verdict) {
        if (verdict == null) {
            return null;
        }
        return Arrays.stream(ReviewVerdict.Verdict.values())
                .filter(known -> known.wireName().equals(verdict))
                .findFirst()
                .orElseThrow(() -> new InvalidQueryException(
                        "verdict",
                        "must be one of "
                                + Arrays.stream(ReviewVerdict.Verdict.values())
                                        .map(ReviewVerdict.Verdict::wireName)
                                        .toList()));
    }

    /** The asked unit narrowed to the caller's subtrees; a unit wholly outside them is refused (403). */
    private static Cohort cohort(Caller caller, String orgUnit, String category, LocalDate from, LocalDate to) {
        QueryParameters.check(orgUnit, category, from, to);
        return new Cohort(orgUnit, caller.unitsToRead(orgUnit), category, from, to);
    }

    /** An analyst sees the detail anyway; a caller with only {@code reports:read} gets what groups of k allow. */
    private Audience audience(Caller caller) {
        return caller.has(Scope.LOOPS_READ) ? Audience.DETAIL : staff;
    }
}
