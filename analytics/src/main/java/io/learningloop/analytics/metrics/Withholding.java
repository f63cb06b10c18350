package io.learningloop.analytics.metrics;

import io.learningloop.analytics.metrics.Reports.Withheld;
import io.learningloop.analytics.statistics.Mean;
import io.learningloop.analytics.statistics.Proportion;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.math3.stat.descriptive.StatisticalSummary;

/**
 * The minimum-group rule for one answer, in one place: a figure computed over fewer than {@code k}
 * distinct people is withheld, that is answered {@code null} and listed with the reason. People are the
 * pseudonymous actors of the very documents the figure is computed from, counted exactly (a set, never an
 * estimate); documents without an actor count no one, so a doubt withholds rather than shows.
 *
 * <p>A figure that shows, shows with its uncertainty: the gate's {@link Gate#rate} and {@link Gate#mean}
 * keep each shown rate's numerator, denominator and Wilson interval, and each mean's n and t interval,
 * for the answer's {@code rates} and {@code means} (a withheld one leaves no trace there either).
 */
final class Withholding {

    private final int minGroupSize;
    private final List<Withheld> withheld = new ArrayList<>();
    private final Map<String, Proportion> rates = new LinkedHashMap<>();
    private final Map<String, Mean> means = new LinkedHashMap<>();

    Withholding(int minGroupSize) {
        this.minGroupSize = minGroupSize;
    }

    /** The fewest distinct people a shown figure describes. */
    int minGroupSize() {
        return minGroupSize;
    }

    /** What a figure shows when withheld: {@code fewer than 5 people}. */
    static String reason(int minGroupSize) {
        return "fewer than " + minGroupSize + " people";
    }

    /**
     * The gate for the figures computed over {@code actors} (one per document, repeats and nulls allowed):
     * open when they are at least {@code k} distinct people; else each of {@code figures} (paths in the
     * answer, {@code safety.blamelessRate}) is recorded as withheld.
     */
    Gate over(Collection<String> actors, String... figures) {
        return overPeople(actors.stream().filter(Objects::nonNull).distinct().count(), figures);
    }

    /** A running count of the distinct people of one figure, for a figure folded document by document. */
    People people() {
        return new People(minGroupSize);
    }

    /** The gate over the people counted so far ({@link People}: exact up to k, which decides it). */
    Gate over(People people, String... figures) {
        return overPeople(people.count(), figures);
    }

    /**
     * Distinct non-null actors, counted exactly but only up to k: past k the answer cannot change, so the
     * set never holds more than k names, whatever the cohort's size.
     */
    static final class People {
        private final int upTo;
        private final Set<String> seen = new HashSet<>();

        People(int upTo) {
            this.upTo = upTo;
        }

        void add(String actor) {
            if (actor != null && seen.size() < upTo) {
                seen.add(actor);
            }
        }

        long count() {
            return seen.size();
        }
    }

    /**
     * The same gate over {@code people} distinct people counted exactly by the caller; a count that stops
     * at {@link #minGroupSize()} (as {@link RankedValues} counts) decides it just as well.
     */
    Gate overPeople(long people, String... figures) {
        boolean shown = people >= minGroupSize;
        if (!shown) {
            for (String figure : figures) {
                withheld.add(new Withheld(figure, reason(minGroupSize)));
            }
        }
        return new Gate(shown);
    }

    /** The rates shown so far with their samples and intervals, by their paths in the answer. */
    Map<String, Proportion> rates() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(rates));
    }

    /** The means shown so far with their samples and intervals, by their paths in the answer. */
    Map<String, Mean> means() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(means));
    }

    /** The figures withheld so far, in the order their gates were asked for. */
    List<Withheld> withheld() {
        return List.copyOf(withheld);
    }

    /** Whether the figures behind one population may show. */
    final class Gate {
        private final boolean shown;

        private Gate(boolean shown) {
            this.shown = shown;
        }

        boolean shown() {
            return shown;
        }

        <T> T value(T figure) {
            return shown ? figure : null;
        }

        /** {@code part / whole} (null when withheld or {@code whole} is 0), kept with its interval as {@code figure}. */
        Double rate(String figure, long part, long whole) {
            if (!shown) {
                return null;
            }
            Proportion proportion = Proportion.of(part, whole);
            if (whole > 0) {
                rates.put(figure, proportion);
            }
            return proportion.rate();
        }

        /** The mean of {@code values} (null when withheld or empty), kept with its interval as {@code figure}. */
        Double mean(String figure, Collection<Double> values) {
            return mean(figure, Mean.of(values));
        }

        /** The same for a mean already summarised from the values one by one ({@link Mean#of(StatisticalSummary)}). */
        Double mean(String figure, Mean mean) {
            if (!shown) {
                return null;
            }
            if (mean.n() > 0) {
                means.put(figure, mean);
            }
            return mean.mean();
        }
    }
}
