package io.learningloop.analytics.statistics;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Collection;
import java.util.List;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * A median (nearest rank, as the answers' percentiles) with its distribution-free 95 % interval: the
 * order statistics x(j) and x(n+1-j) for the largest j with P(Binomial(n, 1/2) < j) <= 2.5 %, so the
 * interval holds the true median with at least 95 % whatever the shape of the days (they are skewed).
 * Below 6 values no such j exists and the interval is null. The values are kept (not shown) for the
 * Mann-Whitney test that compares two years.
 */
public record Median(
        long n,
        Double median,
        Double lower95,
        Double upper95,
        @JsonIgnore List<Double> values) implements Estimate {

    public static Median of(Collection<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        if (n == 0) {
            return new Median(0, null, null, null, sorted);
        }
        Double median = sorted.get((int) Math.ceil(n / 2.0) - 1);
        BinomialDistribution ranks = new BinomialDistribution(null, n, 0.5);
        int j = 0;
        while (j + 1 <= n && ranks.cumulativeProbability(j) <= 0.025) {
            j++; // P(X <= j - 1) <= 2.5 % for the new j
        }
        if (j == 0) {
            return new Median(n, median, null, null, sorted);
        }
        return new Median(n, median, sorted.get(j - 1), sorted.get(n - j), sorted);
    }

    @Override
    public Double value() {
        return median;
    }
}
