package io.learningloop.analytics.metrics;

import io.learningloop.analytics.metrics.Reports.ConversionReport;
import io.learningloop.analytics.metrics.Reports.LatencyReport;
import io.learningloop.analytics.metrics.Reports.PracticesReport;
import io.learningloop.analytics.metrics.Reports.StageLatency;
import io.learningloop.analytics.metrics.Trend.Better;
import io.learningloop.analytics.metrics.Trend.Unit;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
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

    record Report(String orgUnit, List<Integer> years, List<Group> groups, String caveat) {}

    /** One year's answers of the API, for the rows to read from. */
    private record Year(LatencyReport latency, ConversionReport conversion, PracticesReport practices) {
        Double p50(String stage) {
            return latency.stages().stream()
                    .filter(s -> s.stage().equals(stage))
                    .findFirst()
                    .map(StageLatency::p50Days)
                    .orElse(null);
        }
    }

    Report trends(String orgUnit, int fromYear, int toYear) throws IOException {
        List<Integer> years = new ArrayList<>();
        List<Year> measured = new ArrayList<>();
        for (int year = fromYear; year <= toYear; year++) {
            Cohort cohort = new Cohort(orgUnit, null, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
            years.add(year);
            measured.add(new Year(metrics.latency(cohort), metrics.conversion(cohort), metrics.practices(cohort)));
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
                                        year -> year.conversion().conversionRate()),
                                rows.of(
                                        "Lessons recorded",
                                        Unit.COUNT,
                                        Better.NEITHER,
                                        "lessons recorded in the year",
                                        year -> (double) year.conversion().lessonsRecorded()))),
                new Group(
                        "How fast do loops close? (median days)",
                        List.of(
                                rows.of(
                                        "Decision to outcome",
                                        Unit.DAYS,
                                        Better.LOWER,
                                        Stage.DECISION_TO_OUTCOME.definition,
                                        year -> year.p50(Stage.DECISION_TO_OUTCOME.wireName)),
                                rows.of(
                                        "Outcome to lesson",
                                        Unit.DAYS,
                                        Better.LOWER,
                                        Stage.OUTCOME_TO_LESSON.definition,
                                        year -> year.p50(Stage.OUTCOME_TO_LESSON.wireName)),
                                rows.of(
                                        "Lesson to behaviour change",
                                        Unit.DAYS,
                                        Better.LOWER,
                                        Stage.LESSON_TO_BEHAVIOR_CHANGE.definition,
                                        year -> year.p50(Stage.LESSON_TO_BEHAVIOR_CHANGE.wireName)),
                                rows.of(
                                        "Decision to behaviour change",
                                        Unit.DAYS,
                                        Better.LOWER,
                                        Stage.DECISION_TO_BEHAVIOR_CHANGE.definition,
                                        year -> year.p50(Stage.DECISION_TO_BEHAVIOR_CHANGE.wireName)))),
                new Group(
                        "Do feedback loops close?",
                        List.of(
                                rows.of(
                                        "Check-ins held in time",
                                        Unit.SHARE,
                                        Better.HIGHER,
                                        "of the check-ins that were due",
                                        year -> year.practices().checkIns().inTimeRate()),
                                rows.of(
                                        "Review actions completed",
                                        Unit.SHARE,
                                        Better.HIGHER,
                                        "of the actions reviews assigned",
                                        year -> year.practices().followThrough().completionRate()),
                                rows.of(
                                        "Review actions completed in time",
                                        Unit.SHARE,
                                        Better.HIGHER,
                                        "of the actions reviews assigned, done by their due date",
                                        year -> year.practices().followThrough().inTimeRate()))),
                new Group(
                        "Is it safe to say \"I don't know\"?",
                        List.of(
                                rows.of(
                                        "Decisions stating their uncertainties",
                                        Unit.SHARE,
                                        Better.HIGHER,
                                        "of the decisions made",
                                        year -> year.practices().safety().uncertaintyStatedRate()),
                                rows.of(
                                        "Bad outcomes reported by their owners",
                                        Unit.SHARE,
                                        Better.HIGHER,
                                        "of worse-than-expected and failed outcomes whose reporter is known",
                                        year -> year.practices().safety().badOutcomesSelfReportedRate()),
                                rows.of(
                                        "Blameless reviews",
                                        Unit.SHARE,
                                        Better.HIGHER,
                                        "of the reviews held",
                                        year -> year.practices().safety().blamelessRate()))),
                new Group(
                        "Do we know how sure to be?",
                        List.of(
                                rows.of(
                                        "Overconfidence",
                                        Unit.SCORE,
                                        Better.CLOSER_TO_ZERO,
                                        "mean stated confidence minus the share of outcomes as expected or better",
                                        year -> year.practices().calibration().overconfidence()),
                                rows.of(
                                        "Brier score",
                                        Unit.SCORE,
                                        Better.LOWER,
                                        "mean of (confidence - hit)^2; 0 is perfect, 0.25 is always saying 0.5",
                                        year -> year.practices().calibration().brierScore()))),
                new Group(
                        "Do lessons travel?",
                        List.of(
                                rows.of(
                                        "Lessons shared with other units",
                                        Unit.SHARE,
                                        Better.HIGHER,
                                        "of the lessons recorded",
                                        year -> year.practices().spread().sharedRate()),
                                rows.of(
                                        "Lessons that changed another unit's decision",
                                        Unit.SHARE,
                                        Better.HIGHER,
                                        "of the lessons recorded",
                                        year -> year.practices().spread().changedElsewhereRate()))));
        return new Report(orgUnit, years, groups, CAVEAT);
    }

    private record Rows(List<Year> years) {
        Trend of(String name, Unit unit, Better better, String definition, Function<Year, Double> value) {
            return new Trend(
                    name, unit, better, definition, years.stream().map(value).toList());
        }
    }
}
