package io.learningloop.analytics.statistics;

import org.apache.commons.math3.distribution.HypergeometricDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.descriptive.StatisticalSummaryValues;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * Whether two estimates of one measure differ by more than chance, two-sided at the 5 % level (the
 * change is called only when p < 0.05). Each kind has its test:
 *
 * <ul>
 *   <li>rates: the pooled two-proportion z-test when every cell of the 2×2 table expects at least 5
 *       cases, else Fisher's exact test (the z-test is not to be trusted on fewer);
 *   <li>medians of days: the Mann-Whitney U test (days are skewed: no normality assumed);
 *   <li>means: Welch's t-test (unequal variances);
 *   <li>Kaplan-Meier shares at a day: the z-test on their difference with Greenwood's variances (a
 *       comparison at that one time, not of the whole curves). With no variance on either side (no
 *       event yet, or all) there is nothing to test.
 * </ul>
 *
 * A comparison needs something on each side (and for Welch two values a side); otherwise there is none.
 */
public final class Significance {

    public static final double ALPHA = 0.05;

    public static final String Z_TEST = "two-proportion z-test";
    public static final String FISHER = "Fisher's exact test";
    public static final String MANN_WHITNEY = "Mann-Whitney U test";
    public static final String WELCH = "Welch's t-test";
    public static final String KAPLAN_MEIER = "z-test on the Kaplan-Meier estimates at that day (Greenwood variances)";

    /** @param difference {@code later - earlier}: its sign says which way the measure moved */
    public record Comparison(String test, double pValue, double difference) {
        public boolean significant() {
            return pValue < ALPHA;
        }
    }

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private Significance() {}

    /** @return null when the two cannot be compared (an empty side, or kinds that differ) */
    public static Comparison compare(Estimate earlier, Estimate later) {
        if (earlier == null || later == null || earlier.value() == null || later.value() == null) {
            return null;
        }
        if (earlier instanceof Proportion a && later instanceof Proportion b) {
            return proportions(a, b);
        }
        if (earlier instanceof Median a && later instanceof Median b) {
            double p = new MannWhitneyUTest()
                    .mannWhitneyUTest(
                            a.values().stream().mapToDouble(Double::doubleValue).toArray(),
                            b.values().stream().mapToDouble(Double::doubleValue).toArray());
            return new Comparison(MANN_WHITNEY, p, b.median() - a.median());
        }
        if (earlier instanceof Mean a && later instanceof Mean b && a.n() >= 2 && b.n() >= 2) {
            double p = new TTest().tTest(summary(a), summary(b));
            return new Comparison(WELCH, Double.isNaN(p) ? 1 : p, b.mean() - a.mean());
        }
        if (earlier instanceof KaplanMeier.Cumulative a && later instanceof KaplanMeier.Cumulative b) {
            double variance = a.variance() + b.variance();
            if (variance <= 0) {
                return null;
            }
            double z = (b.share() - a.share()) / Math.sqrt(variance);
            return new Comparison(
                    KAPLAN_MEIER, 2 * (1 - NORMAL.cumulativeProbability(Math.abs(z))), b.share() - a.share());
        }
        return null;
    }

    static Comparison proportions(Proportion a, Proportion b) {
        long n1 = a.denominator();
        long n2 = b.denominator();
        long successes = a.numerator() + b.numerator();
        long failures = n1 + n2 - successes;
        double total = n1 + n2;
        double smallestExpected = Math.min(Math.min(n1, n2) * successes / total, Math.min(n1, n2) * failures / total);
        double difference = b.rate() - a.rate();
        if (smallestExpected >= 5) {
            double pooled = successes / total;
            double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
            double z = difference / se;
            return new Comparison(Z_TEST, 2 * (1 - NORMAL.cumulativeProbability(Math.abs(z))), difference);
        }
        return new Comparison(FISHER, fisher(a.numerator(), n1, successes, (int) total), difference);
    }

    /** Two-sided: the probability of every table with the same margins no more likely than the one seen. */
    private static double fisher(long seen, long firstSize, long successes, int total) {
        if (successes == 0 || successes == total) {
            return 1; // one outcome only: no difference to see
        }
        HypergeometricDistribution tables =
                new HypergeometricDistribution(null, total, (int) successes, (int) firstSize);
        double observed = tables.probability((int) seen);
        double p = 0;
        for (int k = tables.getSupportLowerBound(); k <= tables.getSupportUpperBound(); k++) {
            double probability = tables.probability(k);
            if (probability <= observed * (1 + 1e-7)) {
                p += probability;
            }
        }
        return Math.min(1, p);
    }

    private static StatisticalSummaryValues summary(Mean mean) {
        double sd = mean.standardDeviation();
        return new StatisticalSummaryValues(mean.mean(), sd * sd, mean.n(), Double.NaN, Double.NaN, Double.NaN);
    }
}
