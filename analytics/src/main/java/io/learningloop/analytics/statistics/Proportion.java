package io.learningloop.analytics.statistics;

/**
 * A rate as a reader can check it: how many of how many, the share, and its 95 % Wilson score interval.
 * Wilson rather than the textbook normal interval because the rates here are often over a handful of
 * reviews or lessons, and near 0 or 1, where the normal interval leaves [0, 1] or collapses to a point
 * (3 of 3 would read "100 % ± 0"); Wilson stays inside [0, 1] and widens honestly on small samples.
 *
 * @param rate {@code numerator / denominator}, null when the denominator is 0 (nothing to divide)
 * @param lower95 the interval's lower end, null with the rate
 * @param upper95 the interval's upper end, null with the rate
 */
public record Proportion(long numerator, long denominator, Double rate, Double lower95, Double upper95)
        implements Estimate {

    /** The two-sided 95 % normal quantile. */
    public static final double Z95 = 1.959963984540054;

    public static Proportion of(long numerator, long denominator) {
        if (numerator < 0 || denominator < 0 || numerator > denominator) {
            throw new IllegalArgumentException(
                    "a proportion needs 0 <= numerator <= denominator, got " + numerator + "/" + denominator);
        }
        if (denominator == 0) {
            return new Proportion(0, 0, null, null, null);
        }
        double n = denominator;
        double p = numerator / n;
        double z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double halfWidth = Z95 / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return new Proportion(
                numerator, denominator, p, Math.max(0, centre - halfWidth), Math.min(1, centre + halfWidth));
    }

    @Override
    public Double value() {
        return rate;
    }

    @Override
    public long n() {
        return denominator;
    }
}
