package io.learningloop.analytics.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.learningloop.analytics.evidence.Evidence.Totals;
import io.learningloop.analytics.evidence.EvidenceQuery;
import io.learningloop.analytics.evidence.EvidenceRequest;
import io.learningloop.analytics.metrics.LearningMetrics.MeasuredLatency;
import io.learningloop.analytics.metrics.Reports.ConversionReport;
import io.learningloop.analytics.metrics.Reports.PracticesReport;
import io.learningloop.analytics.metrics.Reports.Withheld;
import io.learningloop.analytics.metrics.Trend.Better;
import io.learningloop.analytics.metrics.Trend.Unit;
import io.learningloop.analytics.statistics.Estimate;
import io.learningloop.analytics.statistics.Proportion;
import io.learningloop.projection.elasticsearch.Indices;
import io.learningloop.readmodel.LoopDocument;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The year-over-year view of an org unit: every metric of the API computed for the cohort of each
 * calendar year, side by side. The numbers are those of {@code /analytics/latency}, {@code /conversion}
 * and {@code /practices} for that year, so the report never disagrees with the API.
 */
@Component
class YearOverYear {

    /** The reader's caveat: a year counts what started in it, and recent years are still open. */
    static final String CAVEAT = "Each year counts the decisions made, and the lessons recorded, in that year;"
            + " what happened to them later counts for that year too. The most recent years are therefore still"
            + " incomplete: loops that have not closed yet do not count. Compare years old enough for the"
            + " measure you read.";

    private final LearningMetrics metrics;
    private final EvidenceQuery evidence;
    private final MetricSource source;
    private final Indices indices;

    YearOverYear(LearningMetrics metrics, EvidenceQuery evidence, MetricSource source, Indices indices) {
        this.metrics = metrics;
        this.evidence = evidence;
        this.source = source;
        this.indices = indices;
    }

    record Group(String title, List<Trend> trends) {}

    /**
     * @param orgUnit the unit asked for (null: all the caller's units)
     * @param withheld the values withheld, each named by its measure and year ({@code Learning conversion.2024})
     */
    record Report(
            String orgUnit,
            List<Integer> years,
            List<Group> groups,
            String caveat,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Withheld> withheld) {}

    /** One year's answers of the API, for the rows to read from. */
    private record Year(
            int year,
            MeasuredLatency latency,
            ConversionReport conversion,
            PracticesReport practices,
            Proportion evidence,
            List<Withheld> evidenceWithheld) {

        /** A rate of the year's answers by its path in them ({@code checkIns.inTimeRate}); null if not shown. */
        Estimate rate(String figure) {
            return figure.equals(EVIDENCE)
                    ? evidence
                    : Optional.ofNullable(conversion.rates().get(figure))
                            .orElse(practices.rates().get(figure));
        }

        /** Whether this year's answers withheld {@code figure} (a path in one of them). */
        boolean withheld(String figure) {
            return Stream.of(latency.report().withheld(), conversion.withheld(), practices.withheld(), evidenceWithheld)
                    .flatMap(List::stream)
                    .anyMatch(withheld -> withheld.figure().equals(figure));
        }
    }

    /** The path of the evidence share among a year's figures (it is not in the three answers). */
    private static final String EVIDENCE = "evidence.share";

    /** The group the page shows right after its answer: whether reviews change anything. */
    static final String RITUALS = "Are reviews a practice or a ritual?";

    static final String EVIDENCE_DEFINITION = "decisions made in the year that a behaviour change ties to a lesson"
            + " recorded the year before (in any unit), of the decisions made in the year (/analytics/evidence)";

