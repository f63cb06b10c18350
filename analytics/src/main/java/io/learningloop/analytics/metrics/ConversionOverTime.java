package io.learningloop.analytics.metrics;

import io.learningloop.analytics.statistics.KaplanMeier;
import io.learningloop.analytics.statistics.KaplanMeier.Observation;
import io.learningloop.readmodel.LessonDocument;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The share of a cohort's lessons that changed a decision within 30, 90, 180 and 365 days, by
 * Kaplan-Meier: a lesson that has not changed one yet is censored at its age, so a young cohort is not
 * read as one that failed to convert; it simply says less (fewer lessons followed that long, a wider
 * interval, and none at all beyond its oldest lesson's age).
 */
final class ConversionOverTime {

    static final List<Integer> HORIZONS = List.of(30, 90, 180, 365);

    static final String DEFINITION = "withinDays: the share of the lessons that changed a decision within each"
            + " number of days of being recorded (first behaviour change citing them), estimated with Kaplan-Meier:"
            + " a lesson not converted yet is censored at its age now; followed = lessons observed at least that long,"
            + " events = conversions by then; 95 % interval by Greenwood on the log(-log) scale";

    private ConversionOverTime() {}

    static List<KaplanMeier.Cumulative> withinDays(List<LessonDocument> lessons, Instant now) {
        return withinDays(
                lessons.stream().map(lesson -> observation(lesson, now)).toList());
    }

    static List<KaplanMeier.Cumulative> withinDays(List<Observation> observations) {
        KaplanMeier estimate = new KaplanMeier(observations);
        return HORIZONS.stream().map(estimate::within).toList();
    }

    /** A lesson's case: converted after its days, or censored at its age {@code now}. */
    static Observation observation(LessonDocument lesson, Instant now) {
        return lesson.converted() && lesson.lessonToBehaviorChangeDays() != null
                ? new Observation(Math.max(0, lesson.lessonToBehaviorChangeDays()), true)
                : new Observation(age(lesson, now), false);
    }

    private static double age(LessonDocument lesson, Instant now) {
        return Math.max(0, Duration.between(lesson.recordedAt(), now).toSeconds() / 86_400.0);
    }
}
