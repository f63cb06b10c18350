package io.learningloop.analytics.statistics;

import java.util.Collection;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.StatisticalSummary;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * A mean of per-case values with its sample standard deviation and 95 % Student-t interval: the means
 * of the answers (mean confidence, overconfidence, Brier score) are averages over a few dozen decisions,
 * where the t quantile, not 1.96, is the honest width. One value has no spread: its interval is null.
 */
public record Mean(long n, Double mean, Double standardDeviation, Double lower95, Double upper95) implements Estimate {

    public static Mean of(Collection<Double> values) {
        SummaryStatistics summary = new SummaryStatistics();
        values.forEach(summary::addValue);
        return of(summary);
    }

    /**
     * The same from a running summary the values were added to one by one, in the same order: a cohort's
     * values need not be held to give their mean (the summary's sums are the same either way).
     */
    public static Mean of(StatisticalSummary summary) {
        long n = summary.getN();
        if (n == 0) {
            return new Mean(0, null, null, null, null);
        }
        if (n == 1) {
            return new Mean(1, summary.getMean(), null, null, null);
        }
        double sd = summary.getStandardDeviation();
        double halfWidth = new TDistribution(n - 1).inverseCumulativeProbability(0.975) * sd / Math.sqrt(n);
        return new Mean(n, summary.getMean(), sd, summary.getMean() - halfWidth, summary.getMean() + halfWidth);
    }

    @Override
    public Double value() {
        return mean;
    }
}