    /** {@code cohort}'s units and category, over each year from {@code fromYear} to {@code toYear}. */
    Report trends(Cohort cohort, int fromYear, int toYear, Audience audience) throws IOException {
        List<Integer> years = new ArrayList<>();
        List<Year> measured = new ArrayList<>();
        for (int year = fromYear; year <= toYear; year++) {
            Cohort ofYear = cohort.during(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
            years.add(year);
            Withholding withholding = audience.withholding();
            measured.add(new Year(
                    year,
                    metrics.latencyWithMedians(ofYear, audience),
                    metrics.conversion(ofYear, audience),
                    metrics.practices(ofYear, audience),
                    evidenceShare(ofYear, year, withholding),
                    withholding.withheld()));
        }
        Rows rows = new Rows(years, measured);
        List<Group> groups = List.of(
                new Group(
                        "Are decisions made differently because of what was learned?",
                        List.of(rows.rate(
                                "Decisions made differently because of last year's lessons",
                                Better.HIGHER,
                                EVIDENCE_DEFINITION,
                                EVIDENCE))),
                new Group(
                        "Do lessons change decisions?",
                        List.of(
                                rows.rate(
                                        "Learning conversion",
                                        Better.HIGHER,
                                        LearningMetrics.CONVERSION_DEFINITION,
                                        "conversionRate"),
                                rows.convertedWithin(90),
                                rows.convertedWithin(365),
                                rows.count(
                                        "Lessons recorded",
                                        "lessons recorded in the year",
                                        "lessonsRecorded",
                                        year -> asDouble(year.conversion().lessonsRecorded())))),
                new Group(
                        RITUALS,
                        List.of(
                                rows.rate(
                                        "Reviews that were a practice",
                                        Better.HIGHER,
                                        "of the judged reviews of the year's decisions: root causes named, actions"
                                                + " done and a lesson that changed a later decision",
                                        "reviews.practiceRate"),
                                rows.rate(
                                        "Reviews that were a ritual",
                                        Better.LOWER,
                                        "of the judged reviews of the year's decisions: after the settling window,"
                                                + " no lesson changed a decision and no action was completed",
                                        "reviews.ritualRate"),
                                rows.rate(
                                        "Lessons learned again",
                                        Better.LOWER,
                                        "of the year's judged lessons with a theme: the theme came back as a root"
                                                + " cause of a later review in the unit or below, within the window",
                                        "relearning.relearningRate"))),
                new Group(
                        "How fast do loops close? (median days)",
                        Arrays.stream(Stage.values()).map(rows::median).toList()),
                new Group(
                        "Do feedback loops close?",
                        List.of(
                                rows.rate(
                                        "Check-ins held in time",
                                        Better.HIGHER,
                                        "of the check-ins that were due",
                                        "checkIns.inTimeRate"),
                                rows.rate(
                                        "Review actions completed",
                                        Better.HIGHER,
                                        "of the actions reviews assigned",
                                        "followThrough.completionRate"),
                                rows.rate(
                                        "Review actions completed in time",
                                        Better.HIGHER,
                                        "of the actions reviews assigned, done by their due date",
                                        "followThrough.inTimeRate"))),
                new Group(
                        "Is it safe to say \"I don't know\"?",
                        List.of(
                                rows.rate(
                                        "Decisions stating their uncertainties",
                                        Better.HIGHER,
                                        "of the decisions made",
                                        "safety.uncertaintyStatedRate"),
                                rows.rate(
                                        "Bad outcomes reported by their owners",
                                        Better.HIGHER,
                                        "of worse-than-expected and failed outcomes whose reporter is known",
                                        "safety.badOutcomesSelfReportedRate"),
                                rows.rate(
                                        "Blameless reviews",
                                        Better.HIGHER,
                                        "of the reviews held",
                                        "safety.blamelessRate"))),
                new Group(
                        "Do we know how sure to be?",
                        List.of(
                                rows.mean(
                                        "Overconfidence",
                                        Better.CLOSER_TO_ZERO,
                                        "mean over decisions with an outcome of (stated confidence - hit), hit 1 when"
                                                + " the outcome was as expected or better",
                                        "calibration.overconfidence"),
                                rows.mean(
                                        "Brier score",
                                        Better.LOWER,
                                        "mean of (confidence - hit)^2; 0 is perfect, 0.25 is always saying 0.5",
                                        "calibration.brierScore"))),
                new Group(
                        "Do lessons travel?",
                        List.of(
                                rows.rate(
                                        "Lessons shared with other units",
                                        Better.HIGHER,
                                        "of the lessons recorded",
                                        "spread.sharedRate"),
                                rows.rate(
                                        "Lessons that changed another unit's decision",
                                        Better.HIGHER,
                                        "of the lessons recorded",
                                        "spread.changedElsewhereRate"))));
        List<Withheld> withheld = groups.stream()
                .flatMap(group -> group.trends().stream())
                .flatMap(trend -> rows.withheld.getOrDefault(trend.name(), List.of()).stream()
                        .map(year ->
                                new Withheld(trend.name() + "." + year, Withholding.reason(audience.minGroupSize()))))
                .toList();
        return new Report(cohort.orgUnit(), years, groups, CAVEAT, withheld);
    }

    /**
     * The year's decisions with evidence of the year before's learning, of its decisions; the people are
     * those who made the decisions, whose choices the share describes.
     */
    private Proportion evidenceShare(Cohort ofYear, int year, Withholding withholding) throws IOException {
        Totals totals = evidence.answer(
                        EvidenceRequest.ofYear(ofYear.orgUnit(), ofYear.orgUnits(), ofYear.orgUnits(), year, 1))
                .totals();
        Withholding.Gate deciders = withholding.over(
                source.distinct(indices.loops(), LoopDocument.ACTOR, ofYear.filters(LoopDocument.DECIDED_AT, false)),
                EVIDENCE);
        return deciders.shown() && totals.decisionsMade() > 0
                ? Proportion.of(totals.decisionsWithEvidence(), totals.decisionsMade())
                : null;
    }

    private static Double asDouble(Long count) {
        return count == null ? null : count.doubleValue();
    }

    /** The rows, and the years each withheld, by measure. */
    private record Rows(List<Integer> years, List<Year> measured, Map<String, List<Integer>> withheld) {
        Rows(List<Integer> years, List<Year> measured) {
            this(years, measured, new LinkedHashMap<>());
        }

        /** A rate, by its path in each year's answers. */
        Trend rate(String name, Better better, String definition, String figure) {
            return estimated(name, Unit.SHARE, better, definition, figure, year -> year.rate(figure));
        }

        /** A mean of the practices answer, by its path. */
        Trend mean(String name, Better better, String definition, String figure) {
            return estimated(
                    name,
                    Unit.SCORE,
                    better,
                    definition,
                    figure,
                    year -> year.practices().means().get(figure));
        }

        Trend median(Stage stage) {
            return estimated(
                    stage.title(),
                    Unit.DAYS,
                    Better.LOWER,
                    stage.definition,
                    "stages." + stage.wireName + ".p50Days",
                    year -> year.latency().medians().get(stage.wireName));
        }

        /** The Kaplan-Meier share of the year's lessons converted within {@code days}. */
        Trend convertedWithin(int days) {
            return estimated(
                    "Lessons that changed a decision within " + days + " days",
                    Unit.SHARE,
                    Better.HIGHER,
                    "Kaplan-Meier estimate over the year's lessons, those not converted yet censored at their age"
                            + " (/analytics/conversion withinDays)",
                    "withinDays",
                    year -> year.conversion().withinDays() == null
                            ? null
                            : year.conversion().withinDays().stream()
                                    .filter(point -> point.days() == days)
                                    .findFirst()
                                    .orElse(null));
        }

        Trend count(String name, String definition, String figure, Function<Year, Double> value) {
            noteWithheld(name, figure);
            return Trend.counted(name, definition, measured.stream().map(value).toList());
        }

        private Trend estimated(
                String name,
                Unit unit,
                Better better,
                String definition,
                String figure,
                Function<Year, Estimate> estimate) {
            noteWithheld(name, figure);
            List<Estimate> estimates = new ArrayList<>();
            measured.forEach(year -> estimates.add(estimate.apply(year)));
            return Trend.estimated(name, unit, better, definition, years, estimates);
        }

        private void noteWithheld(String name, String figure) {
            List<Integer> withheldYears = measured.stream()
                    .filter(year -> year.withheld(figure))
                    .map(Year::year)
                    .toList();
            if (!withheldYears.isEmpty()) {
                withheld.put(name, withheldYears);
            }
        }
    }
}
