package io.learningloop.analytics.metrics;

import java.util.List;

/**
 * One measure followed year by year, and which way is better, so that a reader without Kibana sees at
 * once whether the organisation got better at it.
 *
 * @param values one per year of the report, {@code null} where the year had nothing to measure
 */
record Trend(String name, Unit unit, Better better, String definition, List<Double> values) {

    /** How a value reads: a share shown as a percentage, days, a count, or a plain score. */
    enum Unit {
        SHARE,
        DAYS,
        COUNT,
        SCORE
    }

    enum Better {
        HIGHER,
        LOWER,
        CLOSER_TO_ZERO,
        NEITHER
    }

    /** Smaller differences read as no change: they are rounding, not learning. */
    static final double SAME = 1e-9;

    /** From the first year with a value to the last: {@code better}, {@code worse}, {@code same}, or null. */
    String direction() {
        Double first =
                values.stream().filter(value -> value != null).findFirst().orElse(null);
        Double last = values.stream()
                .filter(value -> value != null)
                .reduce((a, b) -> b)
                .orElse(null);
        if (first == null
                || last == null
                || values.stream().filter(value -> value != null).count() < 2
                || better == Better.NEITHER) {
            return null;
        }
        double gain = switch (better) {
            case HIGHER -> last - first;
            case LOWER -> first - last;
            case CLOSER_TO_ZERO -> Math.abs(first) - Math.abs(last);
            case NEITHER -> 0;
        };
        return Math.abs(gain) < SAME ? "same" : gain > 0 ? "better" : "worse";
    }
}
