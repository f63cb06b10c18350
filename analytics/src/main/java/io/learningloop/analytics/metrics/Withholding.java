package io.learningloop.analytics.metrics;

import io.learningloop.analytics.metrics.Reports.Withheld;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The minimum-group rule for one answer, in one place: a figure computed over fewer than {@code k}
 * distinct people is withheld, that is answered {@code null} and listed with the reason. People are the
 * pseudonymous actors of the very documents the figure is computed from, counted exactly (a set, never an
 * estimate); documents without an actor count no one, so a doubt withholds rather than shows.
 */
final class Withholding {

    private final int minGroupSize;
    private final List<Withheld> withheld = new ArrayList<>();

    Withholding(int minGroupSize) {
        this.minGroupSize = minGroupSize;
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
        long people = actors.stream().filter(Objects::nonNull).distinct().count();
        boolean shown = people >= minGroupSize;
        if (!shown) {
            for (String figure : figures) {
                withheld.add(new Withheld(figure, reason(minGroupSize)));
            }
        }
        return new Gate(shown);
    }

    /** The figures withheld so far, in the order their gates were asked for. */
    List<Withheld> withheld() {
        return List.copyOf(withheld);
    }

    /** Whether the figures behind one population may show. */
    record Gate(boolean shown) {
        <T> T value(T figure) {
            return shown ? figure : null;
        }
    }
}
