package io.learningloop.analytics.metrics;

import java.util.List;
import java.util.Map;

/** The answers of the analytics API: each carries its cohort and the definition it used. */
final class Reports {

    private Reports() {}

    record StageLatency(
            String stage, int count, Double p50Days, Double p90Days, Double p99Days, String definition, String note) {}

    record LatencyReport(Cohort cohort, String percentileMethod, List<StageLatency> stages) {}

    record ConversionReport(
            Cohort cohort,
            long lessonsRecorded,
            long lessonsWithBehaviorChange,
            Double conversionRate,
            String definition) {}

    /** The habits of a learning practice, for the cohort's decisions (and the lessons it recorded). */
    record PracticesReport(
            Cohort cohort,
            CheckInDiscipline checkIns,
            FollowThrough followThrough,
            Safety safety,
            Calibration calibration,
            Spread spread,
            Map<String, String> definitions) {}

    /** Check-ins whose day (and tolerance) passed: {@code due}; planned ones not due yet count in {@code planned} only. */
    record CheckInDiscipline(
            long planned, long due, long heldInTime, long heldLate, long missed, Double inTimeRate, Double heldRate) {}

    record FollowThrough(
            long assigned,
            long completed,
            long completedLate,
            long dropped,
            long open,
            long openOverdue,
            Double completionRate,
            Double inTimeRate) {}

    record Safety(
            long decisions,
            Double uncertaintyStatedRate,
            long outcomesWithReporter,
            Double selfReportedRate,
            long badOutcomes,
            Double badOutcomesSelfReportedRate,
            long reviews,
            Double blamelessRate,
            Double facilitatedRate) {}

    record Calibration(
            long decisionsJudged, Double meanConfidence, Double hitRate, Double overconfidence, Double brierScore) {}

    record Spread(long lessons, Double sharedRate, Double changedElsewhereRate) {}
}
