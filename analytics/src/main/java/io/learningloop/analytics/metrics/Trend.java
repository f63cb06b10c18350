package io.learningloop.analytics.metrics;

import io.learningloop.analytics.statistics.Estimate;
import io.learningloop.analytics.statistics.Significance;
import io.learningloop.analytics.statistics.Significance.Comparison;
import java.util.List;
import java.util.Objects;

/**
 * One measure followed year by year, and which way is better, so that a reader without Kibana sees at
 * once whether the organisation got better at it, and whether that is more than chance.
 *
 * @param values one per year of the report, {@code null} where the year had nothing to measure (or withheld)
 * @param estimates one per year: the value with its sample and 95 % interval (a rate's numerator and
 *     denominator, a median's or mean's n), {@code null} where there is none; counts have none
 * @param change the first year with an estimate against the last, or {@code null} when there are not two
 *     such years or the measure has no better direction
 */
record Trend(
        String name,
        Unit unit,
        Better better,
        String definition,
        List<Double> values,
        List<Estimate> estimates,
        Change change) {

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

    static final String BETTER = "better";
    static final String WORSE = "worse";
    static final String NO_CLEAR_CHANGE = "no clear change";

    /**
     * The verdict on a trend: {@code better} or {@code worse} only when {@code test} finds the two years
     * differ at the 5 % level ({@code pValue < 0.05}), else {@code no clear change}.
     */
    record Change(int fromYear, int toYear, String verdict, String test, double pValue) {}

    /** A measure with estimates: its values are theirs and its change is tested between the outer years. */
    static Trend estimated(
            String name, Unit unit, Better better, String definition, List<Integer> years, List<Estimate> estimates) {
        List<Double> values = estimates.stream()
                .map(estimate -> estimate == null ? null : estimate.value())
                .toList();
        return new Trend(name, unit, better, definition, values, estimates, change(better, years, estimates));
    }

    /** A count: no sample behind it to test, so no verdict. */
    static Trend counted(String name, String definition, List<Double> counts) {
        return new Trend(
                name,
                Unit.COUNT,
                Better.NEITHER,
                definition,
                counts,
                counts.stream().map(count -> (Estimate) null).toList(),
                null);
    }

    static Change change(Better better, List<Integer> years, List<Estimate> estimates) {
        if (better == Better.NEITHER) {
            return null;
        }
        int first = -1;
        int last = -1;
        for (int i = 0; i < estimates.size(); i++) {
            if (estimates.get(i) != null && estimates.get(i).value() != null) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        if (first < 0 || first == last) {
            return null;
        }
        Estimate from = estimates.get(first);
        Estimate to = estimates.get(last);
        Comparison comparison = Significance.compare(from, to);
        if (comparison == null) {
            return null;
        }
        String verdict = NO_CLEAR_CHANGE;
        if (comparison.significant()) {
            double gain = switch (better) {
                case HIGHER -> to.value() - from.value();
                case LOWER -> from.value() - to.value();
                case CLOSER_TO_ZERO -> Math.abs(from.value()) - Math.abs(to.value());
                case NEITHER -> 0;
            };
            // Significant yet no gain: a score that crossed zero by as much as it moved (CLOSER_TO_ZERO).
            verdict = gain > 0 ? BETTER : gain < 0 ? WORSE : NO_CLEAR_CHANGE;
        }
        return new Change(years.get(first), years.get(last), verdict, comparison.test(), comparison.pValue());
    }

    /** The verdict's word, or null without one. */
    String verdict() {
        return change == null ? null : change.verdict();
    }

    Trend {
        Objects.requireNonNull(values);
        Objects.requireNonNull(estimates);
    }
}
