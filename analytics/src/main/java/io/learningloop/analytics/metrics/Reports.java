package io.learningloop.analytics.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.learningloop.analytics.statistics.KaplanMeier;
import io.learningloop.analytics.statistics.Mean;
import io.learningloop.analytics.statistics.Proportion;
import java.util.List;
import java.util.Map;

/**
 * The answers of the analytics API: each carries its cohort and the definition it used. They hold
 * figures only: no actor, owner or free text of any step (staff read them too). A figure may be
 * {@code null} because there was nothing to measure or because it was withheld; the answer's
 * {@code withheld} list (left out when empty) names every withheld one. Every rate shown is also in
 * the answer's {@code rates}, by its path, with numerator, denominator and 95 % Wilson interval; every
 * mean in {@code means} with its n and 95 % t interval; every percentile stands beside its {@code count}.
 */
final class Reports {

    private Reports() {}

    /**
     * One figure withheld from this answer.
     *
     * @param figure its path in the answer: field names joined by dots, an array element by its key
     *     ({@code stages.decision-to-outcome.p50Days}, {@code safety.blamelessRate}; in the trends the
     *     measure's name and the year: {@code Learning conversion.2024})
     * @param reason why: {@code fewer than 5 people}
     */
    record Withheld(String figure, String reason) {}

    record StageLatency(
            String stage,
            Integer count,
            Double p50Days,
            Double p90Days,
            Double p99Days,
            String definition,
            String note) {}

    record LatencyReport(
            Cohort cohort,
            String percentileMethod,
            List<StageLatency> stages,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Withheld> withheld) {}

    record ConversionReport(
            Cohort cohort,
            Long lessonsRecorded,
            Long lessonsWithBehaviorChange,
            Double conversionRate,
            Map<String, Proportion> rates,
            List<KaplanMeier.Cumulative> withinDays,
            String definition,
            String withinDaysDefinition,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Withheld> withheld) {}

    /** The habits of a learning practice, for the cohort's decisions (and the lessons it recorded). */
    record PracticesReport(
            Cohort cohort,
            CheckInDiscipline checkIns,
            FollowThrough followThrough,
            Safety safety,
            Calibration calibration,
            Spread spread,
            ReviewSummary reviews,
            RelearningSummary relearning,
            Map<String, Proportion> rates,
            Map<String, Mean> means,
            Map<String, String> definitions,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Withheld> withheld) {}

    /** Check-ins whose day (and tolerance) passed: {@code due}; planned ones not due yet count in {@code planned} only. */
    record CheckInDiscipline(
            Long planned, Long due, Long heldInTime, Long heldLate, Long missed, Double inTimeRate, Double heldRate) {}

    record FollowThrough(
            Long assigned,
            Long completed,
            Long completedLate,
            Long dropped,
            Long open,
            Long openOverdue,
            Double completionRate,
            Double inTimeRate) {}

    record Safety(
            Long decisions,
            Double uncertaintyStatedRate,
            Long outcomesWithReporter,
            Double selfReportedRate,
            Long badOutcomes,
            Double badOutcomesSelfReportedRate,
            Long reviews,
            Double blamelessRate,
            Double facilitatedRate) {}

    record Calibration(
            Long decisionsJudged, Double meanConfidence, Double hitRate, Double overconfidence, Double brierScore) {}

    record Spread(Long lessons, Double sharedRate, Double changedElsewhereRate) {}

    /**
     * How the reviews of the cohort's decisions fared ({@link ReviewVerdict}): each counted once. The rates
     * are over the judged reviews (practice, ritual and partial); pending ones are not judged yet.
     */
    record ReviewSummary(
            Long reviews,
            Long practice,
            Long ritual,
            Long partial,
            Long pending,
            Double ritualRate,
            Double practiceRate) {}

    /**
     * Lessons of the cohort learned again ({@link Relearning}): of those that have a theme, the ones whose
     * relearning window is over are judged; {@code relearned} counts the judged ones learned again.
     */
    record RelearningSummary(Long lessonsWithThemes, Long lessonsJudged, Long relearned, Double relearningRate) {}

    /** One review with its verdict and the facts behind it (analysts only: it lists reviews one by one). */
    record ReviewEntry(
            String reviewId,
            String orgUnit,
            java.time.Instant heldAt,
            io.learningloop.contract.events.ReviewKind kind,
            List<String> rootCauseThemes,
            List<String> decisionIds,
            int actionsAssigned,
            int actionsCompleted,
            List<String> lessonIds,
            int lessonsThatChangedADecision,
            ReviewVerdict.Verdict verdict,
            List<String> reasons,
            java.time.LocalDate settlesOn) {}

    record ReviewsReport(
            Cohort cohort,
            long settlingWindowDays,
            ReviewSummary summary,
            Map<String, Proportion> rates,
            // read as it is written out (RitualReviews#report): a JSON array like any list
            Iterable<ReviewEntry> reviews,
            String definition) {}

    record RelearningReport(
            Cohort cohort,
            long windowDays,
            RelearningSummary summary,
            Map<String, Proportion> rates,
            // read as it is written out (RelearnedLessons#report): a JSON array like any list
            Iterable<Relearning.Recurrence> recurrences,
            String definition) {}
}
