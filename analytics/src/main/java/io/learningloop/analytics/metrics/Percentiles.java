package io.learningloop.analytics.metrics;

import java.util.Arrays;
import java.util.List;

/**
 * Exact percentiles by the nearest-rank method: the p-th percentile of n sorted values is the value
 * at rank ceil(p/100 * n). It is always one of the observed values, never an interpolation, so an
 * analyst can find the loop behind it. Elasticsearch's percentiles aggregation is approximate
 * (t-digest); the API computes exact ones from the values instead.
 */
final class Percentiles {

    static final String METHOD = "nearest-rank: the smallest observed value such that at least p% of the"
            + " values are at or below it (exact, no interpolation)";

    private final double[] sorted;

    Percentiles(List<Double> values) {
        this.sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    int count() {
        return sorted.length;
    }

    /** @return the percentile, or {@code null} when there are no values */
    Double at(double percent) {
        if (percent <= 0 || percent > 100) {
            throw new IllegalArgumentException("percent must lie in (0, 100]: " + percent);
        }
        if (sorted.length == 0) {
            return null;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    @Override
    public String toString() {
        return Arrays.toString(sorted);
    }
}
