package io.learningloop.analytics.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.learningloop.analytics.metrics.Reports.ConversionReport;
import io.learningloop.analytics.metrics.Reports.LatencyReport;
import io.learningloop.analytics.metrics.Reports.PracticesReport;
import io.learningloop.analytics.metrics.Reports.StageLatency;
import io.learningloop.analytics.metrics.Reports.Withheld;
import io.learningloop.analytics.metrics.Trend.Better;
import io.learningloop.analytics.metrics.Trend.Unit;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    YearOverYear(LearningMetrics metrics) {
        this.metrics = metrics;
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
    private record Year(int year, LatencyReport latency, ConversionReport conversion, PracticesReport practices) {
        Double p50(String stage) {
            return latency.stages().stream()
                    .filter(s -> s.stage().equals(stage))
                    .findFirst()
                    .map(StageLatency::p50Days)
                    .orElse(null);
        }

        /** Whether this year's answers withheld {@code figure} (a path in one of them). */
        boolean withheld(String figure) {
            return Stream.of(latency.withheld(), conversion.withheld(), practices.withheld())
                    .flatMap(List::stream)
                    .anyMatch(withheld -> withheld.figure().equals(figure));
        }
    }

    /** {@code cohort}'s units and category, over each year from {@code fromYear} to {@code toYear}. */
    Report trends(Cohort cohort, int fromYear, int toYear, Audience audience) throws IOException {
        List<Integer> years = new ArrayList<>();
        List<Year> measured = new ArrayList<>();
        for (int year = fromYear; year <= toYear; year++) {
            Cohort ofYear = cohort.during(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
            years.add(year);
            measured.add(new Year(
                    year,
                    metrics.latency(ofYear, audience),
                    metrics.conversion(ofYear, audience),
                    metrics.practices(ofYear, audience)));
        }
        Rows rows = new Rows(measured);
        List<Group> groups = List.of(
                new Group(
                        "Do lessons change decisions?",
                        List.of(
                                rows.of(
                                        "Learning conversion",
                                        Unit.SHARE,
                                        Better.HIGHER,
                                        LearningMetrics.CONVERSION_DEFINITION,
                                        "conversionRate",
                                        year -> year.conversion().conversionRate()),
                                rows.of(
                                        "Lessons recorded",
                                        Unit.COUNT,
                                        Better.NEITHER,
                                        "lessons recorded in the year",
                                        "lessonsRecorded",
                                        year -> asDouble(year.conversion().lessonsRecorded())))),
                new Group(
                        "How fast do loops close? (median days)",
                        List.of(
                                rows.of(
                                        "Decision to outcome",
                                        Unit.DAYS,
                                        Better.LOWER,
                                        Stage.DECISION_TO_OUTCOME.definition,
                                        "stages." + Stage.DECISION_TO_OUTCOME.wireName + ".p50Days",
                                        year -> year.p50(Stage.DECISION_TO_OUTCOME.wireName)),
                                rows.of(
                                        "Outcome to lesson",
                                        Unit.DAYS,
                                        Better.LOWER,
                                        Stage.OUTCOME_TO_LESSON.definition,
                                        "stages." + Stage.OUTCOME_TO_LESSON.wireName + ".p50Days",
                                        year -> year.p50(Stage.OUTCOME_TO_LESSON.wireName)),
                                rows.of(
                                        "Lesson to behaviour change",
                                        Unit.DAYS,
                                        Better.LOWER,
                                        Stage.LESSON_TO_BEHAVIOR_CHANGE.definition,
                                        "stages." + Stage.LESSON_TO_BEHAVIOR_CHANGE.wireName + ".p50Days",
                                        year -> year.p50(Stage.LESSON_TO_BEHAVIOR_CHANGE.wireName)),
                                rows.of(
                                        "Decision to behaviour change",
                                        Unit.DAYS,
                                        Better.LOWER,
                                        Stage.DECISION_TO_BEHAVIOR_CHANGE.definition,
                                        "stages." + Stage.DECISION_TO_BEHAVIOR_CHANGE.wireName + ".p50Days",
                                        year -> year.p50(Stage.DECISION_TO_BEHAVIOR_CHANGE.wireName)))),
                new Group(
                        "Do feedback loops close?",
                        List.of(
                                rows.of(
                                        "Check-ins held in time",
                                        Unit.SHARE,
                                        Better.HIGHER,
                                        "of the check-ins that were due",
                                        "checkIns.inTimeRate",
                                        year -> year.practices().checkIns().inTimeRate()),
                                rows.of(
                                        "Review actions completed",
                                        Unit.SHARE,
                                        Better.HIGHER,
                                        "of the actions reviews assigned",
                                        "followThrough.completionRate",
                                        year -> year.practices().followThrough().completionRate()),
                                rows.of(
                                        "Review actions completed in time",
                                        Unit.SHARE,
                                        Better.HIGHER,
                                        "of the actions reviews assigned, done by their due date",
                                        "followThrough.inTimeRate",
                                        year -> year.practices().followThrough().inTimeRate()))),
                new Group(
                        "Is it safe to say \"I don't know\"?",
                        List.of(
                                rows.of(
                                        "Decisions stating their uncertainties",
                                        Unit.SHARE,
                                        Better.HIGHER,
                                        "of the decisions made",
                                        "safety.uncertaintyStatedRate",
                                        year -> year.practices().safety().uncertaintyStatedRate()),
                                rows.of(
                                        "Bad outcomes reported by their owners",
                                        Unit.SHARE,
                                        Better.HIGHER,
                                        "of worse-than-expected and failed outcomes whose reporter is known",
                                        "safety.badOutcomesSelfReportedRate",
                                        year -> year.practices().safety().badOutcomesSelfReportedRate()),
                                rows.of(
                                        "Blameless reviews",
                                        Unit.SHARE,
                                        Better.HIGHER,
                                        "of the reviews held",
                                        "safety.blamelessRate",
                                        year -> year.practices().safety().blamelessRate()))),
                new Group(
                        "Do we know how sure to be?",
                        List.of(
                                rows.of(
                                        "Overconfidence",
                                        Unit.SCORE,
                                        Better.CLOSER_TO_ZERO,
                                        "mean stated confidence minus the share of outcomes as expected or better",
                                        "calibration.overconfidence",
                                        year -> year.practices().calibration().overconfidence()),
                                rows.of(
                                        "Brier score",
                                        Unit.SCORE,
                                        Better.LOWER,
                                        "mean of (confidence - hit)^2; 0 is perfect, 0.25 is always saying 0.5",
                                        "calibration.brierScore",
                                        year -> year.practices().calibration().brierScore()))),
                new Group(
                        "Do lessons travel?",
                        List.of(
                                rows.of(
                                        "Lessons shared with other units",
                                        Unit.SHARE,
                                        Better.HIGHER,
                                        "of the lessons recorded",
                                        "spread.sharedRate",
                                        year -> year.practices().spread().sharedRate()),
                                rows.of(
                                        "Lessons that changed another unit's decision",
                                        Unit.SHARE,
                                        Better.HIGHER,
                                        "of the lessons recorded",
                                        "spread.changedElsewhereRate",
                                        year -> year.practices().spread().changedElsewhereRate()))));
        List<Withheld> withheld = groups.stream()
                .flatMap(group -> group.trends().stream())
                .flatMap(trend -> rows.withheld.getOrDefault(trend.name(), List.of()).stream()
                        .map(year ->
                                new Withheld(trend.name() + "." + year, Withholding.reason(audience.minGroupSize()))))
                .toList();
        return new Report(cohort.orgUnit(), years, groups, CAVEAT, withheld);
    }

    private static Double asDouble(Long count) {
        return count == null ? null : count.doubleValue();
    }

    /** The rows, and the years each withheld, by measure. */
    private record Rows(List<Year> years, Map<String, List<Integer>> withheld) {
        Rows(List<Year> years) {
            this(years, new LinkedHashMap<>());
        }

        /** @param figure the path of the row's value in each year's answers */
        Trend of(
                String name, Unit unit, Better better, String definition, String figure, Function<Year, Double> value) {
            List<Integer> withheldYears = years.stream()
                    .filter(year -> year.withheld(figure))
                    .map(Year::year)
                    .toList();
            if (!withheldYears.isEmpty()) {
                withheld.put(name, withheldYears);
            }
            return new Trend(
                    name, unit, better, definition, years.stream().map(value).toList());
        }
    }
}
