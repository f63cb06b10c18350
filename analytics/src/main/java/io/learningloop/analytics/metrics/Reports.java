package io.learningloop.analytics.metrics;

import java.util.List;

/** The answers of the analytics API: each carries its cohort and the definition it used. */
final class Reports {

    private Reports() {
    }

    record StageLatency(String stage, int count, Double p50Days, Double p90Days, Double p99Days, String definition,
                        String note) {
    }

    record LatencyReport(Cohort cohort, String percentileMethod, List<StageLatency> stages) {
    }

    record ConversionReport(Cohort cohort, long lessonsRecorded, long lessonsWithBehaviorChange, Double conversionRate,
                            String definition) {
    }
}
